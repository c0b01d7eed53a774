/**
 * Every time target and cadence a drill is judged by, resolved once: the scenario's `expects` where it
 * sets one, else the process default. Metrics, rules and bots all read these, so the same screen never
 * shows a metric met and a rule broken for the same interval.
 */
import type { Scenario, TargetKey } from './types';

const MIN = 60_000;

export interface Targets extends Readonly<Record<TargetKey, number>> {
  /** The longest gap between IC status updates. */
  readonly statusEvery: number;
  /** The longest gap between external posts. */
  readonly externalEvery: number;
}

const cache = new WeakMap<Scenario['expects'], Targets>();

/** The targets and cadences a drill of this scenario is held to. */
export function targetsOf(scenario: Pick<Scenario, 'expects' | 'durationMs'>): Targets {
  const hit = cache.get(scenario.expects);
  if (hit) return hit;
  const t = scenario.expects.targets;
  const statusEvery = scenario.expects.statusEveryMs ?? 10 * MIN;
  // Process defaults (incident-process.md §1.2–§4; [drill proposal] where the docs give no number).
  const out: Targets = {
    acknowledge: t.acknowledge ?? 5 * MIN,
    trigger: t.trigger ?? 5 * MIN,
    command: t.command ?? 5 * MIN,
    assemble: t.assemble ?? 10 * MIN,
    severity: t.severity ?? 5 * MIN,
    firstStatus: t.firstStatus ?? statusEvery,
    mitigate: t.mitigate ?? Math.round(scenario.durationMs * 0.6),
    resolve: t.resolve ?? Math.round(scenario.durationMs * 0.85),
    firstExternal: t.firstExternal ?? 5 * MIN,
    statusEvery,
    externalEvery: scenario.expects.externalEveryMs ?? 20 * MIN,
  };
  cache.set(scenario.expects, out);
  return out;
}
