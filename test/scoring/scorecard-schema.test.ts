import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScorecard } from '../../src/io/read-scorecard';
import { ScorecardError, parseScorecard } from '../../src/scoring/scorecard-schema';
import { judgementFixture, perfectFixture, scorecardFixture } from '../helpers/scorecard-fixture';
import { tempDir } from '../helpers/tmp';

const tmp = () => tempDir('scorecard');

function write(text: string, name = 'scorecard.json'): string {
  const p = join(tmp(), name);
  writeFileSync(p, text);
  return p;
}

/** The ScorecardError a call throws (failing the test when it throws anything else or nothing). */
function failure(fn: () => unknown): ScorecardError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScorecardError) return e;
    throw e;
  }
  throw new Error('expected a ScorecardError');
}

describe('readScorecard', () => {
  it('reads back exactly what was written', () => {
    for (const card of [scorecardFixture(), perfectFixture(), scorecardFixture({ outcome: 'timed-out', drill: { ...scorecardFixture().drill, postmortemOwner: null } })]) {
      expect(readScorecard(write(JSON.stringify(card, null, 2)))).toEqual(card);
    }
  });

  it('reads back a drill that was not scored, and rules with advice', () => {
    const fixture = scorecardFixture();
    const notScored = { ...fixture, score: null, grade: null, notScored: 'the drill ended at T+00:09, before anyone triggered the incident response', deductions: [],
      participants: fixture.participants.map((p) => ({ ...p, score: null, grade: null })) };
    expect(readScorecard(write(JSON.stringify(notScored)))).toEqual(notScored);
    const advice = { ...fixture, rules: [{ ...fixture.rules[0]!, advisories: [{ atMs: 1000, actor: 'alice', evidence: { seq: 3, type: 'role.claim', note: 'held command for 1h5m' } }] }, ...fixture.rules.slice(1)] };
    expect(readScorecard(write(JSON.stringify(advice)))).toEqual(advice);
  });

  it('reads back a v2 scorecard\'s judgement, and one without it as it was (v1)', () => {
    const v2 = scorecardFixture({ judgement: judgementFixture() });
    expect(readScorecard(write(JSON.stringify(v2, null, 2)))).toEqual(v2);
    expect(readScorecard(write(JSON.stringify(scorecardFixture())))).not.toHaveProperty('judgement');
  });

  it('says which part of a judgement is wrong', () => {
    const j = judgementFixture();
    const bad = { ...scorecardFixture(), judgement: { ...j, actions: [{ ...j.actions[0]!, kind: 'clumsy' }] } };
    expect(failure(() => readScorecard(write(JSON.stringify(bad)))).message).toMatch(/judgement\.actions\[0\]\.kind: expected one of "harmful"\|"red-herring"/);
    const { worseMs: _gone, ...partial } = j;
    expect(failure(() => readScorecard(write(JSON.stringify({ ...scorecardFixture(), judgement: partial })))).message).toMatch(/judgement\.worseMs is missing/);
  });

  it('reads a scorecard written before participants had a grade', () => {
    const old = { ...scorecardFixture(), participants: scorecardFixture().participants.map(({ grade: _grade, ...p }) => p) };
    expect(readScorecard(write(JSON.stringify(old))).participants.map((p) => p.grade)).toEqual(old.participants.map(() => null));
  });

  it('accepts a byte-order mark and ignores keys a later version may add', () => {
    const p = write(`\uFEFF${JSON.stringify({ ...scorecardFixture(), futureKey: { x: 1 } })}`);
    const card = readScorecard(p);
    expect(card.score).toBe(78);
    expect(card).not.toHaveProperty('futureKey');
  });

  it('names the file when it does not exist', () => {
    const p = join(tmp(), 'nope', 'scorecard.json');
    const e = failure(() => readScorecard(p));
    expect(e.message).toBe(`${p}: no such file`);
    expect(e.path).toBe(p);
  });

  it('says a folder is not a scorecard', () => {
    const d = join(tmp(), 'scorecard.json');
    mkdirSync(d);
    expect(failure(() => readScorecard(d)).message).toBe(`${d}: is a folder, not a scorecard.json file`);
  });

  it('says an empty file is empty', () => {
    const p = write('  \n');
    expect(failure(() => readScorecard(p)).message).toMatch(new RegExp(`^${escape(p)}: is empty`));
  });

  it('says a file cut off while being written is not valid JSON', () => {
    const text = JSON.stringify(scorecardFixture(), null, 2);
    const p = write(text.slice(0, Math.floor(text.length / 2)));
    expect(failure(() => readScorecard(p)).message).toMatch(new RegExp(`^${escape(p)}: is not valid JSON, so it is corrupt or was cut off`));
  });

  it('rejects JSON that is not an object', () => {
    for (const text of ['[]', '42', 'null', '"scorecard"']) {
      expect(failure(() => parseScorecard('x.json', text)).message).toBe('x.json: is not a scorecard (expected a JSON object)');
    }
  });

  it('names the missing keys of a partial scorecard', () => {
    const { grade: _g, ...partial } = scorecardFixture();
    const metrics: Record<string, unknown> = { ...partial.metrics };
    delete metrics.timeToMitigate;
    const e = failure(() => parseScorecard('run/scorecard.json', JSON.stringify({ ...partial, metrics })));
    expect(e.message).toMatch(/^run\/scorecard\.json: is not a complete scorecard: /);
    expect(e.message).toContain('grade is missing');
    expect(e.message).toContain('metrics.timeToMitigate is missing');
  });

  it('says which value is wrong, with array positions', () => {
    const card = scorecardFixture();
    const bad = { ...card, grade: 'E', rules: card.rules.map((r, i) => (i === 1 ? { ...r, status: 'maybe' } : r)) };
    const e = failure(() => parseScorecard('s.json', JSON.stringify(bad)));
    expect(e.message).toMatch(/grade: expected one of .*"A"/);
    expect(e.message).toContain('rules[1].status');
  });

  it('rejects values outside their range', () => {
    const card = scorecardFixture();
    expect(failure(() => parseScorecard('s.json', JSON.stringify({ ...card, score: 140 }))).message).toContain('score:');
    expect(failure(() => parseScorecard('s.json', JSON.stringify({ ...card, scribe: { ...card.scribe, coverage: 80 } }))).message).toContain('scribe.coverage');
  });

  it('lists at most three problems and counts the rest', () => {
    const e = failure(() => parseScorecard('s.json', JSON.stringify({ seed: 5 })));
    expect(e.message).toMatch(/\(and \d+ more problems\)$/);
    expect(e.message.split(';')).toHaveLength(3);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
