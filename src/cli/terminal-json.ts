/** JSON text that stays inert on a terminal. */
import { escapeUnsafe } from '../engine/sanitize';

/**
 * A value as indented JSON with every character the sanitiser acts on written as \uXXXX: the document parses to
 * exactly the same value, while a terminal showing it draws only text.
 */
export function inertJson(value: unknown): string {
  return escapeUnsafe(JSON.stringify(value, null, 2));
}

/** The same on one line, for a value quoted inside a line of text (a divergent event's data). */
export function inertJsonLine(value: unknown): string {
  return escapeUnsafe(JSON.stringify(value) ?? 'undefined');
}
