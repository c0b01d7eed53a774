// Wrong moves and the bots: by-the-book bots never start an action the scenario marks harmful or a red herring;
// careless (sloppy) responders freelance one, a v2 harmful action included, and the scorecard charges it to the bot.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWrongMove } from '../../src/scenario/judgement';
import type { Scenario } from '../../src/scenario/types';
import { score } from '../../src/scoring/score';
import { ROOT } from '../helpers/cli';
import { drill, eventsOf, shipped } from '../helpers/drill';

const SCENARIOS: readonly [string, Scenario][] = [
  ['judged-moves', shipped(join(ROOT, 'test/fixtures/v2/judged-moves.yaml'))],
  ['photo-purge', shipped(join(ROOT, 'docs/examples/photo-purge.yaml'))],
];
const SEEDS = ['1', '2', '3', '4', '5'];

function botRun(scenario: Scenario, seed: string, bots: 'by-the-book' | 'sloppy') {
  const d = drill(scenario, { seed, bots });
  d.session.runSimulated();
  const wrong = eventsOf(d.journal.events, 'action.start').filter((e) => isWrongMove(scenario.actions.find((a) => a.id === e.data.action)!));
  return { d, wrong, card: score(scenario, d.journal.headerLine!, d.journal.events) };
}

describe.each(SCENARIOS)('%s', (_, scenario) => {
  it('by-the-book bots take no harmful or red-herring action (seeds 1–5)', () => {
    for (const seed of SEEDS) {
      const { wrong, card, d } = botRun(scenario, seed, 'by-the-book');
      expect(d.session.outcome, `seed ${seed}`).toBe('resolved');
      expect(wrong, `seed ${seed}`).toEqual([]);
      expect(card.judgement?.actions, `seed ${seed}`).toEqual([]);
    }
  });

  it('careless bots act on one, and the scorecard names the bot and charges it', () => {
    const runs = SEEDS.map((seed) => botRun(scenario, seed, 'sloppy'));
    const taken = runs.filter((r) => r.wrong.length > 0);
    expect(taken.length).toBeGreaterThan(0);
    for (const { wrong, card } of taken) {
      expect(card.judgement!.actions.map((a) => [a.action, a.actor, a.actorKind])).toEqual(wrong.map((e) => [e.data.action, e.actor, 'bot']));
      expect(card.judgement!.points).toBeGreaterThan(0);
    }
  });
});

it('a careless responder\'s wrong move can be an action marked harmful (not only a red herring)', () => {
  const [, scenario] = SCENARIOS[0]!;
  const runs = SEEDS.map((seed) => botRun(scenario, seed, 'sloppy'));
  expect(runs.flatMap((r) => r.card.judgement!.actions).some((a) => a.kind === 'harmful')).toBe(true);
});
