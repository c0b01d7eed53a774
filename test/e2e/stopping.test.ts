// Every way a live drill stops (a signal, a closed terminal, a crash, the keyboard, a full disk) ends it with
// drill.end, writes the scorecard files and restores the terminal, and the exit code says how it stopped.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { readJournal } from '../../src/io/read-journal';
import { ROOT, runCli } from '../helpers/cli';
import { KEYS, PtyRun } from '../helpers/pty';
import { killIfRunning, printedPid, startedByShell } from '../helpers/started-by-shell';
import { tempDir } from '../helpers/tmp';
import { waitForJournal } from '../helpers/wait';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');
const FILES = ['journal.jsonl', 'postmortem.md', 'scorecard.json', 'scorecard.md'];
const runs: PtyRun[] = [];

/** `firedrill run` in a pty, in a temp folder, writing to ./run. */
function start(o: { env?: Record<string, string>; speed?: string } = {}) {
  const cwd = tempDir('e2e-stop');
  const r = new PtyRun(['run', INTRO, '--seed', '7', '--speed', o.speed ?? '30', '--as', 'alice:ic', '--out', 'run'], { cwd, ...(o.env ? { env: o.env } : {}) });
  runs.push(r);
  return { r, out: join(cwd, 'run') };
}

afterEach(async () => {
  await Promise.all(runs.splice(0).map((r) => r.stop()));
});

/** Waits until the drill is on screen and its journal has begun, so a stop lands in a running drill. */
async function running(r: PtyRun, out: string): Promise<void> {
  await r.waitFor('alice (ic)>');
  await waitForJournal(join(out, 'journal.jsonl'), 'drill.start', (events) => events.some((e) => e.type === 'drill.start'));
}

/** The run folder holds the four files, whole: the journal ends with drill.end (aborted) and replays. */
function expectSaved(out: string): void {
  expect(readdirSync(out).sort()).toEqual(FILES);
  const j = readJournal(join(out, 'journal.jsonl'));
  expect(j.truncated).toBe(false);
  expect(j.events.at(-1)).toMatchObject({ type: 'drill.end', data: { outcome: 'aborted' } });
  expect(JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')).outcome).toBe('aborted');
  expect(readFileSync(join(out, 'scorecard.md'), 'utf8').length).toBeGreaterThan(0);
  expect(readFileSync(join(out, 'postmortem.md'), 'utf8')).toMatch(/^# /);
  const replay = runCli(['replay', out]);
  expect(replay.code, replay.stdout + replay.stderr).toBe(0);
}

/** The terminal was handed back: the alternate screen left after it was last entered, and the cursor shown after it was last hidden. */
function expectRestored(output: string): void {
  expect(output.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(output.lastIndexOf('\x1b[?1049h'));
  expect(output.lastIndexOf('\x1b[?25h')).toBeGreaterThan(output.lastIndexOf('\x1b[?25l'));
}

describe('a live drill stopped from outside', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`kill -${signal.slice(3)} ends it as aborted, writes the run folder, restores the terminal and exits ${code}`, async () => {
      const { r, out } = start();
      await running(r, out);
      r.kill(signal);
      expect(await r.exited).toBe(code);
      expectRestored(r.output);
      expect(r.output.slice(r.output.lastIndexOf('\x1b[?1049l'))).toMatch(/Drill aborted\. .*Run folder: run/);
      expectSaved(out);
    });
  }

  it('closing the terminal ends it as aborted, writes the run folder and exits 129 (no crash on the dead terminal)', async () => {
    const { r, out } = start();
    await running(r, out);
    // Closes the pty's master side, as a terminal window closing does: the kernel sends SIGHUP and writes fail with EIO.
    (r.proc as unknown as { destroy(): void }).destroy();
    expect(await r.exited).toBe(129);
    expectSaved(out);
  });

  it('raw mode is off once it has exited: the shell that started it reads lines again', async () => {
    const cwd = tempDir('e2e-stop');
    const sh = startedByShell(['run', INTRO, '--seed', '7', '--speed', '30', '--as', 'alice:ic', '--out', 'run'], { cwd });
    runs.push(sh);
    const out = join(cwd, 'run');
    await waitForJournal(join(out, 'journal.jsonl'), 'drill.start', (events) => events.some((e) => e.type === 'drill.start'));
    const pid = await printedPid(sh);
    onTestFinished(() => killIfRunning(pid));
    process.kill(pid, 'SIGINT');
    expect(await sh.exited).toBe(0);
    const end = sh.output.indexOf('EXIT=130');
    expect(end, sh.output.slice(-500)).toBeGreaterThan(0);
    const settings = sh.output.slice(end);
    expect(settings).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(settings).toMatch(/(^|\s)echo(\s|$)/m);
    expectRestored(sh.output.slice(0, end));
    expectSaved(out);
  });

  it('an uncaught error restores the terminal, ends the drill, writes the run folder and exits 2', async () => {
    const { r, out } = start({ speed: '60', env: { FIREDRILL_TEST_CRASH_AFTER_MS: '1500' } });
    await r.waitFor('alice (ic)>');
    expect(await r.exited).toBe(2);
    expectRestored(r.output);
    expect(r.output.slice(r.output.lastIndexOf('\x1b[?1049l'))).toMatch(/internal error.*the drill is saved in run/);
    expectSaved(out);
  });
});

