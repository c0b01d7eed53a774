/** Reading a journal.jsonl file: a bounded read of a regular file, then the engine's parser. */
import { JournalError, parseJournal, type ReadJournal } from '../engine/parse-journal';
import { FileReadError, readRegularFile } from './read-bounded';

// Far beyond any drill's journal (a long drill writes a few MiB); reading more whole would only hurt.
const MAX_BYTES = 256 * 1024 * 1024;

/** Reads and checks a journal.jsonl file; every problem is a JournalError naming the file (and line). */
export function readJournal(path: string): ReadJournal {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, MAX_BYTES);
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    throw new JournalError(e.code === 'TOO_LARGE' ? `${path}: journal is larger than 256 MiB` : `${path}: ${e.reason}; a journal is a journal.jsonl file`);
  }
  return parseJournal(bytes.toString('utf8'), path);
}
