// The scorecard screen (the end of `run`, and `review` on a terminal): frames at 80×24, 120×40 and 200×50, scrolling
// by its keys, human metric labels with where each is measured from, whole rule titles and the Scribe's misses.
import { describe, expect, it } from 'vitest';
import { ScorecardView, scorecardScroll } from '../../src/ui/components/ScorecardView';
import { Review } from '../../src/ui/review-app';
import { scorecardDoc } from '../../src/ui/scorecard-rows';
import { rowText } from '../../src/ui/styled-rows';
import { createTheme } from '../../src/ui/theme';
import { DOWN, END, ENTER, ESC, HOME, PAGE_DOWN, PAGE_UP, UP, width, type Rendered, showUnmountedAfterEach } from '../helpers/render';
import { judgementFixture, scorecardFixture } from '../helpers/scorecard-fixture';
import { evil, foreignControls, hostileScorecard } from '../helpers/terminal-scan';

const theme = createTheme(false);
const SIZES = [[80, 24], [120, 40], [200, 50]] as const;
// A metric's id in a frame is a bug: people read "Time to acknowledge", not timeToAcknowledge.
const CAMEL_ID = /\b(?:timeTo[A-Z]\w*|statusUpdateMaxGap|externalUpdateMaxGap)\b/;

const show = showUnmountedAfterEach();
function expectFits(r: Rendered, columns: number, rows: number): void {
  const lines = r.lines();
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(columns);
}

/** Every row of the scorecard at a size, read by scrolling a review screen from top to bottom. */
async function readAll(r: Rendered): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    const lines = r.lines();
    seen.push(...lines.slice(lines.findIndex((l) => l.startsWith('resolved — ')) + 1, -1));
    if (!/rows \d+–(\d+) of (\d+)$/.exec(lines.at(-1) ?? '') || /rows \d+–(\d+) of \1$/.test(lines.at(-1) ?? '')) break;
    await r.press(PAGE_DOWN);
  }
  return seen;
}

