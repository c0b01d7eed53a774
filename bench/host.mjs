// Team drill host benchmark (run by hand: `npm run bench:host`; not part of `npm run bench` or `npm test`).
// `firedrill host` serves a 30-minute scenario at 4x in a pty (the facilitator console); 20 scripted people join
// over SSH with the ssh2 client, each in a pty of its own, take every seat (so no bots play), and once the
// facilitator starts the drill each types a unique chat line one character at a time every 10 s of wall time.
// From the raw bytes each person's client receives (escape sequences stripped) it measures: how long a line takes
// from Enter to every OTHER person's screen, how long a typed character takes to show on the typist's own command
// line, the host's CPU, bytes per person per idle clock tick, and that nothing was lost (journal and replay).
// HOST_BENCH_WALL_S shortens the drill's wall time for a quick check (default: the whole 30 minutes, 450 s at 4x);
// a shortened drill is ended by the facilitator (Ctrl+E, y). HOST_BENCH_KEEP=1 keeps the temp folder;
// HOST_BENCH_NODE_ARGS passes node options to the host ("--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import xterm from '@xterm/headless';
import seedrandom from 'seedrandom';
import ssh2 from 'ssh2';

const { Client } = ssh2;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'dist', 'firedrill.js');
const SCENARIO = join(root, 'scenarios/bad-deploy-rollback.yaml');
const DRILL_MINUTES = 30;
const SPEED = 4;
const FULL_WALL_S = (DRILL_MINUTES * 60) / SPEED;
const WALL_S = Number(process.env.HOST_BENCH_WALL_S ?? FULL_WALL_S);
const FULL = WALL_S >= FULL_WALL_S;
const PEOPLE = 20;
const EVERY_MS = 10_000;
const CODE = 'bench-code-4417';
const TEAMS = ['web-team', 'orders-team', 'dba'];
const rand = seedrandom('host-bench');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
/** The value at quantile q (nearest rank). */
const quantile = (xs, q) => { const s = sorted(xs); return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]; };
const ms = (x) => (x === undefined ? 'n/a' : `${x.toFixed(1)} ms`);
// CSI, OSC (BEL or ST), other two-byte escapes, and the remaining C0 controls but newline.
const ESC_RE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|[\x00-\x09\x0b-\x1f\x7f]/g;
const strip = (s) => s.replace(ESC_RE, '');
const TOKEN_RE = /m-p(\d\d)-(\d{4})/g;
const CLOCK_RE = /T\+(\d+):(\d\d) +[\d.]+x/g;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** utime + stime of a process, in seconds (/proc/PID/stat fields 14 and 15, after the command's parentheses). */
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
  } catch {
    return undefined;
  }
}
function statusKb(pid, field) {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** `node -e 0` in a pty, start to exit: the floor for the host's start-up, started the same way. */
function floorOnce() {
  return new Promise((resolve) => {
    const t0 = now();
    const p = pty.spawn(process.execPath, ['-e', '0'], { cols: 120, rows: 40 });
    p.onExit(() => resolve(now() - t0));
  });
}

// ---- the host, in a pty with a terminal emulator for its console ------------------------------------------------
const tmp = mkdtempSync(join(tmpdir(), 'firedrill-host-bench-'));
const home = join(tmp, 'home');
mkdirSync(home);
const out = join(tmp, 'run');
const problems = [];
let host;

function startHost(port) {
  const term = new xterm.Terminal({ cols: 120, rows: 40, allowProposedApi: true });
  const args = [BIN, 'host', SCENARIO, '--port', String(port), '--code', CODE, '--host-key', join(tmp, 'host_key'), '--out', out, '--speed', String(SPEED), '--seed', '1'];
  const nodeArgs = process.env.HOST_BENCH_NODE_ARGS ? process.env.HOST_BENCH_NODE_ARGS.split(' ') : [];
  const p = pty.spawn(process.execPath, [...nodeArgs, ...args], { cols: 120, rows: 40, cwd: tmp, name: 'xterm-256color', env: { ...process.env, HOME: home, TERM: 'xterm-256color', NO_COLOR: '' } });
  const h = { p, term, raw: '', bytes: 0, exit: undefined };
  p.onData((d) => { h.bytes += Buffer.byteLength(d); h.raw += d; if (h.raw.length > 4_000_000) h.raw = h.raw.slice(-2_000_000); term.write(d); });
  h.exited = new Promise((resolve) => p.onExit((e) => { h.exit = e; resolve(e); }));
  h.screen = () => { const b = term.buffer.active; const rows = []; for (let i = 0; i < term.rows; i++) rows.push(b.getLine(b.viewportY + i)?.translateToString(true) ?? ''); return rows.join('\n'); };
  h.waitFor = async (re, timeout = 15_000) => {
    const t0 = now();
    for (;;) {
      const s = await new Promise((r) => term.write('', () => r(h.screen())));
      if (re.test(s)) return s;
      if (h.exit) throw new Error(`the host exited (${JSON.stringify(h.exit)}) before its console showed ${re}:\n${s}`);
      if (now() - t0 > timeout) throw new Error(`the host console never showed ${re}; screen:\n${s}`);
      await sleep(25);
    }
  };
  return h;
}

async function stopHost(h) {
  if (!h || h.exit) return;
  try {
    h.p.write('\x03');
    await h.waitFor(/\(y\/n\)|Press/, 3000);
    h.p.write('y');
    await sleep(200);
    if (!h.exit) h.p.write('q');
  } catch {
    // no confirmation shown: fall through to signals
  }
  const gone = (t) => Promise.race([h.exited, sleep(t)]);
  await gone(5000);
  if (!h.exit) { problems.push('the host did not exit after Ctrl+C, y: sent SIGTERM'); try { h.p.kill('SIGTERM'); } catch {} await gone(3000); }
  if (!h.exit) { problems.push('the host did not exit after SIGTERM: sent SIGKILL'); try { h.p.kill('SIGKILL'); } catch {} await gone(3000); }
}

// ---- the people: ssh2 clients, each with a pty-backed shell channel -------------------------------------------------
/** One person: the client, its channel, and what its stream has shown (first sighting of each token, echoes). */
function person(i) {
  const name = `p${String(i + 1).padStart(2, '0')}`;
  const seat = i === 0 ? 'ic' : i === 1 ? 'scribe' : `responder ${TEAMS[(i - 2) % TEAMS.length]}`;
  return {
    name, seat, client: new Client(), stream: undefined, bytes: 0, tail: '', recent: '', seen: new Map(), clock: undefined,
    echoRaw: '', pending: [], echoes: [], echoMissed: 0, waiters: [], sent: [], closed: false,
  };
}

function onData(c, buf) {
  const t = now();
  const d = buf.toString('utf8');
  c.bytes += buf.length;
  const text = strip(c.tail + d);
  c.tail = (c.tail + d).slice(-256);
  for (const m of text.matchAll(TOKEN_RE)) if (!c.seen.has(m[0])) c.seen.set(m[0], t);
  for (const m of text.matchAll(CLOCK_RE)) c.clock = Number(m[1]) * 60 + Number(m[2]);
  if (c.pending.length) {
    c.echoRaw += d;
    for (const p of [...c.pending]) {
      if (strip(c.echoRaw.slice(p.from)).includes(p.needle)) {
        c.echoes.push({ at: t, ms: t - p.t0 });
        c.pending.splice(c.pending.indexOf(p), 1);
      }
    }
    if (!c.pending.length) c.echoRaw = '';
  }
  if (c.waiters.length) {
    c.recent = (c.recent + strip(d)).slice(-20_000);
    for (const w of [...c.waiters]) if (w.re.test(c.recent)) { c.waiters.splice(c.waiters.indexOf(w), 1); w.resolve(); }
  }
}

/** Waits until the person's stream (escape sequences stripped) shows the pattern, from now on or already in `recent`. */
function waitText(c, re, timeout = 15_000) {
  if (re.test(c.recent)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const w = { re, resolve: () => { clearTimeout(timer); resolve(); } };
    const timer = setTimeout(() => { c.waiters.splice(c.waiters.indexOf(w), 1); reject(new Error(`${c.name} never saw ${re}; last text: ${JSON.stringify(c.recent.slice(-600))}`)); }, timeout);
    c.waiters.push(w);
  });
}

