/** Lint: problems in a scenario's story that the schema and references cannot see. */
import { compare } from './condition';
import { formatDuration, parseDuration } from './duration';
import type { Problem, ProblemSeverity, YamlPath } from './problem';
import type { Phase, Scenario } from './types';
import { lintV2 } from './lint-v2';
import { locate, problemAt, type YamlSource } from './yaml-source';

/** Every lint rule's code, so tests can prove each one can trip. */
export const LINT_CODES = [
  'lint/unreachable-phase', 'lint/dead-end', 'lint/no-mitigation', 'lint/timer-past-duration',
  'lint/alert-never-fires', 'lint/solution-fails', 'lint/probe-blind-phase', 'lint/clue-and-herring',
  'lint/action-changes-nothing', 'lint/inject-never-fires', 'lint/variable-unused', 'lint/no-public-name',
] as const;
export type LintCode = (typeof LINT_CODES)[number];

const byIdCache = new WeakMap<Scenario, Map<string, Phase>>();
function phasesById(scenario: Scenario): Map<string, Phase> {
  let byId = byIdCache.get(scenario);
  if (!byId) byIdCache.set(scenario, (byId = new Map(scenario.phases.map((p) => [p.id, p]))));
  return byId;
}

/** Phases reachable from a start by timers and action edges. */
export function reachablePhases(scenario: Scenario, from = scenario.initial, timersOnly = false): Set<string> {
  const byId = phasesById(scenario);
  const seen = new Set<string>([from]);
  const queue = [from];
  // An index instead of shift(): walkSolution calls this once per step, and shift() is linear.
  for (let head = 0; head < queue.length; head++) {
    const p = byId.get(queue[head]!);
    if (!p) continue;
    // v2 clock and condition edges happen without anyone acting, like timers.
    const next = [...p.after.map((e) => e.to), ...(p.at ?? []).map((e) => e.to), ...(p.when ?? []).map((e) => e.to), ...(timersOnly ? [] : p.on.map((e) => e.to))];
    for (const n of next) if (!seen.has(n)) seen.add(n), queue.push(n);
  }
  return seen;
}

/** Follows the solution path through the phase graph; returns the phases visited or the step that does nothing. */
export function walkSolution(scenario: Scenario): { visited: string[]; stuck?: { step: string; index: number; phase: string; unavailable?: readonly string[] } } {
  const byId = phasesById(scenario);
  const actions = new Map(scenario.actions.map((a) => [a.id, a]));
  const moving = new Set(scenario.phases.flatMap((p) => p.on.map((e) => e.action)));
  const done = new Set<string>();
  let current = scenario.initial;
  const visited = [current];
  for (const [index, step] of scenario.solution.path.entries()) {
    const action = actions.get(step);
    if (action) {
      // v2: an action limited to some phases can only be started there, whatever the phase's on: says.
      const allowed = (id: string) => action.phases === undefined || action.phases.includes(id);
      let hit: { id: string; edge: Phase['on'][number] } | undefined;
      let runnable = false;
      // Breadth-first through the timers from the current phase, stopping at the first phase the step moves.
      const seen = new Set<string>([current]);
      const queue = [current];
      for (let head = 0; head < queue.length && !hit; head++) {
        const id = queue[head]!;
        const phase = byId.get(id);
        runnable ||= allowed(id);
        const edge = allowed(id) ? phase?.on.find((e) => e.action === step && e.requires.every((r) => done.has(r))) : undefined;
        if (edge) hit = { id, edge };
        for (const e of [...phase?.after ?? [], ...phase?.at ?? [], ...phase?.when ?? []]) if (!seen.has(e.to)) seen.add(e.to), queue.push(e.to);
      }
      if (!hit) {
        if (!runnable) return { visited, stuck: { step, index, phase: current, unavailable: action.phases ?? [] } };
        // An action may be part of the path without moving the world (e.g. a preparatory drain).
        if (!moving.has(step)) {
          done.add(step);
          continue;
        }
        return { visited, stuck: { step, index, phase: current } };
      }
      if (hit.id !== current) visited.push(hit.id);
      current = hit.edge.to;
      visited.push(current);
    }
    done.add(step);
  }
  // Where the timers alone take the world from there counts too (a provider outage that ends by itself).
  const seenOnWalk = new Set(visited);
  for (const id of reachablePhases(scenario, current, true)) if (!seenOnWalk.has(id)) seenOnWalk.add(id), visited.push(id);
  return { visited };
}

