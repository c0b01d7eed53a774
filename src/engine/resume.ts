/**
 * Resume: rebuilds a live drill from its journal after the process died (SIGKILL, a lost machine), then goes on
 * writing to the same journal. The recorded inputs and controls are re-run as replay does; every event that comes
 * out must equal the recorded one, and none of those reaches the sink again (they are in the file already).
 */
import type { Scenario } from '../scenario/types';
import { is } from './events';
import type { JournalEvent, JournalHeader, JournalSink } from './journal';
import { sameEvent, rerun } from './replay';
import { DrillSession } from './session';

/** A journal that cannot be resumed: it does not reproduce, it has ended, or it was made from another scenario. */
export class ResumeError extends Error {
  override readonly name = 'ResumeError';
}

export interface ResumeOptions {
  /** Wall-clock time for the new events' `wall` field (the engine never reads the clock). */
  readonly wall?: () => string;
  /**
   * Called with the session before it starts: attach the bots here. Their recorded lines are then not re-sent;
   * the bots type them again, each checked like every other event, and go on playing with everything they knew.
   */
  readonly attach?: (session: DrillSession) => void;
}

/** Holds back the events the journal already has, checking each against it; passes on only the new ones. */
class CatchUpSink implements JournalSink {
  private matched = 0;
  /** The first event that came out other than recorded (or nothing where something was). */
  divergence?: { readonly seq: number; readonly expected?: JournalEvent; readonly actual?: JournalEvent };

  constructor(private readonly recorded: readonly JournalEvent[], private readonly sink: JournalSink) {}

  header(): void {
    // The file has its header; the resumed session's is never written.
  }

  event(e: JournalEvent): void {
    if (this.divergence) return;
    const expected = this.recorded[this.matched];
    if (!expected) return this.sink.event(e);
    if (!sameEvent(expected, e)) this.divergence = { seq: this.matched + 1, expected, actual: e };
    else this.matched++;
  }

  close(): void {
    this.sink.close();
  }

  /** Throws unless every recorded event came out again, in order. */
  check(header: JournalHeader): void {
    const d = this.divergence ?? (this.matched < this.recorded.length ? { seq: this.matched + 1, expected: this.recorded[this.matched] } : undefined);
    if (!d) return;
    const what = (e?: JournalEvent) => (e ? `#${e.seq} ${e.type} by ${e.actor} at ${e.atMs} ms` : 'nothing');
    throw new ResumeError(`the journal does not reproduce, so it cannot be resumed: at event ${d.seq} it has ${what(d.expected)}, the drill made ${what(d.actual)}`
      + ` (seed ${header.seed}; recorded by firedrill ${header.firedrill})`);
  }
}

/** Rebuilds a running drill from its journal (header and whole events) and hands it `sink` for what happens next. */
export function resumeSession(scenario: Scenario, header: JournalHeader, events: readonly JournalEvent[], sink: JournalSink, options: ResumeOptions = {}): DrillSession {
  if (scenario.hash !== header.scenario.hash) {
    throw new ResumeError(`the journal was made from a different version of scenario "${header.scenario.id}" (journal hash ${header.scenario.hash.slice(0, 12)}, scenario hash ${scenario.hash.slice(0, 12)})`);
  }
  const end = events.find(is('drill.end'));
  if (end) throw new ResumeError(`the drill has already ended (event ${end.seq}: ${end.data.outcome}); there is nothing to resume`);
  const gate = new CatchUpSink(events, sink);
  const session = new DrillSession({
    scenario, seed: header.seed, cast: header.participants, journal: gate,
    ...(options.wall ? { wall: options.wall } : {}), ...(header.scenario.file ? { scenarioFile: header.scenario.file } : {}),
  });
  options.attach?.(session);
  session.start();
  rerun(session, events, { skipBotInput: options.attach !== undefined });
  // Up to the last recorded instant: what was due then but never written (the kill came mid-instant) is new.
  const last = events.at(-1);
  if (last && session.status === 'running') session.advanceTo(last.atMs);
  gate.check(header);
  // The journal's header is the one on file (its wall time is when the drill began, not when it resumed).
  session.header = header;
  return session;
}

/** The speed the facilitator last set in a journal, if they set one (the starting --speed is not journaled). */
export function recordedSpeed(events: readonly JournalEvent[]): number | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'facilitator.speed') return e.data.speed;
  }
  return undefined;
}
