/** Resolves a schema-valid, reference-checked scenario into the engine's plain types. */
import { createHash } from 'node:crypto';
import { parseCondition } from './condition';
import { parseDuration } from './duration';
import { parseExpression } from './expression';
import { parseMultiplier, parseQuantity, writtenUnit, type DisplayUnit } from './quantity';
import { parseStoryClock } from './story-clock';
import { DEFAULT_WEIGHT } from './judgement';
import type { RawConditionTransition, RawEffect, RawPhase, RawScenario, RawTimedTransition, RawTransition } from './schema';
import type {
  Action, Alert, ClockEdge, Condition, ConditionEdge, Effect, EdgeTerms, Inject, InjectAnchor, Metric, Phase, Probe, Scenario, Service, Team, TextCase,
  TimerEdge, Variable, VariableChange,
} from './types';

const DEFAULT_RAMP_MS = 60_000;
const DEFAULT_PROBE_MS = 30_000;

const ms = (d: string): number => {
  const v = parseDuration(d);
  if (v === undefined) throw new Error(`invariant: unchecked duration ${d}`);
  return v;
};

/** A condition the reference layer has checked, parsed. */
export function conditionOf(text: string): Condition {
  const expr = parseExpression(text);
  if ('error' in expr) throw new Error(`invariant: unchecked condition ${text}`);
  return { text, expr };
}

/** v2 edge terms (`if`, `chance`) present in a raw transition, spread into an edge. */
function termsOf(raw: { if?: string; chance?: number }): EdgeTerms {
  return { ...(raw.if !== undefined ? { if: conditionOf(raw.if) } : {}), ...(raw.chance !== undefined ? { chance: raw.chance } : {}) };
}

function timedOf(raw: RawTimedTransition): { to: string; jitterMs?: number } & EdgeTerms {
  if (typeof raw === 'string') return { to: raw };
  return { to: raw.to, ...termsOf(raw), ...(raw.jitter !== undefined ? { jitterMs: ms(raw.jitter) } : {}) };
}

type RawSets = Readonly<Record<string, number | boolean | { add: number; every?: string }>>;
function changesOf(raw: RawSets | undefined): VariableChange[] {
  return Object.entries(raw ?? {}).map(([name, v]): VariableChange => (typeof v === 'object'
    ? { name, kind: 'add', value: v.add, ...(v.every !== undefined ? { everyMs: ms(v.every) } : {}) }
    : { name, kind: 'set', value: v }));
}

function casesOf(raw: readonly { if?: string; text: string }[]): TextCase[] {
  return raw.map((c) => ({ ...(c.if !== undefined ? { if: conditionOf(c.if) } : {}), text: c.text }));
}

function effectOf(metric: string, raw: RawEffect, rampMs: number): Effect {
  if (raw === 'hold') return { metric, kind: 'hold', value: 0, overMs: 0 };
  if (typeof raw === 'object' && 'add' in raw) {
    const add = parseQuantity(raw.add);
    if (!add) throw new Error(`invariant: unchecked quantity ${String(raw.add)}`);
    return { metric, kind: 'add', value: add.value, overMs: raw.over ? ms(raw.over) : rampMs, ...(raw.every ? { everyMs: ms(raw.every) } : {}) };
  }
  const value = typeof raw === 'object' ? raw.to : raw;
  const overMs = typeof raw === 'object' && raw.over ? ms(raw.over) : rampMs;
  const mult = parseMultiplier(value);
  if (mult !== undefined) return { metric, kind: 'multiply', value: mult, overMs };
  const q = parseQuantity(value);
  if (!q) throw new Error(`invariant: unchecked quantity ${String(value)}`);
  return { metric, kind: 'set', value: q.value, overMs };
}

type RawService = RawScenario['services'][number];
type RawAlert = NonNullable<RawScenario['alerts']>[number];
type RawAction = NonNullable<RawScenario['actions']>[number];
type RawProbe = NonNullable<RawScenario['probes']>[number];
type RawInject = NonNullable<RawScenario['injects']>[number];
type TargetsMs = Partial<Record<keyof NonNullable<RawScenario['expects']['targets']>, number>>;

/**
 * v2: the unit a metric is shown in. `unit:` when given; else a rate keeps the unit its baseline was written in
 * (600/min shows per minute), and other families their usual automatic unit (ms or s, MB or GB), as in v1.
 */
function displayUnitOf(m: NonNullable<RawService['metrics']>[string]): DisplayUnit | undefined {
  if (m.unit !== undefined) return m.unit;
  const written = writtenUnit(m.baseline);
  return written === 'rps' || written === '/s' || written === '/min' ? written : undefined;
}

