// Builds drill sessions for tests: a scenario, a cast, an in-memory journal, and scripted input.
import { attachBots } from '../../src/bots/attach-bots';
import { buildCast, type BotPolicyName, type CastRequest } from '../../src/engine/cast';
import { is, type EventOf, type EventType } from '../../src/engine/events';
import { MemoryJournal, type JournalEvent } from '../../src/engine/journal';
import { createFaker } from '../../src/engine/random';
import { viewFor, type DrillView } from '../../src/engine/view/drill-view';
import { FACILITATOR, type Viewer } from '../../src/engine/view/visibility';
import { DrillSession } from '../../src/engine/session';
import { loadScenario } from '../../src/io/scenario-file';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { starterScenario } from '../../src/scenario/starter';
import type { Scenario } from '../../src/scenario/types';

/** The starter scenario: one web service, a config push at T+2m, revert-config mitigates. */
export function starter(): Scenario {
  const r = loadScenarioText(starterScenario('demo', 'x'));
  if (!r.scenario) throw new Error(`starter invalid: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

/** Loads a shipped scenario by file path, failing the test on problems. */
export function shipped(file: string): Scenario {
  const r = loadScenario(file);
  if (!r.scenario) throw new Error(`${file} invalid: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

export interface DrillOptions {
  seed?: string;
  humans?: CastRequest[];
  bots?: BotPolicyName | 'none';
}

/** A session with humans (who act only through test input) and optional bots elsewhere. */
export function drill(scenario: Scenario, opts: DrillOptions = {}) {
  const seed = opts.seed ?? '1';
  const policy = opts.bots && opts.bots !== 'none' ? opts.bots : 'by-the-book';
  const cast = buildCast(scenario, opts.humans ?? [], createFaker(seed, 'people'), policy);
  const journal = new MemoryJournal();
  const session = new DrillSession({ scenario, seed, cast, journal });
  if (opts.bots && opts.bots !== 'none') attachBots(session, policy);
  return { session, journal, cast };
}

/** Events of a type, optionally only by one actor. */
export function eventsOf<T extends EventType>(events: readonly JournalEvent[], type: T, actor?: string): EventOf<T>[] {
  return events.filter(is(type)).filter((e) => actor === undefined || e.actor === actor);
}

/** Minutes and seconds to milliseconds, for readable test input times. */
export const at = (mmss: string): number => {
  const [m, s] = mmss.split(':').map(Number);
  return ((m ?? 0) * 60 + (s ?? 0)) * 1000;
};

/** The view of a test drill for a viewer (the facilitator by default), from its journal so far. */
export function viewOf(d: ReturnType<typeof drill>, viewer: Viewer = FACILITATOR): DrillView {
  const s = d.session;
  return viewFor(s.state, viewer, { scenario: s.scenario, now: s.scheduler.now(), metrics: s.dashboards(), events: d.journal.events, nextInject: s.injectsFired, ...(s.upcomingInjects() ? { upcoming: s.upcomingInjects()! } : {}) });
}
