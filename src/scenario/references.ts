/** Reference checks: every phase, action, probe, service, metric and team named must exist, once. */
import { parseCondition } from './condition';
import { parseDuration } from './duration';
import { didYouMean } from './did-you-mean';
import { isPlaceholder, LOG_PLACEHOLDERS, placeholdersIn } from './log-placeholders';
import type { Problem, YamlPath } from './problem';
import { parseMultiplier, parseQuantity, type UnitFamily } from './quantity';
import { locate, problemAt, type YamlSource } from './yaml-source';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const entries = (v: unknown): [string, unknown][] => (isRec(v) ? Object.entries(v) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Checks names across the scenario; runs on the raw YAML data so it works even when the schema failed. */
export function referenceProblems(source: YamlSource): Problem[] {
  const raw = source.value as Rec;
  const out: Problem[] = [];
  // Each suggestion costs an edit distance per candidate; a hostile file with thousands of unknown names and
  // thousands of ids would take minutes, so suggestions stop after a fixed amount of work.
  let suggestBudget = 20_000;
  const suggest = (word: string, candidates: Iterable<string>): string | undefined => {
    if (suggestBudget <= 0) return undefined;
    const all = [...candidates];
    suggestBudget -= all.length;
    return suggestBudget >= 0 ? didYouMean(word, all) : undefined;
  };
  const report = (path: YamlPath, code: string, message: string, hint?: string, key = false) => {
    const pos = locate(source, path, key);
    out.push(problemAt(source.file, pos.line, pos.col, 'reference', code, message, path, hint));
  };

  // Collect the ids of each kind, reporting duplicates.
  const idsOf = (section: string, kind: string): Map<string, number> => {
    const seen = new Map<string, number>();
    list(raw[section]).forEach((item, i) => {
      const id = isRec(item) ? str(item.id) : undefined;
      if (id === undefined) return;
      if (seen.has(id)) report([section, i, 'id'], 'ref/duplicate-id', `duplicate ${kind} id "${id}" (first used at ${section}[${seen.get(id)}])`);
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
    if (actions.has(id)) report(['probes', i, 'id'], 'ref/duplicate-id', `probe id "${id}" is also an action id; solution paths and commands need them distinct`);
  }
  const phases = new Set(entries(raw.phases).map(([k]) => k));
  const teamIds = new Set([...teams.keys()]);
  // A metric whose baseline is malformed still exists (the schema reports the baseline); its family is unknown.
  const metrics = new Map<string, UnitFamily | undefined>();
  list(raw.services).forEach((svc) => {
    if (!isRec(svc)) return;
    const sid = str(svc.id);
    const owner = str(svc.owner);
    if (owner) teamIds.add(owner);
    for (const [name, m] of entries(svc.metrics)) {
      const q = isRec(m) ? parseQuantity(m.baseline as string | number) : undefined;
      if (sid) metrics.set(`${sid}.${name}`, q?.family);
      if (sid && q && isRec(m) && m.noise !== undefined) checkFamily(['services', list(raw.services).indexOf(svc), 'metrics', name, 'noise'], `${sid}.${name}`, q.family, m.noise);
    }
  });

  const checkService = (path: YamlPath, id: unknown) => {
    if (typeof id === 'string' && !services.has(id)) report(path, 'ref/unknown-service', `unknown service "${id}"`, suggest(id, services.keys()));
  };
  const checkPhase = (path: YamlPath, id: unknown, key = false) => {
    if (typeof id === 'string' && !phases.has(id)) report(path, 'ref/unknown-phase', `unknown phase "${id}"`, suggest(id, phases), key);
  };
  const checkStep = (path: YamlPath, id: unknown) => {
    if (typeof id === 'string' && !actions.has(id) && !probes.has(id)) {
      report(path, 'ref/unknown-step', `unknown action or probe "${id}"`, suggest(id, [...actions.keys(), ...probes.keys()]));
    }
  };
  const checkMetric = (path: YamlPath, ref: string, key = false): UnitFamily | undefined => {
    const [svc, name] = ref.split('.');
    if (svc === undefined || name === undefined) return undefined;
    if (!services.has(svc)) {
      report(path, 'ref/unknown-service', `unknown service "${svc}" in "${ref}"`, suggest(svc, services.keys()), key);
      return undefined;
    }
    if (!metrics.has(ref)) {
      const ofService = [...metrics.keys()].filter((m) => m.startsWith(`${svc}.`));
      report(path, 'ref/unknown-metric', `service "${svc}" has no metric "${name}"`,
        suggest(ref, ofService) ?? (ofService.length ? `its metrics: ${ofService.join(', ')}` : `declare it under services[].metrics`), key);
    }
    return metrics.get(ref);
  };
  function checkFamily(path: YamlPath, ref: string, family: UnitFamily | undefined, value: unknown, key = false): void {
    if (!family || parseMultiplier(value as string) !== undefined) return;
    const q = parseQuantity(value as string | number);
    if (q && q.family !== family && !(q.family === 'count' && family !== 'percent' && family !== 'time')) {
      report(path, 'ref/unit-mismatch', `"${String(value)}" is a ${q.family} value but ${ref} is measured as ${family}`, undefined, key);
    }
  }

  if (raw.initial !== undefined) checkPhase(['initial'], raw.initial);
  if (isRec(raw.phases) && phases.size === 0) report(['phases'], 'ref/no-phases', 'phases is empty; a scenario needs at least one phase', undefined, true);

  list(raw.alerts).forEach((alert, i) => {
    if (!isRec(alert)) return;
    const pages = str(alert.pages);
    if (pages && !teamIds.has(pages)) {
      report(['alerts', i, 'pages'], 'ref/unknown-team', `unknown team "${pages}"; teams are service owners or listed under teams`, suggest(pages, teamIds));
    }
    const when = str(alert.when);
    if (when === undefined) return;
    const cond = parseCondition(when);
    if ('error' in cond) {
      report(['alerts', i, 'when'], 'ref/bad-condition', cond.error);
      return;
    }
    const ref = `${cond.service}.${cond.metric}`;
    const family = checkMetric(['alerts', i, 'when'], ref);
    if (family && cond.threshold.family !== family && cond.threshold.family !== 'count') {
      report(['alerts', i, 'when'], 'ref/unit-mismatch', `threshold is a ${cond.threshold.family} value but ${ref} is measured as ${family}`);
    }
  });

  for (const [pid, phase] of entries(raw.phases)) {
    if (!isRec(phase)) continue;
    for (const [delay, to] of entries(phase.after)) checkPhase(['phases', pid, 'after', delay], to);
    for (const [action, t] of entries(phase.on)) {
      if (!actions.has(action)) {
        const why = probes.has(action) ? `"${action}" is a probe; only actions (/run) move the world between phases` : `unknown action "${action}"`;
        report(['phases', pid, 'on', action], 'ref/unknown-action', why, probes.has(action) ? undefined : suggest(action, actions.keys()), true);
      }
      const to = isRec(t) ? t.to : t;
      checkPhase(isRec(t) ? ['phases', pid, 'on', action, 'to'] : ['phases', pid, 'on', action], to);
      if (isRec(t)) list(t.requires).forEach((r, j) => checkStep(['phases', pid, 'on', action, 'requires', j], r));
    }
    for (const [ref, value] of entries(phase.effects)) {
      const family = checkMetric(['phases', pid, 'effects', ref], ref, true);
      checkFamily(['phases', pid, 'effects', ref], ref, family, isRec(value) ? value.to : value);
    }
    list(phase.logs).forEach((log, j) => {
      if (!isRec(log)) return;
      const every = typeof log.every === 'string' ? parseDuration(log.every) : undefined;
      if (every !== undefined && every < 1000) report(['phases', pid, 'logs', j, 'every'], 'ref/too-frequent', `logs every ${log.every} would flood the channel; use 1s or more`);
      checkService(['phases', pid, 'logs', j, 'service'], log.service);
      const text = str(log.text);
      for (const ph of text ? placeholdersIn(text) : []) {
        if (!isPlaceholder(ph.name)) {
          report(['phases', pid, 'logs', j, 'text'], 'ref/unknown-placeholder', `unknown placeholder {${ph.name}} in log text`,
            suggest(ph.name, LOG_PLACEHOLDERS) ?? `known: ${LOG_PLACEHOLDERS.join(', ')}`);
        }
      }
    });
  }

  list(raw.actions).forEach((a, i) => isRec(a) && checkService(['actions', i, 'service'], a.service));
  list(raw.probes).forEach((p, i) => {
    if (!isRec(p)) return;
    checkService(['probes', i, 'service'], p.service);
    list(p.shows).forEach((ref, j) => typeof ref === 'string' && checkMetric(['probes', i, 'shows', j], ref));
    if (isRec(p.reveals)) {
      for (const [k] of entries(p.reveals)) if (k !== 'default') checkPhase(['probes', i, 'reveals', k], k, true);
    }
  });
  list(raw.injects).forEach((inj, i) => isRec(inj) && inj.phase !== undefined && checkPhase(['injects', i, 'phase'], inj.phase));
  if (isRec(raw.solution)) list(raw.solution.path).forEach((s, i) => checkStep(['solution', 'path', i], s));
  return out;
}
