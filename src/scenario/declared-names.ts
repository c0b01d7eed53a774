/** The names a scenario declares (services, teams, actions, probes, phases, metrics), each of which must be unique. */
import { entries, isRec, list, str, type Rec } from './raw-data';
import { parseQuantity, type UnitFamily } from './quantity';
import type { ReferenceReport } from './reference-report';

export interface DeclaredNames {
  /** Ids by the index of the item that first declared them. */
  readonly services: ReadonlyMap<string, number>;
  readonly actions: ReadonlyMap<string, number>;
  readonly probes: ReadonlyMap<string, number>;
  readonly phases: ReadonlySet<string>;
  /** Teams listed under teams, and every service owner. */
  readonly teamIds: ReadonlySet<string>;
  /** Metric refs (service.metric) with the unit family of their baseline. */
  readonly metrics: ReadonlyMap<string, UnitFamily | undefined>;
}

/** Collects the declared names, reporting duplicate ids and probes that share an action's id. */
export function declaredNames(raw: Rec, r: ReferenceReport): DeclaredNames {
  const idsOf = (section: string, kind: string): Map<string, number> => {
    const seen = new Map<string, number>();
    list(raw[section]).forEach((item, i) => {
      const id = isRec(item) ? str(item.id) : undefined;
      if (id === undefined) return;
      if (seen.has(id)) r.report([section, i, 'id'], 'ref/duplicate-id', `duplicate ${kind} id "${id}" (first used at ${section}[${seen.get(id)}])`);
      else seen.set(id, i);
    });
    return seen;
  };
  const services = idsOf('services', 'service');
  const teams = idsOf('teams', 'team');
  idsOf('alerts', 'alert');
  const actions = idsOf('actions', 'action');
  const probes = idsOf('probes', 'probe');
  for (const [id, i] of probes) {
    if (actions.has(id)) r.report(['probes', i, 'id'], 'ref/duplicate-id', `probe id "${id}" is also an action id; solution paths and commands need them distinct`);
  }
  const phases = new Set(entries(raw.phases).map(([k]) => k));
  const teamIds = new Set([...teams.keys()]);
  for (const svc of list(raw.services)) {
    const owner = isRec(svc) ? str(svc.owner) : undefined;
    if (owner) teamIds.add(owner);
  }
  return { services, actions, probes, phases, teamIds, metrics: metricFamilies(raw) };
}

// A metric whose baseline is malformed still exists (the schema reports the baseline); its family is unknown.
function metricFamilies(raw: Rec): Map<string, UnitFamily | undefined> {
  const metrics = new Map<string, UnitFamily | undefined>();
  for (const svc of list(raw.services)) {
    const sid = isRec(svc) ? str(svc.id) : undefined;
    if (!isRec(svc) || !sid) continue;
    for (const [name, m] of entries(svc.metrics)) {
      const q = isRec(m) ? parseQuantity(m.baseline as string | number) : undefined;
      metrics.set(`${sid}.${name}`, q?.family);
    }
  }
  return metrics;
}
