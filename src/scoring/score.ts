/** score(scenario, journal): a pure function from a drill's record to its scorecard. */
import { VERSION } from '../version';
import type { JournalEvent, JournalHeader } from '../engine/journal';
import type { Outcome } from '../engine/session';
import type { Role } from '../engine/roles';
import { formatDuration } from '../scenario/duration';
import type { Scenario } from '../scenario/types';
import { indexJournal, type JournalIndex } from './journal-index';
import { applicableMetrics, computeMetrics, METRIC_WEIGHTS, metricCredit } from './metrics';
import { WEIGHT, type ScoringContext } from './rule';
import { RULES } from './rules';
import { missedEntry, scribeCoverage } from './scribe-coverage';
import { buildTimeline } from './timeline';
import type { Deduction, Grade, MetricKey, ParticipantResult, RuleResult, Scorecard } from './types';
import { formatClock } from '../scenario/duration';

/** Points for response times; the rest are for role discipline. */
export const METRIC_POINTS = 40;
export const RULE_POINTS = 60;
/**
 * Metrics that time the same interval as a rule; when the rule is broken, the metric shows as missed but its
 * points are not taken a second time.
 */
export const METRIC_RULE: Readonly<Partial<Record<MetricKey, string>>> = {
  timeToCommand: 'RD-01', timeToSeverity: 'RD-21', timeToFirstStatus: 'RD-20', statusUpdateMaxGap: 'RD-20',
  timeToAssemble: 'RD-05', timeToFirstExternal: 'RD-34', externalUpdateMaxGap: 'RD-34',
};

/** Points a participant loses per violation, by rule severity. */
const PERSONAL_COST = { high: 15, medium: 10, low: 5 } as const;

/** The letter for a score. */
export function grade(score: number): Grade {
  return score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : score >= 60 ? 'D' : 'F';
}

function severityMinutes(ix: JournalIndex): Record<string, number> {
  const out: Record<string, number> = {};
  const sets = ix.of('sev.set');
  const end = ix.tResolved ?? ix.tEnd;
  sets.forEach((s, i) => {
    const to = Math.min(sets[i + 1]?.atMs ?? end, end);
    if (to <= s.atMs) return;
    const level = s.data.level;
    out[level] = Math.round(((out[level] ?? 0) + (to - s.atMs) / 60_000) * 10) / 10;
  });
  return out;
}

function rolesHeld(name: string, seat: Role, ix: JournalIndex): Role[] {
  const roles = new Set<Role>([seat]);
  for (const a of ix.of('role.appoint')) if (a.data.user === name) roles.add(a.data.role);
  if (ix.icStints.some((s) => s.name === name)) roles.add('ic');
  else roles.delete('ic');
  return [...roles];
}

function outcomeOf(events: readonly JournalEvent[]): Outcome {
  const end = events.find((e) => e.type === 'drill.end');
  const o = end?.data.outcome;
  return o === 'resolved' || o === 'timed-out' || o === 'aborted' ? o : 'aborted';
}

