/** Making scorecard text safe to write into Markdown and to print on a terminal. */
import { stripControl } from '../engine/sanitize';
import { formatClock } from '../scenario/duration';

/**
 * Returns a copy with every string passed through stripControl. Names, notes, chat and scenario text
 * were written by other people; cleaning the whole value once at the edge means no field can be missed.
 */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return stripControl(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanStrings(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [stripControl(k), cleanStrings(v)])) as T;
  }
  return value;
}

/** Text for one Markdown table cell: a `|` would end the cell early, and an empty cell collapses in some renderers. */
export function mdCell(text: string): string {
  const t = stripControl(text).trim().replace(/\|/g, '\\|');
  return t === '' ? ' ' : t;
}

/** Drill time of an event: `T+mm:ss`. */
export function drillTime(ms: number): string {
  return `T+${formatClock(ms)}`;
}

/**
 * A metric's duration as mm:ss. A metric can be negative when things happen out of the usual order
 * (command taken before the response was triggered); formatClock assumes a positive time.
 */
export function clock(ms: number): string {
  return ms < 0 ? `−${formatClock(-ms)}` : formatClock(ms);
}

/** `1 time`, `3 times`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A 0..1 share as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Minutes with at most one decimal: 12.5, 3, 0.4. */
export function minutes(n: number): string {
  return String(Math.round(n * 10) / 10);
}
