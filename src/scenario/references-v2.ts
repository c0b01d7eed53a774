/**
 * Reference checks of format v2: variables set and tested exist and get values of their kind, conditions parse and
 * name what exists (errors point at the character in the condition), anchors, phase lists and questions are sound.
 */
import { unknownNameHint } from './did-you-mean';
import type { DeclaredNames } from './declared-names';
import { parseExpression } from './expression';
import { checkExpression, type ConditionNames, type VariableKind } from './expression-check';
import type { NameChecks } from './name-checks';
import type { YamlPath } from './problem';
import { entries, isRec, list, str, type Rec } from './raw-data';
import type { ReferenceReport } from './reference-report';
import { isV2 } from './version-keys';
import { locate, problemAt, type YamlSource } from './yaml-source';

interface Scope {
  readonly source: YamlSource;
  readonly raw: Rec;
  readonly r: ReferenceReport;
  readonly check: NameChecks;
  readonly names: ConditionNames;
}

/** The variables a v2 file declares, with their kinds (a malformed start value gives no kind; the schema reports it). */
export function declaredVariables(raw: Rec): Map<string, VariableKind> {
  const out = new Map<string, VariableKind>();
  for (const [name, v] of entries(raw.variables)) {
    if (typeof v === 'number') out.set(name, 'number');
    else if (typeof v === 'boolean') out.set(name, 'flag');
  }
  return out;
}

/** Question injects with ids, and their fixed answers (if any). */
function declaredQuestions(raw: Rec): Map<string, readonly string[] | undefined> {
  const out = new Map<string, readonly string[] | undefined>();
  for (const inj of list(raw.injects)) {
    if (!isRec(inj) || inj.kind !== 'question') continue;
    const id = str(inj.id);
    if (id !== undefined && !out.has(id)) out.set(id, Array.isArray(inj.answers) ? inj.answers.filter((a): a is string => typeof a === 'string') : undefined);
  }
  return out;
}

/** Where character `at` of the string at `path` (its key when `key`) is, for a single-line scalar; else the scalar's start. */
function positionIn(source: YamlSource, path: YamlPath, at: number, key: boolean): { line: number; col: number } {
  const start = locate(source, path, key);
  const base = (source.lines.lineStarts[start.line - 1] ?? 0) + start.col - 1;
  const quoted = source.text[base] === '"' || source.text[base] === "'";
  const offset = base + (quoted ? 1 : 0) + at;
  if (offset > source.text.length || source.text.slice(base, offset).includes('\n')) return start;
  return source.lines.linePos(offset);
}

/** Parses and checks one condition, reporting each problem at its character. */
function checkCondition(scope: Scope, path: YamlPath, text: unknown, key = false): void {
  if (typeof text !== 'string') return;
  const { source, r } = scope;
  const report = (at: number, message: string, hint?: string) => {
    const pos = positionIn(source, path, at, key);
    r.problems.push(problemAt(source.file, pos.line, pos.col, 'reference', 'ref/bad-condition', message, path, hint));
  };
  const expr = parseExpression(text);
  if ('error' in expr) {
    report(expr.at, `cannot read condition "${text}": ${expr.error}`);
    return;
  }
  for (const p of checkExpression(expr, scope.names)) report(p.at, p.message, p.hint);
}

/** A sets: mapping names declared variables and gives each a value of its kind. */
function checkSets(scope: Scope, path: YamlPath, sets: unknown): void {
  const { r, names } = scope;
  for (const [name, value] of entries(sets)) {
    const kind = names.variables.get(name);
    if (kind === undefined) {
      const valid = [...names.variables.keys()];
      r.report([...path, name], 'ref/unknown-variable', `unknown variable "${name}"`,
        valid.length ? unknownNameHint(name, valid, 'variables') : `declare it under variables: (e.g. variables: { ${name}: 0 })`, true);
      continue;
    }
    const isFlag = typeof value === 'boolean';
    if (kind === 'flag' && !isFlag) r.report([...path, name], 'ref/variable-kind', `"${name}" is a flag: set it to true or false`, undefined, true);
    if (kind === 'number' && isFlag) r.report([...path, name], 'ref/variable-kind', `"${name}" is a number: set it to a number or { add: N }`, undefined, true);
  }
}

/** A transition target written as a phase id or { to: phase }. */
function targetOf(t: unknown): unknown {
  return isRec(t) ? t.to : t;
}

