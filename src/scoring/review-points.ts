/** "What went well" and "what didn't go so well": blameless points about roles and the process, never about people. */
import { LIFECYCLE_METRICS, METRIC_TITLES, ROLE_ORDER, roleTitle } from './labels';
import { clock, drillTime, percent, plural } from './markdown-text';
import { METRIC_KEYS, type RuleResult, type Scorecard } from './types';

// Coverage at or above this share of logged events counts as a strength of the Scribe role.
const GOOD_COVERAGE = 0.9;

/** The rules grouped by the role they bind, in the order roles are listed everywhere. */
export function rulesByRole(card: Scorecard): [role: string, rules: RuleResult[]][] {
  // A fixed order makes the same drill read the same way every time; a role this version does not
  // know sorts last rather than disappearing.
  const groups = new Map<string, RuleResult[]>();
  for (const r of card.rules) groups.set(r.role, [...(groups.get(r.role) ?? []), r]);
  const rank = (role: string) => {
    const i = (ROLE_ORDER as readonly string[]).indexOf(role);
    return i < 0 ? ROLE_ORDER.length : i;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** What went well: targets met, roles that kept every rule that applied, a well-kept log. May be empty. */
export function wentWell(card: Scorecard): string[] {
  const points: string[] = [];
  if (card.outcome === 'resolved') points.push('The incident was resolved within the drill\'s time.');
  for (const key of METRIC_KEYS) {
    const m = card.metrics[key];
    if (m?.met) points.push(`${METRIC_TITLES[key]}: ${clock(m.ms)}, within the ${clock(m.targetMs)} target.`);
  }
  for (const [role, rules] of rulesByRole(card)) {
    const applied = rules.filter((r) => r.status !== 'not-applicable');
    const passed = applied.filter((r) => r.status === 'passed');
    if (!applied.length) continue;
    if (passed.length === applied.length) {
      points.push(role === 'all'
        ? `Everyone kept the shared rules (${passed.length} of ${passed.length}).`
        : `The ${roleTitle(role)} role kept every rule that applied (${passed.length} of ${applied.length}).`);
    } else {
      // A role with some misses still gets credit for the important rules it kept: the debrief
      // should not read as a list of failures only.
      for (const r of passed.filter((x) => x.severity === 'high')) points.push(`${roleTitle(role)}: ${r.title}.`);
    }
  }
  if (card.judgement && !card.judgement.actions.length) points.push('No harmful or red-herring action was taken.');
  const s = card.scribe;
  if (s.coverage !== null && s.total > 0 && s.coverage >= GOOD_COVERAGE) {
    points.push(`The Scribe's log covered ${s.noted} of ${s.total} decisions, assignments and status updates (${percent(s.coverage)}).`);
  }
  return points;
}

/** What didn't go so well: missed targets, rules not kept (by role, with counts), gaps in the log. Each is a process lesson. */
export function didNotGoWell(card: Scorecard): string[] {
  const points: string[] = [];
  if (card.outcome === 'timed-out') points.push('The drill reached its time limit before the incident was resolved.');
  if (card.outcome === 'aborted') points.push('The drill was stopped before the incident was resolved.');
  for (const key of METRIC_KEYS) {
    const m = card.metrics[key];
    if (m && !m.met) points.push(`${METRIC_TITLES[key]}: ${clock(m.ms)}, over the ${clock(m.targetMs)} target.`);
    else if (!m && LIFECYCLE_METRICS.includes(key)) points.push(`${METRIC_TITLES[key]}: it never happened during the drill.`);
  }
  for (const r of violatedRules(card)) {
    const n = r.violations.length;
    points.push(`${roleTitle(r.role)}: not kept${n ? ` ${plural(n, 'time')}` : ''}: ${r.title}.`);
  }
  // A move, not a person: who ran it is in the judgement section.
  for (const a of card.judgement?.actions ?? []) points.push(`${a.kind === 'harmful' ? 'A harmful action was taken' : 'A red herring was acted on'} at ${drillTime(a.atMs)}: ${a.title} (${a.action}).`);
  const s = card.scribe;
  if (s.total > 0 && s.noted < s.total && (s.coverage === null || s.coverage < GOOD_COVERAGE)) {
    points.push(`The Scribe's log missed ${s.total - s.noted} of ${s.total} decisions, assignments and status updates.`);
  }
  return points;
}

/** Violated rules in role order, the most important first within a role. */
export function violatedRules(card: Scorecard): RuleResult[] {
  const weight = { high: 0, medium: 1, low: 2 } as const;
  return rulesByRole(card).flatMap(([, rules]) =>
    rules.filter((r) => r.status === 'violated').sort((a, b) => weight[a.severity] - weight[b.severity]));
}
