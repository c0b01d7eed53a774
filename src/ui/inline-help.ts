/** The hint line under the command line: help for the command being typed, or a private hint for the speaker. */
import stringWidth from 'string-width';
import { COMMAND_NAMES, COMMAND_USAGE } from '../engine/command';
import { MAX_HINT_ROWS } from './layout';
import { wrapText } from './wrap';

/** Usage of the command at the start of the line, or a hint for chat and unknown commands. */
export function inlineHelp(text: string): string {
  const m = /^\/(\S*)/.exec(text.trimStart());
  if (!m) return text ? 'chat: Enter sends it to the incident channel' : 'type a /command or chat; Tab completes, ? shows help';
  const name = m[1]!.toLowerCase();
  const exact = COMMAND_NAMES.find((c) => c === name);
  if (exact) return COMMAND_USAGE[exact];
  const starts = COMMAND_NAMES.filter((c) => c.startsWith(name));
  if (starts.length === 1) return COMMAND_USAGE[starts[0]!];
  if (starts.length) return starts.map((c) => `/${c}`).join('  ');
  return `unknown command /${name}; press Tab to complete`;
}

/**
 * A private hint as the rows it takes under the command line: marked "hint:" so it never reads as chat or
 * help (with or without colour), wrapped rather than cut, since its point is often at the end ("say /ic This
 * is …"), and at most MAX_HINT_ROWS rows, the last ending in "…" when even those are not enough.
 */
export function hintRows(message: string, cols: number): string[] {
  const rows = wrapText(`hint: ${message}`, cols);
  if (rows.length <= MAX_HINT_ROWS) return rows;
  const kept = rows.slice(0, MAX_HINT_ROWS);
  const last = kept[MAX_HINT_ROWS - 1]!;
  kept[MAX_HINT_ROWS - 1] = `${stringWidth(last) < cols ? last : wrapText(last, cols - 1)[0]!}…`;
  return kept;
}
