/** Text cut or padded to an exact number of terminal columns, for the columns of a table. */
import { stripControl } from '../engine/sanitize';
import { cutToWidth, textWidth } from './text-width';

/** `text` (sanitised) in exactly `width` columns: padded with spaces, or cut to end in "…". */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  const clean = stripControl(text);
  const w = textWidth(clean);
  if (w <= width) return clean + ' '.repeat(width - w);
  const cut = cutToWidth(clean, width - 1);
  return `${cut.text}…${' '.repeat(Math.max(0, width - 1 - cut.width))}`;
}