function join_(c, port) {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const sock = connect(port, '127.0.0.1');
    // OpenSSH sets TCP_NODELAY for an interactive session; so does this client.
    sock.setNoDelay(true);
    c.recent = '';
    c.waiters = [];
    const lobby = waitText(c, /Waiting for the facilitator/, 20_000);
    c.client.on('keyboard-interactive', (_name, _instr, _lang, prompts, finish) => finish(prompts.map(() => CODE)));
    c.client.on('error', (e) => { if (!c.closed) problems.push(`${c.name}: ssh error ${e.message}`); reject(e); });
    c.client.on('close', () => { c.closed = true; });
    c.client.on('ready', () => {
      c.client.shell({ term: 'xterm-256color', cols: 100, rows: 30 }, (err, stream) => {
        if (err) return reject(err);
        c.stream = stream;
        stream.on('data', (b) => onData(c, b));
        stream.stderr.on('data', (b) => onData(c, b));
        lobby.then(() => resolve(now() - t0), reject);
      });
    });
    c.client.connect({ sock, username: c.name, tryKeyboard: true, readyTimeout: 20_000, keepaliveInterval: 0 });
  });
}

async function typeSlowly(c, text, gap = 2) {
  for (const ch of text) { c.stream.write(ch); await sleep(gap); }
}

