// Response-time metrics, computed by hand from the scripted times of the clean incident.
import { describe, expect, it } from 'vitest';
import { indexJournal, PARAMS } from '../../src/scoring/journal-index';
import { applicableMetrics, METRIC_WEIGHTS, metricCredit } from '../../src/scoring/metrics';
import type { ScoringContext } from '../../src/scoring/rule';
import { METRIC_POINTS } from '../../src/scoring/score';
import { METRIC_KEYS, type MetricKey } from '../../src/scoring/types';
import { at } from '../helpers/drill';
import {
  ALERT_AT, CLEAN, ERIN_LIAISON, HUMANS, LIAISON_LINES, MITIGATED_AT, T, VARIANTS, play, script, starterVariant, yamlReplace, type Played,
} from '../helpers/scoring';

const MIN = 60_000;
const ctxOf = (p: Played): ScoringContext => ({ scenario: p.scenario, header: p.header, ix: indexJournal(p.header, p.events) });

const clean = play();
const noCommand = play(script({}, CLEAN.slice(0, 3)));
const liaison = play(script({ add: LIAISON_LINES }), { scenario: VARIANTS.liaison(), humans: [...HUMANS, ERIN_LIAISON] });

/** The starter's expects block: targets for acknowledge, command, assemble, mitigate, resolve; statusEvery 10m. */
const STARTER_EXPECTS = '  targets: { acknowledge: 5m, command: 3m, assemble: 10m, mitigate: 20m, resolve: 28m }\n  statusEvery: 10m         # the longest gap between IC status updates\n';

describe('the clean incident, by hand', () => {
  it('has the script times the metrics below are computed from', () => {
    expect(clean.one('alert.fired').atMs).toBe(ALERT_AT);
    expect(clean.one('phase.enter', (e) => e.data.mitigated === true).atMs).toBe(MITIGATED_AT);
    expect(T).toMatchObject({ ack: at('3:30'), trigger: at('3:40'), join: at('3:50'), ic: at('4:00'), appoint: at('4:10'), sev: at('4:20'), status1: at('4:30'), status2: at('7:50'), resolve: at('8:00') });
  });

  it('every metric: ms from the script, targets from the starter (or the defaults), all met', () => {
    expect(clean.card.metrics).toEqual({
      // ack 3:30 − alert 3:10; starter target acknowledge: 5m
      timeToAcknowledge: { ms: 20_000, targetMs: 5 * MIN, met: true },
      // trigger 3:40 − alert 3:10; no target in the starter: default 5m
      timeToTrigger: { ms: 30_000, targetMs: 5 * MIN, met: true },
      // command 4:00 − trigger 3:40; starter target command: 3m
      timeToCommand: { ms: 20_000, targetMs: 3 * MIN, met: true },
      // last of (scribe appointed 4:10, carol joined 3:50, command 4:00) − trigger 3:40; starter assemble: 10m
      timeToAssemble: { ms: 30_000, targetMs: 10 * MIN, met: true },
      // SEV-2 at 4:20 − command 4:00; default 5m
      timeToSeverity: { ms: 20_000, targetMs: 5 * MIN, met: true },
      // first status 4:30 − command 4:00; default is statusEvery (10m)
      timeToFirstStatus: { ms: 30_000, targetMs: 10 * MIN, met: true },
      // gaps from command to resolution: 4:00→4:30, 4:30→7:50, 7:50→8:00; the longest is 3:20
      statusUpdateMaxGap: { ms: 200_000, targetMs: 10 * MIN, met: true },
      // mitigated 7:30 (revert at 6:30 + 1m) − alert 3:10; starter mitigate: 20m
      timeToMitigate: { ms: 260_000, targetMs: 20 * MIN, met: true },
      // resolved 8:00 − alert 3:10; starter resolve: 28m
      timeToResolve: { ms: 290_000, targetMs: 28 * MIN, met: true },
      // no customer liaison, nothing posted
      timeToFirstExternal: null,
      externalUpdateMaxGap: null,
    });
  });

  it('the scorecard has exactly the metric keys', () => {
    expect(Object.keys(clean.card.metrics).sort()).toEqual([...METRIC_KEYS].sort());
  });
});

