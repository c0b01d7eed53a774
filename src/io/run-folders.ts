/** Finding run folders on disk for `firedrill history`: which folders hold runs, their scorecards, and when each started. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sortRuns, type RunRecord, type SkippedRun } from '../scoring/history';
import { ScorecardError } from '../scoring/scorecard-schema';
import { readRegularFilePrefix } from './read-bounded';
import { readScorecard } from './read-scorecard';

const SCORECARD = 'scorecard.json';
const JOURNAL = 'journal.jsonl';

/**
 * Finds run folders under `root`: the folder itself, its children and grandchildren (runs grouped one
 * level deep, e.g. by team). A folder with a scorecard is a run and is not searched further. A folder with
 * a journal but no scorecard is a run that was cut off (or predates scoring) and is reported as skipped,
 * as is a scorecard that cannot be read; the rest are read and returned oldest first.
 */
export function findRuns(root: string): { runs: RunRecord[]; skipped: SkippedRun[] } {
  const runs: RunRecord[] = [];
  const skipped: SkippedRun[] = [];
  const visit = (dir: string, depth: number): void => {
    const names = listDir(dir);
    if (names === undefined) {
      if (depth > 0) skipped.push({ path: dir, reason: 'cannot read this folder' });
      return;
    }
    if (names.includes(SCORECARD)) {
      const path = join(dir, SCORECARD);
      try {
        runs.push({ dir, card: readScorecard(path), startedAt: runStartedAt(dir, names) });
      } catch (e) {
        if (!(e instanceof ScorecardError)) throw e;
        skipped.push({ path, reason: e.reason });
      }
      return;
    }
    if (names.includes(JOURNAL)) {
      skipped.push({ path: dir, reason: 'has a journal but no scorecard.json (the drill was interrupted, or ran before scoring existed)' });
      return;
    }
    if (depth >= 2) return;
    for (const name of names.sort()) {
      const child = join(dir, name);
      if (isDir(child)) visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return { runs: sortRuns(runs), skipped };
}

function listDir(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// The journal header's first line is small; a larger read would only mean a broken file.
const HEADER_BYTES = 64 * 1024;
const STAMP_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/;

/**
 * When a run started. The scorecard has no wall-clock time (scoring never reads it), so this is the
 * journal header's `wall`, else the UTC stamp the default folder name starts with, else unknown.
 */
export function runStartedAt(dir: string, names: readonly string[] = listDir(dir) ?? []): string | null {
  if (names.includes(JOURNAL)) {
    const wall = journalWall(join(dir, JOURNAL));
    if (wall) return wall;
  }
  const stamp = STAMP_RE.exec(dir.split(/[\\/]/).filter(Boolean).at(-1) ?? '');
  if (stamp) {
    const [, y, mo, d, h, mi, s] = stamp;
    return `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
  }
  return null;
}

// The header's wall time as written, normalised to UTC ISO (a hand-edited journal may carry another offset).
// Only the first bytes of a regular file are read: a FIFO or device named journal.jsonl is no journal.
function journalWall(path: string): string | null {
  try {
    const first = readRegularFilePrefix(path, HEADER_BYTES).toString('utf8').split('\n')[0] ?? '';
    const header = JSON.parse(first.replace(/^\uFEFF/, '')) as { wall?: unknown };
    const wall = typeof header.wall === 'string' ? new Date(header.wall) : undefined;
    return wall && !Number.isNaN(wall.getTime()) ? wall.toISOString() : null;
  } catch {
    return null;
  }
}
