/**
 * The scribe's queue: key events no scribe has noted yet, oldest first, from the same ledger RD-30 scores,
 * and the start of the note that would cover each (what ^O puts on the command line).
 */
import { stripControl } from '../engine/sanitize';
import type { LedgerItem } from '../scoring/scribe-coverage';

const clean = (s: unknown) => stripControl(String(s ?? ''));

/**
 * The command-line text that starts a note covering an item, in the words the ledger recognises: its id
 * ("/note T3 "), its level ("/note Severity SEV-2 "), "Mitigated:", or the follow-up itself as a TODO.
 */
export function noteFill(item: LedgerItem): string {
  const ref = clean(item.ref);
  switch (item.kind) {
    case 'severity': return `/note Severity ${ref} `;
    case 'mitigation': return '/note Mitigated: ';
    case 'followup': return `/todo ${clean(item.text)}`;
    // Journals from before ids existed have none to name.
    default: return ref ? `/note ${ref} ` : `/note ${item.kind[0]!.toUpperCase()}${item.kind.slice(1)}: `;
  }
}

/**
 * What ^O puts on the command line: the note for the oldest un-noted item; when the line already holds one
 * item's fill, untouched, the next item's (so pressing again walks the queue). Undefined when nothing is
 * waiting, or when the line holds something else the scribe typed.
 */
export function nextNoteFill(items: readonly LedgerItem[], line: string): { readonly text: string; readonly item: LedgerItem } | undefined {
  // Two items with the same fill (a level declared twice) are one stop, or the walk would stick between them.
  const byFill = new Map<string, LedgerItem>();
  for (const item of items) if (!byFill.has(noteFill(item))) byFill.set(noteFill(item), item);
  const queue = [...byFill.entries()];
  if (queue.length === 0) return undefined;
  const at = line === '' ? -1 : queue.findIndex(([text]) => text === line);
  if (line !== '' && at < 0) return undefined;
  const [text, item] = queue[(at + 1) % queue.length]!;
  return { text, item };
}
