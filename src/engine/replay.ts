/** Replay: re-runs a journal's inputs on a fresh session and checks every event comes out the same. */
import type { Scenario } from '../scenario/types';
import { MemoryJournal, type JournalEvent, type JournalHeader } from './journal';
import { DrillSession, type FacilitatorControl } from './session';

export interface Divergence {
  readonly seq: number;
  readonly expected?: JournalEvent;
  readonly actual?: JournalEvent;
}

export interface ReplayResult {
  readonly reproduces: boolean;
  readonly divergence?: Divergence;
  /** Events compared. */
  readonly compared: number;
  /** The session the replay ran, for scoring or inspection. */
  readonly session: DrillSession;
  readonly journal: MemoryJournal;
}

/** The fields two runs must agree on: everything but the wall-clock time. */
export function comparable(e: JournalEvent): string {
  return JSON.stringify({ seq: e.seq, atMs: e.atMs, actor: e.actor, role: e.role, type: e.type, data: e.data });
}

/** Whether two values are the same JSON (key order included), compared in place: no string as big as the event is built. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as readonly unknown[];
    return a.length === bs.length && a.every((x, i) => sameJson(x, bs[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // JSON leaves out keys whose value is undefined.
  const ka = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const kb = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameJson(ao[k], bo[k]));
}

/**
 * Whether two events agree on everything but the wall-clock time: what comparable() says, without building its
 * string (a 50 MB event would need another 50 MB for it, once for each side).
 */
export function sameEvent(a: JournalEvent, b: JournalEvent): boolean {
  return a.seq === b.seq && a.atMs === b.atMs && a.actor === b.actor && a.role === b.role && a.type === b.type && sameJson(a.data, b.data);
}

/** The facilitator control that made a recorded event, if one did. */
export function controlOf(e: JournalEvent): FacilitatorControl | undefined {
  switch (e.type) {
    case 'facilitator.say': return { kind: 'say', speaker: e.data.speaker, text: e.data.text };
    case 'facilitator.speed': return { kind: 'speed', speed: e.data.speed };
    case 'facilitator.pause': return { kind: 'pause' };
    case 'facilitator.resume': return { kind: 'resume' };
    case 'facilitator.inject-now': return { kind: 'inject-now' };
    case 'facilitator.end': return { kind: 'end' };
    default: return undefined;
  }
}

/**
 * Feeds a started session a journal's inputs and controls at their recorded times: what replay and resume both do.
 * With `skipBotInput`, lines bots typed are left out (the caller attached bots, which type them again).
 */
export function rerun(session: DrillSession, events: readonly JournalEvent[], opts: { skipBotInput?: boolean } = {}): void {
  for (const e of events) {
    if (session.status !== 'running') break;
    if (e.type === 'input') {
      if (opts.skipBotInput && e.data.bot === true) continue;
      session.advanceTo(e.atMs);
      session.dispatch(e.actor, e.data.text, { bot: e.data.bot === true });
      continue;
    }
    const c = controlOf(e);
    if (c) {
      session.advanceTo(e.atMs);
      session.control(c);
    }
  }
}

/** Replays the inputs of a journal (made from `scenario`) and compares the result event by event. */
export function replay(scenario: Scenario, header: JournalHeader, events: readonly JournalEvent[]): ReplayResult {
  const journal = new MemoryJournal();
  const session = new DrillSession({ scenario, seed: header.seed, cast: header.participants, journal });
  session.start();
  rerun(session, events);
  const ended = events.some((e) => e.type === 'drill.end');
  // A complete journal runs the replay to its end; an interrupted one is compared as far as it goes.
  if (ended) {
    while (session.status === 'running') {
      const next = session.scheduler.nextDeadline();
      if (next === undefined) break;
      session.advanceTo(next);
    }
  } else {
    const last = events[events.length - 1];
    if (last && session.status === 'running') session.advanceTo(last.atMs);
  }
  const produced = journal.events;
  const n = ended ? Math.max(events.length, produced.length) : events.length;
  for (let i = 0; i < n; i++) {
    const a = events[i];
    const b = produced[i];
    if (!a || !b || !sameEvent(a, b)) {
      return { reproduces: false, divergence: { seq: i + 1, ...(a ? { expected: a } : {}), ...(b ? { actual: b } : {}) }, compared: i, session, journal };
    }
  }
  return { reproduces: true, compared: n, session, journal };
}
