/** Reading a journal.jsonl file: a bounded read, then the engine's parser. */
import { readFileSync, statSync } from 'node:fs';
import { JournalError, parseJournal, type ReadJournal } from '../engine/parse-journal';

// Far beyond any drill's journal (a long drill writes a few MiB); reading more whole would only hurt.
const MAX_BYTES = 256 * 1024 * 1024;

/** Reads and checks a journal.jsonl file; every problem is a JournalError naming the file (and line). */
export function readJournal(path: string): ReadJournal {
  let text: string;
  try {
    if (statSync(path).size > MAX_BYTES) throw new JournalError(`${path}: journal is larger than 256 MiB`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof JournalError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new JournalError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${(e as Error).message})`);
  }
  return parseJournal(text, path);
}
