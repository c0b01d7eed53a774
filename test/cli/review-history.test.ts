import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { colorEnabled, terminalStyle } from '../../src/cli/terminal-style';
import type { ParticipantResult, Scorecard } from '../../src/scoring/types';
import { runCli } from '../helpers/cli';
import { judgementFixture, metric, perfectFixture, scorecardFixture } from '../helpers/scorecard-fixture';
import { sharedTempDirs, tempDir } from '../helpers/tmp';

const M = 60_000;
const tmp = () => tempDir('review');
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);
const NO_COLOR = { NO_COLOR: '1' };

function writeRun(dir: string, card: Scorecard | string, wall?: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scorecard.json'), typeof card === 'string' ? card : JSON.stringify(card, null, 2));
  if (wall) writeFileSync(join(dir, 'journal.jsonl'), `${JSON.stringify({ type: 'header', format: 1, wall })}\n`);
  return dir;
}

const human = (name: string, roles: ParticipantResult['roles']): ParticipantResult => ({ name, roles, kind: 'human', score: 90, grade: 'A', violations: [], strengths: [] });

// Three good runs of two scenarios by three people, one corrupt scorecard and one partial one.
let runs: string;
let good: string;
let corrupt: string;
let partial: string;
const fileTmp = sharedTempDirs('review');
beforeAll(() => {
  runs = join(fileTmp(), 'firedrill-runs');
  good = writeRun(join(runs, '20261120T100000Z-checkout-db-wal-disk-full'), scorecardFixture(), '2026-11-20T10:00:00.000Z');
  writeRun(join(runs, '20261121T100000Z-checkout-db-wal-disk-full'), perfectFixture({
    score: 94, grade: 'A', participants: [human('bob', ['ic']), human('carol', ['scribe']), human('alice', ['responder'])],
    timeline: perfectFixture().timeline.map((e) => (e.kind === 'role.claim' ? { ...e, actor: 'bob', text: 'bob took command' } : e)),
    metrics: { ...perfectFixture().metrics, timeToMitigate: metric(19 * M, 25 * M) },
  }));
  writeRun(join(runs, 'team-b', '20261122T100000Z-bad-deploy-rollback'), scorecardFixture({
    scenario: { id: 'bad-deploy-rollback', title: 'Orders fail during the lunchtime rush', hash: 'b'.repeat(64) },
    score: 71, grade: 'C', participants: [human('alice', ['ic']), human('bob', ['scribe'])],
  }));
  const text = JSON.stringify(scorecardFixture(), null, 2);
  corrupt = writeRun(join(runs, '20261123T100000Z-corrupt'), text.slice(0, text.length / 3));
  const { metrics: _m, participants: _p, ...rest } = scorecardFixture();
  partial = writeRun(join(runs, '20261124T100000Z-partial'), JSON.stringify(rest));
});

