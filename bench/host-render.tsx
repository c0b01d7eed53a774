// In-process team host benchmark: 20 participant screens on in-memory terminals (no SSH, no clients), one drill on
// a simulated clock. Measures the host's own CPU per chat line (every screen redraws), per typed key, and the time
// from a key to its echo while nothing else happens. Less noisy than bench/host.mjs (no ssh2, no 20 emulators
// sharing the cores), so it shows what a change to the screens costs. Run by bench/host-render.mjs.
import { Writable } from 'node:stream';
import type { CastRequest } from '../src/engine/cast';
import { DrillHost, type HostedDrill } from '../src/net/drill-host';
import { InputLimiter } from '../src/net/input-limiter';
import { TerminalInput, TerminalOutput, type Terminal } from '../src/net/terminal';
import { createTheme, mountParticipant } from '../src/ui/host-modules';
import { drill, shipped } from '../test/helpers/drill';
import { SimClock } from '../test/helpers/drill-rig';

const PEOPLE = 20;
const LINES = 40;
const KEYS = 100;
const TEAMS = ['web-team', 'orders-team', 'dba'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cpuMs = (since: NodeJS.CpuUsage): number => { const c = process.cpuUsage(since); return (c.user + c.system) / 1000; };
const q = (xs: number[], f: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(f * xs.length))]!;

// The bundle runs from a temp folder; bench/host-render.mjs starts it in the project's root.
const scenario = shipped('scenarios/bad-deploy-rollback.yaml');
const theme = createTheme();
let clock: SimClock | undefined;
const host = new DrillHost({
  scenario,
  joinLines: () => [],
  begin: (humans: readonly CastRequest[]): HostedDrill => {
    const d = drill(scenario, { humans: [...humans], bots: 'by-the-book' });
    clock = new SimClock(d.session);
    d.session.start();
    return { session: d.session, driver: Object.assign(clock, { done: new Promise<never>(() => {}) }), events: d.journal.events };
  },
  finish: () => ({ dir: '/nowhere' }),
  mount: (t, model) => mountParticipant(t, model, theme),
});

const lastWrite: number[] = [];
const inputs: TerminalInput[] = [];
for (let i = 0; i < PEOPLE; i++) {
  const sink = new Writable({ write(_c, _e, cb) { lastWrite[i] = performance.now(); cb(); } });
  const stdin = new TerminalInput(new InputLimiter(() => performance.now()));
  const stdout = new TerminalOutput(sink, { cols: 100, rows: 30 });
  inputs.push(stdin);
  host.connect({
    name: `p${String(i + 1).padStart(2, '0')}`, address: '127.0.0.1', closed: new Promise(() => {}), close() {},
    stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream,
  } satisfies Terminal);
}
await sleep(300);
for (let i = 0; i < PEOPLE; i++) {
  inputs[i]!.feed(Buffer.from(`${i === 0 ? 'ic' : i === 1 ? 'scribe' : `responder ${TEAMS[(i - 2) % TEAMS.length]}`}\r`));
  await sleep(20);
}
await sleep(300);
const refused = host.start();
if (refused) throw new Error(`the drill did not start: ${refused}`);
await sleep(1000);

// Chat lines, 150 ms apart, each from the next person; the clock moves one drill second per line (the screens'
// clocks tick too).
const bursts: number[] = [];
let c0 = process.cpuUsage();
for (let k = 0; k < LINES; k++) {
  const before = performance.now();
  inputs[k % PEOPLE]!.feed(Buffer.from(`hello m-${k}\r`));
  await sleep(150);
  bursts.push(Math.max(...lastWrite.filter((x) => x !== undefined)) - before);
  clock!.advance(1000);
}
const perLine = cpuMs(c0) / LINES;

c0 = process.cpuUsage();
await sleep(3000);
const idlePerS = cpuMs(c0) / 3;

// One person types, a key every 30 ms.
const echoes: number[] = [];
c0 = process.cpuUsage();
const t0 = performance.now();
for (let k = 0; k < KEYS; k++) {
  const before = performance.now();
  const prev = lastWrite[4];
  inputs[4]!.feed(Buffer.from(String.fromCharCode(97 + (k % 26))));
  while (lastWrite[4] === prev && performance.now() - before < 500) await sleep(1);
  echoes.push(lastWrite[4]! - before);
  await sleep(30);
}
const perKey = (cpuMs(c0) - (idlePerS * (performance.now() - t0)) / 1000) / KEYS;
console.log(`host-render: ${PEOPLE} screens at 100x30, Node ${process.version}`);
console.log(`  a chat line (every screen redraws): ${perLine.toFixed(1)} ms CPU; last screen written after p50 ${q(bursts, 0.5).toFixed(1)} ms, p90 ${q(bursts, 0.9).toFixed(1)} ms`);
console.log(`  idle (clock ticks only): ${idlePerS.toFixed(1)} ms CPU per second`);
console.log(`  a typed key (one screen redraws; idle CPU taken off): ${perKey.toFixed(2)} ms CPU; echo p50 ${q(echoes, 0.5).toFixed(1)} ms, p90 ${q(echoes, 0.9).toFixed(1)} ms, max ${Math.max(...echoes).toFixed(1)} ms`);
host.quit();
process.exit(0);
