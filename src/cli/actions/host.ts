/** `firedrill host <scenario>`: one drill served over SSH; everyone joins from their own terminal with plain `ssh`. */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { BotPolicyName } from '../../engine/cast';
import type { JournalEvent } from '../../engine/journal';
import type { RealTimeDriver } from '../../engine/real-time-driver';
import type { DrillSession } from '../../engine/session';
import { JournalError } from '../../engine/parse-journal';
import { recordedSpeed, ResumeError, resumeSession } from '../../engine/resume';
import { attachBots } from '../../bots/attach-bots';
import { FileJournal } from '../../io/file-journal';
import { readAuthorizedKeys } from '../../io/authorized-keys-file';
import { defaultHostKeyPath, loadOrCreateHostKey } from '../../io/host-key-file';
import { readJournal } from '../../io/read-journal';
import { KeyFileError } from '../../io/key-file-error';
import { pathKind } from '../../io/file-system';
import type { HostedDrill } from '../../net/drill-host';
import { newJoinCode } from '../../net/join-code';
import type { Scenario } from '../../scenario/types';
import { headline } from '../../scoring/whose-score';
import { stripControlLines } from '../../engine/sanitize';
import { closeDrill, drillExitCode, realTimeDriver, setUpDrill } from '../drill-setup';
import { importUi } from '../import-ui';
import { err, out } from '../output';
import { onOutsideStop, signalExitCode, type StopSignal } from '../outside-stops';
import { requireScenario } from '../require-scenario';
import { EXIT, UserError } from '../user-error';
import { writeScorecard, runFolderProblem, type ScorecardFiles } from '../write-scorecard';
import { findScenario, journalPath } from './replay';
import { parseBots } from './run';
import { seedOption, speedOption } from './simulate';

export interface HostOptions {
  port: string;
  listen: string;
  seed?: string;
  speed?: string;
  bots?: string;
  policy: BotPolicyName;
  out?: string;
  code?: string;
  authorizedKeys?: string;
  hostKey?: string;
  maxConnections: string;
  resume?: string;
}

/** How long a host told to stop by a signal (or a lost terminal) may take to say goodbye before it exits anyway. */
const STOP_DEADLINE_MS = 5000;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Parses --port: a TCP port, 1 to 65535 (0 asks the system for a free one, for tests). */
export function portOption(text: string): number {
  const n = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new UserError(`--port "${text}" must be a TCP port number from 1 to 65535, e.g. --port 2222`);
  return n;
}

/** Parses --listen: an IP address to bind (a host name would hide which interface is exposed). */
export function listenOption(text: string): string {
  if (text === 'localhost') return '127.0.0.1';
  if (!isIP(text)) throw new UserError(`--listen "${text}" must be an IP address, e.g. 127.0.0.1 (this machine only, the default) or 0.0.0.0 (every network it is on)`);
  return text;
}

/** Parses --code: the join code people type (4 to 64 visible characters, no spaces). */
export function codeOption(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^[\x21-\x7e]{4,64}$/.test(text)) throw new UserError('--code must be 4 to 64 visible characters without spaces, e.g. --code tiger-lake-42');
  return text;
}

/** Parses --max-connections: how many SSH connections at once, 1 to 500. */
export function maxConnectionsOption(text: string): number {
  const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 500)) throw new UserError(`--max-connections "${text}" must be a whole number from 1 to 500`);
  return n;
}

/** The addresses people on the network can reach this host at, for the join line when it listens on every interface. */
function reachableAddresses(listen: string): string[] {
  if (listen !== '0.0.0.0' && listen !== '::') return [listen.includes(':') ? `[${listen}]` : listen];
  const found = Object.values(networkInterfaces()).flat().filter((i) => i && !i.internal && (listen === '::' || i.family === 'IPv4')).map((i) => i!.address);
  return found.length ? found : ['<this machine\'s address>'];
}

/** The lines the facilitator reads out or pastes: how to join, the code, the host key, and warnings. */
function joinLines(o: { listen: string; port: number; code?: string; keys: boolean; fingerprint: string; created: boolean; keyPath: string }): string[] {
  const hosts = reachableAddresses(o.listen);
  const lines = hosts.map((h) => `ssh -p ${o.port} NAME@${h}`);
  if (o.code) lines.push(`join code: ${o.code}`);
  if (o.keys) lines.push('keys listed in --authorized-keys join without the code');
  lines.push(`host key ${o.fingerprint}${o.created ? ` (new, kept in ${o.keyPath})` : ''}`);
  if (!LOOPBACK.has(o.listen)) lines.push(`warning: listening on ${o.listen}: anyone who can reach port ${o.port} and knows the code can join`);
  else lines.push('listening on this machine only: use --listen 0.0.0.0 for a team on the network');
  return lines;
}

