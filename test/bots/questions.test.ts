// Bots and v2 question injects: a by-the-book IC answers promptly with the scenario's expected answer; a careless
// one answers minutes later, the other way. Played on the v2 fixture, whose newsletter surge depends on the answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from '../../src/scoring/score';
import { ROOT } from '../helpers/cli';
import { drill, eventsOf } from '../helpers/drill';
import { scenarioOf } from '../fixtures/scenarios/variants';

const SCENARIO = scenarioOf(readFileSync(join(ROOT, 'test/fixtures/v2/retention-purge.yaml'), 'utf8'));
const MIN = 60_000;

describe('bots answering questions', () => {
  it('by the book: the IC answers the expected answer within a minute, and the drill is resolved (seeds 1–5)', () => {
    for (const seed of ['1', '2', '3', '4', '5']) {
      const d = drill(SCENARIO, { seed, bots: 'by-the-book' });
      d.session.runSimulated();
      const asked = eventsOf(d.journal.events, 'inject').find((e) => e.data.question)!;
      const answers = eventsOf(d.journal.events, 'question.answer');
      expect(answers.map((a) => [a.data.id, a.data.answer, a.role]), `seed ${seed}`).toEqual([['hold-email', 'yes', 'ic']]);
      // promptly: once asked, or once in command when the question came first
      const claimed = eventsOf(d.journal.events, 'role.claim')[0]!.atMs;
      expect(answers[0]!.atMs - Math.max(asked.atMs, claimed)).toBeLessThanOrEqual(MIN);
      expect(d.session.outcome, `seed ${seed}`).toBe('resolved');
    }
  });

  it('careless: the IC answers minutes later, the other way, and scores lower', () => {
    let answered = 0;
    for (const seed of ['1', '2', '3']) {
      const bad = drill(SCENARIO, { seed, bots: 'sloppy' });
      bad.session.runSimulated();
      const asked = eventsOf(bad.journal.events, 'inject').find((e) => e.data.question)!;
      const answers = eventsOf(bad.journal.events, 'question.answer');
      answered += answers.length;
      for (const a of answers) {
        expect(a.data.answer).toBe('no');
        expect(a.atMs - asked.atMs).toBeGreaterThanOrEqual(3 * MIN);
      }
      const good = drill(SCENARIO, { seed, bots: 'by-the-book' });
      good.session.runSimulated();
      const g = score(SCENARIO, good.journal.headerLine!, good.journal.events).score ?? 0;
      const b = score(SCENARIO, bad.journal.headerLine!, bad.journal.events).score ?? 0;
      expect(g, `seed ${seed}: ${g} vs ${b}`).toBeGreaterThan(b);
    }
    expect(answered).toBeGreaterThan(0);
  });
});
