/** Response-time metrics, each measured against the scenario's target (or the process default). */
import type { JournalEvent } from '../engine/journal';
import { targetsOf } from '../scenario/targets';
import { PARAMS } from './journal-index';
import type { ScoringContext } from './rule';
import type { MetricKey, MetricResult } from './types';

/** How much each metric counts toward the metrics part of the score. */
export const METRIC_WEIGHTS: Readonly<Record<MetricKey, number>> = {
  timeToAcknowledge: 1, timeToTrigger: 1, timeToCommand: 1, timeToAssemble: 1, timeToSeverity: 1,
  timeToFirstStatus: 1, statusUpdateMaxGap: 1, timeToMitigate: 2, timeToResolve: 2,
  timeToFirstExternal: 1, externalUpdateMaxGap: 1,
};

function maxGap(times: readonly number[], from: number, to: number): number {
  let last = from;
  let gap = 0;
  for (const t of times) {
    if (t < from || t > to) continue;
    gap = Math.max(gap, t - last);
    last = t;
  }
  return Math.max(gap, to - last);
}

/** The metrics that apply to this drill (external posting only when a customer liaison plays). */
export function applicableMetrics(ctx: ScoringContext): MetricKey[] {
  const all = Object.keys(METRIC_WEIGHTS) as MetricKey[];
  const liaison = ctx.scenario.roles.includes('customer-liaison');
  return all.filter((k) => liaison || (k !== 'timeToFirstExternal' && k !== 'externalUpdateMaxGap'));
}

/** Every metric: {ms, targetMs, met}, or null when the thing never happened. */
export function computeMetrics(ctx: ScoringContext): Record<MetricKey, MetricResult | null> {
  const { ix, scenario } = ctx;
  const t = targetsOf(scenario);
  const base = ix.tAlert ?? 0;
  const m = (ms: number | undefined, targetMs: number): MetricResult | null => (ms === undefined ? null : { ms, targetMs, met: ms <= targetMs });
  // An IC who takes command before anyone triggers the response took it at once, not in negative time.
  const since = (at: number | undefined, from: number | undefined) => (at === undefined || from === undefined ? undefined : Math.max(0, at - from));

  const ack = ix.first('alert.ack')?.atMs;
  const claim = ix.tIc;
  const trigger = ix.tTrigger;

  // Assembled: every staff role the scenario asks for is appointed and every paged responder has joined.
  let assembled: number | undefined;
  if (trigger !== undefined) {
    const times: (number | undefined)[] = [];
    for (const role of scenario.roles) {
      if (role === 'ic') continue;
      times.push(ix.first('role.appoint', (e) => e.data.role === role)?.atMs);
    }
    // The initial call: people paged before, or just after, command was taken. An expert brought in later is not late to assemble.
    const initial = (e: JournalEvent) => claim === undefined || e.atMs <= claim + PARAMS.T_STAFF;
    // A page that reached nobody (no primary on call) is a team that never joins, so the team never assembled.
    const paged = new Set(ix.of('page.sent').filter((e) => e.data.team !== 'incident-commanders' && initial(e)).map((e) => e.data.user ?? '(nobody)'));
    const acker = ix.first('alert.ack')?.actor;
    if (acker) paged.add(acker);
    const joins = new Map<string, number>();
    for (const e of ix.of('participant.join')) if (!joins.has(e.actor)) joins.set(e.actor, e.atMs);
    for (const who of paged) times.push(joins.get(who));
    if (claim !== undefined) times.push(claim);
    assembled = times.every((x) => x !== undefined) ? Math.max(trigger, ...(times as number[])) : undefined;
  }

  const posts = ix.of('external.post').map((e: JournalEvent) => e.atMs);
  const openUntil = ix.tResolved ?? ix.tEnd;
  return {
    timeToAcknowledge: m(since(ack, ix.tAlert), t.acknowledge),
    timeToTrigger: m(since(trigger, base), t.trigger),
    timeToCommand: m(since(claim, trigger ?? base), t.command),
    timeToAssemble: m(since(assembled, trigger), t.assemble),
    timeToSeverity: m(since(ix.first('sev.set')?.atMs, claim), t.severity),
    timeToFirstStatus: m(since(ix.first('status.update')?.atMs, claim), t.firstStatus),
    statusUpdateMaxGap: claim === undefined ? null : m(maxGap(ix.of('status.update').map((e) => e.atMs), claim, openUntil), t.statusEvery),
    timeToMitigate: m(since(ix.tMitigated, base), t.mitigate),
    timeToResolve: m(since(ix.tResolved, base), t.resolve),
    timeToFirstExternal: m(since(posts[0], claim), t.firstExternal),
    externalUpdateMaxGap: posts.length ? m(maxGap(posts, posts[0]!, openUntil), t.externalEvery) : null,
  };
}

/** Share of a metric's points earned: all when met, falling to none at twice the target, none when it never happened. */
export function metricCredit(r: MetricResult | null): number {
  if (!r) return 0;
  if (r.met) return 1;
  return Math.max(0, 1 - (r.ms - r.targetMs) / Math.max(r.targetMs, 1));
}