/** Reads a key file, turning a bad one into a user error that names it (file:line for authorized_keys). */
function keyFile<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof KeyFileError) throw new UserError(e.message);
    throw e;
  }
}

/** Rebuilds a drill from its run folder's journal after the host died: the journal goes on where it stopped. */
function resumeDrill(runDir: string, explicitScenario: string | undefined, speed: number, policy: BotPolicyName, bots: ReadonlySet<string>): { drill: HostedDrill; driver: RealTimeDriver; scenario: Scenario; file: FileJournal; dir: string } {
  const path = journalPath(runDir);
  let read;
  try {
    read = readJournal(path);
  } catch (e) {
    if (e instanceof JournalError) throw new UserError(e.message);
    throw e;
  }
  const { header, events } = read;
  const scenario = findScenario(header.scenario.id, header.scenario.file, explicitScenario);
  const file = FileJournal.append(path);
  let session;
  try {
    // The bots are there from the start of the re-run: they type their recorded lines again and keep all they knew.
    session = resumeSession(scenario, header, events, file, { wall: () => new Date().toISOString(), attach: (s) => void attachBots(s, policy, bots) });
  } catch (e) {
    file.close();
    if (e instanceof ResumeError) throw new UserError(`cannot resume ${runDir}: ${e.message}`);
    throw e;
  }
  const kept: JournalEvent[] = [...events];
  session.onEvent((e) => kept.push(e));
  // The journal does not keep --speed; the facilitator's last change of speed does. The clock starts once the host listens.
  const driver = realTimeDriver(session, recordedSpeed(events) ?? speed, 50);
  return { drill: { session, driver, events: kept }, driver, scenario, file, dir: join(path, '..') };
}