function serviceOf(s: RawService, v2: boolean): Service {
  const metrics: Metric[] = Object.entries(s.metrics ?? {}).map(([name, m]) => {
    const base = parseQuantity(m.baseline)!;
    const noise = m.noise === undefined ? undefined : parseQuantity(m.noise);
    const unit = v2 ? displayUnitOf(m) : undefined;
    return {
      ref: `${s.id}.${name}`, service: s.id, name, ...(m.title ? { title: m.title } : {}), baseline: base.value, noise: noise?.value ?? 0, family: base.family,
      ...(unit !== undefined ? { unit } : {}), ...(m.label !== undefined ? { label: m.label } : {}),
      ...(v2 && base.family === 'count' && Number.isInteger(base.value) ? { whole: true } : {}),
    };
  });
  return { id: s.id, title: s.title ?? s.id, owner: s.owner, metrics, ...(s.public !== undefined ? { publicName: s.public } : {}) };
}

/** Teams listed under teams, then every service owner not listed (titled by their id). */
function teamsOf(raw: RawScenario): Team[] {
  const teamIds = new Map<string, string>();
  for (const t of raw.teams ?? []) teamIds.set(t.id, t.title ?? t.id);
  for (const s of raw.services) if (!teamIds.has(s.owner)) teamIds.set(s.owner, s.owner);
  return [...teamIds].map(([id, title]) => ({ id, title }));
}

function actionEdgeOf(action: string, t: RawTransition) {
  return typeof t === 'string' ? { action, to: t, requires: [] } : { action, to: t.to, requires: t.requires ?? [], ...termsOf(t) };
}

/** The v2 keys of a phase, only those present (a v1 phase gets none, so its object is as it always was). */
function phaseV2(p: RawPhase): Partial<Pick<Phase, 'at' | 'when' | 'sets' | 'others' | 'worse'>> {
  const at: ClockEdge[] = Object.entries(p.at ?? {}).map(([d, t]) => ({ atMs: ms(d), ...timedOf(t) })).sort((a, b) => a.atMs - b.atMs);
  const when: ConditionEdge[] = Object.entries(p.when ?? {}).map(([c, t]: [string, RawConditionTransition]) => (typeof t === 'string'
    ? { when: conditionOf(c), to: t }
    : { when: conditionOf(c), to: t.to, ...(t.chance !== undefined ? { chance: t.chance } : {}) }));
  return {
    ...(at.length ? { at } : {}), ...(when.length ? { when } : {}),
    ...(p.sets ? { sets: changesOf(p.sets) } : {}), ...(p.others ? { others: p.others } : {}),
    ...(p.worse ? { worse: true } : {}),
  };
}

function phaseOf(id: string, p: RawPhase): Phase {
  const rampMs = p.ramp ? ms(p.ramp) : DEFAULT_RAMP_MS;
  return {
    id,
    ...(p.description ? { description: p.description } : {}),
    ...(p.impact ? { impact: p.impact } : {}),
    after: Object.entries(p.after ?? {}).map(([d, t]): TimerEdge => ({ afterMs: ms(d), ...timedOf(t) })).sort((a, b) => a.afterMs - b.afterMs),
    on: Object.entries(p.on ?? {}).map(([action, t]) => actionEdgeOf(action, t)),
    effects: Object.entries(p.effects ?? {}).map(([m, e]) => effectOf(m, e, rampMs)),
    rampMs,
    logs: (p.logs ?? []).map((l) => ({ service: l.service, level: l.level, everyMs: ms(l.every), text: l.text })),
    mitigated: p.mitigated ?? false,
    resolved: p.resolved ?? false,
    final: p.final ?? false,
    ...phaseV2(p),
  };
}

function targetsMsOf(raw: RawScenario['expects']): TargetsMs {
  const targets: TargetsMs = {};
  for (const [k, v] of Object.entries(raw.targets ?? {})) if (v) targets[k as keyof TargetsMs] = ms(v);
  return targets;
}

function alertOf(a: RawAlert): Alert {
  const c = parseCondition(a.when);
  if ('error' in c) throw new Error(`invariant: unchecked condition ${a.when}`);
  return {
    id: a.id, title: a.title ?? a.id, metric: `${c.service}.${c.metric}`, op: c.op, threshold: c.threshold.value,
    forMs: c.forMs, pages: a.pages, urgency: a.urgency ?? 'high', ...(a.runbook ? { runbook: a.runbook } : {}),
  };
}

/** v2: an action marked harmful or redHerring, with its weight (the default for its kind when not given). */
function judgedOf(a: RawAction): Pick<Action, 'judged'> {
  const kind = a.harmful === true ? 'harmful' : a.redHerring === true ? 'red-herring' : undefined;
  return kind ? { judged: { kind, weight: a.weight ?? DEFAULT_WEIGHT[kind], ...(a.why ? { why: a.why } : {}) } } : {};
}

