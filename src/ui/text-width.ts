/**
 * The one measure of drawn text: terminal columns counted by grapheme (what a person sees as one character, such
 * as 👍🏽 or é written as e + accent), so nothing is cut, padded or moved through in the middle of one.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Printable ASCII is one column a character: most of what is drawn, measured without string-width's regexes.
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

// V8's segmenter slows down with the length of the string it walks (a 100,000-character line takes seconds), so
// text is segmented a window at a time.
const WINDOW = 256;

/** The graphemes of a text, in order. */
export function graphemes(text: string): string[] {
  return [...eachGrapheme(text)];
}

/** The graphemes of a text one at a time, in time linear in its length; a caller that stops early segments no further. */
export function* eachGrapheme(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const end = Math.min(text.length, start + WINDOW);
    const window = text.slice(start, end);
    if (PLAIN_ASCII.test(window)) {
      // Printable ASCII is a grapheme a character, and no grapheme goes on past it.
      yield* window;
      start = end;
      continue;
    }
    let held: string | undefined;
    let count = 0;
    for (const s of segmenter.segment(window)) {
      if (held !== undefined) yield held;
      held = s.segment;
      count++;
    }
    // The window's last grapheme may go on past it (an emoji sequence, a lone high surrogate): it is read again at
    // the start of the next window, unless it is the whole window (a grapheme that long is cut at the window).
    if (held === undefined || end === text.length || count === 1) {
      if (held !== undefined) yield held;
      start = end;
    } else {
      start = end - held.length;
    }
  }
}

// Widths of the short texts measured most (single graphemes): a line of CJK or emoji repeats a few of them.
const SHORT = 16;
const shortWidths = new Map<string, number>();

/** The columns a text takes on a terminal (wide characters count 2, combining marks 0). */
export function textWidth(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  if (text.length > SHORT) return stringWidth(text);
  let w = shortWidths.get(text);
  if (w === undefined) {
    w = stringWidth(text);
    if (shortWidths.size >= 4096) shortWidths.clear();
    shortWidths.set(text, w);
  }
  return w;
}

/** The longest start of `text` that fits in `width` columns, never splitting a grapheme; with the columns it takes. */
export function cutToWidth(text: string, width: number): { text: string; width: number } {
  if (width <= 0) return { text: '', width: 0 };
  if (text.length <= width && textWidth(text) === text.length) return { text, width: text.length };
  let end = 0;
  let used = 0;
  // Lazily: a megabyte pasted into one line costs only the graphemes that fit.
  for (const g of eachGrapheme(text)) {
    const w = textWidth(g);
    if (used + w > width) break;
    end += g.length;
    used += w;
  }
  return { text: text.slice(0, end), width: used };
}
