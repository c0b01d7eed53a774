/**
 * Screen rows made of coloured pieces, measured and wrapped before they are drawn, for the screens that scroll a
 * document (the scorecard, a channel entry in full, the help): a row never needs Ink to cut it.
 */
import { fit } from './fit';
import { textWidth } from './text-width';
import type { Token } from './theme';
import { wrapText } from './wrap';

/** A piece of a row in one style. */
export interface Seg {
  readonly text: string;
  readonly token?: Token;
  readonly bold?: boolean;
}

/** One screen row. */
export type StyledRow = readonly Seg[];

/** Columns a row takes. */
export function rowWidth(row: StyledRow): number {
  return row.reduce((w, s) => w + textWidth(s.text), 0);
}

/**
 * Text wrapped at spaces into rows of at most `width` columns, each row starting with `lead` (the first row) or as
 * many spaces (the rest), so a wrapped item hangs under its first word: "  RD-10 Every task goes to one named" /
 * "        person". The lead takes the lead's style; the text, `style`.
 */
export function wrapRows(text: string, width: number, style: Omit<Seg, 'text'> = {}, lead: Seg = { text: '' }): StyledRow[] {
  const indent = textWidth(lead.text);
  const room = Math.max(1, width - indent);
  return wrapText(text, room).map((part, i) => [i === 0 ? lead : { text: ' '.repeat(indent) }, { ...style, text: part }]);
}

/** A row cut or padded to exactly `width` columns (a cut ends in "…"). */
export function padRow(row: StyledRow, width: number): StyledRow {
  const out: Seg[] = [];
  let used = 0;
  for (const s of row) {
    const w = textWidth(s.text);
    if (used + w <= width) {
      out.push(s);
      used += w;
      continue;
    }
    out.push({ ...s, text: fit(s.text, width - used) });
    return out;
  }
  if (used < width) out.push({ text: ' '.repeat(width - used) });
  return out;
}

/** Two columns side by side, row by row: the left padded to `leftWidth` and `gap` spaces between. */
export function sideBySide(left: readonly StyledRow[], right: readonly StyledRow[], leftWidth: number, gap = 2): StyledRow[] {
  const n = Math.max(left.length, right.length);
  return Array.from({ length: n }, (_, i) => [...padRow(left[i] ?? [], leftWidth), { text: ' '.repeat(gap) }, ...(right[i] ?? [])]);
}

/** The plain text of a row (for tests and for measuring). */
export function rowText(row: StyledRow): string {
  return row.map((s) => s.text).join('');
}