function actionOf(a: RawAction, v2: boolean): Action {
  return {
    id: a.id, service: a.service, title: a.title, takesMs: ms(a.takes), major: a.major ?? false,
    ...(typeof a.result === 'string' ? { result: a.result } : {}), redHerring: a.redHerring ?? false,
    ...(Array.isArray(a.result) ? { results: casesOf(a.result) } : {}),
    ...(a.sets ? { sets: changesOf(a.sets) } : {}),
    ...(a.phases ? { phases: a.phases } : {}),
    ...(a.unavailable ? { unavailable: a.unavailable } : {}),
    ...(v2 ? judgedOf(a) : {}),
  };
}

function probeOf(p: RawProbe): Probe {
  const cases = Array.isArray(p.reveals) ? casesOf(p.reveals) : undefined;
  return {
    id: p.id, service: p.service, title: p.title, takesMs: p.takes ? ms(p.takes) : DEFAULT_PROBE_MS,
    reveals: typeof p.reveals === 'string' ? { default: p.reveals } : Array.isArray(p.reveals) ? {} : p.reveals,
    shows: p.shows ?? [], logs: p.logs ?? false, clue: p.clue ?? false, redHerring: p.redHerring ?? false,
    ...(cases ? { cases } : {}),
  };
}

function anchorOf(since: string | undefined): InjectAnchor | undefined {
  if (since === undefined) return undefined;
  return since === 'mitigation' ? { kind: 'mitigation' } : { kind: 'phase', phase: since.slice('phase:'.length) };
}

function injectOf(i: RawInject): Inject {
  const anchor = anchorOf(i.since);
  return {
    atMs: ms(i.at ?? i.after ?? '0s'), kind: i.kind, from: i.from, text: i.text, ...(i.phase ? { phase: i.phase } : {}),
    ...(anchor ? { anchor } : {}),
    ...(i.phases ? { phases: i.phases } : {}),
    ...(i.if !== undefined ? { if: conditionOf(i.if) } : {}),
    ...(i.sets ? { sets: changesOf(i.sets) } : {}),
    ...(i.jitter !== undefined ? { jitterMs: ms(i.jitter) } : {}),
    ...(i.id !== undefined ? { id: i.id } : {}),
    ...(i.answers ? { answers: i.answers } : {}),
    ...(i.expected !== undefined ? { expected: i.expected } : {}),
  };
}

function variablesOf(raw: RawScenario): Variable[] {
  return Object.entries(raw.variables ?? {}).map(([name, initial]) => ({ name, initial }));
}

/** Builds the Scenario; call only after the schema and reference layers found no errors. */
export function normalizeScenario(raw: RawScenario, text: string): Scenario {
  // Parsed before the object is built, in the order the checks have always run.
  const v2 = raw.schema === 'firedrill/v2';
  const services = raw.services.map((s) => serviceOf(s, v2));
  const teams = teamsOf(raw);
  const phases = Object.entries(raw.phases).map(([id, p]) => phaseOf(id, p));
  const targets = targetsMsOf(raw.expects);
  const clockMs = raw.clock === undefined ? undefined : parseStoryClock(raw.clock);
  return {
    id: raw.id,
    title: raw.title,
    ...(raw.summary ? { summary: raw.summary } : {}),
    difficulty: raw.difficulty,
    tags: raw.tags ?? [],
    durationMs: ms(raw.duration),
    roles: raw.roles ?? ['ic', 'scribe'],
    expects: {
      severity: raw.expects.severity,
      targets,
      ...(raw.expects.statusEvery ? { statusEveryMs: ms(raw.expects.statusEvery) } : {}),
      ...(raw.expects.externalEvery ? { externalEveryMs: ms(raw.expects.externalEvery) } : {}),
    },
    teams,
    services,
    alerts: (raw.alerts ?? []).map(alertOf),
    initial: raw.initial ?? Object.keys(raw.phases)[0]!,
    phases,
    actions: (raw.actions ?? []).map((a) => actionOf(a, v2)),
    probes: (raw.probes ?? []).map(probeOf),
    // v1 injects come due in time order and are numbered so; v2 injects keep the file's order (their times count
    // from different anchors), so an inject's index is its place in the file.
    injects: v2 ? (raw.injects ?? []).map(injectOf) : (raw.injects ?? []).map(injectOf).sort((a, b) => a.atMs - b.atMs),
    solution: {
      rootCause: raw.solution.rootCause, path: raw.solution.path,
      ...(raw.solution.mitigation ? { mitigation: raw.solution.mitigation } : {}),
      ...(raw.solution.notes ? { notes: raw.solution.notes } : {}),
    },
    debrief: raw.debrief ?? [],
    ...(v2 ? { version: 2 as const, variables: variablesOf(raw) } : {}),
    ...(clockMs !== undefined ? { clockMs } : {}),
    hash: createHash('sha256').update(text).digest('hex'),
  };
}