/** One chat line, typed a character at a time 20-40 ms apart, each character's echo awaited on the typist's screen. */
async function sendLine(c, seq) {
  const token = `m-${c.name}-${String(seq).padStart(4, '0')}`;
  for (let k = 0; k < token.length; k++) {
    if (c.closed) return;
    if (!c.pending.length) c.echoRaw = '';
    c.pending.push({ needle: `> ${token.slice(0, k + 1)}`, t0: now(), from: c.echoRaw.length });
    c.stream.write(token[k]);
    await sleep(20 + Math.floor(rand() * 21));
  }
  // As a person does, see the whole line before pressing Enter: an Enter ahead of the last character's frame would
  // clear the line before it is drawn, and that character's echo could not be measured.
  for (let w = 0; w < 100 && c.pending.length && !c.closed; w++) await sleep(5);
  const t0 = now();
  c.stream.write('\r');
  c.sent.push({ token, t0 });
}

// ---- the run -------------------------------------------------------------------------------------------------------
const people = Array.from({ length: PEOPLE }, (_, i) => person(i));
const report = [];
let exitCode = 0;
try {
  const floors = [];
  for (let i = 0; i < 9; i++) floors.push(await floorOnce());
  const floor = median(floors);

  const port = await freePort();
  const tHost = now();
  host = startHost(port);
  await host.waitFor(/ssh -p \d+ NAME@127\.0\.0\.1/, 20_000);
  const hostStartMs = now() - tHost;

  const joinMs = await Promise.all(people.map((c) => join_(c, port)));
  for (const c of people) {
    const seated = waitText(c, /You have the .* seat\./);
    await typeSlowly(c, `${c.seat}\r`);
    await seated;
  }
  await sleep(300);
  host.p.write('s');
  await host.waitFor(/Start the drill\?/);
  const cpu0 = cpuSeconds(host.p.pid);
  const t0 = now();
  host.p.write('y');
  await Promise.all(people.map((c) => waitText(c, new RegExp(`${c.name} \\((ic|scribe|responder)\\)> `), 20_000)));
  const startMs = now() - t0;
  for (const c of people) c.waiters = [];

  /** Bytes each person received while nobody typed, per drill second the header clock moved. */
  async function idleWindow(label, wallMs) {
    const c0 = people[0].clock;
    const b0 = people.map((c) => c.bytes);
    const cpuA = cpuSeconds(host.p.pid);
    const tA = now();
    await sleep(wallMs);
    const ticks = people[0].clock - c0;
    const per = people.map((c, i) => (c.bytes - b0[i]) / ticks);
    const wallS = (now() - tA) / 1000;
    // A participant's screen redraws its clock at most once a second of real time, so per wall second is per redraw.
    const perWallS = people.map((c, i) => (c.bytes - b0[i]) / wallS);
    const cpuPct = ((cpuSeconds(host.p.pid) - cpuA) / wallS) * 100;
    return { label, ticks, clockFrom: c0, clockTo: people[0].clock, wallS, median: median(per), max: Math.max(...per), perWallS: median(perWallS), cpuPct };
  }

  // A quiet start: the channel settles after the briefing, then nobody types for 8 s.
  await sleep(2000);
  const idleStart = await idleWindow('after the start, before anyone types', 8000);

  // Sending: each person every 10 s, starts staggered across the 10 s; the last line leaves 20 s before the end.
  const sendUntil = t0 + (WALL_S - 20) * 1000;
  const cpuSendA = cpuSeconds(host.p.pid);
  const tSendA = now();
  await Promise.all(people.map(async (c, i) => {
    await sleep((i * EVERY_MS) / PEOPLE);
    let seq = 1;
    for (let next = now(); next < sendUntil; next += EVERY_MS) {
      await sleep(Math.max(0, next - now()));
      if (now() >= sendUntil) break;
      await sendLine(c, seq++);
    }
  }));
  const tSendB = now();
  const sendCpuPct = ((cpuSeconds(host.p.pid) - cpuSendA) / ((tSendB - tSendA) / 1000)) * 100;
  // Every line on every other screen, or 10 s.
  const allSeen = () => people.every((s) => s.sent.every((m) => people.every((r) => r === s || r.closed || r.seen.has(m.token))));
  for (let w = 0; w < 200 && !allSeen(); w++) await sleep(50);
  const idleEnd = await idleWindow('after the last line, before the end', 8000);

  // The end: the drill's own time-out at full length, else the facilitator ends it.
  if (!FULL) {
    host.p.write('\x05');
    await host.waitFor(/\(y\/n\)/);
    host.p.write('y');
  }
  await Promise.all(people.map((c) => waitText(c, /The drill has ended|Press Enter or q to leave|Enter\/q leave/, FULL ? (WALL_S + 60) * 1000 - (now() - t0) : 20_000)));
  const drillWallS = (now() - t0) / 1000;
  const hostCpuS = cpuSeconds(host.p.pid) - cpu0;
  const hwmKb = statusKb(host.p.pid, 'VmHWM');
  await sleep(1000);
  const consoleAtEnd = host.screen();
  // The host sends everyone away as it quits: connections closing now are expected.
  for (const c of people) c.closed = true;
  await stopHost(host);
  const hostExit = host.exit;

  // ---- figures -------------------------------------------------------------------------------------------------
  const pairs = [];
  let lostPairs = 0;
  for (const s of people) for (const m of s.sent) for (const r of people) {
    if (r === s) continue;
    const seenAt = r.seen.get(m.token);
    if (seenAt === undefined) lostPairs++;
    else pairs.push({ at: m.t0 - tSendA, ms: seenAt - m.t0 });
  }
  const lat = pairs.map((p) => p.ms);
  const echoes = people.flatMap((c) => c.echoes.map((e) => e.ms));
  const echoMissed = people.reduce((n, c) => n + c.pending.length, 0);
  const sent = people.reduce((n, c) => n + c.sent.length, 0);
  const hostCpuPct = (hostCpuS / drillWallS) * 100;
  const benchCpu = process.cpuUsage();

  // Latency through the drill, by quarter of the sending time: does it grow with the channel?
  const span = tSendB - tSendA;
  const quarters = [0, 1, 2, 3].map((q) => pairs.filter((p) => p.at >= (q * span) / 4 && p.at < ((q + 1) * span) / 4).map((p) => p.ms));

  // Nothing lost: the journal's input events from p01..p20 are the lines sent, and replay reproduces it.
  const lines = readFileSync(join(out, 'journal.jsonl'), 'utf8').trimEnd().split('\n');
  const events = lines.slice(1).map((l) => JSON.parse(l));
  const inputs = events.filter((e) => e.type === 'input' && /^p\d\d$/.test(e.actor));
  const journaled = new Set(inputs.map((e) => e.data.text));
  const missing = people.flatMap((c) => c.sent.map((m) => m.token)).filter((t) => !journaled.has(t));
  const errors = events.filter((e) => e.type === 'cmd.error');
  const last = events.at(-1);
  const replay = spawnSync(process.execPath, [BIN, 'replay', out], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const hostText = strip(host.raw);
  const consoleErrors = [...new Set(hostText.match(/[^\n]{0,60}(?:Error|error|EPIPE|ECONNRESET|Unhandled|unhandled)[^\n]{0,60}/g) ?? [])];

  const ok = (b) => (b ? 'ok  ' : 'MISS');
  report.push(`firedrill host, team drill benchmark, ${new Date().toISOString()}, Node ${process.version}`);
  report.push(`  scenario ${SCENARIO.replace(`${root}/`, '')} (${DRILL_MINUTES} drill minutes) at ${SPEED}x, ${PEOPLE} people over ssh2 (p01 ic, p02 scribe, 18 responders over ${TEAMS.length} teams: no bots), drill wall time ${drillWallS.toFixed(1)} s${FULL ? '' : ` (shortened by HOST_BENCH_WALL_S=${WALL_S}; ended with Ctrl+E)`}`);
  report.push(`  floor: node -e 0 in a pty ${floor.toFixed(0)} ms (median of ${floors.length})`);
  report.push(`  host start to join line: ${hostStartMs.toFixed(0)} ms = ${(hostStartMs / floor).toFixed(2)}x node -e 0`);
  report.push(`  join (TCP connect to lobby drawn, 20 at once): median ${ms(median(joinMs))}, max ${ms(Math.max(...joinMs))}; start (y to all 20 prompts drawn): ${ms(startMs)}`);
  report.push(`${ok(quantile(lat, 0.99) < 100)} command to screen (Enter to the token on each OTHER person's stream): p50 ${ms(quantile(lat, 0.5))}, p99 ${ms(quantile(lat, 0.99))}, max ${ms(Math.max(...lat))}; ${lat.length} pairs (${sent} lines x ${PEOPLE - 1}), ${lostPairs} never seen; goal p99 < 100 ms`);
  report.push(`       by quarter of the sending time, p50/p99: ${quarters.map((q) => `${ms(quantile(q, 0.5))}/${ms(quantile(q, 0.99))}`).join(', ')}`);
  report.push(`${ok(quantile(echoes, 0.99) < 33)} keystroke echo (a character to the typist's own command line): p50 ${ms(quantile(echoes, 0.5))}, p99 ${ms(quantile(echoes, 0.99))}, max ${ms(Math.max(...echoes))}; ${echoes.length} keys, ${echoMissed} never echoed; goal p99 < 33 ms`);
  report.push(`${ok(hostCpuPct < 50)} host CPU over the drill (utime+stime of the host process): ${hostCpuS.toFixed(1)} s in ${drillWallS.toFixed(1)} s = ${hostCpuPct.toFixed(1)}% of one core (while people type: ${sendCpuPct.toFixed(1)}%; idle at the start ${idleStart.cpuPct.toFixed(1)}%, at the end ${idleEnd.cpuPct.toFixed(1)}%); goal < 50%`);
  for (const w of [idleStart, idleEnd]) {
    report.push(`       idle ${w.label}: ${w.median.toFixed(0)} bytes per person per clock tick (median of ${PEOPLE}, max ${w.max.toFixed(0)}; ${w.perWallS.toFixed(0)} bytes per person per wall second), ${w.ticks} ticks (T+${w.clockFrom}s to T+${w.clockTo}s) in ${w.wallS.toFixed(1)} s, host CPU ${w.cpuPct.toFixed(1)}%`);
  }
  report.push(`       host peak RSS (VmHWM) ${hwmKb ? (hwmKb / 1024).toFixed(1) : 'n/a'} MiB; bench process CPU ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)} s; host exit ${JSON.stringify(hostExit)}`);
  const nothingLost = missing.length === 0 && inputs.length === sent && replay.status === 0 && lostPairs === 0;
  report.push(`${ok(nothingLost)} nothing lost: ${sent} lines sent, ${inputs.length} input events from p01..p20 in the journal (${missing.length} sent lines missing), ${errors.length} cmd.error, journal ends in ${last?.type}; replay exits ${replay.status}: ${(replay.stdout || replay.stderr).trim().split('\n').at(-1)}`);
  if (consoleErrors.length) report.push(`  console lines with "error": ${consoleErrors.slice(0, 5).map((s) => JSON.stringify(s.trim())).join('; ')}`);
  if (process.env.HOST_BENCH_SCREEN) report.push(`  console at the end:\n${consoleAtEnd}`);
  if (!nothingLost) exitCode = 1;
} catch (e) {
  problems.push(String(e?.stack ?? e));
  exitCode = 1;
} finally {
  for (const c of people) { c.closed = true; try { c.client.end(); } catch {} }
  await stopHost(host);
  if (process.env.HOST_BENCH_KEEP) report.push(`  kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
console.log(report.join('\n'));
if (problems.length) console.log(`problems:\n  ${problems.join('\n  ')}`);
process.exit(exitCode || (problems.length ? 1 : 0));
