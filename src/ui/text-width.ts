/**
 * The one measure of drawn text: terminal columns counted by grapheme (what a person sees as one character, such
 * as 👍🏽 or é written as e + accent), so nothing is cut, padded or moved through in the middle of one.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The graphemes of a text, in order. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The columns a text takes on a terminal (wide characters count 2, combining marks 0). */
export function textWidth(text: string): number {
  return stringWidth(text);
}

/** The longest start of `text` that fits in `width` columns, never splitting a grapheme; with the columns it takes. */
export function cutToWidth(text: string, width: number): { text: string; width: number } {
  if (width <= 0) return { text: '', width: 0 };
  if (text.length <= width && textWidth(text) === text.length) return { text, width: text.length };
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = textWidth(g);
    if (used + w > width) break;
    out += g;
    used += w;
  }
  return { text: out, width: used };
}
