// Run folders: each drill claims its own folder atomically, so parallel drills never share, overwrite or
// interleave one; --out is checked before anything is created.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { claimRunDir, DEFAULT_RUNS_DIR, runStamp } from '../../src/cli/run-dir';
import { UserError } from '../../src/cli/user-error';
import { readJournal } from '../../src/io/read-journal';
import { BIN, ROOT, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');
// A short drill, so fifty of them (and their replays) take seconds, not minutes.
const SHORT = join(ROOT, 'test/fixtures/scenarios/valid.yaml');
const tmp = () => tempDir('run-folders');
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);

interface Done {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `firedrill ...args` without waiting; the test ends it if it is still running. */
function start(args: readonly string[], cwd: string): Promise<Done> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, COLUMNS: '100', LINES: '30' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Done>((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await done;
  });
  return done;
}

describe('parallel drills', () => {
  it('50 simulate runs started at once in one folder each get their own run folder, with an intact journal that replays', async () => {
    const cwd = tmp();
    const N = 50;
    // All spawned at once with no --out: they share ./firedrill-runs and, started within the same seconds, the same
    // <stamp>-<scenario> names, which is where two runs used to land in one folder.
    const runs = await Promise.all(Array.from({ length: N }, (_, i) => start(['simulate', SHORT, '--seed', String(i + 1), '--json'], cwd)));
    for (const [i, r] of runs.entries()) {
      expect(r.code, `seed ${i + 1}: ${r.stderr}`).toBe(0);
      noStack(r.stderr);
    }
    const dirs = runs.map((r) => (JSON.parse(r.stdout) as { runDir: string }).runDir);
    expect(new Set(dirs).size).toBe(N);
    const stamped = new RegExp(`^${join(cwd, DEFAULT_RUNS_DIR)}/\\d{8}T\\d{6}Z-valid-drill(-\\d+)?$`);
    for (const d of dirs) expect(d).toMatch(stamped);
    expect(readdirSync(join(cwd, DEFAULT_RUNS_DIR))).toHaveLength(N);
    // Each folder holds the journal of the run that printed it, whole: its seed, and one drill.end at the end.
    for (const [i, d] of dirs.entries()) {
      const j = readJournal(join(d, 'journal.jsonl'));
      expect(j.header.seed).toBe(String(i + 1));
      expect(j.events.filter((e) => e.type === 'drill.end')).toHaveLength(1);
      expect(j.events.at(-1)?.type).toBe('drill.end');
      expect(JSON.parse(readFileSync(join(d, 'scorecard.json'), 'utf8')).seed).toBe(String(i + 1));
    }
    // And every one replays (a few at a time: the machine may have two cores).
    for (let i = 0; i < N; i += 10) {
      const replays = await Promise.all(dirs.slice(i, i + 10).map((d) => start(['replay', d], cwd)));
      for (const [k, r] of replays.entries()) expect(r.code, `${dirs[i + k]}: ${r.stdout}${r.stderr}`).toBe(0);
    }
  }, 240_000);
});

describe('claimRunDir', () => {
  const now = new Date('2026-11-26T15:30:12.345Z');
  const close = (f: { journal: { close(): void } }) => f.journal.close();

  it('takes the next free -N when the default folder exists, and never reuses a folder', () => {
    const cwd = tmp();
    const base = join(cwd, DEFAULT_RUNS_DIR, `${runStamp(now)}-demo`);
    mkdirSync(base, { recursive: true });
    mkdirSync(`${base}-2`);
    // Even an empty folder already there is someone else's: it may be a run that has not opened its journal yet.
    const a = claimRunDir('demo', undefined, now, cwd);
    const b = claimRunDir('demo', undefined, now, cwd);
    close(a);
    close(b);
    expect([a.dir, b.dir]).toEqual([`${base}-3`, `${base}-4`]);
    expect(readdirSync(a.dir)).toEqual(['journal.jsonl']);
  });

  it('claims an existing empty --out folder by creating its journal exclusively: a second claim is refused', () => {
    const out = tmp();
    const first = claimRunDir('demo', out, now);
    // The first drill has not written a line yet, and still the folder is taken.
    expect(() => claimRunDir('demo', out, now)).toThrow(/already holds a drill \(journal\.jsonl\)/);
    first.journal.close();
    expect(readFileSync(join(out, 'journal.jsonl'), 'utf8')).toBe('');
  });

  it('creates a missing --out folder and its parents', () => {
    const out = join(tmp(), 'a', 'b', 'run');
    const f = claimRunDir('demo', out, now);
    close(f);
    expect(f.dir).toBe(out);
    expect(existsSync(join(out, 'journal.jsonl'))).toBe(true);
  });

  it('refuses --out "" instead of falling back to the default folder', () => {
    const cwd = tmp();
    expect(() => claimRunDir('demo', '', now, cwd)).toThrow(UserError);
    expect(() => claimRunDir('demo', '', now, cwd)).toThrow(/--out "" is empty/);
    expect(existsSync(join(cwd, DEFAULT_RUNS_DIR))).toBe(false);
  });

  it('refuses a folder under /proc or /sys, also through a symbolic link, before creating anything', () => {
    const link = join(tmp(), 'link');
    symlinkSync('/proc', link);
    for (const out of ['/proc/foo', '/proc', '/sys/firedrill/run', join(link, 'self', 'x')]) {
      expect(() => claimRunDir('demo', out, now), out).toThrow(/holds the kernel's virtual files, not run folders/);
    }
  });

  it('refuses an --out that is a file', () => {
    const file = join(tmp(), 'file');
    writeFileSync(file, 'x');
    expect(() => claimRunDir('demo', file, now)).toThrow(/is a file, not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('--out on the command line', () => {
  it('--out "" is refused with exit 1, and no run folder is made', () => {
    const cwd = tmp();
    for (const cmd of ['simulate']) {
      const r = runCli([cmd, INTRO, '--seed', '1', '--out', ''], { cwd });
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^firedrill: --out "" is empty/);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(existsSync(join(cwd, DEFAULT_RUNS_DIR))).toBe(false);
    }
  });

  it('--out under /proc or /sys exits 1 at once with one line, instead of spinning in mkdir', () => {
    for (const out of ['/proc/foo', '/proc/self/firedrill', '/sys/foo']) {
      const r = runCli(['simulate', INTRO, '--seed', '1', '--out', out], { cwd: tmp() });
      expect(r.code, `${out}: ${r.stdout}${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(/^firedrill: --out \/(proc|sys)\S*: \/(proc|sys) holds the kernel's virtual files/);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.ms).toBeLessThan(5000);
    }
  });
});
