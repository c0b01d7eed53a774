/** How a drill's scripted injects went: how many happened and how many came due but did not (from the journal and scenario). */
import type { JournalEvent } from '../engine/journal';
import type { Scenario } from '../scenario/types';

export interface InjectCounts {
  readonly happened: number;
  /** Came due but did not happen: the world was elsewhere, or (v2) a condition did not hold. */
  readonly skipped: number;
}

/**
 * Counts a drill's injects. A v2 journal records skipped injects itself; a v1 journal never did, so a v1 inject
 * that came due before the drill ended without an inject event for it is counted as skipped.
 */
export function injectCounts(scenario: Scenario, events: readonly JournalEvent[]): InjectCounts {
  const happened = new Set<number>();
  let skipped = 0;
  for (const e of events) {
    if (e.type === 'inject') happened.add(e.data.index);
    else if (e.type === 'inject.skipped') skipped++;
  }
  if (scenario.version !== 2) {
    const endAt = events.find((e) => e.type === 'drill.end')?.atMs ?? events.at(-1)?.atMs ?? 0;
    skipped = scenario.injects.filter((inj, i) => !happened.has(i) && inj.atMs < endAt).length;
  }
  return { happened: happened.size, skipped };
}
