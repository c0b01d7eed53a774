/** A one-line terminal chart of a series: ▁▂▃▄▅▆▇█, one character per value. */

const BARS = '▁▂▃▄▅▆▇█';

/** The value range bars are scaled to; by default the shown values' own smallest and largest. */
export interface SparklineScale {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Draws the series as bars; null (or a value that is not a finite number) draws a space, so a gap
 * stays visible. With `width`, only the latest `width` values are drawn: a trend is read from its end.
 * Bars are scaled to the shown values' own range, so change shows at any level; a flat series draws a flat low
 * line, never a solid block.
 */
export function sparkline(values: readonly (number | null)[], width?: number, scale: SparklineScale = {}): string {
  const shown = width !== undefined && width >= 0 && values.length > width ? values.slice(values.length - width) : values;
  const finite = shown.filter((v): v is number => v !== null && Number.isFinite(v));
  if (!finite.length) return ' '.repeat(shown.length);
  const lo = scale.min ?? Math.min(...finite);
  const hi = scale.max ?? Math.max(...finite);
  const top = BARS.length - 1;
  return shown.map((v) => {
    if (v === null || !Number.isFinite(v)) return ' ';
    if (!(hi > lo)) return BARS[0];
    // Halving first keeps the subtraction finite for any two finite doubles (MAX_VALUE − −MAX_VALUE overflows).
    const share = Math.min(1, Math.max(0, (v / 2 - lo / 2) / (hi / 2 - lo / 2)));
    return BARS[Math.round((Number.isNaN(share) ? 0 : share) * top)];
  }).join('');
}
