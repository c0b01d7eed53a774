/** Reading a journal.jsonl file: a bounded read of a regular file, then the engine's parser. */
import { JournalError, parseJournal, type JournalLines, type ReadJournal } from '../engine/parse-journal';
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
  return parseJournal(linesOfBytes(bytes), path);
}

/** A file's lines, each decoded only when asked for: the whole text is never held as one string beside them. */
function linesOfBytes(bytes: Buffer): JournalLines {
  const starts = [0];
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) starts.push(at + 1);
  const endsClean = bytes.length > 0 && bytes[bytes.length - 1] === 10;
  // A text ending in a line feed has no line after it (as "a\n".split("\n") has an empty last part, dropped).
  const count = endsClean ? starts.length - 1 : starts.length;
  return { count, endsClean, line: (i) => bytes.toString('utf8', starts[i], (starts[i + 1] ?? bytes.length + 1) - 1) };
}