describe('ScorecardView', () => {
  it.each(SIZES)('leads with whose score and how it ended, then metrics by name with where each starts, at %i×%i', async (cols, rows) => {
    const r = await show(<ScorecardView card={scorecardFixture()} you={['alice']} runDir="firedrill-runs/x" theme={theme} cols={cols} rows={rows - 1} channel />, cols, rows);
    const lines = r.lines();
    expect(lines.slice(0, 2)).toEqual(['You, Incident Commander: 85 (B) · team 78 (C)', 'resolved — Checkout slows down and fails at peak hour']);
    expect(lines[2]).toMatch(/^METRICS +time  target/);
    expect(lines[3]).toMatch(/^✓ Time to acknowledge +02:10 {3}05:00/);
    expect(lines[4]).toMatch(/^ {4}from the first page \(the first alert\) to the first\b/);
    expect(r.lastFrame()).not.toMatch(CAMEL_ID);
    expect(lines.at(-1)).toMatch(/^Enter\/q leave {2}Tab final channel {2}↑\/↓ scroll/);
    expectFits(r, cols, rows);
  });

  it('fits 80×24 with the rest a scroll away, saying where it is', async () => {
    const card = scorecardFixture();
    const r = await show(<ScorecardView card={card} you={['alice']} runDir="firedrill-runs/x" theme={theme} cols={80} rows={23} />, 80, 24);
    const { page, max } = scorecardScroll(card, { you: ['alice'], runDir: 'firedrill-runs/x' }, 80, 23);
    expect(page).toBe(20);
    expect(max).toBeGreaterThan(0);
    expect(r.lines()).toHaveLength(23);
    expect(r.lines().at(-1)).toMatch(new RegExp(`^Enter/q leave {2}↑/↓ scroll {2}PgUp/PgDn page {2}Home/End top/end +rows 1–20 of ${page + max}$`));
    const end = await show(<ScorecardView card={card} you={['alice']} runDir="firedrill-runs/x" theme={theme} cols={80} rows={23} top={999} />, 80, 24);
    expect(end.lines().at(-1)).toMatch(new RegExp(`rows ${max + 1}–${max + page} of ${max + page}$`));
    expect(end.lines().at(-2)).toBe('Run folder: firedrill-runs/x (scorecard.md and postmortem.md are there)');
    expectFits(end, 80, 24);
  });

  it('puts metrics and the lists side by side from 120 columns', async () => {
    const r = await show(<ScorecardView card={scorecardFixture()} you={['alice']} theme={theme} cols={120} rows={39} />, 120, 40);
    const lines = r.lines();
    expect(lines[2]).toMatch(/^METRICS +time {2}target {10}VIOLATIONS$/);
    expect(lines[3]).toMatch(/^✓ Time to acknowledge +02:10 {3}05:00 +alice \(you\):$/);
    expect(lines[4]!.slice(61)).toBe('  RD-10 Every task has a time box');
    expect(r.lastFrame()).toContain('SCRIBE 80% noted (8/10)');
    expect(r.lastFrame()).toMatch(/ {2}14:00 Fail over to db-2/);
  });

  it('wraps a long rule title under its id instead of cutting it, at 80 columns', async () => {
    const card = scorecardFixture();
    const title = 'The Scribe logs every decision, every assignment, every status update and every change of severity within two minutes of it';
    const rules = card.rules.map((x) => (x.id === 'RD-30' ? { ...x, title } : x));
    const body = scorecardDoc({ ...card, rules }, {}, 80).body.map(rowText);
    const at = body.findIndex((l) => l.startsWith('  RD-30 '));
    expect(body[at]).toBe('  RD-30 The Scribe logs every decision, every assignment, every status update');
    expect(body[at + 1]).toBe('        and every change of severity within two minutes of it');
    for (const l of body) expect(width(l)).toBeLessThanOrEqual(80);
    expect(body.join('\n')).not.toContain('…');
  });

  it('lists what the Scribe did not note in time, with when and what', async () => {
    const body = scorecardDoc(scorecardFixture(), {}, 80).body.map(rowText);
    const at = body.indexOf('SCRIBE 80% noted (8/10)');
    expect(body.slice(at, at + 4)).toEqual([
      'SCRIBE 80% noted (8/10)', 'Not noted within 2 minutes:', '  14:00 Fail over to db-2', '  20:00 SEV-2, failing over, next update in 10m',
    ]);
    const all = scorecardDoc(scorecardFixture({ scribe: { coverage: 1, noted: 4, total: 4, missed: [] } }), {}, 80).body.map(rowText);
    expect(all).toContain('every key event was noted in time');
    const none = scorecardDoc(scorecardFixture({ scribe: { coverage: null, noted: 0, total: 0, missed: [] } }), {}, 80).body.map(rowText);
    expect(none).toContain('no key events to note');
  });

  it('lists violations of no one person as the team\'s, and bots\' apart, after the people\'s', () => {
    const card = scorecardFixture();
    const broken = (actor: string, type: string, note: string) => ({ status: 'violated' as const, violations: [{ atMs: 20 * 60_000, actor, evidence: { seq: 200, type, note } }] });
    const rules = card.rules.map((r) => (r.id === 'RD-33' ? { ...r, ...broken('Dana Ortiz', 'external.post', 'posted D2 without approval') }
      : r.id === 'RD-01' ? { ...r, ...broken('nobody', 'page.sent', 'nobody took command after the response was triggered') } : r));
    const body = scorecardDoc({ ...card, rules }, { you: ['carol'] }, 100).body.map(rowText);
    const at = body.indexOf('VIOLATIONS');
    expect(body.slice(at, at + 10)).toEqual([
      'VIOLATIONS', 'alice:', '  RD-10 Every task has a time box', 'bob:', '  RD-30 The Scribe logs every decision, assignment and status update',
      'carol (you):', '  RD-15 No freelancing: act only on an assignment', 'the team (no one person):', '  RD-01 Take command early and announce it by name',
      'by bots (not yours):',
    ]);
    expect(body[at + 10]).toBe('  RD-33 Dana Ortiz: External posts need IC approval of that exact draft');
  });

  it('says none for a perfect drill, and where the files are without a run folder', () => {
    const body = scorecardDoc(scorecardFixture({ score: 100, grade: 'A', rules: [] }), {}, 80).body.map(rowText);
    expect(body[body.indexOf('VIOLATIONS') + 1]).toBe('none');
    expect(body.at(-1)).toBe('scorecard.md and postmortem.md sit beside scorecard.json.');
  });

  it('shows n/a for a metric that does not apply, and never for one that did not happen', () => {
    const card = scorecardFixture({ drill: { ...scorecardFixture().drill, metricsNotApplicable: ['timeToFirstExternal'] } });
    const body = scorecardDoc(card, {}, 80).body.map(rowText);
    expect(body).toContain('- Time to first external post            n/a');
    expect(body).toContain('✗ Longest gap between external posts   never');
    // A metric that does not apply is not explained; one that never happened is.
    expect(body[body.indexOf('- Time to first external post            n/a') + 1]).toMatch(/^✗ Longest gap/);
    expect(body[body.indexOf('✗ Longest gap between external posts   never') + 1]).toBe('    the longest stretch between posts to customers, from the first to resolution');
  });

  it('colours the headline by the score of the people at this screen, not the team\'s', async () => {
    const { default: chalk } = await import('chalk');
    const level = chalk.level;
    chalk.level = 1;
    try {
      const card = scorecardFixture({ score: 96, grade: 'A' });
      const low = { ...card, participants: card.participants.map((p) => (p.name === 'bob' ? { ...p, score: 45, grade: 'F' as const } : p)) };
      const r = await show(<ScorecardView card={low} you={['bob']} theme={createTheme(true)} cols={100} rows={29} />, 100, 30);
      expect(r.lastRawFrame()).toMatch(/\x1b\[31m(?:\x1b\[1m)?You, Scribe: 45 \(F\) · team 96 \(A\)/);
      const review = await show(<ScorecardView card={low} theme={createTheme(true)} cols={100} rows={29} />, 100, 30);
      expect(review.lastRawFrame()).toMatch(/\x1b\[32m(?:\x1b\[1m)?alice, Incident Commander/);
    } finally {
      chalk.level = level;
    }
  });

  // Issue 11: review on a terminal drew rule ids and titles and the run folder from the file and the flag raw.
  it('draws every text from a scorecard file, and the run folder, as plain text', async () => {
    const r = await show(<ScorecardView card={hostileScorecard()} you={[`alice${evil()}`]} runDir={`runs/${evil()}`} theme={theme} cols={120} rows={39} top={0} />, 120, 40);
    expect(foreignControls(r.lastRawFrame(), 'ink')).toEqual([]);
    expect(r.lines()[1]).toBe('resolved — Checkout slows down and fails at peak hourevil\uFFFDend');
    expect(r.lastFrame()).toContain('aliceevil\uFFFDend (you):');
    expect(r.lastFrame()).toContain('  RD-10evil\uFFFDend Every task has a time boxevil\uFFFDend');
    const end = await show(<ScorecardView card={hostileScorecard()} runDir={`runs/${evil()}`} theme={theme} cols={120} rows={39} top={999} />, 120, 40);
    expect(foreignControls(end.lastRawFrame(), 'ink')).toEqual([]);
    expect(end.lastFrame()).toContain('Run folder: runs/evil\uFFFDend');
  });

  // Regression: with three players the headline ran past 80 columns and the team's score was cut off.
  it('breaks a long headline between people at 80×24, never inside one', async () => {
    const r = await show(<ScorecardView card={scorecardFixture()} theme={theme} cols={80} rows={23} />, 80, 24);
    expectFits(r, 80, 24);
    expect(r.lines().slice(0, 3)).toEqual([
      'alice, Incident Commander: 85 (B) · bob, Scribe: 90 (A)',
      'carol, Responder: 70 (C) · team 78 (C)',
      'resolved — Checkout slows down and fails at peak hour',
    ]);
  });

  it('wraps a long "not scored" reason at 80×24', async () => {
    const card = scorecardFixture({ score: null, grade: null, outcome: 'aborted', notScored: 'the drill ended at T+00:17, before anyone triggered the incident response, so there was no response to score' });
    const r = await show(<ScorecardView card={card} you={['alice']} theme={theme} cols={80} rows={23} />, 80, 24);
    expect(r.lines().slice(0, 3)).toEqual([
      'Not scored: the drill ended at T+00:17, before anyone triggered the incident',
      'response, so there was no response to score',
      'aborted — Checkout slows down and fails at peak hour',
    ]);
    expectFits(r, 80, 24);
  });

  it('shows a v2 drill\'s judgement beside the violations at 120×40: each move with when, who and its cost, then the worse phases', async () => {
    const card = scorecardFixture({ judgement: judgementFixture() });
    const r = await show(<ScorecardView card={card} you={['alice']} theme={theme} cols={120} rows={39} />, 120, 40);
    const right = r.lines().map((l) => l.slice(61).trimEnd());
    const at = right.indexOf('JUDGEMENT −13 points');
    expect(at).toBeGreaterThan(right.indexOf('VIOLATIONS'));
    expect(right.slice(at, at + 9)).toEqual([
      'JUDGEMENT −13 points',
      '  12:05 harmful: Restart postgres on db-1 (restart-db) by',
      '        carol, −10',
      '  20:00 red herring: Flush the query cache (flush-cache) by',
      '        Eli Park (bot), asked by alice, still running at',
      '        the end, −3',
      'Time in worse phases: 10:20',
      '  13:00 outage for 05:00, after restart-db by carol',
      '  30:00 disk-full for 05:20',
    ]);
    expect(right[at + 10]).toBe('SCRIBE 80% noted (8/10)');
    expectFits(r, 120, 40);
  });

  it('says no wrong move was taken, and has no judgement at all for a v1 scorecard, at 80 columns', () => {
    const clean = scorecardDoc(scorecardFixture({ judgement: { actions: [], points: 0, worsePhases: [], worseMs: 0 } }), {}, 80).body.map(rowText);
    expect(clean).toContain('JUDGEMENT no harmful or red-herring action taken');
    expect(clean.join('\n')).not.toContain('worse phases');
    const v1 = scorecardDoc(scorecardFixture(), {}, 80).body.map(rowText);
    expect(v1.join('\n')).not.toMatch(/JUDGEMENT|worse/);
  });
});

describe('Review (the scorecard screen of firedrill review)', () => {
  it.each(SIZES)('scrolls with ↑/↓, PgUp/PgDn, Home and End at %i×%i, every row fitting', async (cols, rows) => {
    let left = 0;
    const r = await show(<Review card={scorecardFixture()} runDir="runs/x" theme={theme} onExit={() => left++} />, cols, rows);
    expect(r.lines()[0]).toBe('alice, Incident Commander: 85 (B) · bob, Scribe: 90 (A) · carol, Responder: 70 (C) · team 78 (C)'.length <= cols
      ? 'alice, Incident Commander: 85 (B) · bob, Scribe: 90 (A) · carol, Responder: 70 (C) · team 78 (C)'
      : 'alice, Incident Commander: 85 (B) · bob, Scribe: 90 (A)');
    expect(r.lastFrame()).not.toContain('final channel');
    const all = await readAll(r);
    // Every metric by name, every violation and the Scribe's misses are somewhere on the pages.
    for (const text of ['Time to acknowledge', 'Longest gap between external posts', 'RD-15 No freelancing', 'Not noted within 2 minutes:', 'Run folder: runs/x']) {
      expect(all.join('\n'), text).toContain(text);
    }
    expect(all.join('\n')).not.toMatch(CAMEL_ID);
    await r.press(HOME);
    const top = r.lines();
    const first = top.findIndex((l) => l.startsWith('resolved — ')) + 1;
    if (/rows 1–/.test(top.at(-1) ?? '')) {
      await r.press(DOWN);
      expect(r.lines()[first]).toBe(top[first + 1]);
      await r.press(UP);
      expect(r.lines()[first]).toBe(top[first]);
      await r.press(END);
      expect(r.lines().at(-2)).toBe('Run folder: runs/x (scorecard.md and postmortem.md are there)');
      await r.press(PAGE_UP);
      expect(r.lines().at(-2)).not.toBe('Run folder: runs/x (scorecard.md and postmortem.md are there)');
    } else {
      // Everything fits: no position, and the keys leave it where it is.
      await r.press(PAGE_DOWN);
      expect(r.lines()).toEqual(top);
    }
    expectFits(r, cols, rows);
    expect(left).toBe(0);
    await r.press(ENTER);
    expect(left).toBe(1);
  });

  it('leaves on q, Esc and Ctrl+C, and Tab does nothing (there is no channel behind a review)', async () => {
    let left = 0;
    const r = await show(<Review card={scorecardFixture()} theme={theme} onExit={() => left++} />, 80, 24);
    const before = r.lastFrame();
    await r.press('\t');
    expect(r.lastFrame()).toBe(before);
    await r.press('q');
    await r.press(ESC);
    await r.press('\x03');
    expect(left).toBe(3);
  });
});
