// Every way a headless drill stops writes its run folder whole: drill.end in the journal, then scorecard.json,
// scorecard.md and postmortem.md; the exit code says how it stopped. (A full disk: full-disk.test.ts.)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readJournal } from '../../src/io/read-journal';
import { BIN, ROOT, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { waitForJournal } from '../helpers/wait';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');
const FILES = ['journal.jsonl', 'postmortem.md', 'scorecard.json', 'scorecard.md'];
const tmp = () => tempDir('stopping');

interface Exited {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `simulate --speed 8` (the real clock) into `out`, running in the background; the test ends it if it lingers. */
function startSimulate(out: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'simulate', INTRO, '--seed', '4', '--speed', '8', '--out', out], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<Exited>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, exited };
}

/** The drill has begun: its journal holds drill.start. */
const started = (out: string) => waitForJournal(join(out, 'journal.jsonl'), 'drill.start', (events) => events.some((e) => e.type === 'drill.start'));

/** The run folder holds the four files and nothing else (no temp file), whole, for an aborted drill that replays. */
function expectSaved(out: string): void {
  expect(readdirSync(out).sort()).toEqual(FILES);
  const j = readJournal(join(out, 'journal.jsonl'));
  expect(j.truncated).toBe(false);
  expect(j.events.at(-1)).toMatchObject({ type: 'drill.end', data: { outcome: 'aborted' } });
  expect(JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8'))).toMatchObject({ outcome: 'aborted', seed: '4' });
  expect(readFileSync(join(out, 'scorecard.md'), 'utf8')).toMatch(/^# /);
  expect(readFileSync(join(out, 'postmortem.md'), 'utf8')).toMatch(/^# /);
  const replay = runCli(['replay', out]);
  expect(replay.code, replay.stdout + replay.stderr).toBe(0);
}

describe('simulate --speed stopped by a signal', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal} ends the drill as aborted, writes all four files and exits ${code}`, async () => {
      const out = join(tmp(), 'run');
      const { child, exited } = startSimulate(out);
      await started(out);
      child.kill(signal);
      const r = await exited;
      expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code, signal: null });
      expect(r.stdout).toMatch(/outcome\s+aborted/);
      expect(r.stderr).toBe('');
      expectSaved(out);
    });
  }

  it('signals that come together: the first stops the drill, the others do not cut the run folder short', async () => {
    const out = join(tmp(), 'run');
    const { child, exited } = startSimulate(out);
    await started(out);
    // Sent back to back, the later ones arrive while the first is ending the drill and writing the folder. (Which
    // is handled first is the kernel's choice; a signal that comes once the process is exiting, after the folder is
    // written, may still end it: Node's teardown restores the default handlers.)
    child.kill('SIGTERM');
    child.kill('SIGHUP');
    child.kill('SIGINT');
    const r = await exited;
    expect(r.signal).toBe(null);
    expect([129, 130, 143]).toContain(r.code);
    expectSaved(out);
  });
});

describe('simulate --speed and an uncaught error', () => {
  it('ends the drill, writes all four files and exits 2 (a bug)', async () => {
    const out = join(tmp(), 'run');
    const { exited } = startSimulate(out, { FIREDRILL_TEST_CRASH_AFTER_MS: '1000' });
    const r = await exited;
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^firedrill: internal error \(this is a bug, please report it\): Error: injected crash/);
    expectSaved(out);
  });
});
