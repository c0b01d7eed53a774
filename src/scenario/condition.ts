/** Alert conditions: "checkout-api.error_rate > 5% for 1m". */
import { parseDuration } from './duration';
import { parseQuantity, type Quantity } from './quantity';
import type { ComparisonOp } from './types';

export interface ParsedCondition {
  readonly service: string;
  readonly metric: string;
  readonly op: ComparisonOp;
  readonly threshold: Quantity;
  /** The threshold as written, e.g. "5%". */
  readonly thresholdText: string;
  readonly forMs: number;
}

const CONDITION_RE = /^\s*([a-z][a-z0-9-]*)\.([a-z][a-z0-9_]*)\s*(>=|<=|>|<)\s*(\S+?)\s*(?:\s+for\s+(\S+))?\s*$/;

/** Parses a condition, or returns an error message saying what is malformed. */
export function parseCondition(text: string): ParsedCondition | { error: string } {
  const m = CONDITION_RE.exec(text);
  if (!m) return { error: `cannot read condition "${text}"; write service.metric OP value [for DURATION], e.g. "checkout-api.error_rate > 5% for 1m"` };
  const threshold = parseQuantity(m[4]!);
  if (!threshold) return { error: `"${m[4]}" is not a quantity (e.g. 5%, 900ms, 1200rps)` };
  const forMs = m[5] === undefined ? 0 : parseDuration(m[5]);
  if (forMs === undefined) return { error: `"${m[5]}" is not a duration (e.g. 30s, 1m)` };
  return { service: m[1]!, metric: m[2]!, op: m[3] as ComparisonOp, threshold, thresholdText: m[4]!, forMs };
}

/** Whether a value satisfies the comparison. */
export function compare(value: number, op: ComparisonOp, threshold: number): boolean {
  switch (op) {
    case '>': return value > threshold;
    case '>=': return value >= threshold;
    case '<': return value < threshold;
    case '<=': return value <= threshold;
  }
}
