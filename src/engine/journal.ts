/** The journal: an append-only JSONL record of every drill event, the source of truth for replay and scoring. */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { DrillEvent } from './events';
import type { Role } from './roles';

/** Bumped when the journal's shape changes incompatibly. */
export const JOURNAL_FORMAT = 1;

export interface JournalParticipant {
  readonly name: string;
  /** The seat this person fills: the role they came to play. */
  readonly seat: Role;
  readonly team?: string;
  readonly onCall?: 'primary' | 'backup';
  readonly kind: 'human' | 'bot';
  readonly policy?: string;
}

export interface JournalHeader {
  readonly type: 'header';
  readonly format: number;
  readonly firedrill: string;
  readonly scenario: { readonly id: string; readonly title: string; readonly hash: string; readonly file?: string };
  readonly seed: string;
  readonly participants: readonly JournalParticipant[];
  readonly wall: string;
}

/** One event (the typed union of events.ts). */
export type JournalEvent = DrillEvent;

/** Where a running drill sends its journal. */
export interface JournalSink {
  header(h: JournalHeader): void;
  event(e: JournalEvent): void;
  close(): void;
}

/** Keeps the journal in memory (tests, benchmarks, replay). */
export class MemoryJournal implements JournalSink {
  headerLine?: JournalHeader;
  readonly events: JournalEvent[] = [];
  header(h: JournalHeader): void {
    this.headerLine = h;
  }
  event(e: JournalEvent): void {
    this.events.push(e);
  }
  close(): void {}
  /** The journal as JSONL text, as it would be on disk. */
  text(): string {
    return [this.headerLine, ...this.events].map((x) => JSON.stringify(x)).join('\n') + '\n';
  }
}

/**
 * Writes each event to the file as it happens (one write call per line), so a killed process leaves
 * every event it had. fsync runs at close and every `syncEvery` events, to survive a machine crash too.
 */
export class FileJournal implements JournalSink {
  private readonly fd: number;
  private sinceSync = 0;
  private closed = false;
  constructor(readonly path: string, private readonly syncEvery = 50) {
    this.fd = openSync(path, 'w');
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
  header(h: JournalHeader): void {
    this.line(h);
    this.sync();
  }
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
