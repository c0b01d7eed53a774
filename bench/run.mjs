// Benchmarks (npm run bench). Whole-process figures are medians, compared as ratios with `node -e 0`
// measured in the same run, because this machine is shared and noisy.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { benchTui } from './tui.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.bench-tmp');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const BIN = join(root, 'dist', 'firedrill.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const env = { ...process.env, COLUMNS: '100', LINES: '30' };
const INTRO = join(root, 'scenarios/bad-deploy-rollback.yaml');
const WAL = join(root, 'scenarios/checkout-db-wal-disk-full.yaml');
const wal60 = join(tmp, 'wal-60m.yaml');
writeFileSync(wal60, readFileSync(WAL, 'utf8').replace(/^duration: .*$/m, 'duration: 60m'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(args, extra = []) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...extra, ...args], { env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 && !(args[0] === '-e')) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr ?? '');
  return { ms, rssKb: rss ? Number(rss[1]) : undefined };
}

// Interleave the floor with each measured command so both see the same machine load.
function ratio(label, args, limit) {
  const floor = [];
  const cmd = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(time(['-e', '0']).ms);
    cmd.push(time(typeof args === 'function' ? args(i) : args).ms);
  }
  const r = median(cmd) / median(floor);
  return { label, medianMs: median(cmd), floorMs: median(floor), ratio: r, limit, ok: r <= limit };
}

const rows = [];
rows.push(ratio('firedrill validate (intro scenario), whole process', [BIN, 'validate', INTRO], 3));
rows.push(ratio('firedrill simulate (60-minute scenario, bots), whole process', (i) => [BIN, 'simulate', wal60, '--seed', String(i + 1), '--json', '--out', join(tmp, `sim-${i}`)], 6));
const rss = [];
for (let i = 0; i < 5; i++) rss.push(time([BIN, 'simulate', wal60, '--seed', String(i + 1), '--policy', 'sloppy', '--json', '--out', join(tmp, `rss-${i}`)], ['--import', join(root, 'bench/rss-hook.mjs')]).rssKb);
const rssMiB = median(rss) / 1024;

async function inProcess(name, args) {
  await build({ entryPoints: [join(root, `bench/${name}.ts`)], outfile: join(tmp, `${name}.mjs`), bundle: true, platform: 'node', format: 'esm', define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
  const r = spawnSync(process.execPath, [join(tmp, `${name}.mjs`), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${name} bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const engine = await inProcess('engine', [wal60, '30']);
const scoring = await inProcess('scoring', []);

const lines = [`firedrill benchmarks, ${RUNS} runs each, ${new Date().toISOString()}`, ''];
for (const r of rows) lines.push(`${r.ok ? 'ok  ' : 'MISS'} ${r.label}: ${r.medianMs.toFixed(0)} ms = ${r.ratio.toFixed(2)}x node -e 0 (${r.floorMs.toFixed(0)} ms); limit ${r.limit}x`);
lines.push(`${rssMiB < 120 ? 'ok  ' : 'MISS'} simulate peak RSS (60-minute drill, sloppy bots run to the end): ${rssMiB.toFixed(1)} MiB median of 5; limit 120 MiB`);
for (const [policy, e] of Object.entries(engine)) {
  lines.push(`${e.medianMs < 50 ? 'ok  ' : 'MISS'} engine in-process, 60-minute scenario, ${policy} bots: ${e.medianMs.toFixed(1)} ms median (max ${e.maxMs.toFixed(1)}), ${e.events} events, ${e.drillMinutes.toFixed(1)} drill minutes; limit 50 ms`);
}
for (const r of await benchTui({ root, bin: BIN, tmp, runs: Math.min(RUNS, 10) })) lines.push(`${r.ok ? 'ok  ' : 'MISS'} ${r.text}`);
lines.push(`${scoring.medianMs < 50 ? 'ok  ' : 'MISS'} scoring a ${scoring.events}-event journal in-process: ${scoring.medianMs.toFixed(1)} ms median of 25 (first, cold: ${scoring.firstMs.toFixed(1)} ms); limit 50 ms`);
console.log(lines.join('\n'));
rmSync(tmp, { recursive: true, force: true });
