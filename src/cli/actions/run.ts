/** `firedrill run <scenario>`: the full-screen drill in a terminal, solo with bots or hot-seat. */
import { userInfo } from 'node:os';
import type { BotPolicyName, CastRequest } from '../../engine/cast';
import { normalizePersonName, PERSON_NAME_MAX, personNameKey, personNameProblem } from '../../engine/person-name';
import { normalizeRole, SEATS } from '../../engine/roles';
import { headline } from '../../scoring/whose-score';
import { importUi } from '../import-ui';
import { err, out } from '../output';
import { requireScenario } from '../require-scenario';
import { EXIT, UserError } from '../user-error';
import type { ScorecardFiles } from '../write-scorecard';
import type { RunAppResult } from '../../ui/run-app';

import { seedOption, speedOption } from './simulate';
import { LocalClient } from '../../engine/view/local-client';
import { closeDrill, drillExitCode, realTimeDriver, setUpDrill, testCrashHook } from '../drill-setup';

export interface RunOptions {
  seed?: string;
  speed?: string;
  as?: string[];
  bots?: string;
  policy: BotPolicyName;
  out?: string;
  /** No terminal bell when one of this screen's seats is paged (the header still shows it). */
  quiet?: boolean;
}


/** The default player name: the login name in lower case without what a name cannot hold ("john.doe" plays as johndoe), else "you". */
export function defaultName(login: () => string = () => userInfo().username): string {
  try {
    const n = [...normalizePersonName(login()).toLowerCase().replace(/[^\p{L}\p{M}\p{Nd}_-]/gu, '')].slice(0, PERSON_NAME_MAX).join('');
    return personNameProblem(n) === undefined ? n : 'you';
  } catch {
    return 'you';
  }
}

/** Parses `--as NAME:ROLE[:SERVICE]`. */
export function parseAs(values: readonly string[]): CastRequest[] {
  const seen = new Set<string>();
  return values.map((v) => {
    const parts = v.split(':');
    if (parts.length > 3) throw new UserError(`--as "${v}": too many ":" parts; use NAME:ROLE or NAME:ROLE:SERVICE (e.g. --as carol:responder:checkout-db)`);
    const [given = '', roleText = '', service] = parts;
    if (service === '') throw new UserError(`--as "${v}": nothing after the last ":"; use NAME:ROLE or NAME:ROLE:SERVICE (e.g. --as carol:responder:checkout-db)`);
    const problem = personNameProblem(given);
    if (problem) throw new UserError(`--as "${v}": the name ${problem} (e.g. --as alice:ic or --as Zoë:scribe)`);
    const name = normalizePersonName(given);
    const role = normalizeRole(roleText);
    if (!role || role === 'facilitator') throw new UserError(`--as "${v}": unknown role "${roleText}"; use one of ${SEATS.join(', ')}`);
    if (seen.has(personNameKey(name))) throw new UserError(`--as "${v}": ${name} is given twice`);
    seen.add(personNameKey(name));
    return { name, role, ...(service ? { service } : {}) };
  });
}

/** Parses `--bots`: which seats bots may fill ("all", "none" or a comma list of roles). */
export function parseBots(value: string | undefined): ReadonlySet<string> {
  if (value === undefined || value === 'all') return new Set(SEATS);
  if (value === 'none') return new Set();
  const roles = value.split(',').map((r) => r.trim()).filter(Boolean).map((r) => {
    const role = normalizeRole(r);
    if (!role || role === 'facilitator') throw new UserError(`--bots: unknown role "${r}"; use all, none, or a list such as scribe,responder`);
    return role;
  });
  return new Set(roles);
}

/** Loads the UI modules `run` needs (Ink and its WebAssembly layout engine). */
export const loadRunUi = () => importUi(() => import('../../ui/run-modules'));

/** Runs the interactive drill; returns the exit code. `ui` may already be loading (see program.ts). */
export async function runRun(file: string, opts: RunOptions, ui: ReturnType<typeof loadRunUi> = loadRunUi(), uiCompiling?: Promise<void>): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError(`firedrill run needs an interactive terminal (stdin and stdout must be a TTY). To run a drill headless, use: firedrill simulate ${file}`);
  }
  ui.catch(() => undefined);
  // The scenario is parsed while the UI's layout engine compiles in the background (see wasmCompiling).
  if (uiCompiling) await uiCompiling;
  const scenario = requireScenario(file);
  const seed = seedOption(opts.seed);
  const speed = speedOption(opts.speed) ?? 1;
  const humans = parseAs(opts.as?.length ? opts.as : [`${defaultName()}:ic`]);
  for (const h of humans) {
    if (h.service && !scenario.services.some((s) => s.id === h.service) && !scenario.teams.some((t) => t.id === h.service)) {
      throw new UserError(`--as ${h.name}:${h.role}:${h.service}: the scenario has no service or team "${h.service}"`);
    }
  }
  const seats = parseBots(opts.bots);
  const { session, journal, dir, events } = setUpDrill({ scenario, file, seed, humans, policy: opts.policy, ...(opts.out !== undefined ? { out: opts.out } : {}), bots: seats });
  const driver = realTimeDriver(session, speed, 50);
  // A journal that cannot be written (a full disk) ends the drill: nothing more of it could be kept.
  journal.onFailure = () => setImmediate(() => driver.abort());
  testCrashHook();
  const { runApp, DrillStore, createTheme } = await ui;
  // The UI sees the drill only through a client: one local client, whose viewer hot-seat switches.
  const store = new DrillStore(new LocalClient(session, driver, humans.map((h) => h.name), events));
  // Scoring is needed only at the end; it loads once the drill has started, after the first frame.
  let scoringLoad: Promise<typeof import('../write-scorecard')> | undefined;
  const loadScoring = () => (scoringLoad ??= import('../write-scorecard'));
  let scoring!: typeof import('../write-scorecard');
  let files: ScorecardFiles | undefined;
  const writeFolder = (): ScorecardFiles | undefined => {
    closeDrill(session, journal);
    if (session.header) files = scoring.writeScorecard(dir, scenario, session.header, events);
    return files;
  };
  // After a bug: the drill still ends (drill.end goes into the journal first), then the scorecard files are written.
  const saveAfterCrash = async (): Promise<void> => {
    try {
      closeDrill(session, journal);
    } finally {
      scoring = await loadScoring();
      writeFolder();
    }
  };
  let ended: RunAppResult;
  try {
    ended = await runApp({
      store,
      theme: createTheme(),
      runDir: dir,
      quiet: opts.quiet === true,
      start: async () => {
        driver.start();
        const scoringLoaded = loadScoring();
        const outcome = await driver.done;
        scoring = await scoringLoaded;
        return outcome;
      },
      abort: () => driver.abort(),
      onCrash: saveAfterCrash,
      finish: () => writeFolder()!.card,
    });
  } catch (e) {
    // Whatever broke, the drill is ended and its run folder written as far as it can be.
    await saveAfterCrash().catch(() => undefined);
    throw e;
  }
  const card = files?.card;
  out(`Drill ${session.outcome ?? 'ended'}. ${card ? headline(card, humans.map((h) => h.name)) : 'Score not computed'}. Run folder: ${dir}`);
  const problem = scoring.runFolderProblem(dir, journal, files);
  if (problem) {
    err(`firedrill: ${problem}`);
    return EXIT.input;
  }
  return drillExitCode(ended.outcome, ended.signal);
}
