/** Durations in scenario and script files: "90s", "5m", "1h30m", "250ms", or a clock "mm:ss" / "h:mm:ss". */

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const UNITS_RE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART_RE = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const CLOCK_RE = /^(?:(\d+):)?(\d{1,3}):([0-5]\d)$/;

/** The regular expression a duration string must match (used in the JSON Schema too). */
export const DURATION_PATTERN = '^(?:(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+|(?:\\d+:)?\\d{1,3}:[0-5]\\d)$';

/** Parses a duration string to milliseconds, or returns undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim();
  const clock = CLOCK_RE.exec(s);
  if (clock) {
    const [, h, m, sec] = clock;
    return ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(sec)) * 1000;
  }
  if (!UNITS_RE.test(s)) return undefined;
  let total = 0;
  for (const part of s.matchAll(PART_RE)) {
    total += Number(part[1]) * UNIT_MS[part[2] as keyof typeof UNIT_MS];
  }
  return Math.round(total);
}

/** Formats milliseconds compactly for messages: 90000 → "1m30s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const totalS = Math.round(ms / 1000);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
}

/** Formats drill time as T+mm:ss (or T+h:mm:ss past an hour). */
export function formatClock(ms: number): string {
  const totalS = Math.floor(ms / 1000);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
