/**
 * Range checks on metric quantities: a value the engine would clamp (below 0, or a percentage over 100%) cannot be
 * what the author meant. Runs on the raw YAML data, like the reference layer, so it works even when the schema failed.
 */
import { parseCondition } from './condition';
import type { Problem, YamlPath } from './problem';
import { parseQuantity, type Quantity } from './quantity';
import { entries, isRec, list, str, type Rec } from './raw-data';
import { locate, problemAt, type YamlSource } from './yaml-source';

/** The fields that hold a metric's level, each 0 or more (percentages 0% to 100%); `noise` is a size, with the same range. */
type LevelField = 'baseline' | 'noise' | 'effect' | 'threshold';

const WHY: Record<LevelField, string> = {
  baseline: 'a metric\'s value is 0 or more',
  noise: 'noise is a size (it wobbles both ways), 0 or more',
  effect: 'a metric\'s value is 0 or more',
  threshold: 'a metric\'s value is 0 or more, so the alert would fire always or never',
};
/** How to write a fall, for a negative effect (a drop is the lower value, not a minus). */
const FALL_HINT = 'write the lower value the metric falls to, e.g. { to: 20rps }, or a multiplier such as x0.5';

/** Why a quantity is out of range for a level field, or undefined when it is in range. */
export function outOfRange(field: LevelField, written: string, q: Quantity): string | undefined {
  if (q.value < 0) return `${field} ${written} is negative; ${WHY[field]}`;
  if (q.family === 'percent' && q.value > 100) return `${field} ${written} is more than 100%; a percentage is from 0% to 100%`;
  return undefined;
}

/** Every metric quantity out of its range: baselines, noise, phase effects and alert thresholds. */
export function rangeProblems(source: YamlSource): Problem[] {
  const raw = source.value as Rec;
  const out: Problem[] = [];
  const check = (field: LevelField, path: YamlPath, value: unknown) => {
    const q = typeof value === 'string' || typeof value === 'number' ? parseQuantity(value) : undefined;
    const why = q && outOfRange(field, String(value).trim(), q);
    if (!why) return;
    const pos = locate(source, path);
    out.push(problemAt(source.file, pos.line, pos.col, 'schema', 'schema/out-of-range', why, path, field === 'effect' && q.value < 0 ? FALL_HINT : undefined));
  };
  list(raw.services).forEach((svc, i) => {
    for (const [name, m] of isRec(svc) ? entries(svc.metrics) : []) {
      if (!isRec(m)) continue;
      check('baseline', ['services', i, 'metrics', name, 'baseline'], m.baseline);
      check('noise', ['services', i, 'metrics', name, 'noise'], m.noise);
    }
  });
  for (const [pid, phase] of entries(raw.phases)) {
    for (const [ref, e] of isRec(phase) ? entries(phase.effects) : []) {
      if (isRec(e)) check('effect', ['phases', pid, 'effects', ref, 'to'], e.to);
      else check('effect', ['phases', pid, 'effects', ref], e);
    }
  }
  list(raw.alerts).forEach((alert, i) => {
    const when = isRec(alert) ? str(alert.when) : undefined;
    const cond = when === undefined ? undefined : parseCondition(when);
    if (cond && !('error' in cond)) check('threshold', ['alerts', i, 'when'], cond.thresholdText);
  });
  return out;
}