describe('firedrill review', () => {
  it('prints the scorecard for a run folder: header, times against targets, rules by role, scribe, people, points', () => {
    const r = runCli(['review', good], { env: NO_COLOR });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const o = r.stdout;
    expect(o).toContain('Checkout slows down and fails at peak hour (checkout-db-wal-disk-full)');
    expect(o).toMatch(/score 78\/100 {2}grade C {2}outcome resolved at T\+42:30 of 45:00/);
    expect(o).toMatch(/✓ Time to acknowledge +02:10 +05:00 +met\n {6}from the first page \(the first alert\) to the first acknowledgement\n/);
    expect(o).toMatch(/✗ Time to mitigate +31:20 +25:00 +missed/);
    expect(o).toMatch(/· Longest gap between external posts +— +— +did not happen/);
    expect(o).toMatch(/Incident Commander\n +✓ RD-01 .*\n +✗ RD-10 Every task has a time box \(high, 1 violation\)\n +T\+09:00 alice: T2/);
    expect(o).toContain('1 rule did not apply');
    expect(o).toContain('Scribe coverage  80% (8 of 10 logged)');
    expect(o).toMatch(/Dana Ortiz \(bot\) +Customer Liaison +100 +no violations/);
    expect(o).toMatch(/−22 +total, leaving 78\/100/);
    expect(o).not.toContain('\u001b');
  });

  it('prints and keeps a v2 scorecard\'s judgement: each wrong move, who ran it, its cost, and the time in worse phases', () => {
    const card = scorecardFixture({ judgement: judgementFixture() });
    const dir = writeRun(join(tmp(), 'v2-run'), card);
    const r = runCli(['review', dir], { env: NO_COLOR });
    expect(r.code).toBe(0);
    const o = r.stdout;
    expect(o).toContain('Judgement  −13 points\n  ✗ T+12:05 harmful: Restart postgres on db-1 (restart-db) by carol  −10\n      The database was healthy; a restart under load dropped every connection.\n');
    expect(o).toContain('  ✗ T+20:00 red herring: Flush the query cache (flush-cache) by Eli Park (bot), asked by alice, still running at the end  −3\n');
    expect(o).toContain('  Time in worse phases 10:20 (shown, not scored again)\n    T+13:00–T+18:00 outage 05:00, after restart-db by carol\n    T+30:00–T+35:20 disk-full 05:20, marked worse\n');
    expect(o.indexOf('Judgement')).toBeGreaterThan(o.indexOf('Role discipline'));
    expect(JSON.parse(runCli(['review', dir, '--json']).stdout)).toEqual(card);
    expect(runCli(['review', good], { env: NO_COLOR }).stdout).not.toContain('Judgement');
  });

  it('reads a scorecard.json path the same way', () => {
    const a = runCli(['review', good], { env: NO_COLOR });
    const b = runCli(['review', join(good, 'scorecard.json')], { env: NO_COLOR });
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('--json prints the scorecard as one JSON document', () => {
    const r = runCli(['review', good, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(scorecardFixture());
  });

  it('--markdown prints scorecard.md', () => {
    const r = runCli(['review', good, '--markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# Scorecard: Checkout slows down and fails at peak hour\n')).toBe(true);
    expect(r.stdout).toContain('## Where the points went');
    expect(r.stdout).toContain("### What didn't go so well");
  });

  it('refuses --markdown with --json', () => {
    const r = runCli(['review', good, '--markdown', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot be used with/);
  });

  it('names a corrupt scorecard, exits 1 and prints no stack trace', () => {
    const r = runCli(['review', corrupt]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`firedrill: ${join(corrupt, 'scorecard.json')}: is not valid JSON, so it is corrupt or was cut off`);
    noStack(r.stderr);
  });

  it('names a partial scorecard and what it lacks', () => {
    const r = runCli(['review', join(partial, 'scorecard.json'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(partial, 'scorecard.json')}: is not a complete scorecard: metrics is missing; participants is missing`);
    noStack(r.stderr);
  });

  it('explains a missing file, a folder that is not a run, and a run that was never scored', () => {
    const none = runCli(['review', join(runs, 'nope')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`${join(runs, 'nope')}: no such file or folder`);
    const empty = tmp();
    expect(runCli(['review', empty]).stderr).toContain(`${empty} has no scorecard.json; is it a firedrill run folder?`);
    const unscored = tmp();
    writeFileSync(join(unscored, 'journal.jsonl'), '{}\n');
    const r = runCli(['review', unscored]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the drill has a journal but was not scored');
  });

  it('colours only when asked and allowed: FORCE_COLOR on a pipe, never with NO_COLOR', () => {
    expect(runCli(['review', good]).stdout).not.toContain('\u001b');
    expect(runCli(['review', good], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(runCli(['review', good], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b');
  });

  it("strips control sequences from people's text before it reaches the terminal", () => {
    const base = scorecardFixture();
    const dir = writeRun(join(tmp(), 'hostile'), {
      ...base,
      scenario: { ...base.scenario, title: 'Checkout\u001b]0;pwned\u0007 down' },
      participants: [{ ...base.participants[0]!, name: 'mal\u001b[2Jlory', strengths: ['fast\r\nFAKE: line'] }],
      scribe: { ...base.scribe, missed: [{ ...base.scribe.missed[0]!, text: 'x\u009b31my' }] },
    });
    for (const args of [[], ['--markdown']]) {
      const r = runCli(['review', dir, ...args], { env: { FORCE_COLOR: '1' } });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/pwned|\u0007|\u009b|\u001b\[2J|\r/);
      expect(r.stdout).toContain('mallory');
      expect(r.stdout).not.toMatch(/^FAKE/m);
    }
    const json = runCli(['review', dir, '--json']);
    expect(json.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(json.stdout).scribe.missed[0].text).toBe('x\u009b31my');
  });

  it('has --help', () => {
    const r = runCli(['review', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: firedrill review [options] <run>');
    expect(r.stdout).toContain('--markdown');
  });
});

describe('firedrill history', () => {
  it('lists every good run, skips the bad ones on stderr, and goes on', () => {
    const r = runCli(['history', runs], { env: NO_COLOR });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`firedrill: skipped ${join(corrupt, 'scorecard.json')}: is not valid JSON`);
    expect(r.stderr).toContain(`firedrill: skipped ${join(partial, 'scorecard.json')}: is not a complete scorecard`);
    noStack(r.stderr);
    const o = r.stdout;
    expect(o).toContain(`firedrill history 3 runs under ${runs}`);
    expect(o).toMatch(/date \(UTC\) +scenario +IC +score +ack +command +mitigate +resolve +outcome/);
    const rows = o.split('\n').filter((l) => /^2026-11-2\d /.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^2026-11-20 10:00 +checkout-db-wal-disk-full +alice +78 C +02:10 +01:30 +31:20 +38:00 +resolved$/);
    expect(rows[1]).toMatch(/^2026-11-21 10:00 +checkout-db-wal-disk-full +bob +94 A /);
    expect(rows[2]).toMatch(/^2026-11-22 10:00 +bad-deploy-rollback +alice +71 C /);
    // Two runs are no trend: the figures, and no sparkline until there are three.
    expect(o).toContain('checkout-db-wal-disk-full Checkout slows down and fails at peak hour, 2 runs (a trend line from 3 runs on)');
    expect(o).toMatch(/\n {4}score {5}78 → 94 \(best 94\)/);
    expect(o).toMatch(/\n {4}mitigate {2}31:20 → 19:00/);
    expect(o).not.toMatch(/[▁▂▃▄▅▆▇█]/);
    expect(o).toMatch(/alice +3 runs +Incident Commander ×2, Responder ×1/);
    // carol has been Scribe (once) but never IC; bob has held Scribe twice, so alice is Scribe next.
    expect(o).toContain('Next drill  IC carol (never held it)  Scribe alice (never held it)');
    expect(o).not.toContain('\u001b');
  });

  it('--json prints one document with runs, trends, people, the rotation and what was skipped', () => {
    const r = runCli(['history', runs, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).sort()).toEqual(['dir', 'next', 'people', 'runs', 'scenario', 'scenarios', 'skipped']);
    expect(doc.runs).toHaveLength(3);
    expect(doc.runs[0]).toMatchObject({ scenario: 'checkout-db-wal-disk-full', ic: ['alice'], score: 78, grade: 'C', startedAt: '2026-11-20T10:00:00.000Z', times: { mitigate: 31 * M + 20_000 } });
    expect(doc.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(['checkout-db-wal-disk-full', 'bad-deploy-rollback']);
    expect(doc.scenarios[0]).toMatchObject({ runs: 2, scores: [78, 94], mitigateMs: [31 * M + 20_000, 19 * M] });
    expect(doc.next).toEqual({ ic: { name: 'carol', held: 0 }, scribe: { name: 'alice', held: 0 } });
    expect(doc.skipped.map((s: { path: string }) => s.path)).toEqual([join(corrupt, 'scorecard.json'), join(partial, 'scorecard.json')]);
    expect(r.stderr).toContain('skipped');
  });

  it('--scenario keeps one scenario, and names the known ones when it matches none', () => {
    const r = runCli(['history', runs, '--scenario', 'bad-deploy-rollback', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs).toHaveLength(1);
    const none = runCli(['history', runs, '--scenario', 'nope']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no runs of scenario "nope"');
    expect(none.stderr).toContain('scenarios with runs: bad-deploy-rollback, checkout-db-wal-disk-full');
  });

  it('reads ./firedrill-runs by default, and says so when there is none', () => {
    const r = runCli(['history', '--json'], { cwd: join(runs, '..') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs).toHaveLength(3);
    const none = runCli(['history'], { cwd: tmp() });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('firedrill-runs: no such folder');
    noStack(none.stderr);
  });

  it('exits 1 when every run it found is unreadable, and 0 with a note when there are none', () => {
    const bad = tmp();
    writeRun(join(bad, 'r1'), '{');
    const r = runCli(['history', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`skipped ${join(bad, 'r1', 'scorecard.json')}`);
    expect(r.stderr).toContain(`no readable runs under ${bad} (1 run skipped)`);
    const empty = runCli(['history', tmp()]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No scored runs under');
  });

  it('says a file is not a folder of runs', () => {
    const r = runCli(['history', join(good, 'scorecard.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a folder');
  });

  it('shows who held command in the order they took it, and a sparkline from three runs of a scenario on', () => {
    const dir = tmp();
    const claim = (actor: string, atMs: number) => ({ atMs, actor, role: 'ic', kind: 'role.claim', text: `${actor} took command` });
    // Cast order lists bob first; alice took command, then handed it to bob.
    const handover = scorecardFixture({
      participants: [human('bob', ['responder', 'ic']), human('alice', ['ic'])],
      timeline: [claim('alice', 8 * M), claim('bob', 25 * M)],
    });
    writeRun(join(dir, '20261120T100000Z-a'), handover, '2026-11-20T10:00:00.000Z');
    writeRun(join(dir, '20261121T100000Z-b'), scorecardFixture({ score: 85, grade: 'B' }), '2026-11-21T10:00:00.000Z');
    writeRun(join(dir, '20261122T100000Z-c'), scorecardFixture({ score: 96, grade: 'A' }), '2026-11-22T10:00:00.000Z');
    const r = runCli(['history', dir], { env: NO_COLOR });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^2026-11-20 10:00 +checkout-db-wal-disk-full +alice → bob +78 C /m);
    expect(r.stdout).toMatch(/score +[▁▂▃▄▅▆▇█]{3} +78 → 96 \(best 96\)/);
    expect(r.stdout).not.toContain('a trend line from');
    expect(JSON.parse(runCli(['history', dir, '--json']).stdout).runs[0].ic).toEqual(['alice', 'bob']);
  });

  it('adds a judged column when a run judged moves (format v2), and its JSON row says what they cost', () => {
    const dir = tmp();
    writeRun(join(dir, '20261120T100000Z-a'), scorecardFixture(), '2026-11-20T10:00:00.000Z');
    writeRun(join(dir, '20261121T100000Z-b'), scorecardFixture({ score: 65, grade: 'D', judgement: judgementFixture() }), '2026-11-21T10:00:00.000Z');
    const r = runCli(['history', dir], { env: NO_COLOR });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/date \(UTC\) +scenario +IC +score +judged +ack +command +mitigate +resolve +outcome/);
    expect(r.stdout).toMatch(/^2026-11-20 10:00 +checkout-db-wal-disk-full +alice +78 C +— +02:10 /m);
    expect(r.stdout).toMatch(/^2026-11-21 10:00 +checkout-db-wal-disk-full +alice +65 D +−13 \(2 moves\) +02:10 /m);
    expect(JSON.parse(runCli(['history', dir, '--json']).stdout).runs.map((x: { judgement: unknown }) => x.judgement)).toEqual([null, { points: 13, moves: 2 }]);
  });

  it('--markdown prints the history as Markdown with a Mermaid score chart per scenario of three runs or more', () => {
    const dir = tmp();
    for (const [i, score] of [[0, 60], [1, 70], [2, 90]] as const) {
      writeRun(join(dir, `2026112${i}T100000Z-x`), scorecardFixture({ score, grade: 'C' }), `2026-11-2${i}T10:00:00.000Z`);
    }
    const r = runCli(['history', dir, '--markdown']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('# Drill history\n')).toBe(true);
    expect(r.stdout).toContain('| 2026-11-20 10:00 | checkout-db-wal-disk-full | alice | 60 C |');
    expect(r.stdout).toContain('```mermaid\nxychart-beta\n');
    expect(r.stdout).toContain('    line [60, 70, 90]\n```');
    const both = runCli(['history', dir, '--markdown', '--json']);
    expect(both.code).toBe(1);
  });

  it('has --help', () => {
    const r = runCli(['history', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: firedrill history [options] [dir]');
    expect(r.stdout).toContain('--scenario <id>');
    expect(r.stdout).toContain('--markdown');
  });
});

describe('terminal style', () => {
  it('turns colour off for NO_COLOR and dumb terminals, on for FORCE_COLOR, else follows the TTY', () => {
    expect(colorEnabled({}, { isTTY: true })).toBe(true);
    expect(colorEnabled({}, { isTTY: false })).toBe(false);
    expect(colorEnabled({ NO_COLOR: '1' }, { isTTY: true })).toBe(false);
    expect(colorEnabled({ NO_COLOR: '' }, { isTTY: true })).toBe(true);
    expect(colorEnabled({ TERM: 'dumb' }, { isTTY: true })).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: '1' }, { isTTY: false })).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: '0' }, { isTTY: true })).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: '1', NO_COLOR: 'x' }, { isTTY: true })).toBe(false);
  });

  it('wraps text per token only when enabled', () => {
    expect(terminalStyle(false).bad('x')).toBe('x');
    expect(terminalStyle(true).bad('x')).toBe('\u001b[31mx\u001b[39m');
    expect(terminalStyle(true).ok('')).toBe('');
  });
});
