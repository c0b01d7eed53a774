import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findRuns, forScenario, historyRows, peopleRoles, runStartedAt, scenarioTrends, sortRuns, suggestRotation, type RunRecord,
} from '../../src/scoring/history';
import type { ParticipantResult, Scorecard } from '../../src/scoring/types';
import { metric, scorecardFixture } from '../helpers/scorecard-fixture';
import { tempDir } from '../helpers/tmp';

const M = 60_000;
const tmp = () => tempDir('history');

function writeRun(dir: string, card: Scorecard | string, wall?: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scorecard.json'), typeof card === 'string' ? card : JSON.stringify(card));
  if (wall) writeFileSync(join(dir, 'journal.jsonl'), `${JSON.stringify({ type: 'header', format: 1, wall })}\n{"seq":1}\n`);
  return dir;
}

const person = (name: string, roles: ParticipantResult['roles'], kind: 'human' | 'bot' = 'human'): ParticipantResult =>
  ({ name, roles, kind, score: 100, grade: 'A', violations: [], strengths: [] });

function run(i: number, participants: ParticipantResult[], patch: Partial<Scorecard> = {}): RunRecord {
  return { dir: `runs/${i}`, startedAt: `2026-11-${String(10 + i).padStart(2, '0')}T10:00:00.000Z`, card: scorecardFixture({ participants, ...patch }) };
}

describe('findRuns', () => {
  it('finds runs one and two levels down, oldest first, and skips bad ones with a reason', () => {
    const root = tmp();
    writeRun(join(root, '20261120T090000Z-checkout-db-wal-disk-full'), scorecardFixture({ score: 60, grade: 'D' }));
    writeRun(join(root, 'custom-name'), scorecardFixture({ score: 90, grade: 'A' }), '2026-11-21T08:00:00.000Z');
    writeRun(join(root, 'team-a', '20261119T120000Z-bad-deploy-rollback'), scorecardFixture({ scenario: { id: 'bad-deploy-rollback', title: 'Orders fail', hash: 'x' } }));
    const corrupt = writeRun(join(root, '20261122T000000Z-corrupt'), '{"scenario": {"id": "x"');
    const partial = writeRun(join(root, '20261123T000000Z-partial'), JSON.stringify({ ...scorecardFixture(), metrics: undefined, rules: undefined }));
    const cut = join(root, '20261124T000000Z-interrupted');
    mkdirSync(cut);
    writeFileSync(join(cut, 'journal.jsonl'), '{"type":"header"}\n');
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'README.md'), 'not a run');
    writeRun(join(root, 'a', 'b', 'too-deep'), scorecardFixture());

    const { runs, skipped } = findRuns(root);
    expect(runs.map((r) => r.dir)).toEqual([
      join(root, 'team-a', '20261119T120000Z-bad-deploy-rollback'),
      join(root, '20261120T090000Z-checkout-db-wal-disk-full'),
      join(root, 'custom-name'),
    ]);
    expect(runs.map((r) => r.startedAt)).toEqual(['2026-11-19T12:00:00.000Z', '2026-11-20T09:00:00.000Z', '2026-11-21T08:00:00.000Z']);
    expect(runs[1]!.card.score).toBe(60);
    expect(skipped).toHaveLength(3);
    expect(skipped[0]).toEqual({ path: join(corrupt, 'scorecard.json'), reason: expect.stringMatching(/^is not valid JSON/) });
    expect(skipped[1]).toEqual({ path: join(partial, 'scorecard.json'), reason: expect.stringMatching(/^is not a complete scorecard: metrics is missing/) });
    expect(skipped[2]).toEqual({ path: cut, reason: expect.stringContaining('has a journal but no scorecard.json') });
  });

  it('treats the folder itself as a run when it holds a scorecard', () => {
    const dir = writeRun(join(tmp(), 'one'), scorecardFixture());
    expect(findRuns(dir).runs.map((r) => r.dir)).toEqual([dir]);
  });

  it('finds nothing in an empty or missing folder', () => {
    expect(findRuns(tmp())).toEqual({ runs: [], skipped: [] });
    expect(findRuns(join(tmp(), 'missing'))).toEqual({ runs: [], skipped: [] });
  });
});