describe('a live drill ended from the keyboard', () => {
  it('Ctrl+E (the facilitator\'s end) is an aborted drill: exit 130 once the scorecard screen is left', async () => {
    const { r, out } = start();
    await running(r, out);
    r.press(KEYS.CTRL_E);
    await r.waitFor('End the drill now for everyone? (y/n)');
    r.press('y');
    await r.waitFor(/^aborted — Orders fail during the lunchtime rush$/m);
    r.press('q');
    expect(await r.exited).toBe(130);
    expectRestored(r.output);
    expectSaved(out);
  });
});

describe('a live drill on a full disk', () => {
  it('a scorecard file that cannot be written: one line naming the run folder, the rest kept, exit 1', async () => {
    const { r, out } = start({ env: { FIREDRILL_TEST_FAIL_WRITE: 'ENOSPC:scorecard.md@4096' } });
    await running(r, out);
    r.kill('SIGTERM');
    expect(await r.exited).toBe(1);
    expectRestored(r.output);
    const after = r.output.slice(r.output.lastIndexOf('\x1b[?1049l'));
    expect(after).toMatch(/firedrill: could not write the run folder run: no space left on the device \(ENOSPC\); kept journal\.jsonl, scorecard\.json, postmortem\.md; not written: scorecard\.md\r\n/);
    expect(after).not.toMatch(/\n\s+at /);
    expect(readdirSync(out).sort()).toEqual(['journal.jsonl', 'postmortem.md', 'scorecard.json']);
  });

  it('a journal that cannot be written ends the drill; what was written is kept, in whole lines, and it exits 1', async () => {
    const { r, out } = start({ speed: '200', env: { FIREDRILL_TEST_FAIL_WRITE: 'ENOSPC:journal.jsonl@3000' } });
    // The journal fills at the first alert (3000 bytes hold the header and a few events): the drill ends by itself.
    await r.waitFor(/^aborted — Orders fail during the lunchtime rush$/m, 15_000);
    r.press('q');
    expect(await r.exited).toBe(1);
    expectRestored(r.output);
    expect(r.output).toMatch(/firedrill: could not write the run folder run: no space left on the device \(ENOSPC\); kept journal\.jsonl \(its first \d+ lines\), scorecard\.json, scorecard\.md, postmortem\.md\r\n/);
    const text = readFileSync(join(out, 'journal.jsonl'), 'utf8');
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith('\n')).toBe(true);
    expect(existsSync(join(out, 'scorecard.json'))).toBe(true);
  });
});
