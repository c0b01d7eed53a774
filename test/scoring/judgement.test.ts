// Judgement (format v2): each harmful or red-herring action someone started is named with who ran it, when, who
// asked for it and what it cost; a refused /run is not taken; the time the world spent in worse phases is shown,
// attributed to the move that caused it; a v1 scorecard has no judgement at all.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JUDGEMENT_MAX_POINTS } from '../../src/scoring/judgement';
import { score } from '../../src/scoring/score';
import type { Scenario } from '../../src/scenario/types';
import { ROOT } from '../helpers/cli';
import { at, drill, eventsOf } from '../helpers/drill';
import { play, starterOnce, type Step } from '../helpers/scoring';
import { editText, scenarioOf } from '../fixtures/scenarios/variants';

const FILE = join(ROOT, 'test/fixtures/v2/judged-moves.yaml');
const TEXT = readFileSync(FILE, 'utf8');
const MOVES = scenarioOf(TEXT);
const M = 60_000;

/** Lines of a script: [time, who, what]. The world: broken at 2:00, the alert pages carol at 3:10. */
function steps(...lines: (readonly [string, string, string])[]): Step[] {
  const opening: (readonly [string, string, string])[] = [
    ['3:30', 'carol', '/ack'], ['3:40', 'carol', '/trigger web errors'], ['3:50', 'carol', '/join web'],
    ['4:00', 'alice', '/ic This is alice, I am the Incident Commander'],
  ];
  return [...opening, ...lines].map(([time, actor, text], i) => ({ key: `s${i}`, at: time, actor, text }));
}

const run = (lines: (readonly [string, string, string])[], scenario: Scenario = MOVES) => play(steps(...lines), { scenario, allowErrors: true });

describe('judged actions', () => {
  it('names a harmful action a person ran on their own: when, who, its cost, why, and the phase it led to', () => {
    const p = run([['4:55', 'carol', '/run restart-db']]);
    const start = p.one('action.start', (e) => e.data.action === 'restart-db');
    expect(p.card.judgement?.actions).toEqual([{
      action: 'restart-db', title: 'Restart the database', kind: 'harmful', atMs: at('4:55'), actor: 'carol', actorKind: 'human',
      orderedBy: null, completed: true, led: 'db-down', points: 10,
      why: 'The database was healthy; restarting it under load dropped every connection.', seq: start.seq,
    }]);
    expect(p.card.judgement?.points).toBe(10);
    expect(p.card.deductions).toContainEqual({ what: 'harmful action restart-db, run by carol at T+04:55', points: 10 });
  });

  it('names who asked for a red herring (the IC\'s task), and charges the default weight of 3', () => {
    const p = run([['4:10', 'alice', '/assign @carol run flush-cache in 2m'], ['4:15', 'carol', '/wilco'], ['4:20', 'carol', '/run flush-cache']]);
    expect(p.card.judgement?.actions).toMatchObject([{ action: 'flush-cache', kind: 'red-herring', actor: 'carol', orderedBy: 'alice', points: 3, led: 'cold-cache' }]);
    expect(p.card.judgement?.actions[0]).not.toHaveProperty('why');
  });

  it('costs the weight the scenario gives: the same drill with weight 25 scores exactly 15 lower', () => {
    const lines = [['4:55', 'carol', '/run restart-db']] as const;
    const heavier = scenarioOf(editText(TEXT, ['weight: 10', 'weight: 25']));
    const light = run([...lines]);
    const heavy = run([...lines], heavier);
    expect(heavy.card.judgement?.points).toBe(25);
    expect(light.card.score! - heavy.card.score!).toBe(15);
  });

  it('does not count a /run refused outside the action\'s phases; a weight of 0 is named but costs nothing', () => {
    const p = run([['4:20', 'carol', '/run rebuild-index'], ['4:30', 'carol', '/run restart-db'], ['5:40', 'carol', '/run rebuild-index']]);
    expect(eventsOf(p.events, 'cmd.error', 'carol').map((e) => e.atMs)).toEqual([at('4:20')]);
    expect(p.card.judgement?.actions.map((a) => [a.action, a.atMs, a.points, a.completed, a.led])).toEqual([
      ['restart-db', at('4:30'), 10, true, 'db-down'],
      ['rebuild-index', at('5:40'), 0, true, null],
    ]);
    expect(p.card.deductions.filter((d) => d.what.includes('rebuild-index'))).toEqual([]);
  });

  it('counts an action started but still running when the drill ended, as not completed', () => {
    const p = run([['29:30', 'carol', '/run restart-db']]);
    expect(p.card.outcome).toBe('timed-out');
    expect(p.card.judgement?.actions).toMatchObject([{ action: 'restart-db', atMs: at('29:30'), completed: false, led: null, points: 10 }]);
  });

  it(`charges every run, but at most ${JUDGEMENT_MAX_POINTS} points in all`, () => {
    const p = run([['4:10', 'carol', '/run restart-db'], ['5:20', 'carol', '/run restart-db'], ['6:30', 'carol', '/run restart-db'], ['9:00', 'carol', '/run flush-cache']]);
    expect(p.card.judgement?.actions.map((a) => [a.action, a.points])).toEqual([['restart-db', 10], ['restart-db', 10], ['restart-db', 10], ['flush-cache', 0]]);
    expect(p.card.judgement?.points).toBe(JUDGEMENT_MAX_POINTS);
    expect(p.card.deductions.filter((d) => d.what.startsWith('harmful action'))).toHaveLength(3);
  });
});

