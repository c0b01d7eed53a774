import { describe, expect, it } from 'vitest';
import {
  forScenario, historyRows, icOrder, judgedCell, MIN_TREND_RUNS, peopleRoles, runDate, scenarioTrends, sortRuns, suggestRotation, type RunRecord,
} from '../../src/scoring/history';
import type { ParticipantResult, Scorecard } from '../../src/scoring/types';
import { judgementFixture, metric, scorecardFixture } from '../helpers/scorecard-fixture';

const M = 60_000;

const person = (name: string, roles: ParticipantResult['roles'], kind: 'human' | 'bot' = 'human'): ParticipantResult =>
  ({ name, roles, kind, score: 100, grade: 'A', violations: [], strengths: [] });

function run(i: number, participants: ParticipantResult[], patch: Partial<Scorecard> = {}): RunRecord {
  return { dir: `runs/${i}`, startedAt: `2026-11-${String(10 + i).padStart(2, '0')}T10:00:00.000Z`, card: scorecardFixture({ participants, ...patch }) };
}

describe('sortRuns', () => {
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

describe('icOrder', () => {
  const claim = (actor: string, atMs: number) => ({ atMs, actor, role: 'ic', kind: 'role.claim', text: `${actor} took command` });
  // Cast order put bob first: the history used to print "bob → alice" for a drill alice led and handed to bob.
  const cast = [person('bob', ['responder', 'ic']), person('alice', ['ic'])];

  it('lists who held command in the order they took it, not in cast order', () => {
    const card = scorecardFixture({ participants: cast, timeline: [claim('alice', 5 * M), claim('bob', 20 * M)] });
    expect(icOrder(card)).toEqual(['alice', 'bob']);
    expect(historyRows([{ dir: 'r', startedAt: null, card }])[0]!.ic).toEqual(['alice', 'bob']);
  });

  it('names a person again when command came back to them, but not twice in a row', () => {
    const card = scorecardFixture({ participants: cast, timeline: [claim('alice', M), claim('alice', 2 * M), claim('bob', 20 * M), claim('alice', 30 * M)] });
    expect(icOrder(card)).toEqual(['alice', 'bob', 'alice']);
  });

  it('falls back to the participants who held IC when the timeline has no claim', () => {
    expect(icOrder(scorecardFixture({ participants: cast, timeline: [] }))).toEqual(['bob', 'alice']);
    expect(icOrder(scorecardFixture({ participants: [person('carol', ['responder'])], timeline: [] }))).toEqual([]);
  });
});

describe('trend threshold and dates', () => {
  it('draws trends from three runs on', () => {
    expect(MIN_TREND_RUNS).toBe(3);
  });

  it('shows a run date in UTC minutes, or a dash when unknown', () => {
    expect(runDate('2026-11-26T15:30:12.000Z')).toBe('2026-11-26 15:30');
    expect(runDate(null)).toBe('—');
  });
});

describe('judged moves in the history (format v2)', () => {
  it('counts a v2 run\'s judged points and moves, and has none for a v1 run', () => {
    const none = { ...judgementFixture(), actions: [], points: 0 };
    const rows = historyRows([run(1, [person('alice', ['ic'])], { judgement: judgementFixture() }), run(2, [person('alice', ['ic'])], { judgement: none }), run(3, [person('alice', ['ic'])])]);
    expect(rows.map((r) => r.judgement)).toEqual([{ points: 13, moves: 2 }, { points: 0, moves: 0 }, null]);
    expect(rows.map(judgedCell)).toEqual(['−13 (2 moves)', '0', '—']);
  });
});
