/** Setting up a drill the way `run` and `simulate` both do: cast, run folder, journal file, session and bots. */
import { resolve } from 'node:path';
import { attachBots } from '../bots/attach-bots';
import { buildCast, type BotPolicyName, type CastRequest } from '../engine/cast';
import type { JournalEvent, JournalParticipant } from '../engine/journal';
import { createFaker } from '../engine/random';
import { RealTimeDriver } from '../engine/real-time-driver';
import { DrillSession, type Outcome } from '../engine/session';
import type { FileJournal } from '../io/file-journal';
import type { Scenario } from '../scenario/types';
import { onOutsideStop, signalExitCode, type StopSignal } from './outside-stops';
import { claimRunDir } from './run-dir';

export interface DrillSetup {
  readonly scenario: Scenario;
  /** The scenario file, recorded in the journal so replay can find it. */
  readonly file: string;
  readonly seed: string;
  readonly humans: readonly CastRequest[];
  readonly policy: BotPolicyName;
  /** The run folder asked for (--out), else a fresh one under ./firedrill-runs. */
  readonly out?: string;
  /** The seats bots fill: all (undefined), some, or none. */
  readonly bots?: ReadonlySet<string> | 'none';
}

export interface Drill {
  readonly session: DrillSession;
  readonly journal: FileJournal;
  readonly dir: string;
  readonly cast: readonly JournalParticipant[];
  /** Every event, kept for scoring at the end (the journal file is written as they happen). */
  readonly events: JournalEvent[];
}

/** A drill ready to start: its journal file open in a new run folder, its bots listening. */
export function setUpDrill(o: DrillSetup): Drill {
  const cast = buildCast(o.scenario, [...o.humans], createFaker(o.seed, 'people'), o.policy);
  const { dir, journal } = claimRunDir(o.scenario.id, o.out, new Date());
  const events: JournalEvent[] = [];
  const session = new DrillSession({ scenario: o.scenario, seed: o.seed, cast, journal, wall: () => new Date().toISOString(), scenarioFile: resolve(o.file) });
  session.onEvent((e) => events.push(e));
  if (o.bots !== 'none') attachBots(session, o.policy, o.bots);
  return { session, journal, dir, cast, events };
}

/** A driver of the session on this machine's clock, at `speed` times real time. */
export function realTimeDriver(session: DrillSession, speed: number, stepMs: number): RealTimeDriver {
  return new RealTimeDriver(session, { now: () => performance.now(), setInterval, clearInterval }, speed, stepMs);
}

/**
 * A drill's exit code: 128 + the signal's number when a signal stopped it (SIGINT 130, SIGTERM 143, SIGHUP 129);
 * 130 when it was aborted from the keyboard (Ctrl+C, or the facilitator's Ctrl+E), as a shell reports Ctrl+C;
 * 0 when it ended by itself, resolved or timed out.
 */
export function drillExitCode(outcome: Outcome | undefined, signal: StopSignal | undefined): number {
  if (signal) return signalExitCode(signal);
  return outcome === 'aborted' ? signalExitCode('SIGINT') : 0;
}

/** Ends a running drill now as aborted (its journal gets drill.end), even when the engine throws on the way. */
export function endNow(session: DrillSession): void {
  if (session.status !== 'running') return;
  try {
    session.control({ kind: 'end' });
  } finally {
    // A throw before the session ended (a listener's bug) still ends it: a drill must stop when told to.
    if (session.status === 'running') session.end('aborted');
  }
}

/** What stopped a drill from outside while `watchStops` was watching: the first signal, the first uncaught error. */
export interface StopWatch {
  readonly signal?: StopSignal;
  readonly crash?: { readonly error: unknown };
  /** Resolves when a signal or an uncaught error has asked the drill to stop. */
  readonly stopped: Promise<void>;
  /** Stops watching: signals and errors get Node's default handling again. */
  dispose(): void;
}

/**
 * Watches for the stop signals (and, with `crashes`, uncaught errors) and calls `stop` for the first of each kind,
 * so the drill ends and its run folder is written instead of the process dying half-way. After a signal, later
 * signals are ignored: the files being written are not cut short.
 */
export function watchStops(stop: () => void, crashes = false): StopWatch {
  let resolveStopped!: () => void;
  const w: { signal?: StopSignal; crash?: { error: unknown } } = {};
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  const stopWatching = onOutsideStop((signal) => {
    w.signal = signal;
    resolveStopped();
    stop();
  });
  const onCrash = (error: unknown) => {
    if (w.crash) return;
    w.crash = { error };
    resolveStopped();
    try {
      stop();
    } catch {
      // The first error is the one reported.
    }
  };
  if (crashes) {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
  }
  return {
    get signal() { return w.signal; },
    get crash() { return w.crash; },
    stopped,
    dispose: () => {
      stopWatching();
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
    },
  };
}

/** Test hook: FIREDRILL_TEST_CRASH_AFTER_MS=N throws an uncaught error N ms into a real-time drill, to show a crash still saves the run. */
export function testCrashHook(): void {
  const crashAfter = Number(process.env.FIREDRILL_TEST_CRASH_AFTER_MS);
  if (crashAfter > 0) setTimeout(() => { throw new Error('injected crash (FIREDRILL_TEST_CRASH_AFTER_MS)'); }, crashAfter).unref();
}

/** The last step of every drill, however it stopped: it ends (drill.end in the journal) and its journal is closed. */
export function closeDrill(session: DrillSession, journal: FileJournal): void {
  try {
    endNow(session);
  } finally {
    journal.close();
  }
}