describe('null when the thing never happened', () => {
  it('nobody took command: every metric after command is null; ack and trigger still measured', () => {
    const m = noCommand.card.metrics;
    expect(m.timeToAcknowledge).toEqual({ ms: 20_000, targetMs: 5 * MIN, met: true });
    expect(m.timeToTrigger).toEqual({ ms: 30_000, targetMs: 5 * MIN, met: true });
    for (const k of ['timeToCommand', 'timeToAssemble', 'timeToSeverity', 'timeToFirstStatus', 'statusUpdateMaxGap', 'timeToMitigate', 'timeToResolve'] as const) {
      expect(m[k], k).toBeNull();
    }
  });

  it('no ack, no severity, no status update', () => {
    const p = play(script({ drop: ['ack', 'sev', 'noteSev', 'status1', 'noteStatus1', 'status2', 'noteStatus2'] }));
    expect(p.card.metrics.timeToAcknowledge).toBeNull();
    expect(p.card.metrics.timeToSeverity).toBeNull();
    expect(p.card.metrics.timeToFirstStatus).toBeNull();
    // With command taken, the gap is still measured: the whole 4:00→8:00 stretch without an update.
    expect(p.card.metrics.statusUpdateMaxGap).toEqual({ ms: 4 * MIN, targetMs: 10 * MIN, met: true });
    // Nobody acked, so only the scribe (4:10), command (4:00) and the trigger count for assembling.
    expect(p.card.metrics.timeToAssemble).toEqual({ ms: 30_000, targetMs: 10 * MIN, met: true });
  });

  it('never triggered: no time to trigger or assemble; command measured from the alert', () => {
    const p = play(script({ drop: ['trigger'] }));
    expect(p.card.metrics.timeToTrigger).toBeNull();
    expect(p.card.metrics.timeToAssemble).toBeNull();
    expect(p.card.metrics.timeToCommand).toEqual({ ms: T.ic! - ALERT_AT, targetMs: 3 * MIN, met: true });
  });

  it('assembling waits for the scribe to be named: never named → null', () => {
    expect(play(script({ drop: ['appoint'] })).card.metrics.timeToAssemble).toBeNull();
  });

  it('never mitigated or resolved: both null, and the drill times out', () => {
    const p = play(script({ drop: ['run', 'report2', 'noteMitigation', 'status2', 'noteStatus2', 'resolve', 'pm', 'end'] }));
    expect(p.card.outcome).toBe('timed-out');
    expect(p.card.metrics.timeToMitigate).toBeNull();
    expect(p.card.metrics.timeToResolve).toBeNull();
    // Open until the hard stop at 30:00: the last update at 4:30 leaves a 25:30 gap.
    expect(p.card.metrics.statusUpdateMaxGap).toEqual({ ms: p.scenario.durationMs - T.status1!, targetMs: 10 * MIN, met: false });
  });
});

describe('targets', () => {
  it('defaults when the scenario gives none (process parameters; mitigate/resolve at 60%/85% of the duration)', () => {
    const scenario = starterVariant(yamlReplace(STARTER_EXPECTS, ''));
    expect(scenario.expects.targets).toEqual({});
    const p = play(CLEAN, { scenario });
    const targets = Object.fromEntries(Object.entries(p.card.metrics).map(([k, r]) => [k, r?.targetMs ?? null]));
    expect(targets).toEqual({
      timeToAcknowledge: PARAMS.ESCALATION, timeToTrigger: 5 * MIN, timeToCommand: PARAMS.T_IC, timeToAssemble: 10 * MIN,
      timeToSeverity: 5 * MIN, timeToFirstStatus: PARAMS.STATUS_MAX_GAP, statusUpdateMaxGap: PARAMS.STATUS_MAX_GAP,
      timeToMitigate: 0.6 * 30 * MIN, timeToResolve: 0.85 * 30 * MIN, timeToFirstExternal: null, externalUpdateMaxGap: null,
    });
    // The timings themselves do not depend on the targets.
    for (const k of METRIC_KEYS) expect(p.card.metrics[k]?.ms, k).toBe(clean.card.metrics[k]?.ms);
  });

  it('every target key, statusEvery and externalEvery from expects; met is ms <= target', () => {
    const scenario = starterVariant((y) => yamlReplace(STARTER_EXPECTS,
      '  targets: { acknowledge: 20s, trigger: 29s, command: 10s, assemble: 1m, severity: 20s, firstStatus: 29s, mitigate: 4m, resolve: 5m, firstExternal: 40s }\n'
      + '  statusEvery: 3m\n  externalEvery: 2m\n')(yamlReplace('roles: [ic, scribe] ', 'roles: [ic, scribe, customer-liaison] ')(y)));
    const p = play(script({ add: LIAISON_LINES }), { scenario, humans: [...HUMANS, ERIN_LIAISON] });
    expect(p.card.metrics).toEqual({
      timeToAcknowledge: { ms: 20_000, targetMs: 20_000, met: true },
      timeToTrigger: { ms: 30_000, targetMs: 29_000, met: false },
      timeToCommand: { ms: 20_000, targetMs: 10_000, met: false },
      // erin (the liaison) must be appointed too: 4:12 − 3:40
      timeToAssemble: { ms: 32_000, targetMs: 60_000, met: true },
      timeToSeverity: { ms: 20_000, targetMs: 20_000, met: true },
      timeToFirstStatus: { ms: 30_000, targetMs: 29_000, met: false },
      statusUpdateMaxGap: { ms: 200_000, targetMs: 3 * MIN, met: false },
      timeToMitigate: { ms: 260_000, targetMs: 4 * MIN, met: false },
      timeToResolve: { ms: 290_000, targetMs: 5 * MIN, met: true },
      // posted 4:50 − command 4:00
      timeToFirstExternal: { ms: 50_000, targetMs: 40_000, met: false },
      // from the one post at 4:50 to resolution at 8:00
      externalUpdateMaxGap: { ms: 190_000, targetMs: 2 * MIN, met: false },
    });
  });
});

