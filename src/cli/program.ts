/** The command table: every command's arguments and options, with its implementation loaded only when it runs. */
import { Command, Option } from 'commander';
import { importUi, wasmCompiling } from './import-ui';
import { VERSION } from '../version';

// Implementations are imported lazily so `firedrill validate` never pays for the engine, bots or UI.
const actions = {
  validate: () => import('./actions/validate'),
  graph: () => import('./actions/graph'),
  new: () => import('./actions/new'),
  schema: () => import('./actions/schema'),
  simulate: () => import('./actions/simulate'),
  run: () => import('./actions/run'),
  host: () => import('./actions/host'),
  replay: () => import('./actions/replay'),
  review: () => import('./actions/review'),
  history: () => import('./actions/history'),
};

const setExit = (code: number): void => {
  process.exitCode = code;
};

/** Builds the program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('firedrill')
    .description('A terminal game-day simulator: run scripted incident drills and score the response.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // The help lists commands in the order they are added.
  for (const add of [addRun, addHost, addSimulate, addReplay, addReview, addHistory, addValidate, addGraph, addNew, addSchema]) add(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** `run`: a drill full-screen in this terminal. */
function addRun(program: Command): void {
  program
    .command('run')
    .description('run a drill full-screen in this terminal: you play your roles, bots play the rest')
    .argument('<scenario>', 'scenario YAML file')
    .option('--seed <seed>', 'random seed; random when omitted')
    .option('--speed <x>', 'drill speed as a multiple of real time', '1')
    .option('--as <name:role>', 'who you play, e.g. alice:ic or carol:responder:checkout-db; repeat for hot-seat (default: your login name as IC)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--bots <roles>', 'seats bots may fill: all (default), none, or a list such as scribe,responder')
    .addOption(new Option('--policy <policy>', 'how the bots play').choices(['by-the-book', 'sloppy']).default('by-the-book'))
    .option('--out <dir>', 'run folder (default ./firedrill-runs/<UTC time>-<scenario-id>/)')
    .option('--quiet', 'no terminal bell when one of your seats is paged (the header still shows PAGED)')
    .action(async (file, opts) => {
      // The UI starts loading first, and the scenario is parsed once its WebAssembly layout engine has started
      // compiling (on V8's background threads), so the two overlap. Parsing first, as before, left the main thread
      // idle for about 30 ms of that compile.
      const compiling = wasmCompiling();
      const ui = importUi(() => import('../ui/run-modules'));
      ui.catch(() => undefined);
      setExit(await (await actions.run()).runRun(file, opts, ui, compiling.watch(ui)));
    });
}

/** `host`: one drill served over SSH to a team, each person at their own terminal. */
function addHost(program: Command): void {
  program
    .command('host')
    .description('host a team drill: everyone joins from their own terminal with plain ssh; this terminal is the facilitator console')
    .argument('[scenario]', 'scenario YAML file (optional with --resume)')
    .option('--port <n>', 'TCP port to listen on', '2222')
    .option('--listen <addr>', 'IP address to listen on; 0.0.0.0 for every network this machine is on', '127.0.0.1')
    .option('--code <code>', 'the join code people type (default: a new random one)')
    .option('--authorized-keys <file>', 'OpenSSH authorized_keys file: these keys join without the code')
    .option('--host-key <file>', 'the host\'s SSH key, made once and kept (default ~/.config/firedrill/host_ed25519_key)')
    .option('--max-connections <n>', 'SSH connections allowed at once', '32')
    .option('--seed <seed>', 'random seed; random when omitted')
    .option('--speed <x>', 'drill speed as a multiple of real time', '1')
    .option('--bots <roles>', 'seats bots may fill: all (default), none, or a list such as scribe,responder')
    .addOption(new Option('--policy <policy>', 'how the bots play').choices(['by-the-book', 'sloppy']).default('by-the-book'))
    .option('--out <dir>', 'run folder (default ./firedrill-runs/<UTC time>-<scenario-id>/)')
    .option('--resume <run-dir>', 'carry on a drill whose host stopped, from its run folder\'s journal (people reconnect)')
    .action(async (file, opts) => setExit(await (await actions.host()).runHost(file, opts)));
}

