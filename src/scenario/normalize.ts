/** Resolves a schema-valid, reference-checked scenario into the engine's plain types. */
import { createHash } from 'node:crypto';
import { parseCondition } from './condition';
import { parseDuration } from './duration';
import { parseMultiplier, parseQuantity } from './quantity';
import type { RawEffect, RawPhase, RawScenario } from './schema';
import type { Action, Alert, Effect, Inject, Metric, Phase, Probe, Scenario, Service, Team } from './types';

const DEFAULT_RAMP_MS = 60_000;
const DEFAULT_PROBE_MS = 30_000;

const ms = (d: string): number => {
  const v = parseDuration(d);
  if (v === undefined) throw new Error(`invariant: unchecked duration ${d}`);
  return v;
};

function effectOf(metric: string, raw: RawEffect, rampMs: number): Effect {
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

function serviceOf(s: RawService): Service {
  const metrics: Metric[] = Object.entries(s.metrics ?? {}).map(([name, m]) => {
    const base = parseQuantity(m.baseline)!;
    const noise = m.noise === undefined ? undefined : parseQuantity(m.noise);
    return { ref: `${s.id}.${name}`, service: s.id, name, ...(m.title ? { title: m.title } : {}), baseline: base.value, noise: noise?.value ?? 0, family: base.family };
  });
  return { id: s.id, title: s.title ?? s.id, owner: s.owner, metrics };
}

/** Teams listed under teams, then every service owner not listed (titled by their id). */
function teamsOf(raw: RawScenario): Team[] {
  const teamIds = new Map<string, string>();
  for (const t of raw.teams ?? []) teamIds.set(t.id, t.title ?? t.id);
  for (const s of raw.services) if (!teamIds.has(s.owner)) teamIds.set(s.owner, s.owner);
  return [...teamIds].map(([id, title]) => ({ id, title }));
}

function phaseOf(id: string, p: RawPhase): Phase {
  const rampMs = p.ramp ? ms(p.ramp) : DEFAULT_RAMP_MS;
  return {
    id,
    ...(p.description ? { description: p.description } : {}),
    ...(p.impact ? { impact: p.impact } : {}),
    after: Object.entries(p.after ?? {}).map(([d, to]) => ({ afterMs: ms(d), to })).sort((a, b) => a.afterMs - b.afterMs),
    on: Object.entries(p.on ?? {}).map(([action, t]) =>
      typeof t === 'string' ? { action, to: t, requires: [] } : { action, to: t.to, requires: t.requires ?? [] }),
    effects: Object.entries(p.effects ?? {}).map(([m, e]) => effectOf(m, e, rampMs)),
    rampMs,
    logs: (p.logs ?? []).map((l) => ({ service: l.service, level: l.level, everyMs: ms(l.every), text: l.text })),
    mitigated: p.mitigated ?? false,
    resolved: p.resolved ?? false,
    final: p.final ?? false,
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

function actionOf(a: RawAction): Action {
  return {
    id: a.id, service: a.service, title: a.title, takesMs: ms(a.takes), major: a.major ?? false,
    ...(a.result ? { result: a.result } : {}), redHerring: a.redHerring ?? false,
  };
}

function probeOf(p: RawProbe): Probe {
  return {
    id: p.id, service: p.service, title: p.title, takesMs: p.takes ? ms(p.takes) : DEFAULT_PROBE_MS,
    reveals: typeof p.reveals === 'string' ? { default: p.reveals } : p.reveals,
    shows: p.shows ?? [], logs: p.logs ?? false, clue: p.clue ?? false, redHerring: p.redHerring ?? false,
  };
}

function injectOf(i: RawInject): Inject {
  return { atMs: ms(i.at), kind: i.kind, from: i.from, text: i.text, ...(i.phase ? { phase: i.phase } : {}) };
}

/** Builds the Scenario; call only after the schema and reference layers found no errors. */
export function normalizeScenario(raw: RawScenario, text: string): Scenario {
  // Parsed before the object is built, in the order the checks have always run.
  const services = raw.services.map(serviceOf);
  const teams = teamsOf(raw);
  const phases = Object.entries(raw.phases).map(([id, p]) => phaseOf(id, p));
  const targets = targetsMsOf(raw.expects);
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
    actions: (raw.actions ?? []).map(actionOf),
    probes: (raw.probes ?? []).map(probeOf),
    injects: (raw.injects ?? []).map(injectOf).sort((a, b) => a.atMs - b.atMs),
    solution: {
      rootCause: raw.solution.rootCause, path: raw.solution.path,
      ...(raw.solution.mitigation ? { mitigation: raw.solution.mitigation } : {}),
      ...(raw.solution.notes ? { notes: raw.solution.notes } : {}),
    },
    debrief: raw.debrief ?? [],
    hash: createHash('sha256').update(text).digest('hex'),
  };
}
