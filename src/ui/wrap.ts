/** Word wrapping for plain text (control sequences are already stripped) at a column width. */
import stringWidth from 'string-width';

/** How many UTF-16 units from `start` fit in `width` terminal columns (wide characters take two). */
function fitFrom(text: string, start: number, width: number): number {
  let cols = 0;
  let i = start;
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const w = stringWidth(ch);
    if (cols + w > width) break;
    cols += w;
    i += ch.length;
  }
  return i - start;
}

/** The longest prefix of text that fits in `width` terminal columns. */
const fit = (text: string, width: number): number => fitFrom(text, 0, width);

/**
 * Text cut to at most `width` columns plus one, so a row drawn with wrap="truncate" still shows its "…",
 * in time linear in `width` (not in the text's length): Ink's own truncation of a very long string is not.
 */
export function clipToWidth(text: string, width: number): string {
  // A short string is left to Ink: only a long one is slow there.
  if (text.length <= width) return text;
  return text.slice(0, fit(text, Math.max(0, width) + 1));
}

/**
 * Splits text into rows no wider than width columns (the first row `firstWidth`), breaking at spaces where it can.
 * Linear in the text's length: each row is measured and searched for a space within itself only, so a pasted
 * megabyte draws in time, not in minutes.
 */
export function wrapText(text: string, width: number, firstWidth = width): string[] {
  if (width <= 0) return [text];
  const out: string[] = [];
  let start = 0;
  for (let w = Math.max(1, firstWidth); ; w = width) {
    const fits = fitFrom(text, start, w);
    if (start + fits >= text.length) break;
    const end = Math.max(1, fits);
    // The last space at or before the first column that does not fit, not at the row's very start.
    let cut = end;
    for (let j = end; j > 0; j--) {
      if (text[start + j] === ' ') {
        cut = j;
        break;
      }
    }
    out.push(text.slice(start, start + cut));
    start += cut;
    if (text[start] === ' ') start++;
  }
  out.push(text.slice(start));
  return out;
}
