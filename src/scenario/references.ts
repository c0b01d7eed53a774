/** Reference checks: every phase, action, probe, service, metric and team named must exist, once. */
import { parseCondition } from './condition';
import { declaredNames, type DeclaredNames } from './declared-names';
import { parseDuration } from './duration';
import { isPlaceholder, LOG_PLACEHOLDERS, placeholdersIn } from './log-placeholders';
import { nameChecks, type NameChecks } from './name-checks';
import type { Problem } from './problem';
import { parseQuantity } from './quantity';
import { entries, isRec, list, str, type Rec } from './raw-data';
import { checkDisplayUnits } from './display-checks';
import { referenceReport, type ReferenceReport } from './reference-report';
import { referenceProblemsV2 } from './references-v2';
import type { YamlSource } from './yaml-source';

/** What every section check works with: the raw data, its declared names, the report and the name checks. */
interface Scope {
  readonly raw: Rec;
  readonly names: DeclaredNames;
  readonly r: ReferenceReport;
  readonly check: NameChecks;
}

/** Checks names across the scenario; runs on the raw YAML data so it works even when the schema failed. */
export function referenceProblems(source: YamlSource): Problem[] {
  const raw = source.value as Rec;
  const r = referenceReport(source);
  const names = declaredNames(raw, r);
  const scope: Scope = { raw, names, r, check: nameChecks(names, r) };
  checkMetricNoise(scope);
  checkDisplayUnits(raw, r);
  if (raw.initial !== undefined) scope.check.phase(['initial'], raw.initial);
  if (isRec(raw.phases) && names.phases.size === 0) r.report(['phases'], 'ref/no-phases', 'phases is empty; a scenario needs at least one phase', undefined, true);
  list(raw.alerts).forEach((alert, i) => isRec(alert) && checkAlert(scope, alert, i));
  for (const [pid, phase] of entries(raw.phases)) if (isRec(phase)) checkPhase(scope, pid, phase);
  checkActionsAndProbes(scope);
  list(raw.injects).forEach((inj, i) => isRec(inj) && inj.phase !== undefined && scope.check.phase(['injects', i, 'phase'], inj.phase));
  if (isRec(raw.solution)) list(raw.solution.path).forEach((s, i) => scope.check.step(['solution', 'path', i], s));
  referenceProblemsV2(source, names, r, scope.check);
  return r.problems;
}

/** A metric's noise is in the unit of its baseline. */
function checkMetricNoise({ raw, check }: Scope): void {
  for (const svc of list(raw.services)) {
    if (!isRec(svc)) continue;
    const sid = str(svc.id);
    for (const [name, m] of entries(svc.metrics)) {
      const q = isRec(m) ? parseQuantity(m.baseline as string | number) : undefined;
      // indexOf, not the loop index: an item repeated through a YAML alias is reported where it first appears.
      if (sid && q && isRec(m) && m.noise !== undefined) check.family(['services', list(raw.services).indexOf(svc), 'metrics', name, 'noise'], `${sid}.${name}`, q.family, m.noise);
    }
  }
}

/** An alert pages a known team, and its condition names a known metric in that metric's unit. */
function checkAlert({ names, r, check }: Scope, alert: Rec, i: number): void {
  const pages = str(alert.pages);
  if (pages && !names.teamIds.has(pages)) {
    r.report(['alerts', i, 'pages'], 'ref/unknown-team', `unknown team "${pages}"; teams are service owners or listed under teams`, r.choices(pages, names.teamIds, 'teams'));
  }
  const when = str(alert.when);
  if (when === undefined) return;
  const cond = parseCondition(when);
  if ('error' in cond) {
    r.report(['alerts', i, 'when'], 'ref/bad-condition', cond.error);
    return;
  }
  const ref = `${cond.service}.${cond.metric}`;
  const family = check.metric(['alerts', i, 'when'], ref);
  if (family && cond.threshold.family !== family && cond.threshold.family !== 'count') {
    r.report(['alerts', i, 'when'], 'ref/unit-mismatch', `threshold is a ${cond.threshold.family} value but ${ref} is measured as ${family}`);
  }
}

/** A phase's transitions, effects and logs name what exists. */
function checkPhase(scope: Scope, pid: string, phase: Rec): void {
  const { names, r, check } = scope;
  for (const [delay, to] of entries(phase.after)) check.phase(['phases', pid, 'after', delay], to);
  for (const [action, t] of entries(phase.on)) {
    if (!names.actions.has(action)) {
      const why = names.probes.has(action) ? `"${action}" is a probe; only actions (/run) move the world between phases` : `unknown action "${action}"`;
      r.report(['phases', pid, 'on', action], 'ref/unknown-action', why, r.choices(action, names.actions, 'actions'), true);
    }
    const to = isRec(t) ? t.to : t;
    check.phase(isRec(t) ? ['phases', pid, 'on', action, 'to'] : ['phases', pid, 'on', action], to);
    if (isRec(t)) list(t.requires).forEach((req, j) => check.step(['phases', pid, 'on', action, 'requires', j], req));
  }
  for (const [ref, value] of entries(phase.effects)) {
    const family = check.metric(['phases', pid, 'effects', ref], ref, true);
    check.family(['phases', pid, 'effects', ref], ref, family, isRec(value) ? value.to : value);
  }
  list(phase.logs).forEach((log, j) => isRec(log) && checkLog(scope, pid, log, j));
}

/** A phase's log line comes from a known service, not too often, with known placeholders. */
function checkLog({ r, check }: Scope, pid: string, log: Rec, j: number): void {
  const every = typeof log.every === 'string' ? parseDuration(log.every) : undefined;
  if (every !== undefined && every < 1000) r.report(['phases', pid, 'logs', j, 'every'], 'ref/too-frequent', `logs every ${log.every} would flood the channel; use 1s or more`);
  check.service(['phases', pid, 'logs', j, 'service'], log.service);
  const text = str(log.text);
  for (const ph of text ? placeholdersIn(text) : []) {
    if (!isPlaceholder(ph.name)) {
      r.report(['phases', pid, 'logs', j, 'text'], 'ref/unknown-placeholder', `unknown placeholder {${ph.name}} in log text`,
        r.suggest(ph.name, LOG_PLACEHOLDERS) ?? `known: ${LOG_PLACEHOLDERS.join(', ')}`);
    }
  }
}

/** Actions and probes act on known services; probes show known metrics and reveal known phases. */
function checkActionsAndProbes({ raw, check }: Scope): void {
  list(raw.actions).forEach((a, i) => isRec(a) && check.service(['actions', i, 'service'], a.service));
  list(raw.probes).forEach((p, i) => {
    if (!isRec(p)) return;
    check.service(['probes', i, 'service'], p.service);
    list(p.shows).forEach((ref, j) => typeof ref === 'string' && check.metric(['probes', i, 'shows', j], ref));
    if (isRec(p.reveals)) {
      for (const [k] of entries(p.reveals)) if (k !== 'default') check.phase(['probes', i, 'reveals', k], k, true);
    }
  });
}
