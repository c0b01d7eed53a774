/** Format versions: which keys and value forms only firedrill/v2 has, and the errors a v1 file using them gets. */
import type { Problem, YamlPath } from './problem';
import { entries, isRec, list, type Rec } from './raw-data';
import { locate, problemAt, type YamlSource } from './yaml-source';

export const SCHEMA_V2 = 'firedrill/v2';

const KEYS_V2: readonly [pattern: readonly (string | null)[], keys: readonly string[]][] = [
  [[], ['variables', 'clock']],
  [['services', null], ['public']],
  [['services', null, 'metrics', null], ['unit', 'label']],
  [['phases', null], ['at', 'when', 'sets', 'others', 'worse']],
  [['phases', null, 'on', null], ['if', 'chance']],
  [['phases', null, 'after', null], ['to', 'if', 'chance', 'jitter']],
  [['phases', null, 'effects', null], ['add', 'every']],
  [['actions', null], ['sets', 'phases', 'unavailable', 'harmful', 'weight', 'why']],
  [['injects', null], ['after', 'since', 'phases', 'if', 'sets', 'jitter', 'id', 'answers', 'expected']],
];

const matches = (pattern: readonly (string | null)[], path: YamlPath): boolean =>
  pattern.length === path.length && pattern.every((p, i) => p === null || p === path[i]);

/** The keys of the mapping at `path` that only format v2 allows (for a v1 file's did-you-mean hints). */
export function v2OnlyKeys(path: YamlPath): readonly string[] {
  return KEYS_V2.filter(([pattern]) => matches(pattern, path)).flatMap(([, keys]) => keys);
}

/** Whether the raw file declares format v2. */
export function isV2(raw: unknown): boolean {
  return isRec(raw) && raw.schema === SCHEMA_V2;
}

/** Every v2 key or value form in a file that says schema: firedrill/v1, each an error at its line and column. */
export function versionProblems(source: YamlSource): Problem[] {
  const raw = source.value as Rec;
  if (raw.schema !== 'firedrill/v1') return [];
  const out: Problem[] = [];
  const needs = (path: YamlPath, what: string, key = true) => {
    const pos = locate(source, path, key);
    out.push(problemAt(source.file, pos.line, pos.col, 'schema', 'schema/needs-newer-schema', `${what} needs schema: ${SCHEMA_V2}`, path,
      `this file says schema: firedrill/v1; change it to schema: ${SCHEMA_V2} to use format v2`));
  };
  const keysAt = (value: unknown, path: YamlPath) => {
    if (!isRec(value)) return;
    for (const k of v2OnlyKeys(path)) if (Object.hasOwn(value, k)) needs([...path, k], `"${k}"`);
  };
  keysAt(raw, []);
  list(raw.services).forEach((svc, i) => {
    keysAt(svc, ['services', i]);
    if (isRec(svc)) for (const [name, m] of entries(svc.metrics)) keysAt(m, ['services', i, 'metrics', name]);
  });
  for (const [pid, phase] of entries(raw.phases)) {
    if (!isRec(phase)) continue;
    keysAt(phase, ['phases', pid]);
    for (const [action, t] of entries(phase.on)) keysAt(t, ['phases', pid, 'on', action]);
    for (const [delay, t] of entries(phase.after)) if (isRec(t)) needs(['phases', pid, 'after', delay], 'a timer written as { to: ... }', false);
    for (const [ref, e] of entries(phase.effects)) {
      if (e === 'hold') needs(['phases', pid, 'effects', ref], 'the effect "hold"', false);
      else keysAt(e, ['phases', pid, 'effects', ref]);
    }
  }
  list(raw.actions).forEach((a, i) => {
    keysAt(a, ['actions', i]);
    if (isRec(a) && Array.isArray(a.result)) needs(['actions', i, 'result'], 'a result written as a list of cases', false);
  });
  list(raw.probes).forEach((p, i) => {
    if (isRec(p) && Array.isArray(p.reveals)) needs(['probes', i, 'reveals'], 'reveals written as a list of cases', false);
  });
  list(raw.injects).forEach((inj, i) => keysAt(inj, ['injects', i]));
  return out;
}
