// Soak (issue 11, item 6): a two-hour drill at 512x under node-pty while someone types random lines at random
// intervals (chat, /note, /status, unknown commands, hostile text) and the terminal is resized at random. Samples the
// process's resident memory every 250 ms, and checks nothing was lost: the run folder has a journal ending in
// drill.end, both scorecards and the postmortem, and `firedrill replay` reproduces it.
// Run by hand: `node build.mjs && node bench/soak.mjs` (or `npm run bench:soak`). SOAK_SEED picks another
// sequence of keys and resizes; SOAK_SPEED another speed. Exits 1 if anything was lost.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import xterm from '@xterm/headless';
import seedrandom from 'seedrandom';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'dist', 'firedrill.js');
const tmp = join(root, '.bench-tmp', 'soak');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const SPEED = process.env.SOAK_SPEED ?? '512';
const rand = seedrandom(process.env.SOAK_SEED ?? 'soak');
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (kb) => `${(kb / 1024).toFixed(1)} MiB`;

// The intro scenario stretched to two hours, as bench/tui.mjs does.
const scenario = join(tmp, 'intro-120m.yaml');
writeFileSync(scenario, readFileSync(join(root, 'scenarios/bad-deploy-rollback.yaml'), 'utf8').replace(/^duration: .*$/m, 'duration: 120m'));
const out = join(tmp, 'run');

// What gets typed. Hostile text is typed as keys too: escape sequences, 8-bit controls, a BiDi override. Control
// keys that the UI binds (^C, ^E, ^S, ...) are left out: they would end or slow the drill, which is not the point.
const HOSTILE = ['\u001b]52;c;ZXZpbA==\u0007', '\u001b]0;pwned\u0007', '\u001b[2J', '\u009b2J', '\u009d0;x\u009c', '\u202e', 'evil\u202eend'];
const WORDS = ['orders', 'rollback', 'deploy', 'checking', 'logs', 'p99', 'db', 'ok', 'looking', 'at', 'the', 'dashboard', 'paging', 'ETA', '5m'];
const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
function randomLine() {
  const r = rand();
  if (r < 0.3) return words(1 + Math.floor(rand() * 12));
  if (r < 0.5) return `/note ${words(1 + Math.floor(rand() * 8))}`;
  if (r < 0.65) return `/status ${words(1 + Math.floor(rand() * 10))}`;
  if (r < 0.75) return `/${pick(['frobnicate', 'nope', 'ackk', 'x', 'statuss', '', '/'])} ${words(2)}`;
  if (r < 0.9) return `${words(2)} ${pick(HOSTILE)} ${words(1)}${pick(HOSTILE)}`;
  return 'x'.repeat(200 + Math.floor(rand() * 2000));
}

function rssKb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

let cols = 100;
let rows = 30;
const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
const args = ['run', scenario, '--speed', SPEED, '--as', 'alice:ic', '--seed', '1', '--out', out];
const t0 = performance.now();
const p = pty.spawn(process.execPath, [BIN, ...args], { cols, rows, cwd: root, name: 'xterm-256color', env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '' } });
let bytes = 0;
let exit;
p.onData((d) => { bytes += Buffer.byteLength(d); term.write(d); });
p.onExit((e) => { exit = e; });
const screen = () => { const b = term.buffer.active; let t = ''; for (let i = 0; i < term.rows; i++) t += `${b.getLine(i)?.translateToString(true) ?? ''}\n`; return t; };
const atScorecard = () => /team \d+ \(|Not scored/.test(screen());

const samples = [];
const sampler = setInterval(() => { const kb = rssKb(p.pid); if (kb) samples.push({ ms: performance.now() - t0, kb }); }, 250);

let lines = 0;
let keys = 0;
let resizes = 0;
const deadline = performance.now() + 10 * 60_000;
// Typing and resizing until the drill ends on its own and the scorecard screen shows.
while (exit === undefined && !atScorecard() && performance.now() < deadline) {
  const r = rand();
  if (r < 0.15) {
    cols = 40 + Math.floor(rand() * 160);
    rows = 10 + Math.floor(rand() * 50);
    p.resize(cols, rows);
    term.resize(cols, rows);
    resizes++;
  } else {
    const line = randomLine();
    // Typed in bursts of a few characters, the way a paste or fast typing arrives.
    for (let i = 0; i < line.length;) {
      const n = 1 + Math.floor(rand() * 8);
      p.write(line.slice(i, i + n));
      keys += Math.min(n, line.length - i);
      i += n;
      if (rand() < 0.3) await sleep(Math.floor(rand() * 30));
    }
    p.write('\r');
    lines++;
  }
  await sleep(Math.floor(rand() * 400));
}
const drillMs = performance.now() - t0;
const reachedScorecard = atScorecard();
if (exit === undefined) p.write('q');
for (let w = 0; w < 200 && exit === undefined; w++) await sleep(50);
clearInterval(sampler);
if (exit === undefined) p.kill();

// Nothing lost.
const problems = [];
if (!reachedScorecard) problems.push(`the scorecard screen never showed; last screen:\n${screen()}`);
if (exit?.exitCode !== 0) problems.push(`run exited ${JSON.stringify(exit)}`);
const journal = join(out, 'journal.jsonl');
for (const f of ['journal.jsonl', 'scorecard.json', 'scorecard.md', 'postmortem.md']) if (!existsSync(join(out, f))) problems.push(`${f} missing`);
let events = 0;
if (existsSync(journal)) {
  const jl = readFileSync(journal, 'utf8').trimEnd().split('\n');
  events = jl.length - 1;
  const last = JSON.parse(jl.at(-1));
  if (last.type !== 'drill.end' && last.kind !== 'drill.end') problems.push(`journal ends in ${jl.at(-1).slice(0, 200)}`);
}
const replay = spawnSync(process.execPath, [BIN, 'replay', out], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
if (replay.status !== 0) problems.push(`replay exited ${replay.status}: ${replay.stdout}${replay.stderr}`);

const kb = samples.map((s) => s.kb);
const q = Math.max(1, Math.floor(kb.length / 4));
const first = median(kb.slice(0, q));
const last = median(kb.slice(-q));
console.log(`soak: ${SPEED}x two-hour drill under node-pty, ${(drillMs / 1000).toFixed(1)} s to the scorecard screen`);
console.log(`  typed ${lines} lines (${keys} characters), ${resizes} resizes, ${(bytes / 1024).toFixed(0)} KiB written to the terminal, ${events} journal events`);
console.log(`  RSS: ${samples.length} samples every 250 ms, peak ${mib(Math.max(...kb))} at ${(samples[kb.indexOf(Math.max(...kb))].ms / 1000).toFixed(1)} s, median of first quarter ${mib(first)}, of last quarter ${mib(last)}, growth ${mib(last - first)}`);
console.log(`  replay: ${(replay.stdout || replay.stderr).trim().replace(/^.*: /, '')}`);
if (problems.length) {
  console.log(`LOST:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('  nothing lost: journal ends in drill.end, scorecard.json, scorecard.md and postmortem.md written, replay exits 0');
  if (!process.env.SOAK_KEEP) rmSync(join(root, '.bench-tmp'), { recursive: true, force: true });
}
