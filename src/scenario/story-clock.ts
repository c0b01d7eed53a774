/**
 * v2's story clock: the time of day the drill starts at in the story (`clock: "09:40"`), so what the players read is
 * stamped as the story's time of day (09:45:12) instead of drill time (05:12), which reads as a time of day too.
 */
import { formatClock } from './duration';

/** The pattern a story clock start must match: HH:MM on the 24-hour clock (used in the JSON Schema too). */
export const CLOCK_PATTERN = '^(?:[01]\\d|2[0-3]):[0-5]\\d$';
const CLOCK_RE = new RegExp(CLOCK_PATTERN);

const DAY_MS = 24 * 3_600_000;

/** "09:40" → milliseconds after midnight; undefined if it is not HH:MM on the 24-hour clock. */
export function parseStoryClock(text: string): number | undefined {
  if (!CLOCK_RE.test(text)) return undefined;
  return (Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))) * 60_000;
}

/** The story's time of day at drill time `atMs`, as HH:MM:SS (past midnight it wraps to 00:00:00). */
export function storyTime(atMs: number, startMs: number): string {
  const s = Math.floor((((startMs + Math.max(0, atMs)) % DAY_MS) + DAY_MS) % DAY_MS / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

/** How a moment is stamped on what players read: story time with a story clock, else drill time (mm:ss) as in v1. */
export function stampAt(atMs: number, startMs: number | undefined): string {
  return startMs === undefined ? formatClock(atMs) : storyTime(atMs, startMs);
}
