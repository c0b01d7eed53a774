/** Printing a --json document that stays inert on a terminal. */
import { out } from './output';

// JSON.stringify escapes C0 controls but leaves DEL, the C1 controls (U+009B is a one-byte CSI on
// some terminals), line/paragraph separators and BiDi overrides raw. Escaping them keeps the JSON
// exactly equivalent while a terminal showing it draws only text.
const UNSAFE_RE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Prints one JSON document on stdout with every terminal-active character escaped as \uXXXX. */
export function outInertJson(value: unknown): void {
  out(JSON.stringify(value, null, 2).replace(UNSAFE_RE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