/** Runs the host command; returns the exit code. */
export async function runHost(file: string | undefined, opts: HostOptions): Promise<number> {
  if (!file && !opts.resume) throw new UserError('firedrill host needs a scenario file (or --resume RUN_DIR to carry on a drill whose host stopped)');
  // Flags are checked first: a mistake in one is named whether or not there is a terminal.
  const port = portOption(opts.port);
  const listen = listenOption(opts.listen);
  const code = codeOption(opts.code);
  const maxConnections = maxConnectionsOption(opts.maxConnections);
  const speed = speedOption(opts.speed) ?? 1;
  const bots = parseBots(opts.bots);
  const seed = seedOption(opts.seed);
  // A run folder that already holds a drill is refused now, not when the facilitator presses start.
  if (opts.out !== undefined && !opts.resume && pathKind(join(opts.out, 'journal.jsonl')) !== 'missing') {
    throw new UserError(`${opts.out} already holds a drill (journal.jsonl); choose another --out folder so no run is overwritten`);
  }
  const authorizedKeys = opts.authorizedKeys ? keyFile(() => readAuthorizedKeys(opts.authorizedKeys!)) : undefined;
  const given = opts.resume ? undefined : requireScenario(file!);
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError('firedrill host needs an interactive terminal for the facilitator console (stdin and stdout must be a TTY)');
  }
  // Without keys, people join with the code: one is made up when none was given. With keys, the code is optional.
  const joinCode = code ?? (authorizedKeys ? undefined : newJoinCode());
  const keyPath = opts.hostKey ?? defaultHostKeyPath(process.env);
  const hostKey = keyFile(() => loadOrCreateHostKey(keyPath));

  const resumed = opts.resume ? resumeDrill(opts.resume, file, speed, opts.policy, bots) : undefined;
  const scenario = resumed?.scenario ?? given!;
  // The drill's files, once it has started (at once when resumed): the journal, its header and events, the folder.
  let files: ScorecardFiles | undefined;
  let drill: { session: DrillSession; journal: FileJournal; events: readonly JournalEvent[]; dir: string } | undefined = resumed && {
    session: resumed.drill.session, journal: resumed.file, events: resumed.drill.events, dir: resumed.dir,
  };

  /** Ends the drill (drill.end in its journal), closes the journal and writes the scorecard files, once. */
  const save = (): void => {
    if (!drill || files) return;
    closeDrill(drill.session, drill.journal);
    if (drill.session.header) files = writeScorecard(drill.dir, scenario, drill.session.header, drill.events);
  };
  let gate: Awaited<ReturnType<typeof import('../../net/ssh-gate').openGate>> | undefined;
  const ui = await importUi(() => import('../../ui/host-modules'));
  const { DrillHost } = await import('../../net/drill-host');
  const { openGate } = await import('../../net/ssh-gate');
  const theme = ui.createTheme();
  const host = new DrillHost({
    scenario,
    joinLines: () => joinLines({ listen, port: gate?.address().port ?? port, ...(joinCode ? { code: joinCode } : {}), keys: !!authorizedKeys, fingerprint: hostKey.fingerprint, created: hostKey.created, keyPath }),
    begin: (cast) => {
      const set = setUpDrill({ scenario, file: file!, seed, humans: cast, policy: opts.policy, ...(opts.out !== undefined ? { out: opts.out } : {}), bots });
      const driver = realTimeDriver(set.session, speed, 50);
      // A journal that cannot be written (a full disk) ends the drill: nothing more of it could be kept.
      set.journal.onFailure = () => setImmediate(() => driver.abort());
      drill = { session: set.session, journal: set.journal, events: set.events, dir: set.dir };
      driver.start();
      return { session: set.session, driver, events: set.events };
    },
    finish: () => {
      save();
      return { ...(files ? { card: files.card } : {}), dir: drill!.dir };
    },
    mount: (t, model) => ui.mountParticipant(t, model, theme),
    ...(resumed ? { resumed: resumed.drill } : {}),
  });

  try {
    gate = await openGate({ listen, port, hostKey: hostKey.key, ...(joinCode ? { code: joinCode } : {}), ...(authorizedKeys ? { authorizedKeys } : {}), maxConnections, banner: `firedrill: ${scenario.title}` }, (t) => host.connect(t));
  } catch (e) {
    resumed?.file.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`port ${port} on ${listen} is already in use (another firedrill host?); pick another with --port`);
    if (code === 'EADDRNOTAVAIL') throw new UserError(`--listen ${listen}: this machine has no such address`);
    if (code === 'EACCES') throw new UserError(`port ${port} needs privileges on this machine; use a port above 1023, e.g. --port 2222`);
    throw e;
  }

  // A bug anywhere: the drill is ended and its run folder written as far as it can be, and the process exits 2.
  // The message is written at exit, after the console has given the terminal back, so it can be read.
  let crashed = false;
  const onCrash = (e: unknown): void => {
    if (crashed) return;
    crashed = true;
    try {
      save();
    } catch {
      // The first error is the one reported.
    }
    const where = drill ? `; the drill is saved in ${drill.dir} as far as it got` : '';
    process.once('exit', () => process.stderr.write(stripControlLines(`firedrill: internal error (this is a bug, please report it)${where}\n${(e as Error)?.stack ?? String(e)}\n`)));
    process.exit(EXIT.internal);
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);

  // Paused until the facilitator resumes: people reconnect before a resumed drill's clock moves.
  resumed?.driver.start({ resumed: true, paused: true });
  let signal: StopSignal | undefined;
  const stopWatching = onOutsideStop((s) => {
    signal = s;
    host.quit();
    // However the goodbyes go, a host told to stop is gone within a few seconds: its drill is saved first.
    setTimeout(() => {
      try {
        save();
      } finally {
        process.exit(signalExitCode(s));
      }
    }, STOP_DEADLINE_MS).unref();
  }, { terminal: process.stdin });
  try {
    await ui.runHostConsole(host, theme, host.quitted);
  } catch (e) {
    // The console broke: the drill still ends and its run folder is written before the error is reported.
    save();
    throw e;
  } finally {
    stopWatching();
    await gate.close();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
  const outcome = await host.quitted;
  if (outcome === undefined || !drill) return signal ? drillExitCode(undefined, signal) : EXIT.ok;
  const card = files?.card;
  const humans = drill.session.options.cast.filter((p) => p.kind === 'human').map((p) => p.name);
  out(`Drill ${outcome}. ${card ? headline(card, humans) : 'Score not computed'}. Run folder: ${drill.dir}`);
  const problem = runFolderProblem(drill.dir, drill.journal, files);
  if (problem) {
    err(`firedrill: ${problem}`);
    return EXIT.input;
  }
  return drillExitCode(outcome, signal);
}
