/** Resolves a schema-valid, reference-checked scenario into the engine's plain types. */
import { createHash } from 'node:crypto';
import { parseCondition } from './condition';
import { parseDuration } from './duration';
import { parseMultiplier, parseQuantity } from './quantity';
import type { RawEffect, RawScenario } from './schema';
import type { Effect, Metric, Phase, Scenario } from './types';

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

/** Builds the Scenario; call only after the schema and reference layers found no errors. */
export function normalizeScenario(raw: RawScenario, text: string): Scenario {
  const services = raw.services.map((s) => {
    const metrics: Metric[] = Object.entries(s.metrics ?? {}).map(([name, m]) => {
      const base = parseQuantity(m.baseline)!;
      const noise = m.noise === undefined ? undefined : parseQuantity(m.noise);
      return { ref: `${s.id}.${name}`, service: s.id, name, ...(m.title ? { title: m.title } : {}), baseline: base.value, noise: noise?.value ?? 0, family: base.family };
    });
    return { id: s.id, title: s.title ?? s.id, owner: s.owner, metrics };
  });
  const teamIds = new Map<string, string>();
  for (const t of raw.teams ?? []) teamIds.set(t.id, t.title ?? t.id);
  for (const s of raw.services) if (!teamIds.has(s.owner)) teamIds.set(s.owner, s.owner);

  const phaseIds = Object.keys(raw.phases);
  const phases: Phase[] = Object.entries(raw.phases).map(([id, p]) => {
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
  });

  const targets: Partial<Record<keyof NonNullable<RawScenario['expects']['targets']>, number>> = {};
  for (const [k, v] of Object.entries(raw.expects.targets ?? {})) if (v) targets[k as keyof typeof targets] = ms(v);

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
    teams: [...teamIds].map(([id, title]) => ({ id, title })),
    services,
    alerts: (raw.alerts ?? []).map((a) => {
      const c = parseCondition(a.when);
      if ('error' in c) throw new Error(`invariant: unchecked condition ${a.when}`);
      return {
        id: a.id, title: a.title ?? a.id, metric: `${c.service}.${c.metric}`, op: c.op, threshold: c.threshold.value,
        forMs: c.forMs, pages: a.pages, urgency: a.urgency ?? 'high', ...(a.runbook ? { runbook: a.runbook } : {}),
      };
    }),
    initial: raw.initial ?? phaseIds[0]!,
    phases,
    actions: (raw.actions ?? []).map((a) => ({
      id: a.id, service: a.service, title: a.title, takesMs: ms(a.takes), major: a.major ?? false,
      ...(a.result ? { result: a.result } : {}), redHerring: a.redHerring ?? false,
    })),
    probes: (raw.probes ?? []).map((p) => ({
      id: p.id, service: p.service, title: p.title, takesMs: p.takes ? ms(p.takes) : DEFAULT_PROBE_MS,
      reveals: typeof p.reveals === 'string' ? { default: p.reveals } : p.reveals,
      shows: p.shows ?? [], logs: p.logs ?? false, clue: p.clue ?? false, redHerring: p.redHerring ?? false,
    })),
    injects: (raw.injects ?? []).map((i) => ({ atMs: ms(i.at), kind: i.kind, from: i.from, text: i.text, ...(i.phase ? { phase: i.phase } : {}) }))
      .sort((a, b) => a.atMs - b.atMs),
    solution: {
      rootCause: raw.solution.rootCause, path: raw.solution.path,
      ...(raw.solution.mitigation ? { mitigation: raw.solution.mitigation } : {}),
      ...(raw.solution.notes ? { notes: raw.solution.notes } : {}),
    },
    debrief: raw.debrief ?? [],
    hash: createHash('sha256').update(text).digest('hex'),
  };
}
