/** The journal: an append-only JSONL record of every drill event, the source of truth for replay and scoring. The file itself is written by io/file-journal.ts. */
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