/** Scores a drill from its scenario and journal alone. */
export function score(scenario: Scenario, header: JournalHeader, events: readonly JournalEvent[]): Scorecard {
  const ix = indexJournal(header, events);
  const ctx: ScoringContext = { scenario, header, ix };
  const deductions: Deduction[] = [];

  const rules: RuleResult[] = RULES.map((rule) => {
    const reason = rule.notApplicable?.(ctx);
    const base = { id: rule.id, title: rule.title, role: rule.role, severity: rule.severity, weight: WEIGHT[rule.severity], source: rule.source };
    if (reason) return { ...base, status: 'not-applicable', reason, penalty: 0, violations: [] };
    const { violations, penalty, advisories } = rule.check(ctx);
    const p = Math.min(1, Math.max(0, penalty ?? Math.min(1, violations.length * 0.5)));
    return { ...base, status: violations.length ? 'violated' : 'passed', penalty: p, violations, ...(advisories?.length ? { advisories } : {}) };
  });
  const metrics = computeMetrics(ctx);
  const applicable = applicableMetrics(ctx);
  const metricWeight = applicable.reduce((n, k) => n + METRIC_WEIGHTS[k], 0);
  const violated = new Set(rules.filter((r) => r.status === 'violated').map((r) => r.id));
  let metricPoints = 0;
  for (const k of applicable) {
    // A time that a violated rule already judged is charged once, under the rule: one mistake, one cost.
    const partner = METRIC_RULE[k];
    const credit = partner !== undefined && violated.has(partner) ? 1 : metricCredit(metrics[k]);
    const worth = (METRIC_POINTS * METRIC_WEIGHTS[k]) / metricWeight;
    metricPoints += worth * credit;
    if (credit < 1) {
      const r = metrics[k];
      deductions.push({ what: `${k}: ${r ? `${formatDuration(r.ms)} against a target of ${formatDuration(r.targetMs)}` : 'never happened'}`, points: round1(worth * (1 - credit)) });
    }
  }

  const applicableRules = rules.filter((r) => r.status !== 'not-applicable');
  const ruleWeight = applicableRules.reduce((n, r) => n + r.weight, 0);
  let rulePoints = 0;
  for (const r of applicableRules) {
    const worth = (RULE_POINTS * r.weight) / ruleWeight;
    rulePoints += worth * (1 - r.penalty);
    if (r.penalty > 0) deductions.push({ what: `${r.id} ${r.title}: ${r.violations.length} violation${r.violations.length === 1 ? '' : 's'}`, points: round1(worth * r.penalty) });
  }
  // A drill with anything to improve never shows 100: in a long drill one small miss can be worth under half a point.
  const exact = metricPoints + rulePoints;
  const total = deductions.length > 0 ? Math.min(99, Math.round(exact)) : Math.round(exact);
  const outcome = outcomeOf(events);
  // Nothing to judge yet: stopped before anyone triggered the response, or before anything even alerted.
  const notScored = ix.tTrigger === undefined && (outcome === 'aborted' || ix.tAlert === undefined)
    ? `the drill ended at T+${formatClock(ix.tEnd)}, before anyone triggered the incident response, so there was no response to score`
    : undefined;

  const cov = scribeCoverage(ix);
  const participants: ParticipantResult[] = header.participants.map((p) => {
    const roles = rolesHeld(p.name, p.seat, ix);
    const mine = rules.flatMap((r) => r.violations.filter((v) => v.actor === p.name).map((v) => ({ rule: r.id, severity: r.severity, atMs: v.atMs, note: v.evidence.note })));
    const acted = events.some((e) => e.type === 'input' && e.actor === p.name);
    const strengths = acted
      ? rules.filter((r) => r.status === 'passed' && (roles as string[]).includes(r.role)).map((r) => r.title)
      : [];
    const cost = mine.reduce((n, v) => n + PERSONAL_COST[v.severity], 0);
    const own = notScored ? null : Math.max(0, 100 - cost);
    return {
      name: p.name, seat: p.seat, roles, kind: p.kind, score: own, grade: own === null ? null : grade(own),
      violations: mine.map(({ rule, atMs, note }) => ({ rule, atMs, note })), strengths,
    };
  });

  return {
    scenario: { id: scenario.id, title: scenario.title, hash: scenario.hash },
    seed: header.seed,
    version: VERSION,
    outcome,
    score: notScored ? null : total,
    grade: notScored ? null : grade(total),
    ...(notScored ? { notScored } : {}),
    metrics: metrics as Record<MetricKey, (typeof metrics)[MetricKey]>,
    rules,
    participants,
    scribe: { coverage: cov.coverage === null ? null : round3(cov.coverage), noted: cov.noted, total: cov.total, missed: cov.missed.map(missedEntry) },
    timeline: buildTimeline(events),
    deductions: notScored ? [] : deductions.sort((a, b) => b.points - a.points),
    drill: {
      durationMs: scenario.durationMs,
      endedAtMs: ix.tEnd,
      metricsNotApplicable: (Object.keys(metrics) as MetricKey[]).filter((k) => !applicable.includes(k)),
      severityMinutes: severityMinutes(ix),
      expectedSeverity: scenario.expects.severity,
      rootCause: scenario.solution.rootCause,
      postmortemOwner: ix.first('pm.assign') ? String(ix.first('pm.assign')!.data.owner) : null,
      postmortemDue: ix.of('pm.assign').at(-1)?.data.due ? String(ix.of('pm.assign').at(-1)!.data.due) : null,
      todos: ix.of('scribe.note').filter((n) => n.data.todo === true).map((n) => n.data.text),
    },
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
