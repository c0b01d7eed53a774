/** Writes the scorecard files into a run folder at the end of a drill, and says what a failed write lost. */
import { join } from 'node:path';
import type { JournalEvent, JournalHeader } from '../engine/journal';
import type { FileJournal } from '../io/file-journal';
import { writeFileAtomic } from '../io/file-system';
import type { Scenario } from '../scenario/types';
import { postmortemMarkdown } from '../scoring/postmortem';
import { score } from '../scoring/score';
import { scorecardMarkdown } from '../scoring/scorecard-markdown';
import type { Scorecard } from '../scoring/types';

/** What the end of a drill wrote: the scorecard, and the files a file-system error kept out of the run folder. */
export interface ScorecardFiles {
  readonly card: Scorecard;
  /** Files not written, in order. */
  readonly failed: readonly string[];
  /** The first error that kept a file out. */
  readonly error?: NodeJS.ErrnoException;
}

/**
 * Scores the drill and writes scorecard.json, scorecard.md and postmortem.md into the run folder, each atomically
 * (a reader sees the whole file or none). A file the file system refuses (a full disk) is left out and the others
 * are still written; any other error is a bug and is thrown.
 */
export function writeScorecard(dir: string, scenario: Scenario, header: JournalHeader, events: readonly JournalEvent[]): ScorecardFiles {
  const card = score(scenario, header, events);
  const files: [string, () => string][] = [
    ['scorecard.json', () => `${JSON.stringify(card, null, 2)}\n`],
    ['scorecard.md', () => scorecardMarkdown(card)],
    ['postmortem.md', () => postmortemMarkdown(card, scenario)],
  ];
  const failed: string[] = [];
  let error: NodeJS.ErrnoException | undefined;
  for (const [name, text] of files) {
    try {
      writeFileAtomic(join(dir, name), text());
    } catch (e) {
      if (!isFileSystemError(e)) throw e;
      failed.push(name);
      error ??= e;
    }
  }
  return { card, failed, ...(error ? { error } : {}) };
}

/** An error from a file-system call (it names the call), as opposed to a bug. */
function isFileSystemError(e: unknown): e is NodeJS.ErrnoException {
  const x = e as NodeJS.ErrnoException | undefined;
  return typeof x?.code === 'string' && typeof x.syscall === 'string';
}

const WHY: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'an input/output error',
};

/**
 * One line saying the run folder could not be written, what was kept and what was lost; undefined when
 * everything was written. `files` is undefined when the scorecard files were never attempted.
 */
export function runFolderProblem(dir: string, journal: FileJournal, files: ScorecardFiles | undefined): string | undefined {
  const error = journal.failure ?? files?.error;
  if (!error) return undefined;
  const why = `${WHY[error.code ?? ''] ?? 'a file-system error'} (${error.code ?? 'unknown'})`;
  const scorecards = ['scorecard.json', 'scorecard.md', 'postmortem.md'];
  const lost = files ? files.failed : scorecards;
  const kept = [
    journal.failure ? `journal.jsonl (its first ${journal.lines} lines)` : 'journal.jsonl',
    ...scorecards.filter((f) => !lost.includes(f)),
  ];
  return `could not write the run folder ${dir}: ${why}; kept ${kept.join(', ')}${lost.length ? `; not written: ${lost.join(', ')}` : ''}`;
}
