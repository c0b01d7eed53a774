/** One pass over a journal that answers the questions every metric and rule asks. */
import type { DrillEvent, EventOf, EventType } from '../engine/events';
import type { JournalEvent, JournalHeader } from '../engine/journal';
import { everyoneWhoHeld, roleHistory } from '../engine/state/roles-of';

/** Drill parameters from incident-process.md §4 ([drill proposal] defaults). */
export const PARAMS = {
  T_IC: 5 * 60_000,
  T_STAFF: 3 * 60_000,
  GRACE: 60_000,
  T_ACK_TASK: 60_000,
  SCRIBE_WINDOW: 2 * 60_000,
  POLL_PAUSE: 10_000,
  STATUS_MAX_GAP: 10 * 60_000,
  EXTERNAL_FIRST: 5 * 60_000,
  EXTERNAL_MAX_GAP: 20 * 60_000,
  ESCALATION: 5 * 60_000,
  IC_STINT_ADVISORY: 60 * 60_000,
} as const;

export interface JournalIndex {
  readonly events: readonly JournalEvent[];
  readonly byType: ReadonlyMap<EventType, readonly DrillEvent[]>;
  of<T extends EventType>(type: T): readonly EventOf<T>[];
  first<T extends EventType>(type: T, pred?: (e: EventOf<T>) => boolean): EventOf<T> | undefined;
  /** Key instants (undefined when they never happened). */
  readonly tAlert?: number;
  readonly tTrigger?: number;
  readonly tIc?: number;
  readonly tMitigated?: number;
  readonly tResolved?: number;
  readonly tEnd: number;
  /** Who held command from when, in order. */
  readonly icStints: readonly { name: string; from: number; to: number }[];
  /** Everyone who held the scribe role (seat or appointment). */
  readonly scribes: ReadonlySet<string>;
  /** Everyone in the drill with their seat. */
  readonly seats: ReadonlyMap<string, string>;
}

/** Indexes a journal; O(events). */
export function indexJournal(header: JournalHeader, events: readonly JournalEvent[]): JournalIndex {
  const byType = new Map<EventType, DrillEvent[]>();
  for (const e of events) {
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  // Roles come from the one reducer the session uses: who held command, from when, and who was ever scribe.
  const { holders, roles } = roleHistory(header.participants, events);
  // byType files each event under its own type, so the list for T holds only EventOf<T>.
  const of = <T extends EventType>(type: T): readonly EventOf<T>[] => (byType.get(type) ?? []) as readonly unknown[] as readonly EventOf<T>[];
  const first = <T extends EventType>(type: T, pred?: (e: EventOf<T>) => boolean): EventOf<T> | undefined => (pred ? of(type).find(pred) : of(type)[0]);
  const tEnd = first('drill.end')?.atMs ?? events[events.length - 1]?.atMs ?? 0;
  const icStints = holders.map((h, i) => ({ ...h, to: holders[i + 1]?.from ?? tEnd }));
  const seats = new Map(header.participants.map((p) => [p.name, p.seat as string]));
  const scribes = everyoneWhoHeld(roles, 'scribe');
  return {
    events, byType, of, first,
    tAlert: first('alert.fired')?.atMs,
    tTrigger: first('ic.page')?.atMs,
    tIc: holders[0]?.from,
    tMitigated: first('phase.enter', (e) => e.data.mitigated === true)?.atMs,
    tResolved: first('incident.resolve', (e) => e.data.mitigated === true)?.atMs,
    tEnd,
    icStints,
    scribes,
    seats,
  };
}

/** Who was scribe at a drill time: the latest appointed scribe, else whoever sat in the scribe seat. */
export function scribeAt(ix: JournalIndex, t: number): string {
  let who = [...ix.seats].find(([, seat]) => seat === 'scribe')?.[0];
  for (const a of ix.of('role.appoint')) if (a.data.role === 'scribe' && a.atMs <= t) who = a.data.user;
  return who ?? 'nobody';
}

/**
 * Whether a deadline fell within the drill: a person cannot be judged late for something the drill stopped
 * before they were due to do (an assignment 20 seconds before the time-out, a remark in the last seconds).
 * When the team ended the call itself, what came at least a minute before the end was due by the end.
 */
export function dueInDrill(ix: JournalIndex, deadline: number, since?: number): boolean {
  if (deadline <= ix.tEnd) return true;
  return since !== undefined && ix.first('call.end') !== undefined && ix.tEnd - since >= PARAMS.GRACE;
}

/** The IC at a drill time, if anyone held command then. */
export function icAt(ix: JournalIndex, t: number): string | undefined {
  let who: string | undefined;
  for (const s of ix.icStints) if (s.from <= t) who = s.name;
  return who;
}
