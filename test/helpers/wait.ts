// Waiting for what a running drill writes, instead of sleeping for a guess at how long it takes: a slow
// machine only waits longer, and a timeout says what never came.
import { existsSync, readFileSync } from 'node:fs';
import type { JournalEvent } from '../../src/engine/journal';

/** Polls `check` until it returns something other than undefined; after timeoutMs throws "timed out waiting for <what>" with `state()`. */
export async function waitUntil<T>(what: string, check: () => T | undefined, o: { timeoutMs?: number; state?: () => string } = {}): Promise<T> {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const t0 = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${o.state ? `; ${o.state()}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The events of the whole lines a journal holds so far (the header and a line being written left out). */
export function journalSoFar(file: string): JournalEvent[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return text.slice(0, text.lastIndexOf('\n') + 1).split('\n').slice(1, -1).map((l) => JSON.parse(l) as JournalEvent);
}

/** Waits until the journal being written at `file` satisfies `done` (described by `what`) and returns its events then. */
export function waitForJournal(file: string, what: string, done: (events: JournalEvent[]) => boolean, timeoutMs?: number): Promise<JournalEvent[]> {
  return waitUntil(`a journal with ${what} in ${file}`, () => {
    const events = journalSoFar(file);
    return done(events) ? events : undefined;
  }, {
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    state: () => {
      const events = journalSoFar(file);
      return existsSync(file) ? `it has ${events.length} events, the last: ${JSON.stringify(events.at(-1) ?? null)}` : 'the file does not exist';
    },
  });
}
