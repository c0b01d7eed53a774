/** Checks of one reference against the declared names: a service, phase, step or metric that must exist. */
import type { DeclaredNames } from './declared-names';
import type { YamlPath } from './problem';
import { parseMultiplier, parseQuantity, type UnitFamily } from './quantity';
import type { ReferenceReport } from './reference-report';

export interface NameChecks {
  service(path: YamlPath, id: unknown): void;
  phase(path: YamlPath, id: unknown, key?: boolean): void;
  /** An action or probe, as a solution path or a transition's requirement names it. */
  step(path: YamlPath, id: unknown): void;
  /** Checks a service.metric ref; returns the metric's unit family when it is known. */
  metric(path: YamlPath, ref: string, key?: boolean): UnitFamily | undefined;
  /** Checks that a value is in the metric's unit family (a plain count or a multiplier fits most). */
  family(path: YamlPath, ref: string, family: UnitFamily | undefined, value: unknown, key?: boolean): void;
}

/** The checks against one scenario's names, reporting into `r`. */
export function nameChecks(names: DeclaredNames, r: ReferenceReport): NameChecks {
  const { services, actions, probes, phases, metrics } = names;
  return {
    service(path, id) {
      if (typeof id === 'string' && !services.has(id)) r.report(path, 'ref/unknown-service', `unknown service "${id}"`, r.choices(id, services, 'services'));
    },
    phase(path, id, key = false) {
      if (typeof id === 'string' && !phases.has(id)) r.report(path, 'ref/unknown-phase', `unknown phase "${id}"`, r.choices(id, phases, 'phases'), key);
    },
    step(path, id) {
      if (typeof id === 'string' && !actions.has(id) && !probes.has(id)) {
        r.report(path, 'ref/unknown-step', `unknown action or probe "${id}"`, r.choices(id, [...actions.keys(), ...probes.keys()], 'actions and probes'));
      }
    },
    metric(path, ref, key = false) {
      const [svc, name] = ref.split('.');
      if (svc === undefined || name === undefined) return undefined;
      if (!services.has(svc)) {
        r.report(path, 'ref/unknown-service', `unknown service "${svc}" in "${ref}"`, r.choices(svc, services, 'services'), key);
        return undefined;
      }
      if (!metrics.has(ref)) {
        const ofService = [...metrics.keys()].filter((m) => m.startsWith(`${svc}.`));
        r.report(path, 'ref/unknown-metric', `service "${svc}" has no metric "${name}"`,
          ofService.length ? r.choices(ref, ofService, `metrics of ${svc}`) : 'declare it under services[].metrics', key);
      }
      return metrics.get(ref);
    },
    family(path, ref, family, value, key = false) {
      if (!family || parseMultiplier(value as string) !== undefined) return;
      const q = parseQuantity(value as string | number);
      if (q && q.family !== family && !(q.family === 'count' && family !== 'percent' && family !== 'time')) {
        r.report(path, 'ref/unit-mismatch', `"${String(value)}" is a ${q.family} value but ${ref} is measured as ${family}`, undefined, key);
      }
    },
  };
}