/** `simulate`: a whole drill headless, bots in every open role. */
function addSimulate(program: Command): void {
  program
    .command('simulate')
    .description('run a whole drill headless on simulated time, with bots in every open role, and write the run folder')
    .argument('<scenario>', 'scenario YAML file')
    .option('--seed <seed>', 'random seed (same scenario + seed + script = same drill); random when omitted')
    .option('--script <file>', 'drill script: participants, bots and timed commands')
    .addOption(new Option('--policy <policy>', 'how the bots play').choices(['by-the-book', 'sloppy']).default('by-the-book'))
    .option('--json', 'print one JSON document instead of the summary')
    .option('--out <dir>', 'run folder (default ./firedrill-runs/<UTC time>-<scenario-id>/)')
    .option('--speed <x>', 'run on the real clock at this multiple of real time instead of as fast as possible')
    .action(async (file, opts) => setExit(await (await actions.simulate()).runSimulate(file, opts)));
}

/** `replay`: re-runs a journal's inputs and checks the events reproduce. */
function addReplay(program: Command): void {
  program
    .command('replay')
    .description('re-run a drill journal\'s inputs against its scenario and check that every event reproduces')
    .argument('<run>', 'run folder or journal.jsonl')
    .option('--scenario <file>', 'the scenario file, when it has moved since the run')
    .option('--json', 'print one JSON document')
    .action(async (target, opts) => setExit((await actions.replay()).runReplay(target, opts)));
}

/** `review`: prints a drill's scorecard. */
function addReview(program: Command): void {
  program
    .command('review')
    .description('print a drill\'s scorecard: response times, rules by role, scribe coverage, participants and lost points')
    .argument('<run>', 'run folder or scorecard.json')
    .addOption(new Option('--markdown', 'print scorecard.md (Markdown) instead').conflicts('json'))
    .option('--json', 'print the scorecard as one JSON document')
    .option('--print', 'print the scorecard as text even on a terminal (a terminal otherwise gets the scorecard screen)')
    .action(async (target, opts) => setExit(await (await actions.review()).runReview(target, opts)));
}

/** `history`: every scored run under a folder, with trends. */
function addHistory(program: Command): void {
  program
    .command('history')
    .description('list every scored run under a folder, with score trends per scenario and who should take IC and Scribe next')
    .argument('[dir]', 'folder holding run folders (default ./firedrill-runs)')
    .option('--scenario <id>', 'only runs of this scenario')
    .addOption(new Option('--markdown', 'print the history as Markdown, with a Mermaid score chart per scenario').conflicts('json'))
    .option('--json', 'print one JSON document')
    .action(async (dir, opts) => setExit((await actions.history()).runHistory(dir, opts)));
}

/** `validate`: checks scenario files. */
function addValidate(program: Command): void {
  program
    .command('validate')
    .description('check scenario files: YAML syntax, schema, references and lint; reports every problem as file:line:col')
    .argument('<file...>', 'scenario YAML files')
    .option('--json', 'print one JSON document with every problem')
    .option('--strict', 'treat lint warnings as errors')
    .action(async (files, opts) => setExit((await actions.validate()).runValidate(files, opts)));
}

/** `graph`: the phase graph as Mermaid or DOT. */
function addGraph(program: Command): void {
  program
    .command('graph')
    .description('print the scenario\'s phase graph as Mermaid (default) or Graphviz DOT')
    .argument('<scenario>', 'scenario YAML file')
    .addOption(new Option('--format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid'))
    .action(async (file, opts) => setExit((await actions.graph()).runGraph(file, opts)));
}

/** `new`: writes a starter scenario. */
function addNew(program: Command): void {
  program
    .command('new')
    .description('write a commented starter scenario (into ./scenarios/ if it exists, else the current folder)')
    .argument('<scenario-id>', 'id of the new scenario, e.g. cache-stampede')
    .option('--dir <dir>', 'folder to write into')
    .option('--force', 'overwrite an existing file')
    .action(async (id, opts) => setExit((await actions.new()).runNewCommand(id, opts)));
}

/** `schema`: prints the scenario JSON Schema. */
function addSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the scenario format (for editors and other tools)')
    .action(async () => setExit((await actions.schema()).runSchema()));
}
