/** Word wrapping for plain text (control sequences are already stripped) at a column width, measured by grapheme. */
import { cutToWidth, eachGrapheme, textWidth } from './text-width';

/**
 * Text cut to at most `width` columns plus one, so a row drawn with wrap="truncate" still shows its "…",
 * in time linear in `width` (not in the text's length): Ink's own truncation of a very long string is not.
 */
export function clipToWidth(text: string, width: number): string {
  // A short string is left to Ink: only a long one is slow there.
  if (text.length <= width) return text;
  return cutToWidth(text, Math.max(0, width) + 1).text;
}

/**
 * Splits text into rows no wider than `width` columns (the first row `firstWidth`), breaking at spaces. A word that
 * does not fit on the row moves whole to the next; only a word longer than a whole row is broken, between graphemes.
 * A narrow first row (after a long speaker's name) is left empty rather than cut a word that fits the next row.
 * One pass over the graphemes, each row searched within itself only, so a pasted megabyte wraps in time.
 */
export function wrapText(text: string, width: number, firstWidth = width): string[] {
  if (width <= 0) return [text];
  const rows: string[] = [];
  let limit = Math.max(0, firstWidth);
  let row = '';
  let rowW = 0;
  // The last space in the row that may end it (never one at the row's start), and the columns before it.
  let breakAt = -1;
  let breakW = 0;
  const endRow = (text: string): void => {
    rows.push(text);
    limit = width;
    breakAt = -1;
  };
  for (const g of eachGrapheme(text)) {
    const w = textWidth(g);
    if (rowW + w > limit) {
      if (g === ' ' && row !== '') {
        // The row ends at this space, which goes with the break.
        endRow(row);
        row = '';
        rowW = 0;
        continue;
      }
      if (breakAt >= 0) {
        const carry = row.slice(breakAt + 1);
        rowW -= breakW + 1;
        endRow(row.slice(0, breakAt));
        row = carry;
      } else if (rows.length === 0 && limit < width && !row.startsWith(' ')) {
        // The first word does not fit beside the speaker: the whole word starts on the next, wider row.
        endRow('');
      }
      // Still too wide: a word longer than the row is cut where the row ends (a row takes at least one grapheme).
      while (rowW + w > limit && row !== '') {
        const head = cutToWidth(row, limit);
        const cut = head.text === '' ? row : head.text;
        endRow(cut);
        row = row.slice(cut.length);
        rowW = textWidth(row);
      }
    }
    if (g === ' ' && row !== '') {
      breakAt = row.length;
      breakW = rowW;
    }
    row += g;
    rowW += w;
  }
  rows.push(row);
  return rows;
}
