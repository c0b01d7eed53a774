/** Metric quantities in scenario files: "0.4%", "180ms", "2s", "1.5GB", "1200rps", 85. */

/** The unit families a metric can have; values within a family convert to one base unit. */
export type UnitFamily = 'percent' | 'time' | 'bytes' | 'rate' | 'count';

export interface Quantity {
  readonly value: number;
  readonly family: UnitFamily;
}

const UNITS: Readonly<Record<string, { family: UnitFamily; factor: number }>> = {
  '%': { family: 'percent', factor: 1 },
  ms: { family: 'time', factor: 1 },
  s: { family: 'time', factor: 1000 },
  KB: { family: 'bytes', factor: 1 / 1024 },
  MB: { family: 'bytes', factor: 1 },
  GB: { family: 'bytes', factor: 1024 },
  TB: { family: 'bytes', factor: 1024 * 1024 },
  rps: { family: 'rate', factor: 1 },
  '/s': { family: 'rate', factor: 1 },
  '/min': { family: 'rate', factor: 1 / 60 },
  '': { family: 'count', factor: 1 },
};

/** The regular expression a quantity string must match (used in the JSON Schema too). */
export const QUANTITY_PATTERN = '^-?\\d+(?:\\.\\d+)?\\s*(?:%|ms|s|KB|MB|GB|TB|rps|/s|/min)?$';
const QUANTITY_RE = new RegExp(QUANTITY_PATTERN);
const MULTIPLIER_RE = /^x(\d+(?:\.\d+)?)$/;

/** Parses "12%", "180ms" or 85 into a value in its family's base unit; undefined if malformed. */
export function parseQuantity(input: string | number): Quantity | undefined {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { value: input, family: 'count' } : undefined;
  }
  // References run on raw YAML data even when the schema failed, so anything can arrive here.
  if (typeof input !== 'string') return undefined;
  const parts = splitQuantity(input);
  const def = parts && UNITS[parts.unit];
  return parts && def ? { value: parts.number * def.factor, family: def.family } : undefined;
}

/** A quantity string's number and the unit it is written in ('' for none), or undefined if malformed. */
function splitQuantity(input: string): { number: number; unit: string } | undefined {
  const s = input.trim();
  if (!QUANTITY_RE.test(s)) return undefined;
  const m = /^(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(s);
  return m ? { number: Number(m[1]), unit: m[2] ?? '' } : undefined;
}

/** Parses a multiplier effect "x8" → 8; undefined if the text is not one. */
export function parseMultiplier(input: string | number): number | undefined {
  if (typeof input !== 'string') return undefined;
  const m = MULTIPLIER_RE.exec(input.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * v2 display units: the unit a metric's values are shown in (`unit:`). A count has none. They are the units a
 * quantity can be written in, so a baseline's own unit is always one of them.
 */
export const DISPLAY_UNITS = ['%', 'ms', 's', 'KB', 'MB', 'GB', 'TB', 'rps', '/s', '/min'] as const;
export type DisplayUnit = (typeof DISPLAY_UNITS)[number];

/** The display units of each family, for the error a unit that does not fit its metric gets. */
export function unitsOf(family: UnitFamily): readonly DisplayUnit[] {
  return DISPLAY_UNITS.filter((u) => UNITS[u]?.family === family);
}

/** The family of a display unit. */
export function familyOfUnit(unit: DisplayUnit): UnitFamily {
  return UNITS[unit]!.family;
}

/** The unit a quantity is written in ("600/min" → "/min"; a plain number → undefined), or undefined if malformed. */
export function writtenUnit(input: string | number): DisplayUnit | undefined {
  const unit = typeof input === 'string' ? splitQuantity(input)?.unit : undefined;
  return unit !== undefined && (DISPLAY_UNITS as readonly string[]).includes(unit) ? (unit as DisplayUnit) : undefined;
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toString() : Number(n.toPrecision(3)).toString());

/**
 * Formats a base-unit value for display. With a unit (v2's `unit:`, or a rate baseline's own), always in that unit:
 * 600/min, 0.18s. Without one, in its family's usual unit as v1 always has: 12.3%, 180ms, 12s, 1.2GB, 24.1rps.
 * `whole` (v2, a count of things): rounded to a whole number.
 */
export function formatValue(value: number, family: UnitFamily, unit?: DisplayUnit, whole = false): string {
  if (whole && family === 'count') return String(Math.round(value));
  const def = unit === undefined ? undefined : UNITS[unit];
  if (!def || def.family !== family) return formatQuantity(value, family);
  return `${round(value / def.factor)}${unit}`;
}

/** Formats a base-unit value for display in its family: 12.3%, 180ms, 1.2GB. */
export function formatQuantity(value: number, family: UnitFamily): string {
  switch (family) {
    case 'percent':
      return `${round(value)}%`;
    case 'time':
      return value >= 10_000 ? `${round(value / 1000)}s` : `${round(value)}ms`;
    case 'bytes':
      return value >= 1024 ? `${round(value / 1024)}GB` : `${round(value)}MB`;
    case 'rate':
      return `${round(value)}rps`;
    case 'count':
      return round(value);
  }
}