describe('metricCredit', () => {
  it('met → 1, linear down to 0 at twice the target, 0 beyond, null → 0', () => {
    expect(metricCredit({ ms: 20_000, targetMs: 60_000, met: true })).toBe(1);
    expect(metricCredit({ ms: 60_000, targetMs: 60_000, met: true })).toBe(1);
    expect(metricCredit({ ms: 75_000, targetMs: 60_000, met: false })).toBeCloseTo(0.75);
    expect(metricCredit({ ms: 90_000, targetMs: 60_000, met: false })).toBeCloseTo(0.5);
    expect(metricCredit({ ms: 120_000, targetMs: 60_000, met: false })).toBe(0);
    expect(metricCredit({ ms: 600_000, targetMs: 60_000, met: false })).toBe(0);
    expect(metricCredit(null)).toBe(0);
  });

  it('a zero target does not divide by zero', () => {
    expect(metricCredit({ ms: 0, targetMs: 0, met: true })).toBe(1);
    expect(metricCredit({ ms: 5, targetMs: 0, met: false })).toBe(0);
  });

  it('a late metric costs its share of the 40 metric points in the deductions', () => {
    // Acknowledged 20s after the alert against a 15s target: 5s over, a third of the way to twice the target.
    const scenario = starterVariant(yamlReplace('acknowledge: 5m', 'acknowledge: 15s'));
    const p = play(CLEAN, { scenario });
    const r = p.card.metrics.timeToAcknowledge!;
    expect(r).toEqual({ ms: 20_000, targetMs: 15_000, met: false });
    const credit = metricCredit(r);
    expect(credit).toBeCloseTo(1 - 5 / 15);
    const weight = applicableMetrics(ctxOf(p)).reduce((n, k) => n + METRIC_WEIGHTS[k], 0);
    const lost = (METRIC_POINTS * METRIC_WEIGHTS.timeToAcknowledge / weight) * (1 - credit);
    expect(p.card.deductions).toHaveLength(1);
    expect(p.card.deductions[0]!.what).toMatch(/^timeToAcknowledge: /);
    expect(p.card.deductions[0]!.points).toBeCloseTo(lost, 1);
    expect(p.card.score).toBe(Math.round(100 - lost));
  });

  it('a metric that never happened costs all its points', () => {
    const p = play(script({ drop: ['resolve', 'pm', 'end'] }), { allowErrors: true });
    const d = p.card.deductions.find((x) => x.what.startsWith('timeToResolve'));
    expect(d?.what).toBe('timeToResolve: never happened');
    const weight = applicableMetrics(ctxOf(p)).reduce((n, k) => n + METRIC_WEIGHTS[k], 0);
    expect(d?.points).toBeCloseTo(METRIC_POINTS * METRIC_WEIGHTS.timeToResolve / weight, 1);
  });

  it('a time a broken rule already judged is charged once, under the rule', () => {
    // No scribe named: RD-05 is broken and the team never assembled; only RD-05 costs points.
    const p = play(script({ drop: ['appoint'] }), { allowErrors: true });
    expect(p.card.metrics.timeToAssemble).toBeNull();
    expect(p.rule('RD-05').status).toBe('violated');
    expect(p.card.deductions.find((x) => x.what.startsWith('timeToAssemble'))).toBeUndefined();
  });
});

describe('external metrics only with a customer liaison', () => {
  const external: MetricKey[] = ['timeToFirstExternal', 'externalUpdateMaxGap'];

  it('without a liaison seat they are not applicable and cost nothing', () => {
    expect(applicableMetrics(ctxOf(clean))).toEqual(METRIC_KEYS.filter((k) => !external.includes(k)));
    expect(clean.card.deductions.filter((d) => external.some((k) => d.what.startsWith(k)))).toEqual([]);
  });

  it('with one, they apply and are measured from command and between posts', () => {
    expect(applicableMetrics(ctxOf(liaison))).toEqual([...METRIC_KEYS]);
    expect(liaison.card.metrics.timeToFirstExternal).toEqual({ ms: 50_000, targetMs: PARAMS.EXTERNAL_FIRST, met: true });
    expect(liaison.card.metrics.externalUpdateMaxGap).toEqual({ ms: at('8:00') - at('4:50'), targetMs: PARAMS.EXTERNAL_MAX_GAP, met: true });
    expect(liaison.card.score).toBe(100);
  });

  it('with one who never posts, both are null and deducted', () => {
    const p = play(script({ add: LIAISON_LINES.slice(0, 1), set: { resolve: { at: '10:00' }, pm: { at: '10:05' }, end: { at: '10:10' } } }), { scenario: VARIANTS.liaison(), humans: [...HUMANS, ERIN_LIAISON] });
    expect(p.card.metrics.timeToFirstExternal).toBeNull();
    expect(p.card.metrics.externalUpdateMaxGap).toBeNull();
    // RD-34 charges the missing posts; the two metrics show as never, without taking the points twice.
    expect(p.card.deductions.map((d) => d.what.split(':')[0])).not.toContain('timeToFirstExternal');
    expect(p.card.deductions.some((d) => d.what.startsWith('RD-34'))).toBe(true);
  });
});
