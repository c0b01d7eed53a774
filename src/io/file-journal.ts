/** The journal on disk: the JournalSink a real drill writes, one JSONL line per event. */
import { closeSync, fsyncSync, writeSync } from 'node:fs';
import type { JournalEvent, JournalHeader, JournalSink } from '../engine/journal';
import { openNewFile } from './file-system';

/**
 * Writes each event to the file as it happens (one write call per line), so a killed process leaves
 * every event it had. fsync runs at close and every `syncEvery` events, to survive a machine crash too.
 * The file is created exclusively: opening a journal that already exists throws EEXIST, so two drills can
 * never write one file.
 */
export class FileJournal implements JournalSink {
  private readonly fd: number;
  private sinceSync = 0;
  private closed = false;
  constructor(readonly path: string, private readonly syncEvery = 50) {
    this.fd = openNewFile(path);
  }
  private line(x: unknown): void {
    if (this.closed) return;
    writeSync(this.fd, `${JSON.stringify(x)}\n`);
    if (++this.sinceSync >= this.syncEvery) this.sync();
  }
  /** Forces written lines to disk. */
  sync(): void {
    this.sinceSync = 0;
    fsyncSync(this.fd);
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
