/**
 * Judgement (format v2): the harmful and red-herring actions someone took, what each cost, and the time the world
 * spent in worse phases. Kept apart from role discipline: a rule judges how the process was run, this judges the
 * moves made on the system.
 */
import type { DrillEvent, EventOf } from '../engine/events';
import type { JournalHeader } from '../engine/journal';
import { formatClock } from '../scenario/duration';
import { JUDGED_KIND_TITLE, MAX_WEIGHT } from '../scenario/judgement';
import type { Action, Scenario } from '../scenario/types';
import type { JournalIndex } from './journal-index';
import type { Deduction, JudgedAction, Judgement, WorsePhaseStay } from './types';

/** The most points judged actions may cost together: one bad drill of wrong moves should not hide everything else. */
export const JUDGEMENT_MAX_POINTS = MAX_WEIGHT;

type Start = EventOf<'action.start'>;
type Done = EventOf<'action.done'>;
type Enter = EventOf<'phase.enter'>;

/** One stay of the world in a phase: from its phase.enter until the next one (or the drill's end). */
interface Stay {
  readonly enter: Enter;
  readonly toMs: number;
}

/** Each action.start with its action.done, if it finished: runs of one action by one person finish in the order they started (same duration). */
function pairRuns(ix: JournalIndex): Map<Start, Done | undefined> {
  const waiting = new Map<string, Start[]>();
  const out = new Map<Start, Done | undefined>();
  const key = (actor: string, action: string) => `${actor}\0${action}`;
  for (const e of ix.events) {
    if (e.type === 'action.start') {
      out.set(e, undefined);
      const k = key(e.actor, e.data.action);
      waiting.set(k, [...(waiting.get(k) ?? []), e]);
    } else if (e.type === 'action.done') {
      const start = waiting.get(key(e.actor, e.data.action))?.shift();
      if (start) out.set(start, e);
    }
  }
  return out;
}

/** The phase.enter an action's completion caused: the world enters the phase just before action.done is journalled, at the same instant. */
function enteredBy(done: Done | undefined, enters: readonly Enter[]): Enter | undefined {
  if (!done?.data.changed) return undefined;
  return enters.filter((p) => p.seq < done.seq && p.atMs === done.atMs).at(-1);
}

/** Who asked for an action: the one who assigned the task it ran under, else who made the decision naming it. */
function orderedBy(start: Start, ix: JournalIndex): string | null {
  const { taskId, decisionId } = start.data;
  const task = taskId === null ? undefined : ix.first('task.assign', (t) => t.data.id === taskId);
  if (task) return task.actor;
  const decision = decisionId === null ? undefined : ix.first('decision', (d) => d.data.id === decisionId);
  return decision?.actor ?? null;
}

/** A judged action someone started, and what it costs. */
export interface JudgedStart {
  readonly start: Start;
  readonly action: Action;
  readonly judged: NonNullable<Action['judged']>;
  readonly points: number;
}

/**
 * Every harmful or red-herring action started so far, in order, each with its cost (its weight until the judgement
 * cap is reached): the one reading of "taken", for the scorecard and for the facilitator's console mid-drill.
 */
export function judgedStarts(scenario: Scenario, events: readonly DrillEvent[]): JudgedStart[] {
  const byId = new Map(scenario.actions.map((a) => [a.id, a]));
  let left = JUDGEMENT_MAX_POINTS;
  const out: JudgedStart[] = [];
  for (const e of events) {
    if (e.type !== 'action.start') continue;
    const action = byId.get(e.data.action);
    if (!action?.judged) continue;
    const points = Math.min(action.judged.weight, left);
    left -= points;
    out.push({ start: e, action, judged: action.judged, points });
  }
  return out;
}

/** Judges a v2 drill's moves from its scenario and journal alone. */
export function judge(scenario: Scenario, header: JournalHeader, ix: JournalIndex): Judgement {
  const kinds = new Map(header.participants.map((p) => [p.name, p.kind]));
  const enters = ix.of('phase.enter');
  const runs = pairRuns(ix);
  // Every phase entry an action's completion caused (judged or not): a responder's move ends a judged move's consequences.
  const byAction = new Map<number, Start>();
  for (const [start, done] of runs) {
    const enter = enteredBy(done, enters);
    if (enter) byAction.set(enter.seq, start);
  }
  const actions: JudgedAction[] = judgedStarts(scenario, ix.events).map(({ start, action, judged, points }) => {
    const done = runs.get(start);
    return {
      action: action.id, title: action.title, kind: judged.kind, atMs: start.atMs,
      actor: start.actor, actorKind: kinds.get(start.actor) ?? 'human', orderedBy: orderedBy(start, ix),
      completed: done !== undefined, led: enteredBy(done, enters)?.data.phase ?? null, points,
      ...(judged.why ? { why: judged.why } : {}), seq: start.seq,
    };
  });
  const worsePhases = worseStays(scenario, ix, enters, byAction);
  return {
    actions,
    points: actions.reduce((n, a) => n + a.points, 0),
    worsePhases,
    worseMs: worsePhases.reduce((n, s) => n + s.ms, 0),
  };
}

/**
 * Stays in worse phases: every stay in a phase the author marked worse, and every stay a judged action caused: the
 * phase its completion moved the world to, and those the world went on to by itself (timers, clock and condition
 * edges), until it went back to the phase the action took it out of, reached a mitigated phase, or someone's action
 * moved it.
 */
function worseStays(scenario: Scenario, ix: JournalIndex, enters: readonly Enter[], byAction: ReadonlyMap<number, Start>): WorsePhaseStay[] {
  const phases = new Map(scenario.phases.map((p) => [p.id, p]));
  const stays: Stay[] = enters.map((enter, i) => ({ enter, toMs: Math.min(enters[i + 1]?.atMs ?? ix.tEnd, ix.tEnd) }));
  const cause = new Map<number, Start>();
  stays.forEach((stay, k) => {
    const start = byAction.get(stay.enter.seq);
    const judged = start && scenario.actions.find((a) => a.id === start.data.action)?.judged;
    if (!start || !judged) return;
    const from = stays[k - 1]?.enter.data.phase;
    for (let j = k; j < stays.length; j++) {
      const s = stays[j]!;
      if (s.enter.data.phase === from || phases.get(s.enter.data.phase)?.mitigated) break;
      if (j > k && byAction.has(s.enter.seq)) break;
      cause.set(j, start);
    }
  });
  const out: WorsePhaseStay[] = [];
  stays.forEach((s, i) => {
    const by = cause.get(i);
    const ms = s.toMs - s.enter.atMs;
    if (ms <= 0 || (!by && !phases.get(s.enter.data.phase)?.worse)) return;
    out.push({ phase: s.enter.data.phase, fromMs: s.enter.atMs, toMs: s.toMs, ms, action: by?.data.action ?? null, actor: by?.actor ?? null });
  });
  return out;
}

/** One line of "where the points went" per judged action that cost points. */
export function judgementDeductions(j: Judgement): Deduction[] {
  return j.actions.filter((a) => a.points > 0).map((a) => ({
    what: `${JUDGED_KIND_TITLE[a.kind]} action ${a.action}, run by ${a.actor} at T+${formatClock(a.atMs)}`,
    points: a.points,
  }));
}
