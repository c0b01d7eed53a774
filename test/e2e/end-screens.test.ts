// The screens that wait for a key after the work is done (run's scorecard screen once the drill has ended, and
// review's) never outlive their terminal: a stop signal or a closed terminal ends the process within 2 s, with the
// terminal restored and the exit code of the README's table (128 + the signal's number; a closed terminal is 129).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/io/read-journal';
import { ROOT, runCli } from '../helpers/cli';
import { KEYS, PtyRun } from '../helpers/pty';
import { exitTime, killIfRunning, printedPid, startedByShell, startedDetached } from '../helpers/started-by-shell';
import { sharedTempDirs, tempDir } from '../helpers/tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');
const FILES = ['journal.jsonl', 'postmortem.md', 'scorecard.json', 'scorecard.md'];
const END_SCREEN = 'Enter/q leave';
const SIGNALS = [['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const;

const runs: PtyRun[] = [];
const pids: number[] = [];
afterEach(async () => {
  for (const pid of pids.splice(0)) killIfRunning(pid);
  await Promise.all(runs.splice(0).map((r) => r.stop()));
});

/** Keeps a run (and the firedrill process it printed) to be ended after the test. */
async function started(r: PtyRun): Promise<{ r: PtyRun; pid: number }> {
  runs.push(r);
  const pid = await printedPid(r);
  pids.push(pid);
  return { r, pid };
}

/** A drill that times out within a couple of seconds (4000x), writing to `cwd/run`. */
const RUN = ['run', INTRO, '--seed', '7', '--speed', '4000', '--as', 'alice:ic', '--out', 'run'];

/** The run folder is whole: the four files, and a journal that ends with drill.end. */
function expectRunFolder(dir: string): void {
  expect(readdirSync(dir).sort()).toEqual(FILES);
  const j = readJournal(join(dir, 'journal.jsonl'));
  expect(j.truncated).toBe(false);
  expect(j.events.at(-1)?.type).toBe('drill.end');
}

/** What the shell printed once the process had exited: its exit code, and whether the terminal reads lines again. */
async function afterExit(r: PtyRun): Promise<{ code: number; settings: string; before: string }> {
  await r.exited;
  const at = r.output.indexOf('EXIT=');
  expect(at, r.output.slice(-500)).toBeGreaterThan(0);
  return { code: Number(/EXIT=(\d+)/.exec(r.output.slice(at))?.[1]), settings: r.output.slice(at), before: r.output.slice(0, at) };
}

/** Raw mode is off (the shell reads lines with echo again) and the cursor is shown; the alternate screen, if entered, is left. */
function expectTerminalRestored(settings: string, before: string): void {
  expect(settings).toMatch(/(^|\s)icanon(\s|$)/m);
  expect(settings).toMatch(/(^|\s)echo(\s|$)/m);
  expect(before.lastIndexOf('\x1b[?25h')).toBeGreaterThan(before.lastIndexOf('\x1b[?25l'));
  expect(before.lastIndexOf('\x1b[?1049l')).toBeGreaterThanOrEqual(before.lastIndexOf('\x1b[?1049h'));
}

/** Closes the pty's master side, as a closing terminal window or a killed tmux server does. */
function closeTerminal(r: PtyRun): void {
  (r.proc as unknown as { destroy(): void }).destroy();
}

describe('run: the scorecard screen after the drill has ended', () => {
  for (const [signal, code] of SIGNALS) {
    it(`kill -${signal.slice(3)}: gone within 2 s, exit ${code}, terminal restored, run folder whole`, async () => {
      const cwd = tempDir('e2e-end');
      const { r, pid } = await started(startedByShell(RUN, { cwd }));
      await r.waitFor(END_SCREEN);
      process.kill(pid, signal);
      expect(await exitTime(pid, 2000)).toBeLessThanOrEqual(2000);
      const { code: exit, settings, before } = await afterExit(r);
      expect(exit).toBe(code);
      expectTerminalRestored(settings, before);
      expectRunFolder(join(cwd, 'run'));
    });
  }

  it('ended by Ctrl+E then y (aborted), kill -TERM on its scorecard screen: gone within 2 s, exit 143, terminal restored', async () => {
    const cwd = tempDir('e2e-end');
    const { r, pid } = await started(startedByShell(['run', INTRO, '--seed', '7', '--as', 'alice:ic', '--out', 'run'], { cwd }));
    await r.waitFor('alice (ic)>');
    r.press(KEYS.CTRL_E);
    await r.waitFor('End the drill now for everyone? (y/n)');
    r.press('y');
    await r.waitFor(END_SCREEN);
    process.kill(pid, 'SIGTERM');
    expect(await exitTime(pid, 2000)).toBeLessThanOrEqual(2000);
    const { code: exit, settings, before } = await afterExit(r);
    expect(exit).toBe(143);
    expectTerminalRestored(settings, before);
    expectRunFolder(join(cwd, 'run'));
  });

  it('the terminal closes (SIGHUP to it): gone within 2 s, exit 129, run folder whole', async () => {
    const cwd = tempDir('e2e-end');
    const r = new PtyRun(RUN, { cwd });
    runs.push(r);
    await r.waitFor(END_SCREEN);
    closeTerminal(r);
    expect(await exitTime(r.proc.pid, 2000)).toBeLessThanOrEqual(2000);
    expect(await r.exited).toBe(129);
    expectRunFolder(join(cwd, 'run'));
  });

  it('the terminal goes away with no SIGHUP (its own session, as under a killed tmux server): gone within 2 s', async () => {
    const cwd = tempDir('e2e-end');
    const { r, pid } = await started(startedDetached(RUN, { cwd }));
    await r.waitFor(END_SCREEN);
    closeTerminal(r);
    expect(await exitTime(pid, 2000)).toBeLessThanOrEqual(2000);
    expectRunFolder(join(cwd, 'run'));
  });

  it('mid-drill, a terminal that goes away with no SIGHUP ends the drill as aborted and saves it', async () => {
    const cwd = tempDir('e2e-end');
    const { r, pid } = await started(startedDetached(['run', INTRO, '--seed', '7', '--speed', '30', '--as', 'alice:ic', '--out', 'run'], { cwd }));
    await r.waitFor('alice (ic)>');
    closeTerminal(r);
    expect(await exitTime(pid, 2000)).toBeLessThanOrEqual(2000);
    expectRunFolder(join(cwd, 'run'));
    expect(readJournal(join(cwd, 'run', 'journal.jsonl')).events.at(-1)).toMatchObject({ type: 'drill.end', data: { outcome: 'aborted' } });
  });
});

describe('run: the end screen and the final channel behind it', () => {
  it('at 80×24, Tab goes to the final channel, ^G opens an entry, and back to the scorecard, then q leaves', async () => {
    const cwd = tempDir('e2e-end');
    const r = new PtyRun(RUN, { cwd, cols: 80, rows: 24 });
    runs.push(r);
    const card = await r.waitFor(END_SCREEN, 20_000);
    expect(card).toContain('Time to acknowledge');
    expect(card).toMatch(/Tab final channel/);
    r.press(KEYS.TAB);
    const channel = await r.waitFor('this is the final channel');
    expect(channel).toContain('The drill has ended: timed-out.');
    expect(channel).not.toContain('Time to acknowledge');
    r.press('\x07');
    const entry = await r.waitFor(/^ENTRY (\d+) of \1 · /m);
    expect(entry).toContain('The drill has ended: timed-out.');
    r.press(KEYS.ESC);
    await r.waitFor((x) => x.includes('this is the final channel') && !x.includes('ENTRY '));
    r.press(KEYS.TAB);
    await r.waitFor((x) => x.includes('Time to acknowledge') && !x.includes('this is the final channel'));
    for (const line of r.screen().split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    r.press('q');
    expect(await r.exited).toBe(0);
    expectRunFolder(join(cwd, 'run'));
  });
});

describe('review: the scorecard screen', () => {
  const reviewDirs = sharedTempDirs('e2e-review');
  let runDir = '';
  beforeAll(() => {
    runDir = join(reviewDirs(), 'run');
    const sim = runCli(['simulate', INTRO, '--seed', '7', '--out', runDir]);
    expect(sim.code, sim.stderr).toBe(0);
  });

  for (const [signal, code] of SIGNALS) {
    it(`kill -${signal.slice(3)}: gone within 2 s, exit ${code}, terminal restored`, async () => {
      const { r, pid } = await started(startedByShell(['review', runDir]));
      await r.waitFor(END_SCREEN);
      process.kill(pid, signal);
      expect(await exitTime(pid, 2000)).toBeLessThanOrEqual(2000);
      const { code: exit, settings, before } = await afterExit(r);
      expect(exit).toBe(code);
      expectTerminalRestored(settings, before);
    });
  }

  it('the terminal closes (SIGHUP to it): gone within 2 s, exit 129', async () => {
    const r = new PtyRun(['review', runDir]);
    runs.push(r);
    await r.waitFor(END_SCREEN);
    closeTerminal(r);
    expect(await exitTime(r.proc.pid, 2000)).toBeLessThanOrEqual(2000);
    expect(await r.exited).toBe(129);
  });

  it('the terminal goes away with no SIGHUP: gone within 2 s', async () => {
    const { r, pid } = await started(startedDetached(['review', runDir]));
    await r.waitFor(END_SCREEN);
    closeTerminal(r);
    expect(await exitTime(pid, 2000)).toBeLessThanOrEqual(2000);
  });

  it('q still leaves it normally: exit 0', async () => {
    const r = new PtyRun(['review', runDir]);
    runs.push(r);
    await r.waitFor(END_SCREEN);
    r.press('q');
    expect(await r.exited).toBe(0);
  });
});
