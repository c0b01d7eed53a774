/** The journal on disk: the JournalSink a real drill writes, one JSONL line per event. */
import { closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readSync } from 'node:fs';
import type { JournalEvent, JournalHeader, JournalSink } from '../engine/journal';
import { openNewFile, writeAll } from './file-system';

/**
 * Writes each event to the file as it happens (one write call per line), so a killed process leaves
 * every event it had. fsync runs at close and every `syncEvery` events, to survive a machine crash too.
 *
 * The file is created exclusively: opening a journal that already exists throws EEXIST, so two drills can
 * never write one file. A write that fails (a full disk) never throws into the drill: the file is cut back to
 * its last whole line, nothing more is written, `failure` holds the error and `onFailure` is told once.
 */
export class FileJournal implements JournalSink {
  private readonly fd: number;
  private sinceSync = 0;
  private closed = false;
  /** Bytes of whole lines on disk. */
  private bytes = 0;
  /** Whole lines on disk, the header included. */
  lines = 0;
  /** The first write error, after which the journal stopped writing. */
  failure?: NodeJS.ErrnoException;
  /** Called once, when a write first fails. */
  onFailure?: (e: NodeJS.ErrnoException) => void;

  /** Creates the journal file; it must not exist yet. `append` opens one that does. */
  constructor(readonly path: string, private readonly syncEvery = 50, private readonly mode: 'create' | 'append' = 'create') {
    if (mode === 'create') {
      this.fd = openNewFile(path);
      return;
    }
    const opened = openToAppend(path);
    this.fd = opened.fd;
    this.bytes = opened.bytes;
    this.lines = opened.lines;
  }

  /**
   * Opens an existing journal to go on writing it (a resumed drill): no header is written again. A last line a kill
   * cut short is cut back off first; one that lacks only its line feed (it reads as a whole line) gets it.
   */
  static append(path: string, syncEvery = 50): FileJournal {
    return new FileJournal(path, syncEvery, 'append');
  }

  private line(x: unknown): void {
    if (this.closed || this.failure) return;
    const data = Buffer.from(`${JSON.stringify(x)}\n`, 'utf8');
    try {
      writeAll(this.fd, data, this.path);
      this.bytes += data.length;
      this.lines++;
      if (++this.sinceSync >= this.syncEvery) this.sync();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Stops writing after an error, leaving only whole lines in the file. */
  private fail(e: unknown): void {
    if (this.failure) return;
    this.failure = e as NodeJS.ErrnoException;
    try {
      ftruncateSync(this.fd, this.bytes);
    } catch {
      // Keep what is there: a reader takes a journal up to its last whole line.
    }
    this.onFailure?.(this.failure);
  }

  /** Forces written lines to disk. */
  sync(): void {
    this.sinceSync = 0;
    if (this.closed || this.failure) return;
    try {
      fsyncSync(this.fd);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Writes the header line and syncs it, so even a drill that dies at once leaves a readable journal (not when appending). */
  header(h: JournalHeader): void {
    // A journal opened to append has its header already: a second one would make the file unreadable.
    if (this.mode === 'append') return;
    this.line(h);
    this.sync();
  }

  /** Writes one event line. */
  event(e: JournalEvent): void {
    this.line(e);
  }

  /** Syncs and closes; later calls (and later events) do nothing. */
  close(): void {
    if (this.closed) return;
    this.sync();
    this.closed = true;
    closeSync(this.fd);
  }
}

/** Far beyond any one event's line: a longer unended tail is cut without being read whole. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Opens a journal file for appending and leaves it ending with a whole line; throws when it has none (not even a header). */
function openToAppend(path: string): { fd: number; bytes: number; lines: number } {
  // No O_CREAT: a journal that is not there is an error, never a new empty file.
  const fd = openSync(path, constants.O_RDWR | constants.O_APPEND);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(`${path} is not a regular file`);
    const { lines, lastLineEnd } = countLines(fd, stat.size);
    const tail = stat.size - lastLineEnd;
    // Readers take a last line that parses as a whole one; keep it (ended) so the file and what was read agree.
    if (tail > 0 && tail <= MAX_LINE_BYTES && parses(fd, lastLineEnd, tail)) {
      writeAll(fd, Buffer.from('\n'), path);
      return { fd, bytes: stat.size + 1, lines: lines + 1 };
    }
    if (lines === 0) throw new Error(`${path} has no whole line (not even its header): nothing to append to`);
    if (tail > 0) ftruncateSync(fd, lastLineEnd);
    return { fd, bytes: lastLineEnd, lines };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** The number of line feeds in the first `size` bytes, and the offset just after the last one. */
function countLines(fd: number, size: number): { lines: number; lastLineEnd: number } {
  const chunk = Buffer.alloc(1 << 16);
  let lines = 0;
  let lastLineEnd = 0;
  for (let at = 0; at < size;) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
    if (n === 0) break;
    for (let i = chunk.indexOf(10); i >= 0 && i < n; i = chunk.indexOf(10, i + 1)) {
      lines++;
      lastLineEnd = at + i + 1;
    }
    at += n;
  }
  return { lines, lastLineEnd };
}

/** Whether the `length` bytes at `at` are one JSON value (a line whole but for its line feed). */
function parses(fd: number, at: number, length: number): boolean {
  const bytes = Buffer.alloc(length);
  readSync(fd, bytes, 0, length, at);
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