function checkPhases(scope: Scope): void {
  const { raw, check } = scope;
  for (const [pid, phase] of entries(raw.phases)) {
    if (!isRec(phase)) continue;
    const at = ['phases', pid];
    for (const [delay, t] of entries(phase.after)) {
      if (!isRec(t)) continue;
      check.phase([...at, 'after', delay, 'to'], t.to);
      checkCondition(scope, [...at, 'after', delay, 'if'], t.if);
    }
    for (const [time, t] of entries(phase.at)) {
      check.phase(isRec(t) ? [...at, 'at', time, 'to'] : [...at, 'at', time], targetOf(t));
      if (isRec(t)) checkCondition(scope, [...at, 'at', time, 'if'], t.if);
    }
    for (const [cond, t] of entries(phase.when)) {
      checkCondition(scope, [...at, 'when', cond], cond, true);
      check.phase(isRec(t) ? [...at, 'when', cond, 'to'] : [...at, 'when', cond], targetOf(t));
    }
    for (const [action, t] of entries(phase.on)) if (isRec(t)) checkCondition(scope, [...at, 'on', action, 'if'], t.if);
    checkSets(scope, [...at, 'sets'], phase.sets);
    for (const [ref, e] of entries(phase.effects)) {
      if (!isRec(e) || e.add === undefined) continue;
      check.family([...at, 'effects', ref, 'add'], ref, scope.names.metrics.get(ref), e.add);
    }
  }
}

function checkActionsAndProbes(scope: Scope): void {
  const { raw, check } = scope;
  list(raw.actions).forEach((a, i) => {
    if (!isRec(a)) return;
    list(a.phases).forEach((p, j) => check.phase(['actions', i, 'phases', j], p));
    checkSets(scope, ['actions', i, 'sets'], a.sets);
    list(a.result).forEach((c, j) => isRec(c) && checkCondition(scope, ['actions', i, 'result', j, 'if'], c.if));
  });
  list(raw.probes).forEach((p, i) => {
    if (!isRec(p)) return;
    list(p.reveals).forEach((c, j) => isRec(c) && checkCondition(scope, ['probes', i, 'reveals', j, 'if'], c.if));
  });
}

function checkInjects(scope: Scope): void {
  const { raw, r, check } = scope;
  const ids = new Map<string, number>();
  list(raw.injects).forEach((inj, i) => {
    if (!isRec(inj)) return;
    const at = ['injects', i];
    const id = str(inj.id);
    if (id !== undefined) {
      if (ids.has(id)) r.report([...at, 'id'], 'ref/duplicate-id', `duplicate inject id "${id}" (first used at injects[${ids.get(id)}])`);
      else ids.set(id, i);
    }
    const since = str(inj.since);
    if (since?.startsWith('phase:')) check.phase([...at, 'since'], since.slice('phase:'.length));
    list(inj.phases).forEach((p, j) => check.phase([...at, 'phases', j], p));
    checkCondition(scope, [...at, 'if'], inj.if);
    checkSets(scope, [...at, 'sets'], inj.sets);
    const question = inj.kind === 'question';
    for (const k of ['answers', 'expected'] as const) {
      if (inj[k] !== undefined && !question) r.report([...at, k], 'ref/not-a-question', `only injects of kind question take ${k}:`, undefined, true);
    }
    if (question && (inj.answers !== undefined || inj.expected !== undefined) && id === undefined) {
      r.report(at, 'ref/question-needs-id', 'a question with answers: or expected: needs an id: so players can answer it (/answer ID yes)');
    }
    const answers = list(inj.answers).filter((a): a is string => typeof a === 'string');
    const expected = str(inj.expected);
    if (question && expected !== undefined && answers.length && !answers.some((a) => a.toLowerCase() === expected.toLowerCase())) {
      r.report([...at, 'expected'], 'ref/unknown-answer', `"${expected}" is not one of the answers`, `its answers: ${answers.join(', ')}`);
    }
  });
}

/** Every v2 reference problem of a file that says schema: firedrill/v2 (none for v1 files). */
export function referenceProblemsV2(source: YamlSource, names: DeclaredNames, r: ReferenceReport, check: NameChecks): void {
  const raw = source.value as Rec;
  if (!isV2(raw)) return;
  const scope: Scope = {
    source, raw, r, check,
    names: {
      variables: declaredVariables(raw), phases: names.phases, services: new Set(names.services.keys()), metrics: names.metrics,
      questions: declaredQuestions(raw),
    },
  };
  for (const [name] of entries(raw.variables)) {
    if (RESERVED.has(name)) r.report(['variables', name], 'ref/reserved-name', `"${name}" is a word of the condition language, so a variable cannot be called that`, 'give it another name', true);
  }
  checkPhases(scope);
  checkActionsAndProbes(scope);
  checkInjects(scope);
}

/** Words conditions read themselves: a variable with one of these names could never be tested. */
const RESERVED = new Set(['phase', 'answer', 'and', 'or', 'not', 'in', 'true', 'false']);
