/** Parses a journal's text, tolerating a last line cut off by a crash; names the file in every problem. io/read-journal.ts reads the file. */
import * as z from 'zod';
import { EVENT_DATA, isEventType, type EventType } from './events';
import type { JournalEvent, JournalHeader } from './journal';
import { JOURNAL_FORMAT } from './journal';
import { ROLES } from './roles';

const participant = z.object({
  name: z.string(), seat: z.enum(ROLES), team: z.string().optional(), onCall: z.enum(['primary', 'backup']).optional(),
  kind: z.enum(['human', 'bot']), policy: z.string().optional(),
});
const headerSchema = z.object({
  type: z.literal('header'),
  format: z.number(),
  firedrill: z.string(),
  scenario: z.object({ id: z.string(), title: z.string(), hash: z.string(), file: z.string().optional() }),
  seed: z.string(),
  participants: z.array(participant),
  wall: z.string(),
});
const eventSchema = z.object({
  seq: z.number().int().positive(),
  atMs: z.number().nonnegative(),
  actor: z.string(),
  role: z.enum([...ROLES, 'system']),
  type: z.string().refine(isEventType, { error: (i) => `unknown event type ${JSON.stringify(i.input)}` }),
  data: z.record(z.string(), z.unknown()),
  wall: z.string(),
});

export interface ReadJournal {
  readonly header: JournalHeader;
  readonly events: JournalEvent[];
  /** Set when the last line was cut off mid-write (the process died); everything before it is kept. */
  readonly truncated: boolean;
}

/** The journal's problems are user errors: a message that names the file and line. */
export class JournalError extends Error {
  /** The firedrill version that wrote the journal, when its header could be read. */
  recordedBy?: string;
}

/**
 * A journal's lines, decoded one at a time: a journal may hold one huge line (a 50 MB event), and its whole text
 * held beside its lines and their parsed values once ran `replay` out of a 256 MB heap.
 */
export interface JournalLines {
  readonly count: number;
  line(i: number): string;
  /** The text ends with a line feed (a last line without one may have been cut off by a crash). */
  readonly endsClean: boolean;
}

/** The lines of a journal's whole text. */
export function linesOfText(text: string): JournalLines {
  const lines = text.split('\n');
  const endsClean = text.endsWith('\n');
  if (endsClean) lines.pop();
  return { count: lines.length, line: (i) => lines[i] ?? '', endsClean };
}

/** Checks a journal's JSONL text (or its lines), read from `path` (named in every problem). */
export function parseJournal(input: string | JournalLines, path: string): ReadJournal {
  const source = typeof input === 'string' ? linesOfText(input) : input;
  const { count, endsClean } = source;
  // A byte-order mark (an editor's, or Windows tools') is not part of the first line.
  const lineAt = (i: number): string => (i === 0 ? source.line(0).replace(/^\uFEFF/, '') : source.line(i));
  if (count === 0 || lineAt(0).trim() === '') throw new JournalError(`${path}: journal is empty`);
  let truncated = false;
  const parsed: unknown[] = [];
  for (let i = 0; i < count && !truncated; i++) {
    try {
      parsed.push(JSON.parse(lineAt(i)));
    } catch {
      if (i === count - 1 && !endsClean && i > 0) truncated = true;
      else throw new JournalError(`${path}:${i + 1}: not a JSON line${i === 0 ? ' (is this a firedrill journal?)' : ''}`);
    }
  }
  const header = headerSchema.safeParse(parsed[0]);
  if (!header.success) throw new JournalError(`${path}:1: not a firedrill journal header (${header.error.issues[0]?.path.join('.') || 'shape'}: ${header.error.issues[0]?.message})`);
  if (header.data.format !== JOURNAL_FORMAT) throw new JournalError(`${path}:1: journal format ${header.data.format} is not supported (this firedrill reads format ${JOURNAL_FORMAT})`);
  const recordedBy = header.data.firedrill;
  const fail = (message: string): never => {
    const e = new JournalError(message);
    e.recordedBy = recordedBy;
    throw e;
  };
  const events = parsed.slice(1).map((raw, i) => {
    const e = eventSchema.safeParse(raw);
    if (!e.success) return fail(`${path}:${i + 2}: malformed event (${e.error.issues[0]?.path.join('.')}: ${e.error.issues[0]?.message})`);
    const type = e.data.type as EventType;
    const data = EVENT_DATA[type].safeParse(e.data.data);
    if (!data.success) {
      const issue = data.error.issues[0];
      return fail(`${path}:${i + 2}: malformed ${type} event (data.${issue?.path.join('.') ?? ''}: ${issue?.message})`);
    }
    // The data as written, not as parsed: its key order is part of what replay compares.
    return e.data as JournalEvent;
  });
  return { header: header.data as JournalHeader, events, truncated };
}
