// TUI benchmarks in a real pseudo-terminal: first frame, bytes per idle clock tick, keystroke latency, peak memory.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pty from 'node-pty';
import xterm from '@xterm/headless';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function spawnTui(root, bin, args, nodeArgs = []) {
  const term = new xterm.Terminal({ cols: 100, rows: 30, allowProposedApi: true });
  const p = pty.spawn(process.execPath, [...nodeArgs, bin, ...args], { cols: 100, rows: 30, cwd: root, name: 'xterm-256color', env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '' } });
  const s = { term, p, bytes: 0, out: '', exited: false, onData: [] };
  p.onData((d) => { s.bytes += Buffer.byteLength(d); s.out += d; term.write(d, () => { for (const f of s.onData) f(); }); });
  p.onExit(() => { s.exited = true; });
  s.screen = () => { const b = term.buffer.active; let t = ''; for (let i = 0; i < 30; i++) t += (b.getLine(i)?.translateToString(true) ?? '') + '\n'; return t; };
  s.until = (pred, timeout = 20_000) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const check = () => { if (pred(s.screen())) { s.onData = s.onData.filter((f) => f !== check); clearTimeout(timer); resolve(performance.now() - t0); } };
    const timer = setTimeout(() => reject(new Error(`timeout; screen:\n${s.screen()}`)), timeout);
    s.onData.push(check);
    check();
  });
  return s;
}

function floorOnce() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = pty.spawn(process.execPath, ['-e', '0'], { cols: 100, rows: 30 });
    p.onExit(() => resolve(performance.now() - t0));
  });
}

/** Runs the TUI benchmarks; returns result rows. */
export async function benchTui({ root, bin, tmp, runs = 10 }) {
  const intro = join(root, 'scenarios/bad-deploy-rollback.yaml');
  const rows = [];
  // 1. Process start to first frame (the prompt is drawn in the first frame).
  const first = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    floor.push(await floorOnce());
    const t0 = performance.now();
    const s = spawnTui(root, bin, ['run', intro, '--seed', '1', '--as', 'alice:ic', '--out', join(tmp, `tui-first-${i}`)]);
    await s.until((x) => x.includes('alice (ic)>'));
    first.push(performance.now() - t0);
    s.p.kill();
    await sleep(50);
  }
  const ratio = median(first) / median(floor);
  rows.push({ ok: ratio <= 4, text: `run: process start to first frame: ${median(first).toFixed(0)} ms = ${ratio.toFixed(2)}x node -e 0 (${median(floor).toFixed(0)} ms, started in a pty too); limit 4x` });

  // 2 and 3 in one session at real speed, while nothing happens in the drill (the fault starts at T+2m).
  const s = spawnTui(root, bin, ['run', intro, '--seed', '1', '--as', 'alice:ic', '--speed', '1', '--out', join(tmp, 'tui-tick')]);
  await s.until((x) => x.includes('T+00:02'));
  const perTick = [];
  for (let sec = 3; sec <= 8; sec++) {
    const b0 = s.bytes;
    await s.until((x) => x.includes(`T+00:0${sec}`));
    perTick.push(s.bytes - b0);
  }
  rows.push({ ok: median(perTick) < 300, text: `run: one idle clock tick writes ${median(perTick)} bytes (median of ${perTick.length} ticks; max ${Math.max(...perTick)}); limit 300` });
  const latency = [];
  const word = 'abcdefghijklmnopqrst';
  for (let i = 0; i < word.length; i++) {
    const typed = `alice (ic)> ${word.slice(0, i + 1)}`;
    const t0 = performance.now();
    s.p.write(word[i]);
    await s.until((x) => x.includes(typed), 5000);
    latency.push(performance.now() - t0);
    // About the pace of fast typing (8 keys a second).
    await sleep(120);
  }
  rows.push({ ok: median(latency) <= 1000 / 30, text: `run: a typed character appears after ${median(latency).toFixed(1)} ms (median of ${latency.length}, max ${Math.max(...latency).toFixed(1)}), keys 120 ms apart; one frame at the UI's 30 fps is 33 ms` });
  s.p.kill();

  // 4. A two-hour drill at high speed, all the way to the scorecard screen.
  const long = join(tmp, 'intro-120m.yaml');
  writeFileSync(long, readFileSync(intro, 'utf8').replace(/^duration: .*$/m, 'duration: 120m'));
  const rss = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnTui(root, bin, ['run', long, '--seed', String(i + 1), '--as', 'alice:ic', '--speed', '512', '--out', join(tmp, `tui-rss-${i}`)], ['--import', join(root, 'bench/rss-hook.mjs')]);
    await r.until((x) => /team \d+ \(|Not scored/.test(x), 60_000);
    r.p.write('q');
    for (let w = 0; w < 100 && !r.exited; w++) await sleep(50);
    const m = /BENCH_MAX_RSS_KB=(\d+)/.exec(r.out);
    if (m) rss.push(Number(m[1]) / 1024);
  }
  rows.push({ ok: median(rss) < 150, text: `run: two-hour drill at 512x to the scorecard: peak RSS ${median(rss).toFixed(1)} MiB (median of ${rss.length}); limit 150 MiB` });
  return rows;
}
