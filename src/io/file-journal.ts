/** The journal on disk: the JournalSink a real drill writes, one JSONL line per event. */
import { closeSync, fsyncSync, ftruncateSync } from 'node:fs';
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

  constructor(readonly path: string, private readonly syncEvery = 50) {
    this.fd = openNewFile(path);
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

  /** Writes the header line and syncs it, so even a drill that dies at once leaves a readable journal. */
  header(h: JournalHeader): void {
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
