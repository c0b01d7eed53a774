/** The hint line under the command line: help for the command being typed, or a private hint for the speaker. */
import stringWidth from 'string-width';
import { COMMAND_NAMES, COMMAND_USAGE } from '../engine/command';
import { MAX_HINT_ROWS } from './layout';
import { textWidth } from './text-width';
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

/** How a notice under the command line starts: with or without colour, a hint never reads as chat, nor an error as a hint. */
export const NOTICE_PREFIX = { hint: 'hint: ', error: '✗ ' } as const;

/**
 * A private hint (or an error) as the rows it takes under the command line: marked "hint:" (or "✗") so it never
 * reads as chat or help (with or without colour), wrapped rather than cut, since its point is often at the end
 * ("say /ic This is …"), and at most MAX_HINT_ROWS rows, the last ending in "…" when even those are not enough.
 */
export function hintRows(message: string, cols: number, tone: keyof typeof NOTICE_PREFIX = 'hint', maxRows = MAX_HINT_ROWS): string[] {
  const rows = wrapText(`${NOTICE_PREFIX[tone]}${message}`, cols);
  const most = Math.max(1, maxRows);
  if (rows.length <= most) return rows;
  const kept = rows.slice(0, most);
  const last = kept[most - 1]!;
  kept[most - 1] = `${stringWidth(last) < cols ? last : wrapText(last, cols - 1)[0]!}…`;
  return kept;
}

/**
 * Tab's candidates as rows under the command line: whole items two spaces apart, at most MAX_HINT_ROWS rows, the
 * last ending "+N more" when they do not all fit (fifteen people with their seats need more than one row).
 */
export function candidateRows(items: readonly string[], cols: number, maxRows = MAX_HINT_ROWS): string[] {
  const most = Math.max(1, maxRows);
  const rows: string[][] = [];
  let row: string[] = [];
  const fits = (r: readonly string[]): boolean => textWidth(r.join('  ')) <= cols;
  let i = 0;
  for (; i < items.length; i++) {
    const item = items[i]!;
    if (row.length === 0 || fits([...row, item])) {
      row.push(item);
      continue;
    }
    if (rows.length === most - 1) break;
    rows.push(row);
    row = [item];
  }
  let more = items.length - i;
  // The last row gives up items from its end until "+N more" fits after them.
  while (more > 0 && row.length > 1 && !fits([...row, `+${more} more`])) {
    row = row.slice(0, -1);
    more++;
  }
  rows.push(more > 0 ? [...row, `+${more} more`] : row);
  return rows.map((r) => r.join('  '));
}
