// Finding scored runs on disk: the folders history reads, and when each run started.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRuns, runStartedAt } from '../../src/io/run-folders';
import type { Scorecard } from '../../src/scoring/types';
import { scorecardFixture } from '../helpers/scorecard-fixture';
import { tempDir } from '../helpers/tmp';

const tmp = () => tempDir('history');

function writeRun(dir: string, card: Scorecard | string, wall?: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scorecard.json'), typeof card === 'string' ? card : JSON.stringify(card));
  if (wall) writeFileSync(join(dir, 'journal.jsonl'), `${JSON.stringify({ type: 'header', format: 1, wall })}\n{"seq":1}\n`);
  return dir;
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
});
