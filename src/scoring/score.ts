/** score(scenario, journal): a pure function from a drill's record to its scorecard. */
import { VERSION } from '../version';
import type { JournalEvent, JournalHeader } from '../engine/journal';
import type { Outcome } from '../engine/session';
import { formatDuration } from '../scenario/duration';
import type { Scenario } from '../scenario/types';
import { grade } from './grade';
import { judge, judgementDeductions } from './judgement';
import { indexJournal, type JournalIndex } from './journal-index';
import { applicableMetrics, computeMetrics, METRIC_WEIGHTS, metricCredit } from './metrics';
import { participantResult } from './participant-results';
import { WEIGHT, type Rule, type ScoringContext } from './rule';
import { RULES } from './rules';
import { missedEntry, scribeCoverage } from './scribe-coverage';
import { buildTimeline } from './timeline';
import type { Deduction, MetricKey, MetricResult, RuleResult, Scorecard } from './types';
import { formatClock } from '../scenario/duration';

export { grade } from './grade';

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

type Metrics = Record<MetricKey, MetricResult | null>;

/** Points earned in one half of the score, and the deductions that explain what was lost. */
interface Points {
  readonly points: number;
  readonly deductions: Deduction[];
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

function outcomeOf(events: readonly JournalEvent[]): Outcome {
  const end = events.find((e) => e.type === 'drill.end');
  const o = end?.data.outcome;
  return o === 'resolved' || o === 'timed-out' || o === 'aborted' ? o : 'aborted';
}

// Nothing to judge yet: stopped before anyone triggered the response, or before anything even alerted.
function notScoredReason(ix: JournalIndex, outcome: Outcome): string | undefined {
  return ix.tTrigger === undefined && (outcome === 'aborted' || ix.tAlert === undefined)
    ? `the drill ended at T+${formatClock(ix.tEnd)}, before anyone triggered the incident response, so there was no response to score`
    : undefined;
}

function ruleResult(rule: Rule, ctx: ScoringContext): RuleResult {
  const reason = rule.notApplicable?.(ctx);
  const base = { id: rule.id, title: rule.title, role: rule.role, severity: rule.severity, weight: WEIGHT[rule.severity], source: rule.source };
  if (reason) return { ...base, status: 'not-applicable', reason, penalty: 0, violations: [] };
  const { violations, penalty, advisories } = rule.check(ctx);
  const p = Math.min(1, Math.max(0, penalty ?? Math.min(1, violations.length * 0.5)));
  return { ...base, status: violations.length ? 'violated' : 'passed', penalty: p, violations, ...(advisories?.length ? { advisories } : {}) };
}

/** METRIC_POINTS shared by weight among the applicable response times. */
function metricPoints(metrics: Metrics, applicable: readonly MetricKey[], rules: readonly RuleResult[]): Points {
  const deductions: Deduction[] = [];
  const metricWeight = applicable.reduce((n, k) => n + METRIC_WEIGHTS[k], 0);
  const violated = new Set(rules.filter((r) => r.status === 'violated').map((r) => r.id));
  let points = 0;
  for (const k of applicable) {
    // A time that a violated rule already judged is charged once, under the rule: one mistake, one cost.
    const partner = METRIC_RULE[k];
    const credit = partner !== undefined && violated.has(partner) ? 1 : metricCredit(metrics[k]);
    const worth = (METRIC_POINTS * METRIC_WEIGHTS[k]) / metricWeight;
    points += worth * credit;
    if (credit < 1) {
      const r = metrics[k];
      deductions.push({ what: `${k}: ${r ? `${formatDuration(r.ms)} against a target of ${formatDuration(r.targetMs)}` : 'never happened'}`, points: round1(worth * (1 - credit)) });
    }
  }
  return { points, deductions };
}

/** RULE_POINTS shared by weight among the rules that apply. */
function rulePoints(rules: readonly RuleResult[]): Points {
  const deductions: Deduction[] = [];
  const applicableRules = rules.filter((r) => r.status !== 'not-applicable');
  const ruleWeight = applicableRules.reduce((n, r) => n + r.weight, 0);
  let points = 0;
  for (const r of applicableRules) {
    const worth = (RULE_POINTS * r.weight) / ruleWeight;
    points += worth * (1 - r.penalty);
    if (r.penalty > 0) deductions.push({ what: `${r.id} ${r.title}: ${r.violations.length} violation${r.violations.length === 1 ? '' : 's'}`, points: round1(worth * r.penalty) });
  }
  return { points, deductions };
}

function drillFacts(scenario: Scenario, ix: JournalIndex, metrics: Metrics, applicable: readonly MetricKey[]): Scorecard['drill'] {
  return {
    durationMs: scenario.durationMs,
    endedAtMs: ix.tEnd,
    metricsNotApplicable: (Object.keys(metrics) as MetricKey[]).filter((k) => !applicable.includes(k)),
    severityMinutes: severityMinutes(ix),
    expectedSeverity: scenario.expects.severity,
    rootCause: scenario.solution.rootCause,
    postmortemOwner: ix.first('pm.assign') ? String(ix.first('pm.assign')!.data.owner) : null,
    postmortemDue: ix.of('pm.assign').at(-1)?.data.due ? String(ix.of('pm.assign').at(-1)!.data.due) : null,
    todos: ix.of('scribe.note').filter((n) => n.data.todo === true).map((n) => n.data.text),
  };
}

/** Scores a drill from its scenario and journal alone. */
export function score(scenario: Scenario, header: JournalHeader, events: readonly JournalEvent[]): Scorecard {
  const ix = indexJournal(header, events);
  const ctx: ScoringContext = { scenario, header, ix };
  const rules = RULES.map((rule) => ruleResult(rule, ctx));
  const metrics = computeMetrics(ctx);
  const applicable = applicableMetrics(ctx);
  const timing = metricPoints(metrics, applicable, rules);
  const discipline = rulePoints(rules);
  // v2 only: a v1 scenario's scorecard stays as it always was, key for key.
  const judgement = scenario.version === 2 ? judge(scenario, header, ix) : undefined;
  const deductions = [...timing.deductions, ...discipline.deductions, ...(judgement ? judgementDeductions(judgement) : [])];
  // A drill with anything to improve never shows 100: in a long drill one small miss can be worth under half a point.
  // Judged actions cost their points off the top, after the 40 + 60 of times and discipline.
  const exact = Math.max(0, timing.points + discipline.points - (judgement?.points ?? 0));
  const total = deductions.length > 0 ? Math.min(99, Math.round(exact)) : Math.round(exact);
  const outcome = outcomeOf(events);
  const notScored = notScoredReason(ix, outcome);
  const cov = scribeCoverage(ix);
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
    ...(judgement ? { judgement } : {}),
    participants: header.participants.map((p) => participantResult(p, ix, events, rules, notScored)),
    scribe: { coverage: cov.coverage === null ? null : round3(cov.coverage), noted: cov.noted, total: cov.total, missed: cov.missed.map(missedEntry) },
    timeline: buildTimeline(events),
    deductions: notScored ? [] : deductions.sort((a, b) => b.points - a.points),
    drill: drillFacts(scenario, ix, metrics, applicable),
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
