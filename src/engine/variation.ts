/**
 * Seeded variation of format v2: jittered times are drawn once, at the start of the drill, in a fixed order (injects
 * in file order, then each phase's timers and clock edges in file order), from a stream of their own. A v1 file has
 * no jitter and no chance, so it never draws from it and its journals stay as they were.
 */
import { delayName, edgeKey } from '../scenario/compile';
import type { Scenario } from '../scenario/types';
import type { Rng } from './random';

/** The name of the stream every v2 variation (jitter, chance) comes from. */
export const VARIATION_STREAM = 'scenario-variation';

export interface Jitters {
  /** The seeded shift of each inject's time, by inject index (0 without jitter). */
  readonly injects: readonly number[];
  /** Phase timers' delays after jitter, by delayName. */
  readonly delays: Readonly<Record<string, number>>;
  /** Clock edges' times after jitter, by edge key. */
  readonly clock: Readonly<Record<string, number>>;
}

/** A seeded shift in [-maxMs, +maxMs], in whole seconds. */
function shift(rng: Rng, maxMs: number): number {
  return rng.delay(-maxMs, maxMs);
}

/** Draws every jitter of a scenario, in the fixed order replay relies on. */
export function drawJitters(scenario: Scenario, rng: Rng): Jitters {
  const injects = scenario.injects.map((inj) => (inj.jitterMs ? shift(rng, inj.jitterMs) : 0));
  const delays: Record<string, number> = {};
  const clock: Record<string, number> = {};
  for (const p of scenario.phases) {
    p.after.forEach((e, i) => {
      if (e.jitterMs) delays[delayName(p.id, i)] = Math.max(0, e.afterMs + shift(rng, e.jitterMs));
    });
    (p.at ?? []).forEach((e, i) => {
      if (e.jitterMs) clock[edgeKey(p.id, 'at', i)] = Math.max(0, e.atMs + shift(rng, e.jitterMs));
    });
  }
  return { injects, delays, clock };
}
