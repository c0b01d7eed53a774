/** Setting up a drill the way `run` and `simulate` both do: cast, run folder, journal file, session and bots. */
import { resolve } from 'node:path';
import { attachBots } from '../bots/attach-bots';
import { buildCast, type BotPolicyName, type CastRequest } from '../engine/cast';
import type { JournalEvent, JournalParticipant } from '../engine/journal';
import { createFaker } from '../engine/random';
import { RealTimeDriver } from '../engine/real-time-driver';
import { DrillSession } from '../engine/session';
import type { FileJournal } from '../io/file-journal';
import type { Scenario } from '../scenario/types';
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
