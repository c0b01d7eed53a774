import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/io/read-journal';
import { ROOT, runCli } from '../helpers/cli';
import { KEYS, PtyRun } from '../helpers/pty';
import { tempDir } from '../helpers/tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');
const runs: PtyRun[] = [];
const start = (extra: string[], o: { cols?: number; rows?: number } = {}) => {
  // The drill runs in a temp folder with a relative --out, which the screens show as given: an absolute path
  // under TMPDIR may not fit in 100 columns.
  const cwd = tempDir('e2e');
  const r = new PtyRun(['run', INTRO, '--seed', '7', '--out', 'run', ...extra], { ...o, cwd });
  runs.push(r);
  return { r, out: join(cwd, 'run') };
};
// Every drill ends before its test does, so none writes into a run folder that is being removed.
afterEach(async () => {
  await Promise.all(runs.splice(0).map((r) => r.stop()));
});

describe('firedrill run in a pseudo-terminal', () => {
  it('draws the full screen and shows what the player types in the channel', async () => {
    const { r } = start(['--as', 'alice:ic', '--speed', '1']);
    const s = await r.waitFor('alice (ic)>');
    expect(s).toContain('Orders fail during the lunchtime rush');
    expect(s).toMatch(/T\+00:0\d/);
    expect(s).toContain('ROSTER');
    // Regression: incremental redraws used to land one row low, leaving the first header on screen.
    const later = await r.waitFor(/T\+00:0[3-9]/);
    expect(later.split('\n').filter((l) => l.includes('Orders fail during the lunchtime rush'))).toHaveLength(1);
    expect(later.split('\n')[1]).toMatch(/^00:00 The drill has started/);
    await r.type('hello team');
    await r.waitFor('alice (ic)> hello team');
    r.press(KEYS.ENTER);
    await r.waitFor(/\d\d:\d\d alice: hello team/);
  });

  it('draws and redraws as it goes where CI variables are set (Ink would otherwise draw only a final frame)', async () => {
    const cwd = tempDir('e2e');
    const r = new PtyRun(['run', INTRO, '--seed', '7', '--out', 'run', '--as', 'alice:ic', '--speed', '1'], {
      cwd,
      env: { CI: 'true', CONTINUOUS_INTEGRATION: '1' },
    });
    runs.push(r);
    await r.waitFor('alice (ic)>');
    await r.type('seen live');
    await r.waitFor('alice (ic)> seen live');
  });

  it('completes commands with Tab and shows the usage of the command being typed', async () => {
    const { r } = start(['--as', 'alice:ic']);
    await r.waitFor('alice (ic)>');
    await r.type('/as');
    r.press(KEYS.TAB);
    const s = await r.waitFor('alice (ic)> /assign');
    expect(s).toContain('/assign @name TASK in Nm');
  });

  it('shows a private hint under the command line, not in the channel, until the player types', async () => {
    const { r } = start(['--as', 'alice:ic']);
    await r.waitFor('alice (ic)>');
    await r.type('/ic\r');
    await r.waitFor('alice: took command');
    await r.type('/assign someone check the orders-api logs in 5m\r');
    const s = await r.waitFor('hint: T1 went to "someone"');
    const lines = s.split('\n');
    const prompt = lines.findIndex((l) => l.startsWith('alice (ic)>'));
    expect(lines[prompt + 1]).toMatch(/^hint: T1 went to "someone", which is nobody in particular/);
    expect(lines.slice(0, prompt).join('\n')).not.toContain('nobody in particular');
    expect(s).toContain('alice: T1 → someone (no owner): check the orders-api');
    await r.type('x');
    await r.waitFor((x) => !x.includes('hint: T1') && x.includes('chat: Enter sends it'));
  });

  it('re-lays out on resize, and says when the terminal is too small', async () => {
    const { r } = start(['--as', 'alice:ic'], { cols: 100, rows: 30 });
    await r.waitFor('alice (ic)>');
    r.resize(70, 20);
    await r.waitFor('make the terminal at least 80×24');
    r.resize(120, 40);
    const s = await r.waitFor((x) => x.includes('alice (ic)>') && !x.includes('make the terminal'));
    const header = s.split('\n')[0]!;
    expect(header).toContain('Orders fail during the lunchtime rush');
    expect(header.trimEnd().length).toBeGreaterThan(100);
  });

  it('switches the speaker in hot-seat mode', async () => {
    const { r } = start(['--as', 'alice:ic', '--as', 'bob:scribe']);
    await r.waitFor('alice (ic)>');
    r.press(KEYS.CTRL_N);
    await r.waitFor('bob (scribe)>');
    await r.type('/note looking at orders\r');
    await r.waitFor('bob: note: looking at orders');
    // Ctrl+O reaches the app through the terminal's raw mode: nothing is waiting to be noted yet.
    r.press('\x0f');
    await r.waitFor('hint: nothing is waiting to be noted');
  });

  it('Ctrl+C asks first; a second Ctrl+C ends the drill as aborted, keeps the journal and scorecard, and restores the terminal', async () => {
    const { r, out } = start(['--as', 'alice:ic', '--speed', '30']);
    await r.waitFor('alice (ic)>');
    await r.type('/ic This is alice, I am the Incident Commander\r');
    await r.waitFor('alice: This is alice, I am the Incident Commander');
    await r.type('/sev SEV-2\r');
    await r.waitFor('declared SEV-2');
    r.press(KEYS.CTRL_C);
    await r.waitFor('End the drill? (y/n)');
    r.press('n');
    await r.waitFor((s) => !s.includes('End the drill?'));
    r.press(KEYS.CTRL_C);
    await r.waitFor('End the drill? (y/n)');
    r.press(KEYS.CTRL_C);
    // Nobody triggered the response, so there is nothing to score; the screen says so instead of a 0.
    const end = await r.waitFor(/^Not scored: the drill ended at T\+\d\d:\d\d, before anyone triggered the incident response/);
    expect(end.split('\n')).toContain('aborted — Orders fail during the lunchtime rush');
    r.press('q');
    // An aborted drill exits 130, as a shell reports Ctrl+C.
    expect(await r.exited).toBe(130);
    expect(r.output).toContain('\x1b[?1049l');
    expect(r.output.lastIndexOf('\x1b[?25h')).toBeGreaterThan(r.output.lastIndexOf('\x1b[?25l'));
    const j = readJournal(join(out, 'journal.jsonl'));
    expect(j.events.at(-1)).toMatchObject({ type: 'drill.end', data: { outcome: 'aborted' } });
    expect(JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')).outcome).toBe('aborted');
    expect(existsSync(join(out, 'postmortem.md'))).toBe(true);
    // A live drill, typed input and all, replays exactly.
    const replay = runCli(['replay', out, '--json']);
    expect(replay.code, replay.stdout + replay.stderr).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ reproduces: true, outcome: 'aborted' });
  });

  it('a drill played to its end shows the scorecard screen with the run folder', async () => {
    const { r, out } = start(['--as', 'alice:ic', '--speed', '400', '--bots', 'all']);
    // Alice's own score leads, then the team's; the role is whatever she held (she never took command here).
    const s = await r.waitFor(/^You, [^:]+: \d+ \([A-F]\) · team \d+ \([A-F]\)$/m, 15_000);
    expect(s.split('\n')[1]).toBe('timed-out — Orders fail during the lunchtime rush');
    expect(s).toMatch(/^[✓✗] Time to acknowledge/m);
    // The run folder is at the end of the scrolling scorecard.
    r.press('\x1b[F');
    await r.waitFor(/^Run folder: run \(scorecard\.md and postmortem\.md are there\)$/m);
    expect(existsSync(join(out, 'scorecard.md'))).toBe(true);
    r.press('\r');
    expect(await r.exited).toBe(0);
  });

  it('a crash restores the terminal, says what happened, ends the journal and writes the scorecard', async () => {
    const out = join(tempDir('e2e'), 'run');
    const r = new PtyRun(['run', INTRO, '--seed', '7', '--speed', '60', '--as', 'alice:ic', '--out', out], { env: { FIREDRILL_TEST_CRASH_AFTER_MS: '1500' } });
    runs.push(r);
    await r.waitFor('alice (ic)>');
    expect(await r.exited).toBe(2);
    const leave = r.output.lastIndexOf('\x1b[?1049l');
    expect(leave).toBeGreaterThan(r.output.lastIndexOf('\x1b[?1049h'));
    expect(r.output.slice(leave)).toMatch(/internal error.*the drill is saved in/);
    const j = readJournal(join(out, 'journal.jsonl'));
    expect(j.events[0]?.type).toBe('drill.start');
    expect(j.events.at(-1)).toMatchObject({ type: 'drill.end', data: { outcome: 'aborted' } });
    expect(existsSync(join(out, 'scorecard.json'))).toBe(true);
  });

  it('SIGTERM ends the drill as aborted, writes the scorecard and exits without waiting for a key', async () => {
    const { r, out } = start(['--as', 'alice:ic', '--speed', '30']);
    await r.waitFor('alice (ic)>');
    r.proc.kill('SIGTERM');
    // 128 + 15: stopped by SIGTERM.
    expect(await r.exited).toBe(143);
    expect(r.output).toContain('\x1b[?1049l');
    expect(JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')).outcome).toBe('aborted');
  });

  it('review on a terminal opens the same scorecard screen', async () => {
    const cwd = tempDir('e2e');
    expect(runCli(['simulate', INTRO, '--seed', '3', '--out', 'run'], { cwd }).code).toBe(0);
    const r = new PtyRun(['review', 'run'], { cwd });
    runs.push(r);
    // Only bots played: the team's score is the headline.
    const s = await r.waitFor(/^team \d+ \([A-F]\)\n/);
    expect(s.split('\n')[1]).toBe('resolved — Orders fail during the lunchtime rush');
    expect(s).toMatch(/^METRICS +time +target$/m);
    expect(s).toMatch(/^✓ Time to acknowledge +\d\d:\d\d +05:00$/m);
    r.press('\x1b[F');
    await r.waitFor(/^Run folder: run \(scorecard\.md and postmortem\.md are there\)$/m);
    r.press('q');
    expect(await r.exited).toBe(0);
  });

  it('says it needs a terminal when stdin is not a TTY, and points to simulate', () => {
    const res = runCli(['run', INTRO], { cwd: tempDir('e2e') });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/needs an interactive terminal.*firedrill simulate/);
  });
});