describe('runStartedAt', () => {
  it("prefers the journal header's wall time, then the folder stamp, else unknown", () => {
    const root = tmp();
    const both = writeRun(join(root, '20260101T000000Z-x'), scorecardFixture(), '2026-02-03T04:05:06.789Z');
    expect(runStartedAt(both)).toBe('2026-02-03T04:05:06.789Z');
    expect(runStartedAt(writeRun(join(root, '20260101T010203Z-x'), scorecardFixture()))).toBe('2026-01-01T01:02:03.000Z');
    expect(runStartedAt(writeRun(join(root, 'plain'), scorecardFixture()))).toBeNull();
    const badJournal = writeRun(join(root, 'bad-journal'), scorecardFixture());
    writeFileSync(join(badJournal, 'journal.jsonl'), 'garbage');
    expect(runStartedAt(badJournal)).toBeNull();
  });

  it('puts runs of unknown date last, in folder order', () => {
    const card = scorecardFixture();
    const sorted = sortRuns([{ dir: 'b', card, startedAt: null }, { dir: 'a', card, startedAt: null }, { dir: 'z', card, startedAt: '2026-01-01T00:00:00.000Z' }]);
    expect(sorted.map((r) => r.dir)).toEqual(['z', 'a', 'b']);
  });
});

describe('history tables', () => {
  const runs = [
    run(1, [person('alice', ['ic']), person('bob', ['scribe']), person('carol', ['responder'])], { score: 62, grade: 'D' }),
    run(2, [person('bob', ['ic']), person('Alice', ['scribe']), person('Bot Smith', ['responder'], 'bot')], {
      score: 81, grade: 'B', metrics: { ...scorecardFixture().metrics, timeToMitigate: null },
    }),
    run(3, [person('alice', ['responder', 'ic']), person('carol', ['scribe'])], { score: 88, grade: 'B', scenario: { id: 'other', title: 'Other', hash: 'h' } }),
    run(4, [person('alice', ['ic']), person('bob', ['scribe'])], { score: 93, grade: 'A', metrics: { ...scorecardFixture().metrics, timeToMitigate: metric(20 * M, 25 * M) } }),
  ];

  it('makes one row per run with its IC, score and key times', () => {
    const rows = historyRows(runs);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ scenario: 'checkout-db-wal-disk-full', ic: ['alice'], score: 62, grade: 'D', outcome: 'resolved' });
    expect(rows[0]!.times).toEqual({ acknowledge: 2 * M + 10_000, command: 90_000, mitigate: 31 * M + 20_000, resolve: 38 * M });
    expect(rows[1]!.times.mitigate).toBeNull();
    expect(rows[2]!.ic).toEqual(['alice']);
  });

  it('follows each scenario over time', () => {
    const trends = scenarioTrends(runs);
    expect(trends.map((t) => t.scenario)).toEqual(['checkout-db-wal-disk-full', 'other']);
    expect(trends[0]).toMatchObject({ runs: 3, scores: [62, 81, 93], mitigateMs: [31 * M + 20_000, null, 20 * M], best: 93, latest: 93 });
    expect(forScenario(runs, 'other')).toHaveLength(1);
  });

  it('counts the roles each person has held, ignoring bots and the case of names', () => {
    const people = peopleRoles(runs);
    expect(people.map((p) => p.name)).toEqual(['alice', 'bob', 'carol']);
    expect(people[0]).toMatchObject({ runs: 4, roles: { ic: 3, scribe: 1, responder: 1 }, lastIc: 3, lastScribe: 1, lastRun: 3 });
    expect(people[1]).toMatchObject({ runs: 3, roles: { scribe: 2, ic: 1 }, lastIc: 1 });
    expect(people[2]).toMatchObject({ runs: 2, roles: { responder: 1, scribe: 1 }, lastIc: -1 });
  });

  it('suggests who has held IC and Scribe least, never the same person for both', () => {
    const next = suggestRotation(peopleRoles(runs));
    expect(next.ic).toEqual({ name: 'carol', held: 0 });
    // alice and carol have each been Scribe once; carol is IC, so alice.
    expect(next.scribe).toEqual({ name: 'alice', held: 1 });
  });

  it('breaks ties by who held the role longest ago, then who was seen last, then name', () => {
    const people = peopleRoles([
      run(1, [person('dan', ['ic']), person('erin', ['responder'])]),
      run(2, [person('erin', ['ic']), person('dan', ['scribe'])]),
      run(3, [person('frank', ['responder']), person('gina', ['responder'])]),
    ]);
    // Nobody new has held IC: frank and gina tie on everything, so by name.
    expect(suggestRotation(people).ic).toEqual({ name: 'frank', held: 0 });
    const veterans = peopleRoles([run(1, [person('dan', ['ic'])]), run(2, [person('erin', ['ic'])])]);
    expect(suggestRotation(veterans).ic).toEqual({ name: 'dan', held: 1 });
  });

  it('suggests nobody without people, and the one person for both when alone', () => {
    expect(suggestRotation([])).toEqual({ ic: null, scribe: null });
    expect(suggestRotation(peopleRoles([run(1, [person('solo', ['ic'])])]))).toEqual({ ic: { name: 'solo', held: 1 }, scribe: { name: 'solo', held: 0 } });
    expect(peopleRoles([run(1, [person('b1', ['ic'], 'bot')])])).toEqual([]);
  });
});
