/** Word wrapping for plain text (control sequences are already stripped) at a column width. */
import stringWidth from 'string-width';

/** The longest prefix of text that fits in `width` terminal columns (wide characters take two). */
function fit(text: string, width: number): number {
  let cols = 0;
  let i = 0;
  for (const ch of text) {
    const w = stringWidth(ch);
    if (cols + w > width) break;
    cols += w;
    i += ch.length;
  }
  return i;
}

/**
 * Text cut to at most `width` columns plus one, so a row drawn with wrap="truncate" still shows its "…",
 * in time linear in `width` (not in the text's length): Ink's own truncation of a very long string is not.
 */
export function clipToWidth(text: string, width: number): string {
  // A short string is left to Ink: only a long one is slow there.
  if (text.length <= width) return text;
  return text.slice(0, fit(text, Math.max(0, width) + 1));
}

/** Splits text into rows no wider than width columns (the first row `firstWidth`), breaking at spaces where it can. */
export function wrapText(text: string, width: number, firstWidth = width): string[] {
  if (width <= 0) return [text];
  const out: string[] = [];
  let rest = text;
  for (let w = Math.max(1, firstWidth); stringWidth(rest) > w; w = width) {
    const end = Math.max(1, fit(rest, w));
    let cut = rest.lastIndexOf(' ', end);
    if (cut <= 0) cut = end;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, '');
  }
  out.push(rest);
  return out;
}
