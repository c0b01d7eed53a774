// Hand-built scorecards shaped like src/scoring/types.ts, for tests of everything that reads a scorecard.
import type { Judgement, MetricKey, MetricResult, RuleResult, Scorecard } from '../../src/scoring/types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const M = 60_000;

/** A metric that happened: met when within the target. */
export function metric(ms: number, targetMs: number): MetricResult {
  return { ms, targetMs, met: ms <= targetMs };
}

/** A rule result with sensible defaults (passed, no violations). */
export function rule(partial: Partial<RuleResult> & Pick<RuleResult, 'id' | 'title' | 'role'>): RuleResult {
  const severity = partial.severity ?? 'medium';
  return {
    severity, weight: { high: 3, medium: 2, low: 1 }[severity], source: 'training/incident_commander.md',
    status: 'passed', penalty: 0, violations: [], ...partial,
  };
}

/**
 * A realistic drill of checkout-db-wal-disk-full: alice (human) held IC, bob (human) was Scribe, carol
 * (human) a responder who did a remediation without an assignment; the Deputy and Customer Liaison
 * were bots. Mitigated late, resolved; score 78, grade C. Overrides replace top-level keys.
 */
export function scorecardFixture(overrides: Partial<Mutable<Scorecard>> = {}): Scorecard {
  const metrics: Record<MetricKey, MetricResult | null> = {
    timeToAcknowledge: metric(2 * M + 10_000, 5 * M),
    timeToTrigger: metric(3 * M, 5 * M),
    timeToCommand: metric(1 * M + 30_000, 5 * M),
    timeToAssemble: metric(6 * M, 10 * M),
    timeToSeverity: metric(45_000, 5 * M),
    timeToFirstStatus: metric(4 * M, 10 * M),
    statusUpdateMaxGap: metric(12 * M + 20_000, 10 * M),
    timeToMitigate: metric(31 * M + 20_000, 25 * M),
    timeToResolve: metric(38 * M, 40 * M),
    timeToFirstExternal: metric(8 * M, 10 * M),
    externalUpdateMaxGap: null,
  };
  const card: Scorecard = {
    scenario: { id: 'checkout-db-wal-disk-full', title: 'Checkout slows down and fails at peak hour', hash: 'a3f1c09e77b2d4e58a90f6b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1' },
    seed: '5',
    version: '0.1.0',
    outcome: 'resolved',
    score: 78,
    grade: 'C',
    metrics,
    rules: [
      rule({ id: 'RD-01', title: 'Take command early and announce it by name', role: 'ic', severity: 'high' }),
      rule({
        id: 'RD-10', title: 'Every task has a time box', role: 'ic', severity: 'high', status: 'violated', penalty: 0.5,
        violations: [{ atMs: 9 * M, actor: 'alice', evidence: { seq: 112, type: 'task.assign', note: 'T2 "look at the replica" was assigned without a time box' } }],
      }),
      rule({ id: 'RD-18', title: 'Poll for strong objections before a major action', role: 'ic', severity: 'high' }),
      rule({ id: 'RD-30', title: 'The Scribe logs every decision, assignment and status update', role: 'scribe', status: 'violated', penalty: 0.2,
        violations: [{ atMs: 14 * M, actor: 'bob', evidence: { seq: 160, type: 'decision', note: 'the decision to fail over was not logged within 2 minutes' } }] }),
      rule({ id: 'RD-31', title: 'Follow-ups are recorded as TODOs', role: 'scribe', severity: 'low' }),
      rule({
        id: 'RD-15', title: 'No freelancing: act only on an assignment', role: 'responder', severity: 'high', status: 'violated', penalty: 1,
        violations: [{ atMs: 12 * M + 5_000, actor: 'carol', evidence: { seq: 140, type: 'action.start', note: 'carol ran restart-db with no task assigned' } }],
      }),
      rule({ id: 'RD-33', title: 'External posts need IC approval of that exact draft', role: 'customer-liaison', severity: 'high' }),
      rule({ id: 'RD-37', title: 'The Internal Liaison pages only on IC instruction', role: 'internal-liaison', status: 'not-applicable', reason: 'no Internal Liaison in this drill' }),
    ],
    participants: [
      { name: 'alice', roles: ['ic'], kind: 'human', score: 85, grade: 'B', violations: [{ rule: 'RD-10', atMs: 9 * M, note: 'T2 was assigned without a time box' }], strengths: ['took command 1:30 after the trigger', 'polled before the failover'] },
      { name: 'bob', roles: ['scribe'], kind: 'human', score: 90, grade: 'A', violations: [{ rule: 'RD-30', atMs: 14 * M, note: 'the failover decision was not logged' }], strengths: ['recorded 3 follow-ups as TODOs'] },
      { name: 'carol', roles: ['responder'], kind: 'human', score: 70, grade: 'C', violations: [{ rule: 'RD-15', atMs: 12 * M + 5_000, note: 'ran restart-db without an assignment' }], strengths: ['found the full WAL volume'] },
      { name: 'Dana Ortiz', roles: ['customer-liaison'], kind: 'bot', score: 100, grade: 'A', violations: [], strengths: [] },
      { name: 'Eli Park', roles: ['deputy'], kind: 'bot', score: 100, grade: 'A', violations: [], strengths: ['called out elapsed time every 10 minutes'] },
    ],
    scribe: {
      coverage: 0.8, noted: 8, total: 10,
      missed: [
        { atMs: 14 * M, actor: 'alice', role: 'ic', kind: 'decision', text: 'Fail over to db-2' },
        { atMs: 20 * M, actor: 'alice', role: 'ic', kind: 'status.update', text: 'SEV-2, failing over, next update in 10m' },
      ],
    },
    timeline: [
      { atMs: 0, actor: 'world', role: 'system', kind: 'phase.enter', text: 'phase steady' },
      { atMs: 3 * M, actor: 'world', role: 'system', kind: 'phase.enter', text: 'phase disk-filling' },
      { atMs: 4 * M, actor: 'checkout-5xx', role: 'system', kind: 'alert.fired', text: 'checkout-api 5xx rate above 5% paged payments' },
      { atMs: 6 * M + 10_000, actor: 'carol', role: 'responder', kind: 'alert.ack', text: 'carol acknowledged checkout-5xx' },
      { atMs: 7 * M, actor: 'carol', role: 'responder', kind: 'ic.page', text: 'carol triggered the response: checkout is failing' },
      { atMs: 8 * M + 30_000, actor: 'alice', role: 'ic', kind: 'role.claim', text: 'alice: I am the Incident Commander' },
      { atMs: 9 * M + 15_000, actor: 'alice', role: 'ic', kind: 'sev.set', text: 'severity SEV-2' },
      { atMs: 12 * M + 5_000, actor: 'carol', role: 'responder', kind: 'action.start', text: 'restart-db: Restart postgres on db-1' },
      { atMs: 13 * M, actor: 'world', role: 'system', kind: 'phase.enter', text: 'phase outage' },
      { atMs: 14 * M, actor: 'alice', role: 'ic', kind: 'decision', text: 'Fail over to db-2 | promote the replica' },
      { atMs: 35 * M + 20_000, actor: 'world', role: 'system', kind: 'phase.enter', text: 'phase failed-over' },
      { atMs: 42 * M, actor: 'alice', role: 'ic', kind: 'incident.resolve', text: 'resolved at SEV-2' },
    ],
    deductions: [
      { what: 'Time to mitigate 31:20 missed the 25:00 target', points: 8 },
      { what: 'RD-15 No freelancing (carol ran restart-db)', points: 6 },
      { what: 'RD-10 Every task has a time box', points: 5 },
      { what: 'Status update gap 12:20 over 10:00', points: 3 },
    ],
    drill: {
      durationMs: 45 * M,
      endedAtMs: 42 * M + 30_000,
      metricsNotApplicable: [],
      severityMinutes: { 'SEV-2': 32.8, 'SEV-3': 0 },
      rootCause: 'The backup bucket keys were rotated, but wal-g still used the old key. Archiving failed for two days.',
      postmortemOwner: 'alice',
      todos: ['TODO rebuild db-1 as a replica', 'TODO alert on failing WAL archiving'],
    },
  };
  return { ...card, ...overrides };
}

