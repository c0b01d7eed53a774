import { describe, expect, it } from 'vitest';
import { historyRows, peopleRoles, scenarioTrends, suggestRotation, type RunRecord } from '../../src/scoring/history';
import { historyMarkdown } from '../../src/scoring/history-markdown';
import type { ParticipantResult, Scorecard } from '../../src/scoring/types';
import { judgementFixture, scorecardFixture } from '../helpers/scorecard-fixture';

const person = (name: string, roles: ParticipantResult['roles']): ParticipantResult =>
  ({ name, roles, kind: 'human', score: 90, grade: 'A', violations: [], strengths: [] });

function run(i: number, score: number, patch: Partial<Scorecard> = {}): RunRecord {
  return { dir: `runs/${i}`, startedAt: `2026-11-${10 + i}T10:00:00.000Z`, card: scorecardFixture({ score, participants: [person('alice', ['ic']), person('bob', ['scribe'])], ...patch }) };
}

function markdown(runs: readonly RunRecord[]): string {
  const people = peopleRoles(runs);
  return historyMarkdown({ dir: 'firedrill-runs', rows: historyRows(runs), trends: scenarioTrends(runs), people, next: suggestRotation(people) });
}

/** The mermaid blocks of a document, each as its lines between the fences. */
function charts(md: string): string[][] {
  return [...md.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!.split('\n'));
}

describe('historyMarkdown', () => {
  const other = { scenario: { id: 'bad-deploy-rollback', title: 'Orders fail during the lunchtime rush', hash: 'h' } };
  const md = markdown([run(1, 62), run(2, 81), run(3, 93), run(4, 70, other), run(5, 75, other)]);

  it('has a table of runs with their IC, score and key times', () => {
    expect(md.startsWith('# Drill history\n\n5 runs under `firedrill-runs`.\n')).toBe(true);
    expect(md).toContain('| Date (UTC) | Scenario | IC | Score | Ack | Command | Mitigate | Resolve | Outcome |');
    expect(md).toContain('| 2026-11-11 10:00 | checkout-db-wal-disk-full | alice | 62 C | 02:10 | 01:30 | 31:20 | 38:00 | resolved |');
  });

  it('has a Judged column only when a run judged moves (v2): v1 runs show a dash there', () => {
    const mixed = markdown([run(1, 62), run(2, 81, { judgement: judgementFixture() })]);
    expect(mixed).toContain('| Date (UTC) | Scenario | IC | Score | Judged | Ack | Command | Mitigate | Resolve | Outcome |');
    expect(mixed).toContain('| 2026-11-11 10:00 | checkout-db-wal-disk-full | alice | 62 C | — | 02:10 | 01:30 | 31:20 | 38:00 | resolved |');
    expect(mixed).toMatch(/^\| 2026-11-12 10:00 \| checkout-db-wal-disk-full \| alice \| 81 \S+ \| −13 \(2 moves\) \| /m);
    expect(md).not.toContain('Judged');
  });

  it('charts the score of a scenario with three runs or more as a Mermaid line, and none with fewer', () => {
    const all = charts(md);
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual([
      'xychart-beta',
      '    title "Score of checkout-db-wal-disk-full"',
      '    x-axis "drill, oldest to latest" [1, 2, 3]',
      '    y-axis "score" 0 --> 100',
      '    line [62, 81, 93]',
    ]);
    expect(md).toContain('### bad-deploy-rollback: Orders fail during the lunchtime rush\n\n2 runs; score 70 → 75 (best 75).\n\n## People');
  });

  it('lists people and who should lead next', () => {
    expect(md).toContain('| alice | 5 | Incident Commander ×5 |');
    expect(md).toContain('**Next drill:** IC bob (never held it); Scribe alice (never held it).');
  });

  it('keeps a hostile scenario id or name from breaking the table or the chart', () => {
    const evil = 'x"]\n```\n%%{init}%%\nline [0]; y: #1 | \u001b[31m';
    const runs = [1, 2, 3].map((i) => run(i, 50 + i, { scenario: { id: evil, title: evil, hash: 'h' }, participants: [person(evil, ['ic'])] }));
    const out = markdown(runs);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const [chart, ...more] = charts(out);
    expect(more).toHaveLength(0);
    expect(chart).toHaveLength(5);
    // The title stays one quoted string: nothing in it closes the quote, starts a comment or a new statement.
    expect(chart![1]).toMatch(/^ {4}title "[^"\n`%]*"$/);
    expect(chart![1]!.replace(/#\d+;/g, '')).not.toMatch(/[:;#[\]]/);
    expect(chart![4]).toBe('    line [51, 52, 53]');
    // Exactly two fences: the chart's.
    expect(out.match(/^```/gm)).toHaveLength(2);
    // Table rows keep their nine cells.
    const row = out.split('\n').find((l) => l.startsWith('| 2026-11-11'))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(9);
  });

  it('says so when there are no runs', () => {
    expect(historyMarkdown({ dir: 'd', rows: [], trends: [], people: [], next: { ic: null, scribe: null } })).toContain('No scored runs yet.');
  });
});
