/** Lint for format v2: injects that can be known in advance never to happen, late clock edges, variables nothing reads. */
import { formatDuration, parseDuration } from './duration';
import { operandsOf } from './expression';
import type { LintCode } from './lint';
import type { Problem, ProblemSeverity, YamlPath } from './problem';
import type { Condition, Scenario } from './types';
import { locate, problemAt, type YamlSource } from './yaml-source';

/** Every condition a scenario holds. */
function conditionsOf(s: Scenario): Condition[] {
  const out: Condition[] = [];
  const add = (c: Condition | undefined) => c && out.push(c);
  for (const p of s.phases) {
    for (const e of [...p.after, ...p.on, ...p.at ?? []]) add(e.if);
    for (const e of p.when ?? []) add(e.when);
  }
  for (const a of s.actions) for (const c of a.results ?? []) add(c.if);
  for (const pr of s.probes) for (const c of pr.cases ?? []) add(c.if);
  for (const i of s.injects) add(i.if);
  return out;
}

/** v2 lint findings, positioned in the source. */
export function lintV2(scenario: Scenario, source: YamlSource, reachable: ReadonlySet<string>): Problem[] {
  const out: Problem[] = [];
  const report = (severity: ProblemSeverity, code: LintCode, path: YamlPath, message: string, hint?: string, key = false) => {
    const pos = locate(source, path, key);
    out.push(problemAt(source.file, pos.line, pos.col, 'lint', code, message, path, hint, severity));
  };
  const end = formatDuration(scenario.durationMs);
  const mitigable = scenario.phases.some((p) => p.mitigated && reachable.has(p.id));
  scenario.injects.forEach((inj, i) => {
    const phases = inj.phases ?? (inj.phase ? [inj.phase] : []);
    if (phases.length && !phases.some((p) => reachable.has(p))) {
      report('warning', 'lint/inject-never-fires', ['injects', i, inj.phases ? 'phases' : 'phase'], `inject ${inj.id ?? i} can never happen: the world never reaches ${phases.map((p) => `"${p}"`).join(' or ')}`);
    }
    const a = inj.anchor;
    if (a?.kind === 'phase' && !reachable.has(a.phase)) {
      report('warning', 'lint/inject-never-fires', ['injects', i, 'since'], `inject ${inj.id ?? i} can never happen: it counts from phase "${a.phase}", which the world never reaches`);
    } else if (a?.kind === 'mitigation' && !mitigable) {
      report('warning', 'lint/inject-never-fires', ['injects', i, 'since'], `inject ${inj.id ?? i} can never happen: no mitigated phase can be reached`);
    }
    if (a && a.kind !== 'start' && inj.atMs >= scenario.durationMs) {
      report('warning', 'lint/inject-never-fires', ['injects', i, 'after'], `inject ${inj.id ?? i} can never happen: ${formatDuration(inj.atMs)} after its anchor is past the drill's ${end} end`);
    }
  });
  for (const p of scenario.phases) {
    for (const e of p.at ?? []) {
      if (e.atMs >= scenario.durationMs) {
        const key = Object.keys((source.value as { phases: Record<string, { at?: Record<string, unknown> }> }).phases[p.id]?.at ?? {}).find((k) => k.length && e.atMs === parseDuration(k));
        report('warning', 'lint/timer-past-duration', ['phases', p.id, 'at', ...(key ? [key] : [])], `clock edge at ${formatDuration(e.atMs)} never fires within the drill's ${end}`, undefined, true);
      }
    }
  }
  const tested = new Set(conditionsOf(scenario).flatMap((c) => operandsOf(c.expr)).flatMap((n) => (n.operand.kind === 'variable' ? [n.operand.name] : [])));
  for (const v of scenario.variables ?? []) {
    if (!tested.has(v.name)) {
      report('warning', 'lint/variable-unused', ['variables', v.name], `variable "${v.name}" is never tested by a condition, so setting it changes nothing`, 'test it in a when:, if: or case, or remove it', true);
    }
  }
  // v2 customer updates name services by their public names and say "our service" without one: a liaison seat
  // whose updates can never name what customers use is most likely a name the author forgot.
  if (scenario.roles.includes('customer-liaison') && !scenario.services.some((x) => x.publicName !== undefined)) {
    report('warning', 'lint/no-public-name', ['roles'], 'the customer liaison\'s updates can only say "our service": no service has a public name',
      'give each service customers know a public: name, e.g. public: Checkout');
  }
  return out;
}
