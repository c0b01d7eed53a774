/**
 * The channel as screen rows: each line wrapped at word boundaries to the channel's width, and the window of rows a
 * scroll position shows. Pure, so the rows drawn can be checked without rendering.
 */
import { formatClock } from '../scenario/duration';
import type { ChannelLine } from './channel';
import { cutToWidth, textWidth } from './text-width';
import { wrapText } from './wrap';

/** One screen row of a channel line, never wider than the channel. */
export interface ChannelRow {
  readonly key: string;
  /** The time on a line's first row ("04:02 "), spaces under it on the rest. */
  readonly time: string;
  /** "alice: " on the first row of a line someone said; '' otherwise. */
  readonly speaker: string;
  readonly text: string;
  readonly line: ChannelLine;
  readonly first: boolean;
}

/** The rows of the channel a scroll position shows. */
export interface ChannelWindow {
  readonly rows: readonly ChannelRow[];
  /** Rows back from the newest, as far as the channel goes (0: following the newest line). */
  readonly scroll: number;
  /** The first row of the channel is on screen. */
  readonly atTop: boolean;
}

/** Columns of the time column, and of the indent under it. */
const TIME_COLS = 6;
const INDENT = ' '.repeat(TIME_COLS);

/** Lines that name no speaker: the channel itself says them. */
const UNSPOKEN: ReadonlySet<ChannelLine['kind']> = new Set(['system', 'alert', 'page']);

/** Columns the first row keeps for text beside a speaker's name, where the width allows. */
const FIRST_ROW_TEXT = 10;

/** The speaker's name as drawn after the time: cut with "…" when it would leave the first row too little room. */
function speakerLabel(who: string, cols: number, timeCols: number): string {
  const room = cols - timeCols - 2;
  const most = Math.min(room, Math.max(1, room - FIRST_ROW_TEXT));
  const name = textWidth(who) <= most ? who : `${cutToWidth(who, most - 1).text}…`;
  return `${name}: `;
}

/** One line's screen rows at a width; the time and speaker only on its first row. */
export function lineRows(l: ChannelLine, cols: number): ChannelRow[] {
  // With a story clock the time of day, HH:MM as a chat client shows it; else drill time mm:ss.
  const time = (l.story?.slice(0, 5) ?? formatClock(l.atMs)).padEnd(TIME_COLS - 1).concat(' ');
  const speaker = UNSPOKEN.has(l.kind) ? '' : speakerLabel(l.who, cols, textWidth(time));
  const rest = Math.max(1, cols - TIME_COLS);
  const firstCols = Math.max(0, cols - textWidth(time) - textWidth(speaker));
  const parts = l.text.split('\n').flatMap((p, i) => wrapText(p, rest, i === 0 ? firstCols : rest));
  return parts.map((text, i) => ({
    key: `${l.seq}:${i}`, time: i === 0 ? time : INDENT, speaker: i === 0 ? speaker : '', text, line: l, first: i === 0,
  }));
}

// A line never changes once said, so its rows are wrapped once per width (a screen redraws every drill second).
const wrapped = new WeakMap<ChannelLine, { readonly cols: number; readonly rows: ChannelRow[] }>();

function cachedRows(l: ChannelLine, cols: number): ChannelRow[] {
  const hit = wrapped.get(l);
  if (hit?.cols === cols) return hit.rows;
  const rows = lineRows(l, cols);
  wrapped.set(l, { cols, rows });
  return rows;
}

/** Every line's rows, oldest first. */
export function channelRows(lines: readonly ChannelLine[], cols: number): ChannelRow[] {
  return lines.flatMap((l) => cachedRows(l, cols));
}

/**
 * The rows on a screen of `height` rows, `scroll` rows back from the newest. Scrolled back, the last row is the
 * "rows back" notice, so `height - 1` rows of channel show; the scroll stops where the first row reaches the top.
 * Only the newest lines that reach that far are wrapped, so a redraw costs what is shown, not the whole channel.
 */
export function channelWindow(lines: readonly ChannelLine[], cols: number, height: number, scroll: number): ChannelWindow {
  const want = scroll > 0 && height > 1 ? scroll : 0;
  const need = want > 0 ? want + height - 1 : height;
  const tail: ChannelRow[][] = [];
  let count = 0;
  let i = lines.length - 1;
  // One row past what is needed says whether anything is left above.
  for (; i >= 0 && count <= need; i--) {
    const r = cachedRows(lines[i]!, cols);
    tail.push(r);
    count += r.length;
  }
  const all = tail.reverse().flat();
  const everything = i < 0;
  // All of it fits on one screen: nothing to scroll.
  if (everything && all.length <= height) return { rows: all, scroll: 0, atTop: true };
  const back = everything ? Math.min(want, all.length - (height - 1)) : want;
  if (back === 0) return { rows: all.slice(-height), scroll: 0, atTop: false };
  const end = all.length - back;
  const start = Math.max(0, end - (height - 1));
  return { rows: all.slice(start, end), scroll: back, atTop: everything && start === 0 };
}

/** A scroll position held to what the channel can show: 0 at the newest, at most where the first row reaches the top. */
export function heldScroll(lines: readonly ChannelLine[], cols: number, height: number, scroll: number): number {
  return channelWindow(lines, cols, height, Math.max(0, scroll)).scroll;
}

/** The index of the newest line on screen: the newest of all, or the bottom one when scrolled back; -1 when empty. */
export function newestShown(lines: readonly ChannelLine[], cols: number, height: number, scroll: number): number {
  const shown = scroll > 0 ? channelWindow(lines, cols, height, scroll).rows.at(-1)?.line : undefined;
  return shown ? lines.lastIndexOf(shown) : lines.length - 1;
}
