/**
 * Writing command output. Everything the CLI prints goes through here, and through the one sanitiser
 * (src/engine/sanitize.ts): text from files, flags and folder names reaches the terminal as text, never as an
 * escape sequence, a control character, a BiDi override or a lone surrogate.
 */
import { stripControlLines } from '../engine/sanitize';
import { inertJson } from './terminal-json';
import { withoutForeignCodes, type Style } from './terminal-style';

/** The text as it may reach a terminal: lines and tabs kept, and the colour codes of `style` (when it is on) and nothing else. */
export function printable(text: string, style?: Style): string {
  return style?.enabled ? withoutForeignCodes(text, stripControlLines) : stripControlLines(text);
}

/** Writes text to stdout, adding a final newline if missing. Pass the style that coloured it, so its colours survive. */
export function out(text: string, style?: Style): void {
  const clean = printable(text, style);
  process.stdout.write(clean.endsWith('\n') ? clean : `${clean}\n`);
}

/** Writes text to stderr, adding a final newline if missing. Pass the style that coloured it, so its colours survive. */
export function err(text: string, style?: Style): void {
  const clean = printable(text, style);
  process.stderr.write(clean.endsWith('\n') ? clean : `${clean}\n`);
}

/** Prints one JSON document on stdout (the --json contract: nothing else goes there), with every terminal-active character escaped. */
export function outJson(value: unknown): void {
  out(inertJson(value));
}

/** Where commander writes its help and its errors (which quote flags and arguments): through the same sanitiser. */
export const commanderOutput = {
  writeOut: (text: string): void => {
    process.stdout.write(stripControlLines(text));
  },
  writeErr: (text: string): void => {
    process.stderr.write(stripControlLines(text));
  },
};
