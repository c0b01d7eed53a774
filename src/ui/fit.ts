/** Text cut or padded to an exact number of terminal columns, for the columns of a table. */
import stringWidth from 'string-width';
import { stripControl } from '../engine/sanitize';

/** `text` (sanitised) in exactly `width` columns: padded with spaces, or cut to end in "…". */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  const clean = stripControl(text);
  const w = stringWidth(clean);
  if (w <= width) return clean + ' '.repeat(width - w);
  let out = '';
  let used = 0;
  for (const ch of clean) {
    const cw = stringWidth(ch);
    if (used + cw > width - 1) break;
    out += ch;
    used += cw;
  }
  return `${out}…${' '.repeat(Math.max(0, width - 1 - used))}`;
}
