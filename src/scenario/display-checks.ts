/** v2 presentation checks: a metric's display unit must be one its values can be shown in. */
import { familyOfUnit, parseQuantity, unitsOf, DISPLAY_UNITS, type DisplayUnit } from './quantity';
import { entries, isRec, list, str, type Rec } from './raw-data';
import type { ReferenceReport } from './reference-report';

const FAMILY_WORDS = { percent: 'percentage', time: 'time', bytes: 'size in bytes', rate: 'rate', count: 'count' } as const;

/** Each metric `unit:` that does not fit the family of the metric's baseline, at the unit, with the units that do. */
export function checkDisplayUnits(raw: Rec, r: ReferenceReport): void {
  list(raw.services).forEach((svc, i) => {
    if (!isRec(svc)) return;
    for (const [name, m] of entries(svc.metrics)) {
      if (!isRec(m) || typeof m.unit !== 'string' || !(DISPLAY_UNITS as readonly string[]).includes(m.unit)) continue;
      const q = typeof m.baseline === 'string' || typeof m.baseline === 'number' ? parseQuantity(m.baseline) : undefined;
      const unit = m.unit as DisplayUnit;
      if (!q || familyOfUnit(unit) === q.family) continue;
      const ref = `${str(svc.id) ?? `services[${i}]`}.${name}`;
      const fits = unitsOf(q.family);
      r.report(['services', list(raw.services).indexOf(svc), 'metrics', name, 'unit'], 'ref/unit-mismatch',
        `unit "${unit}" does not fit ${ref}: its baseline ${String(m.baseline)} is a ${FAMILY_WORDS[q.family]}`,
        fits.length ? `units for a ${FAMILY_WORDS[q.family]}: ${fits.join(', ')}` : 'a count has no unit: leave unit out, or write the baseline in its unit, e.g. 600/min');
    }
  });
}
