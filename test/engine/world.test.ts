// The simulated world: metric ramps and noise, alerts with `for` durations and escalation, probes and logs,
// and transitions that require an earlier probe. Driven through a session on simulated time.
import { describe, expect, it } from 'vitest';
import type { CastRequest } from '../../src/engine/cast';
import { ESCALATE_MS } from '../../src/engine/session';
import { TICK_MS } from '../../src/engine/world';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { starterScenario } from '../../src/scenario/starter';
import type { Scenario } from '../../src/scenario/types';
import { at, drill, eventsOf, starter } from '../helpers/drill';

const HUMANS: CastRequest[] = [
  { name: 'alice', role: 'ic' },
  { name: 'bob', role: 'scribe' },
  { name: 'carol', role: 'responder', service: 'web' },
];
// Loaded once: a Scenario is plain data that sessions only read.
const STARTER = starter();
const ERR = 'web.error_rate';
const LAT = 'web.latency_p99';

/** The starter YAML with one literal edit, loaded; the edit must apply and the result must load. */
function edited(from: string, to: string): Scenario {
  const text = starterScenario('demo', 'x');
  expect(text).toContain(from);
  const r = loadScenarioText(text.replace(from, to));
  if (!r.scenario) throw new Error(`edited starter invalid: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

function started(seed = '1', scenario = STARTER) {
  const d = drill(scenario, { humans: HUMANS, bots: 'none', seed });
  d.session.start();
  return d;
}

function run(lines: [string, string, string][], scenario = STARTER, seed = '1') {
  const d = drill(scenario, { humans: HUMANS, bots: 'none', seed });
  d.session.runSimulated(lines.map(([t, actor, text]) => ({ atMs: at(t), actor, text })));
  return { ...d, events: d.journal.events };
}

/** Samples one metric at each given time (times must be on ticks and increasing). */
function sampleAt(seed: string, ref: string, times: number[], scenario = STARTER): number[] {
  const { session } = started(seed, scenario);
  return times.map((t) => {
    session.advanceTo(t);
    return session.world.metrics.value(ref);
  });
}

describe('metrics', () => {
  it('start at baseline with bounded noise while healthy', () => {
    const { session } = started();
    session.advanceTo(at('1:55'));
    const h = session.world.metrics.history(ERR);
    expect(h).toHaveLength(at('1:55') / TICK_MS + 1);
    for (const v of h) expect(Math.abs(v - 0.5)).toBeLessThanOrEqual(0.1);
    for (const v of session.world.metrics.history(LAT)) expect(Math.abs(v - 200)).toBeLessThanOrEqual(20);
    // Noise, not a flat line.
    expect(new Set(h).size).toBeGreaterThan(10);
  });

  it('ramp (not jump) toward the phase effects over the default minute', () => {
    // broken begins at 2:00: error_rate 0.5% → 45%, latency 200ms → x3 = 600ms, both over 60s.
    const times = [at('2:00'), at('2:15'), at('2:30'), at('2:45'), at('3:00'), at('3:30')];
    const err = sampleAt('1', ERR, times);
    const expected = [0.5, 0.5 + 44.5 / 4, 0.5 + 44.5 / 2, 0.5 + (44.5 * 3) / 4, 45, 45];
    err.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(0.1));
    const lat = sampleAt('1', LAT, times);
    [200, 300, 400, 500, 600, 600].forEach((x, i) => expect(Math.abs(lat[i]! - x)).toBeLessThanOrEqual(20));
  });

  it('every sample during the ramp lies between baseline and target, rising', () => {
    const { session } = started();
    session.advanceTo(at('2:55'));
    const ramp = session.world.metrics.history(ERR).slice(-11); // 2:05 … 2:55
    for (const v of ramp) {
      expect(v).toBeGreaterThan(0.5 + 1);
      expect(v).toBeLessThan(45 - 1);
    }
    for (let i = 1; i < ramp.length; i++) expect(ramp[i]!).toBeGreaterThan(ramp[i - 1]!);
  });

  it('ramp back to baseline after the fix, over the next phase ramp', () => {
    const { events, session } = run([['2:30', 'carol', '/run revert-config']]);
    expect(eventsOf(events, 'phase.enter').map((e) => [e.atMs, e.data.phase])).toEqual([
      [0, 'healthy'], [at('2:00'), 'broken'], [at('3:30'), 'recovered'],
    ]);
    // runSimulated went to the end; check the shape with a fresh run stopped at the right times.
    expect(session.world.metrics.value(ERR)).toBeLessThan(1);
    const d = drill(STARTER, { humans: HUMANS, bots: 'none' });
    d.session.start();
    d.session.advanceTo(at('2:30'));
    d.session.dispatch('carol', '/run revert-config');
    const read = (t: string) => {
      d.session.advanceTo(at(t));
      return d.session.world.metrics.value(ERR);
    };
    expect(Math.abs(read('3:30') - 45)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(read('4:00') - 22.75)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(read('4:30') - 0.5)).toBeLessThanOrEqual(0.1);
  });

  it('an effect with its own `over` ramps over that time', () => {
    const s = edited('effects: { web.error_rate: 45%,', 'effects: { web.error_rate: { to: 45%, over: 2m },');
    const [a, b, c] = sampleAt('1', ERR, [at('3:00'), at('4:00'), at('4:30')], s);
    expect(Math.abs(a! - 22.75)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(b! - 45)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(c! - 45)).toBeLessThanOrEqual(0.1);
  });

  it('noise follows the seed: same seed same values, different seed different values', () => {
    const times = Array.from({ length: 40 }, (_, i) => i * TICK_MS * 3);
    const a = sampleAt('7', ERR, times);
    expect(sampleAt('7', ERR, times)).toEqual(a);
    const b = sampleAt('8', ERR, times);
    expect(b).not.toEqual(a);
    expect(b.filter((v, i) => v !== a[i]).length).toBeGreaterThan(30);
    const { session: s1 } = started('7');
    const { session: s2 } = started('7');
    s1.advanceTo(at('5:00'));
    s2.advanceTo(at('5:00'));
    expect(s1.world.metrics.history(LAT)).toEqual(s2.world.metrics.history(LAT));
  });

  it('percent metrics stay within 0..100 and no metric goes negative', () => {
    const s = edited('effects: { web.error_rate: 45%,', 'effects: { web.error_rate: 100%,');
    const { session } = started('3', s);
    session.advanceTo(at('6:00'));
    const h = session.world.metrics.history(ERR);
    expect(Math.max(...h)).toBeLessThanOrEqual(100);
    expect(h.filter((v) => v === 100).length).toBeGreaterThan(10);
    const low = edited('error_rate: { baseline: 0.5%, noise: 0.1% }', 'error_rate: { baseline: 0.05%, noise: 0.1% }');
    const { session: s2 } = started('3', low);
    s2.advanceTo(at('1:55'));
    const h2 = s2.world.metrics.history(ERR);
    expect(Math.min(...h2)).toBe(0);
    expect(h2.every((v) => v >= 0)).toBe(true);
  });
});

describe('alerts', () => {
  // The error rate passes 5% on the 2:10 tick (2:05 is ~4.2%), so with `for 1m` the alert fires on the 3:10 tick.
  it('fire only once the condition has held for the `for` duration', () => {
    const { session, journal } = started();
    session.advanceTo(at('2:10'));
    expect(session.world.metrics.value(ERR)).toBeGreaterThan(5);
    session.advanceTo(at('3:05'));
    expect(eventsOf(journal.events, 'alert.fired')).toEqual([]);
    session.advanceTo(at('3:10'));
    const fired = eventsOf(journal.events, 'alert.fired');
    expect(fired.map((e) => [e.atMs, e.actor, e.role])).toEqual([[at('3:10'), 'monitoring', 'system']]);
    expect(fired[0]!.data).toMatchObject({ alert: 'web-errors', title: 'web-errors', metric: ERR, urgency: 'high' });
    expect(Math.abs(Number(fired[0]!.data.value) - 45)).toBeLessThanOrEqual(0.1);
  });

  it('a longer `for` fires later by exactly the difference', () => {
    const s = edited('web.error_rate > 5% for 1m', 'web.error_rate > 5% for 3m');
    const { events } = run([], s);
    expect(eventsOf(events, 'alert.fired').map((e) => e.atMs)).toEqual([at('5:10')]);
  });

  it('a condition that holds for less than `for` never fires', () => {
    // With `for 3m`, a revert at 2:30 ends the fault (recovered at 3:30, below 5% by about 4:25).
    const s = edited('web.error_rate > 5% for 1m', 'web.error_rate > 5% for 3m');
    const { events } = run([['2:30', 'carol', '/run revert-config']], s);
    expect(eventsOf(events, 'alert.fired')).toEqual([]);
    expect(eventsOf(events, 'alert.notified')).toEqual([]);
  });

  it('page the primary on-call (level 1), then escalate to the backup after 5 minutes without an ack (level 2)', () => {
    const { events, cast } = run([]);
    const backup = cast.find((p) => p.team === 'web-team' && p.onCall === 'backup')!;
    expect(backup.kind).toBe('bot');
    expect(eventsOf(events, 'alert.notified').map((e) => [e.atMs, e.actor, e.data])).toEqual([
      [at('3:10'), 'monitoring', { alert: 'web-errors', user: 'carol', level: 1 }],
      [at('3:10') + ESCALATE_MS, 'monitoring', { alert: 'web-errors', user: backup.name, level: 2, escalated: true }],
    ]);
    expect(ESCALATE_MS).toBe(5 * 60_000);
  });

  it('do not escalate when acked, even just before the 5 minutes', () => {
    const { events, session } = run([['8:09', 'carol', '/ack']]);
    expect(eventsOf(events, 'alert.notified').map((e) => e.data.level)).toEqual([1]);
    expect(session.state.pages.find((a) => a.alert === 'web-errors')).toMatchObject({ ackedBy: 'carol', notified: ['carol'] });
  });

  it('an ack by the backup before escalation also stops it', () => {
    const d = drill(STARTER, { humans: HUMANS, bots: 'none' });
    const backup = d.cast.find((p) => p.onCall === 'backup')!.name;
    d.session.runSimulated([{ atMs: at('4:00'), actor: backup, text: '/ack' }]);
    expect(eventsOf(d.journal.events, 'alert.ack').map((e) => e.data)).toEqual([{ alert: 'web-errors', paged: false }]);
    expect(eventsOf(d.journal.events, 'alert.notified')).toHaveLength(1);
  });

  it('alert.cleared when the metric recovers, on the first tick below the threshold', () => {
    const { events } = run([['3:20', 'carol', '/ack'], ['4:00', 'carol', '/run revert-config']]);
    const cleared = eventsOf(events, 'alert.cleared');
    expect(cleared.map((e) => [e.actor, e.role, e.data])).toEqual([['monitoring', 'system', { alert: 'web-errors' }]]);
    // recovered at 5:00; 45% → 0.5% over 60s passes 5% at about 5:54, so the 5:55 tick clears it.
    expect(cleared[0]!.atMs).toBe(at('5:55'));
    expect(eventsOf(events, 'alert.fired')).toHaveLength(1);
  });

  it('page whoever holds the primary seat of the team, bot or human', () => {
    const d = drill(STARTER, { humans: [{ name: 'alice', role: 'ic' }], bots: 'none' });
    d.session.runSimulated([]);
    const primary = d.cast.find((p) => p.team === 'web-team' && p.onCall === 'primary')!;
    expect(primary.kind).toBe('bot');
    expect(eventsOf(d.journal.events, 'alert.notified')[0]!.data).toEqual({ alert: 'web-errors', user: primary.name, level: 1 });
  });
});

describe('probes', () => {
  it('probe.result text changes with the phase', () => {
    const { events } = run([
      ['1:00', 'carol', '/check web-logs'],
      ['2:40', 'carol', '/check web-logs'],
      ['3:00', 'carol', '/run revert-config'],
      ['4:30', 'carol', '/check web-logs'],
    ]);
    const results = eventsOf(events, 'probe.result');
    expect(results.map((e) => [e.atMs, e.data.probe, e.data.text])).toEqual([
      [at('1:30'), 'web-logs', 'No errors in the last minutes.'],
      [at('3:10'), 'web-logs', 'Every error names the upstream config pushed at T+2m.'],
      [at('5:00'), 'web-logs', 'No errors in the last minutes.'],
    ]);
    // Before the fault there are no log lines at all; during it there are error lines.
    expect(results[0]!.data.logs).toEqual([]);
    expect((results[1]!.data.logs as string[]).length).toBeGreaterThan(0);
  });

  it('probe.result reads the phase at completion time, not at start', () => {
    const { events } = run([['1:45', 'carol', '/check web-logs']]);
    const [start] = eventsOf(events, 'probe.start');
    const [result] = eventsOf(events, 'probe.result');
    expect(start!.atMs).toBe(at('1:45'));
    expect([result!.atMs, result!.data.text]).toEqual([at('2:15'), 'Every error names the upstream config pushed at T+2m.']);
  });

  it('log lines are filled from their placeholders, stamped and ordered, at most 8', () => {
    const { events } = run([['6:00', 'carol', '/check web-logs']]);
    const logs = eventsOf(events, 'probe.result')[0]!.data.logs as string[];
    expect(logs).toHaveLength(8);
    for (const line of logs) {
      expect(line).not.toMatch(/[{}]/);
      expect(line).toMatch(/^\d\d:\d\d ERROR web-(?:[1-9]|1[0-2]) rejected request [0-9a-f]{12}: invalid upstream config$/);
    }
    // The broken phase logs every 10s, starting 5s after it began (at 2:05); the last 8 before 6:30.
    expect(logs.map((l) => l.slice(0, 5))).toEqual(['05:15', '05:25', '05:35', '05:45', '05:55', '06:05', '06:15', '06:25']);
  });

  it('log lines follow the seed: same seed same lines, different seed different lines', () => {
    const logsFor = (seed: string) =>
      eventsOf(run([['6:00', 'carol', '/check web-logs']], STARTER, seed).events, 'probe.result')[0]!.data.logs as string[];
    const a = logsFor('1');
    expect(logsFor('1')).toEqual(a);
    const b = logsFor('2');
    expect(b).not.toEqual(a);
    const ids = (xs: string[]) => xs.map((l) => /request ([0-9a-f]+)/.exec(l)?.[1]);
    expect(ids(b).filter((id, i) => id === ids(a)[i])).toEqual([]);
  });

  it('a log line reads the same whenever it is first read (text is filled on read, in logging order)', () => {
    const often = started('4').session;
    const once = started('4').session;
    const seen: string[] = [];
    for (let t = 0; t <= at('12:00'); t += TICK_MS) {
      often.advanceTo(t);
      const last = often.world.recentLogs('web', 1)[0];
      if (last && seen[seen.length - 1] !== last.text) seen.push(last.text);
    }
    once.advanceTo(at('12:00'));
    const all = once.world.recentLogs('web', 1000);
    expect(all.length).toBeGreaterThan(50);
    expect(all.map((l) => l.text)).toEqual(often.world.recentLogs('web', 1000).map((l) => l.text));
    expect(seen).toEqual(all.map((l) => l.text).slice(-seen.length));
    for (const l of all) expect(l.text).toMatch(/^web-\d+ rejected request [0-9a-f]{12}: invalid upstream config$/);
  });

  it('shows the metrics a probe lists, formatted in their units', () => {
    const s = edited('    logs: true\n    reveals:', '    logs: true\n    shows: [web.error_rate, web.latency_p99]\n    reveals:');
    const { events } = run([['4:00', 'carol', '/check web-logs']], s);
    const metrics = eventsOf(events, 'probe.result')[0]!.data.metrics as { ref: string; value: string }[];
    expect(metrics.map((m) => m.ref)).toEqual([ERR, LAT]);
    expect(metrics[0]!.value).toMatch(/^4[45](\.\d+)?\s?%$/);
    expect(metrics[1]!.value).toMatch(/^(5[89]\d|6[0-2]\d)(\.\d+)?\s?ms$/);
  });
});

describe('transitions that require an earlier probe', () => {
  const gated = () => edited('on: { revert-config: recovered }', 'on: { revert-config: { to: recovered, requires: [web-logs] } }');

  it('the scenario loads with the requirement', () => {
    expect(gated().phases.find((p) => p.id === 'broken')!.on).toEqual([{ action: 'revert-config', to: 'recovered', requires: ['web-logs'] }]);
  });

  it('the action alone does not change the world', () => {
    const { events, session } = run([['2:30', 'carol', '/run revert-config']], gated());
    expect(eventsOf(events, 'action.done').map((e) => [e.atMs, e.data.changed])).toEqual([[at('3:30'), false]]);
    expect(session.world.currentPhase().id).toBe('broken');
    expect(session.world.mitigatedAt).toBeUndefined();
  });

  it('a probe started but not yet completed when the action finishes does not count', () => {
    // revert done at 3:30; web-logs started at 3:15, done at 3:45.
    const { events, session } = run([['2:30', 'carol', '/run revert-config'], ['3:15', 'carol', '/check web-logs']], gated());
    expect(eventsOf(events, 'action.done').map((e) => e.data.changed)).toEqual([false]);
    expect(eventsOf(events, 'probe.result').map((e) => e.atMs)).toEqual([at('3:45')]);
    expect(session.world.currentPhase().id).toBe('broken');
  });

  it('once the required probe completed, the same action moves the world on', () => {
    const { events, session } = run([
      ['2:30', 'carol', '/run revert-config'],
      ['3:15', 'carol', '/check web-logs'],
      ['4:00', 'carol', '/run revert-config'],
    ], gated());
    expect(eventsOf(events, 'action.done').map((e) => [e.atMs, e.data.changed])).toEqual([[at('3:30'), false], [at('5:00'), true]]);
    expect(eventsOf(events, 'phase.enter').map((e) => [e.atMs, e.data.phase])).toEqual([[0, 'healthy'], [at('2:00'), 'broken'], [at('5:00'), 'recovered']]);
    expect(session.world.mitigatedAt).toBe(at('5:00'));
  });

  it('a probe completed before the fault also counts', () => {
    const { session } = run([['0:30', 'carol', '/check web-logs'], ['2:30', 'carol', '/run revert-config']], gated());
    expect(session.world.mitigatedAt).toBe(at('3:30'));
  });
});
