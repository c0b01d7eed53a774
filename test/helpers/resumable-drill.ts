// A drill recorded in memory with human input, facilitator controls and bots, kept with the state after every event:
// what the resume tests cut at any point and compare against (the session that never stopped).
import { attachBots } from '../../src/bots/attach-bots';
import type { JournalEvent, JournalHeader } from '../../src/engine/journal';
import { rerun } from '../../src/engine/replay';
import type { DrillSession, FacilitatorControl } from '../../src/engine/session';
import type { DrillState } from '../../src/engine/state/drill-state';
import type { Scenario } from '../../src/scenario/types';
import { ROOT } from './cli';
import { drill, shipped } from './drill';

export const HUMANS = [{ name: 'alice', role: 'ic' as const }, { name: 'carol', role: 'responder' as const, service: 'orders-api' }];

type Step = readonly [number, string, string] | readonly [number, FacilitatorControl];

const SCRIPT: readonly Step[] = [
  [200_000, 'carol', '/ack'],
  [210_000, 'carol', '/trigger orders api errors'],
  [215_000, { kind: 'say', speaker: 'Priya (Customer Support)', text: 'customers are posting screenshots' }],
  [230_000, 'alice', '/ic This is alice, I am the Incident Commander'],
  [240_000, 'alice', '/assign @carol check orders-api-logs in 5m'],
  [250_000, { kind: 'pause' }],
  [250_000, { kind: 'speed', speed: 4 }],
  [250_000, { kind: 'resume' }],
  [260_000, 'carol', '/check orders-api-logs'],
  [300_000, { kind: 'inject-now' }],
  [330_000, 'carol', 'T1: errors started with the v2.14.0 deploy'],
  [360_000, 'alice', '/assign @carol run rollback-orders-api in 5m'],
  [370_000, 'carol', '/run rollback-orders-api'],
];

export interface Recorded {
  readonly scenario: Scenario;
  readonly header: JournalHeader;
  readonly events: readonly JournalEvent[];
  /** The state right after each event, by seq. */
  readonly states: ReadonlyMap<number, DrillState>;
}

/** Attaches the bots a resumed session needs, as the recording had them. */
export const withBots = (s: DrillSession): void => void attachBots(s, 'by-the-book');

/** Runs a session until it ends (or nothing is due). */
export function runOut(session: DrillSession): void {
  while (session.status === 'running') {
    const next = session.scheduler.nextDeadline();
    if (next === undefined) break;
    session.advanceTo(next);
  }
}

/** Records the whole drill once: bots of the book in the seats the humans left, the script above. */
export function recordDrill(seed = '7'): Recorded {
  const scenario = shipped(`${ROOT}/scenarios/bad-deploy-rollback.yaml`);
  const d = drill(scenario, { seed, bots: 'by-the-book', humans: HUMANS });
  const states = new Map<number, DrillState>();
  d.session.onEvent((e) => states.set(e.seq, d.session.state));
  d.session.start();
  for (const [atMs, who, text] of SCRIPT) {
    d.session.advanceTo(atMs);
    if (typeof who === 'string') d.session.dispatch(who, text as string);
    else d.session.control(who);
  }
  runOut(d.session);
  return { scenario, header: d.journal.headerLine!, events: d.journal.events, states };
}

/** Goes on from a resumed session as the recording did: the people's inputs and controls after `seq`, then to the end. */
export function finish(session: DrillSession, recorded: Recorded, seq: number, bots: boolean): void {
  rerun(session, recorded.events.filter((e) => e.seq > seq), { skipBotInput: bots });
  runOut(session);
}
