/** `firedrill simulate <scenario>`: runs a whole drill headless on simulated time and writes the run folder. */
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { BotPolicyName } from '../../engine/cast';
import { stripControl } from '../../engine/sanitize';
import { DrillSession } from '../../engine/session';
import { loadDrillScript } from '../../io/drill-script-file';
import type { DrillScript } from '../../scenario/drill-script';
import { formatProblem } from '../../scenario/problem';
import { headline } from '../../scoring/whose-score';
import type { RealTimeDriver } from '../../engine/real-time-driver';
import { err, out, outJson } from '../output';
import { requireScenario } from '../require-scenario';
import { keyTimes, summaryLines } from '../summary';
import { injectCounts } from '../../scoring/injects';
import { EXIT, UserError } from '../user-error';
import { runFolderProblem, writeScorecard, type ScorecardFiles } from '../write-scorecard';
import { closeDrill, drillExitCode, endNow, realTimeDriver, setUpDrill, testCrashHook, watchStops } from '../drill-setup';

export interface SimulateOptions {
  seed?: string;
  script?: string;
  policy: BotPolicyName;
  json?: boolean;
  out?: string;
  speed?: string;
}

/** Parses --seed: any non-empty word; a fresh random one when absent. */
export function seedOption(seed: string | undefined): string {
  if (seed === undefined) return String(randomInt(1, 1_000_000));
  if (!/^[\w.-]{1,64}$/.test(seed)) throw new UserError(`--seed "${seed}" must be a number or word (letters, digits, . _ -)`);
  return seed;
}

/** The slowest and fastest --speed: 1/64 of real time (a minute of drill time in about an hour) to 4096×. */
export const MIN_SPEED = 1 / 64;
export const MAX_SPEED = 4096;

/**
 * Parses --speed: a multiple of real time, written in decimal (2, 0.5, 16.25). Number() would also take hex
 * (0x10), exponents (1e-300, a speed at which the drill never advances), "Infinity" and blanks, so the text
 * is checked first.
 */
export function speedOption(speed: string | undefined): number | undefined {
  if (speed === undefined) return undefined;
  const n = /^(?:\d{1,9}(?:\.\d{0,12})?|\.\d{1,12})$/.test(speed) ? Number(speed) : NaN;
  if (!(n >= MIN_SPEED && n <= MAX_SPEED)) {
    throw new UserError(`--speed "${speed}" must be a decimal number from ${MIN_SPEED} (1/64) to ${MAX_SPEED}, e.g. 2 or 0.5 (1 = real time)`);
  }
  return n;
}

/** Runs the simulate command; returns the exit code. */
export async function runSimulate(file: string, opts: SimulateOptions): Promise<number> {
  const speed = speedOption(opts.speed);
  const scenario = requireScenario(file);
  const seed = seedOption(opts.seed);
  let script: DrillScript | undefined;
  if (opts.script) {
    const loaded = loadDrillScript(opts.script, scenario);
    if (!loaded.script) throw new UserError(`${opts.script} is not a valid drill script`, loaded.problems.map(formatProblem));
    script = loaded.script;
  }
  const policy: BotPolicyName = script && script.bots !== 'none' ? script.bots : opts.policy;
  const { session, journal, dir, cast, events } = setUpDrill({
    scenario, file, seed, humans: script?.participants ?? [], policy, ...(opts.out !== undefined ? { out: opts.out } : {}), ...(script?.bots === 'none' ? { bots: 'none' } : {}),
  });
  const driver = speed === undefined ? undefined : realTimeDriver(session, speed, 20);
  // A signal or an uncaught error ends the drill as aborted; a journal that cannot be written ends it too.
  const stops = watchStops(() => (driver ? driver.abort() : endNow(session)), true);
  journal.onFailure = () => setImmediate(() => endNow(session));
  let files: ScorecardFiles | undefined;
  try {
    try {
      if (!driver) session.runSimulated(script?.actions ?? []);
      else await runRealTime(session, driver, script?.actions ?? [], stops.stopped);
    } finally {
      // However the drill stopped, its journal gets drill.end and the run folder its scorecard files.
      closeDrill(session, journal);
      if (session.header) files = writeScorecard(dir, scenario, session.header, events);
    }
  } finally {
    stops.dispose();
  }
  if (stops.crash) throw stops.crash.error;
  const card = files!.card;
  if (opts.json) {
    outJson({
      score: card.score, grade: card.grade, ...(card.notScored ? { notScored: card.notScored } : {}),
      people: card.participants.filter((p) => p.kind === 'human').map((p) => ({ name: p.name, roles: p.roles, score: p.score, grade: p.grade })),
      outcome: session.outcome ?? 'aborted', scenario: { id: scenario.id, title: scenario.title, hash: scenario.hash }, seed,
      policy, runDir: dir, journal: join(dir, 'journal.jsonl'), events: events.length, times: keyTimes(events), injects: injectCounts(scenario, events),
      participants: cast,
    });
  } else {
    // Each person's own score leads, then the team's (only the team's when bots played every seat).
    out([...summaryLines(session, dir, events), `  score       ${stripControl(headline(card))}`].join('\n'));
  }
  const problem = runFolderProblem(dir, journal, files);
  if (problem) {
    err(`firedrill: ${problem}`);
    return EXIT.input;
  }
  return drillExitCode(session.outcome, stops.signal);
}

/** Runs on the real clock (the way a live drill runs), feeding scripted input on time, until the drill ends or is stopped. */
async function runRealTime(session: DrillSession, driver: RealTimeDriver, inputs: readonly { atMs: number; actor: string; text: string }[], stopped: Promise<void>): Promise<void> {
  testCrashHook();
  driver.start();
  for (const input of [...inputs].sort((a, b) => a.atMs - b.atMs)) {
    session.scheduler.setTimeout(() => session.submit(input.actor, input.text), Math.max(0, input.atMs - session.scheduler.now()));
  }
  await Promise.race([driver.done, stopped]);
}
