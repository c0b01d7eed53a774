// Appended to Ink 6.8's build/output.js by build.mjs (INK_OUTPUT); it runs in that module's scope.
//
// Ink builds every frame as a grid of styled-character objects (one per cell, ~3,000 at 100×30) and turns each row
// back into a string, character by character. `firedrill host` draws twenty screens from one thread and most text
// is the same from one frame to the next (and from one person's screen to the next): here each row keeps only the
// texts written into it, and a text's string is made once and reused. The result is byte for byte what Ink makes;
// a row whose writes overlap, touch a negative or fractional column, or run past the width is built Ink's way.
import { ansiCodesToString as __fdCodes, diffAnsiCodes as __fdDiff } from '@alcalzone/ansi-tokenize';

const __fdSegments = new Map();
const __fdSlices = new Map();

/**
 * sliceAnsi(line, from, to), remembered: a box with overflow hidden has every line written into it cut to the box
 * on every frame, and cutting a line means tokenising it grapheme by grapheme (a fifth of a team host's time).
 */
function __fdSlice(line, from, to) {
  const key = `${from}:${to}:${line}`;
  let cut = __fdSlices.get(key);
  if (cut === undefined) {
    if (__fdSlices.size > 4000) __fdSlices.clear();
    cut = sliceAnsi(line, from, to);
    __fdSlices.set(key, cut);
  }
  return cut;
}

/** A written text as Ink would draw it from its first cell to its last: the codes that open it, its body, and what closes it. */
function __fdSegment(line, caches) {
  let seg = __fdSegments.get(line);
  if (seg !== undefined) return seg;
  if (__fdSegments.size > 4000) __fdSegments.clear();
  const chars = caches.getStyledChars(line);
  let body = '';
  let cells = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (i > 0) body += __fdCodes(__fdDiff(chars[i - 1].styles, c.styles));
    body += c.value;
    cells += Math.max(1, caches.getStringWidth(c.value));
  }
  const first = chars[0]?.styles ?? [];
  const last = chars.at(-1)?.styles ?? [];
  seg = { empty: chars.length === 0, cells, open: __fdCodes(first), body, close: __fdCodes(__fdDiff(last, [])), first, last };
  __fdSegments.set(line, seg);
  return seg;
}

/** One row exactly as Ink 6.8's Output.get builds it: a grid of cells, the writes in order, then one string. */
function __fdSlowRow(ops, width, caches) {
  const row = [];
  for (let x = 0; x < width; x++) row.push({ type: 'char', value: ' ', fullWidth: false, styles: [] });
  for (let i = 0; i < ops.length; i += 2) {
    let offsetX = ops[i];
    for (const character of caches.getStyledChars(ops[i + 1])) {
      row[offsetX] = character;
      const characterWidth = Math.max(1, caches.getStringWidth(character.value));
      for (let k = 1; k < characterWidth; k++) row[offsetX + k] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
      offsetX += characterWidth;
    }
  }
  return styledCharsToString(row.filter((item) => item !== undefined)).trimEnd();
}

/** A row from its writes (a flat list: x, text, x, text…), reusing each text's string. */
function __fdRow(ops, width, caches) {
  if (ops.length === 0) return '';
  const segs = [];
  for (let i = 0; i < ops.length; i += 2) {
    const x = ops[i];
    if (!Number.isInteger(x) || x < 0) return __fdSlowRow(ops, width, caches);
    const seg = __fdSegment(ops[i + 1], caches);
    if (!seg.empty) segs.push({ x, seg });
  }
  if (segs.length > 1) segs.sort((a, b) => a.x - b.x);
  let out = '';
  let end = 0;
  let prev;
  for (const { x, seg } of segs) {
    if (x < end || x + seg.cells > width) return __fdSlowRow(ops, width, caches);
    if (prev && x === end) out += __fdCodes(__fdDiff(prev.last, seg.first)) + seg.body;
    else out += (prev ? prev.close : '') + ' '.repeat(x - end) + seg.open + seg.body;
    end = x + seg.cells;
    prev = seg;
  }
  if (prev) out += prev.close;
  return out.trimEnd();
}