describe('time in worse phases', () => {
  it('follows a judged move\'s consequences until the world is back where it was, and shows a phase marked worse on its own', () => {
    // restart-db done at 5:55: db-down for 3m, db-recovering for 2m, then back in broken (the phase it left);
    // broken's 15-minute timer, restarted at 10:55, melts the site down at 25:55 until the drill ends at 30:00.
    const p = run([['4:55', 'carol', '/run restart-db']]);
    expect(p.card.judgement?.worsePhases).toEqual([
      { phase: 'db-down', fromMs: at('5:55'), toMs: at('8:55'), ms: 3 * M, action: 'restart-db', actor: 'carol' },
      { phase: 'db-recovering', fromMs: at('8:55'), toMs: at('10:55'), ms: 2 * M, action: 'restart-db', actor: 'carol' },
      { phase: 'meltdown', fromMs: at('25:55'), toMs: at('30:00'), ms: at('4:05'), action: null, actor: null },
    ]);
    expect(p.card.judgement?.worseMs).toBe(at('9:05'));
  });

  it('ends a consequence when someone\'s action moves the world on (here to the fix)', () => {
    const p = run([['4:10', 'carol', '/run restart-db'], ['8:30', 'carol', '/run revert-config']]);
    expect(p.card.judgement?.worsePhases.map((s) => [s.phase, s.fromMs, s.toMs])).toEqual([
      ['db-down', at('5:10'), at('8:10')], ['db-recovering', at('8:10'), at('9:30')],
    ]);
    expect(p.card.judgement?.worseMs).toBe(at('4:20'));
  });

  it('is empty for a drill that fixed it in time without a wrong move', () => {
    const p = run([['4:10', 'alice', '/assign @carol run revert-config in 3m'], ['4:15', 'carol', '/wilco'], ['4:20', 'carol', '/run revert-config']]);
    expect(p.card.judgement).toEqual({ actions: [], points: 0, worsePhases: [], worseMs: 0 });
  });
});

describe('who ran it', () => {
  it('tells a bot\'s wrong move from a person\'s, in the same drill', () => {
    // alice (IC, a person) flushes the cache herself; a careless responder bot freelances the harmful restart.
    const d = drill(MOVES, { humans: [{ name: 'alice', role: 'ic' }], bots: 'sloppy', seed: '1' });
    d.session.runSimulated([{ atMs: at('4:30'), actor: 'alice', text: '/run flush-cache' }]);
    const card = score(MOVES, d.journal.headerLine!, d.journal.events);
    const bots = new Set(d.journal.headerLine!.participants.filter((p) => p.kind === 'bot').map((p) => p.name));
    const byKind = (k: string) => card.judgement!.actions.filter((a) => a.actorKind === k);
    expect(byKind('human').map((a) => [a.action, a.actor])).toEqual([['flush-cache', 'alice']]);
    expect(byKind('bot').length).toBeGreaterThan(0);
    for (const a of byKind('bot')) expect(bots.has(a.actor), a.actor).toBe(true);
  });
});

describe('a v1 scenario', () => {
  it('has no judgement key and pays nothing for a red herring', () => {
    const starter = starterOnce();
    const herring = starter.actions.find((a) => a.redHerring)!;
    const p = play(steps(['4:30', 'carol', `/run ${herring.id}`]), { scenario: starter, allowErrors: true });
    expect(eventsOf(p.events, 'action.start').map((e) => e.data.action)).toEqual([herring.id]);
    expect(p.card).not.toHaveProperty('judgement');
    expect(JSON.stringify(p.card)).not.toContain('judgement');
    expect(p.card.deductions.some((d) => d.what.includes(herring.id))).toBe(false);
  });
});