function metricValuesIn(phase: Phase, ref: string, baseline: number): number {
  const e = phase.effects.find((x) => x.metric === ref);
  if (!e) return baseline;
  return e.kind === 'multiply' ? baseline * e.value : e.value;
}

/** v2: whether a phase leaves a metric wherever it got to (hold, add, others: hold), so no fixed value says where it is. */
function metricFloats(phase: Phase, ref: string): boolean {
  const e = phase.effects.find((x) => x.metric === ref);
  return e ? e.kind === 'hold' || e.kind === 'add' : phase.others === 'hold';
}

/** Lint findings for a normalized scenario, positioned in its source. */
export function lintProblems(scenario: Scenario, source: YamlSource): Problem[] {
  const out: Problem[] = [];
  const report = (severity: ProblemSeverity, code: LintCode, path: YamlPath, message: string, hint?: string, key = false) => {
    const pos = locate(source, path, key);
    out.push(problemAt(source.file, pos.line, pos.col, 'lint', code, message, path, hint, severity));
  };
  const reachable = reachablePhases(scenario);

  for (const p of scenario.phases) {
    if (!reachable.has(p.id)) {
      report('warning', 'lint/unreachable-phase', ['phases', p.id], `phase "${p.id}" can never be reached from "${scenario.initial}"`, 'add an after: timer or an on: action that leads here, or remove it', true);
    }
    if (!p.after.length && !p.on.length && !p.at?.length && !p.when?.length && !p.final && !p.resolved) {
      report('error', 'lint/dead-end', ['phases', p.id], `phase "${p.id}" has no way out (no after: or on:) and is not final`, 'add a transition, or mark it final: true', true);
    }
    const rawAfter = (source.value as { phases: Record<string, { after?: Record<string, string> }> }).phases[p.id]?.after ?? {};
    for (const key of Object.keys(rawAfter)) {
      const ms = parseDuration(key);
      if (ms !== undefined && ms >= scenario.durationMs) {
        report('warning', 'lint/timer-past-duration', ['phases', p.id, 'after', key], `timer of ${formatDuration(ms)} never fires within the drill's ${formatDuration(scenario.durationMs)}`, undefined, true);
      }
    }
  }
  const mitigated = scenario.phases.filter((p) => p.mitigated);
  if (!mitigated.length) {
    report('error', 'lint/no-mitigation', ['phases'], 'no phase is marked mitigated: true, so the drill can never be mitigated', undefined, true);
  } else if (!mitigated.some((p) => reachable.has(p.id))) {
    report('error', 'lint/no-mitigation', ['phases'], `no mitigated phase (${mitigated.map((p) => p.id).join(', ')}) can be reached from "${scenario.initial}"`, undefined, true);
  } else {
    const walk = walkSolution(scenario);
    if (walk.stuck?.unavailable) {
      const { step, index, phase, unavailable } = walk.stuck;
      report('warning', 'lint/solution-fails', ['solution', 'path', index], `solution step "${step}" cannot be run in phase "${phase}" or the phases its timers lead to: it is limited to ${unavailable.map((id) => `"${id}"`).join(', ')}`);
    } else if (walk.stuck) {
      report('warning', 'lint/solution-fails', ['solution', 'path', walk.stuck.index], `solution step "${walk.stuck.step}" does nothing in phase "${walk.stuck.phase}" or the phases its timers lead to`);
    } else if (!walk.visited.some((id) => mitigated.some((m) => m.id === id))) {
      report('warning', 'lint/solution-fails', ['solution', 'path'], `the solution path never reaches a mitigated phase (it ends in "${walk.visited[walk.visited.length - 1]}")`);
    }
  }
  for (const [key, ms] of Object.entries(scenario.expects.targets)) {
    if (ms !== undefined && ms > scenario.durationMs) report('warning', 'lint/timer-past-duration', ['expects', 'targets', key], `target ${key} of ${formatDuration(ms)} is past the drill's ${formatDuration(scenario.durationMs)} end`);
  }
  const herrings = new Set([...scenario.actions, ...scenario.probes].filter((x) => x.redHerring).map((x) => x.id));
  const harmful = new Set(scenario.actions.filter((a) => a.judged?.kind === 'harmful').map((a) => a.id));
  scenario.solution.path.forEach((step, i) => {
    if (herrings.has(step)) report('warning', 'lint/solution-fails', ['solution', 'path', i], `solution step "${step}" is marked redHerring; the ideal path should not need it`);
    if (harmful.has(step)) report('warning', 'lint/solution-fails', ['solution', 'path', i], `solution step "${step}" is marked harmful; the ideal path should not need it`);
  });
  scenario.injects.forEach((inj, i) => {
    if (inj.anchor === undefined && inj.atMs >= scenario.durationMs) report('warning', 'lint/timer-past-duration', ['injects', i, 'at'], `inject at ${formatDuration(inj.atMs)} comes after the drill's ${formatDuration(scenario.durationMs)} end`);
  });
  const metricByRef = new Map(scenario.services.flatMap((s) => s.metrics).map((m) => [m.ref, m]));
  scenario.alerts.forEach((a, i) => {
    const m = metricByRef.get(a.metric);
    if (!m) return;
    const fires = scenario.phases.some((p) => reachable.has(p.id) && (metricFloats(p, a.metric) || compare(metricValuesIn(p, a.metric, m.baseline), a.op, a.threshold)));
    if (!fires) report('warning', 'lint/alert-never-fires', ['alerts', i, 'when'], `alert "${a.id}" can never fire: no reachable phase takes ${a.metric} ${a.op} its threshold`);
  });
  const used = new Set(scenario.phases.flatMap((p) => p.on.flatMap((e) => [e.action, ...e.requires])));
  scenario.actions.forEach((a, i) => {
    // A red herring is meant to change nothing: it costs the time it takes. Anything else that moves no phase,
    // unlocks no transition and sets no variable (v2) is an action the author forgot to wire in.
    if (!used.has(a.id) && !a.redHerring && !a.sets?.length) {
      report('warning', 'lint/action-changes-nothing', ['actions', i, 'id'], `action "${a.id}" changes nothing: no phase's on: moves on it and no requires: names it`,
        'add it to a phase\'s on:, name it in a requires:, or mark it redHerring: true if doing nothing is the point');
    }
  });
  scenario.probes.forEach((pr, i) => {
    if (pr.clue && pr.redHerring) report('error', 'lint/clue-and-herring', ['probes', i], `probe "${pr.id}" is marked both clue and redHerring`);
    if (pr.cases) {
      if (pr.cases.every((c) => c.if)) report('warning', 'lint/probe-blind-phase', ['probes', i, 'reveals'], `probe "${pr.id}" shows nothing when none of its cases holds`, 'end the list with a case without if:');
    } else if (pr.reveals.default === undefined) {
      const blind = scenario.phases.filter((p) => reachable.has(p.id) && pr.reveals[p.id] === undefined).map((p) => p.id);
      if (blind.length) report('warning', 'lint/probe-blind-phase', ['probes', i, 'reveals'], `probe "${pr.id}" shows nothing in phase${blind.length > 1 ? 's' : ''} ${blind.join(', ')}`, 'add a default: text');
    }
  });
  if (scenario.version === 2) out.push(...lintV2(scenario, source, reachable));
  return out;
}