/** A perfect drill: every metric met, every rule kept, no deductions. */
export function perfectFixture(overrides: Partial<Mutable<Scorecard>> = {}): Scorecard {
  const base = scorecardFixture();
  const metrics = Object.fromEntries(Object.entries(base.metrics).map(([k, m]) => [k, m ? metric(Math.min(m.ms, m.targetMs), m.targetMs) : null])) as Record<MetricKey, MetricResult | null>;
  return {
    ...base, score: 100, grade: 'A', metrics, deductions: [],
    rules: base.rules.map((r) => ({ ...r, status: r.status === 'violated' ? 'passed' : r.status, penalty: 0, violations: [] })),
    participants: base.participants.map((p) => ({ ...p, violations: [], score: 100 })),
    scribe: { coverage: 1, noted: 10, total: 10, missed: [] },
    ...overrides,
  };
}

/**
 * A v2 drill's judgement, matching the fixture's story: carol restarted the database on her own at 12:05 (harmful,
 * 10 points) and the outage it caused lasted 13:00–18:00; a deputy bot flushed a cache at alice's request at 20:00
 * (a red herring, 3 points) that was still running at the end; the world sat in a phase marked worse 30:00–35:20.
 */
export function judgementFixture(): Judgement {
  return {
    actions: [
      { action: 'restart-db', title: 'Restart postgres on db-1', kind: 'harmful', atMs: 12 * M + 5_000, actor: 'carol', actorKind: 'human', orderedBy: null,
        completed: true, led: 'outage', points: 10, why: 'The database was healthy; a restart under load dropped every connection.', seq: 140 },
      { action: 'flush-cache', title: 'Flush the query cache', kind: 'red-herring', atMs: 20 * M, actor: 'Eli Park', actorKind: 'bot', orderedBy: 'alice',
        completed: false, led: null, points: 3, seq: 190 },
    ],
    points: 13,
    worsePhases: [
      { phase: 'outage', fromMs: 13 * M, toMs: 18 * M, ms: 5 * M, action: 'restart-db', actor: 'carol' },
      { phase: 'disk-full', fromMs: 30 * M, toMs: 35 * M + 20_000, ms: 5 * M + 20_000, action: null, actor: null },
    ],
    worseMs: 10 * M + 20_000,
  };
}
