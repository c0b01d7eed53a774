/** Who holds which role, from the drill state: the one place roles are worked out. */
import type { Role } from '../roles';
import type { DrillEvent, EventType } from '../events';
import type { JournalParticipant } from '../journal';
import { initialState, personOf, type DrillState } from './drill-state';
import { evolve } from './evolve';

/**
 * The role a person acts in right now: IC only while they hold command; otherwise their latest appointment or
 * their seat. Someone in the IC seat who does not hold command acts as a responder.
 */
export function roleOf(state: DrillState, name: string): Role {
  if (state.incident.ic === name) return 'ic';
  const p = personOf(state, name);
  if (!p) return 'facilitator';
  const role = p.appointed[p.appointed.length - 1] ?? p.info.seat;
  return role === 'ic' ? 'responder' : role;
}

/** Every role a person holds now. */
export function rolesOf(state: DrillState, name: string): Role[] {
  const p = personOf(state, name);
  if (!p) return [];
  return [...new Set<Role>([...(state.incident.ic === name ? (['ic'] as const) : []), ...(p.info.seat === 'ic' ? [] : [p.info.seat]), ...p.appointed])];
}

/** Everyone who has held a role at any time: by seat, or by appointment. */
export function everyoneWhoHeld(state: DrillState, role: Role): Set<string> {
  return new Set(state.people.filter((p) => p.info.seat === role || p.appointed.includes(role)).map((p) => p.info.name));
}

// The events after which someone may hold a different role. evolve changes roles on these alone;
// test/engine/state/roles-of.test.ts checks that folding only these gives the roles folding every event gives.
const ROLE_EVENTS: ReadonlySet<EventType> = new Set<EventType>(['role.claim', 'role.appoint']);

/** Who held command from when, and the state's roles at the end: the session's reducer folded over the events that move roles. */
export function roleHistory(cast: readonly JournalParticipant[], events: readonly DrillEvent[]): { holders: { name: string; from: number }[]; roles: DrillState } {
  let state = initialState(cast, '');
  const holders: { name: string; from: number }[] = [];
  for (const e of events) {
    if (!ROLE_EVENTS.has(e.type)) continue;
    const before = state.incident.ic;
    state = evolve(state, e);
    const ic = state.incident.ic;
    if (ic !== undefined && ic !== before) holders.push({ name: ic, from: e.atMs });
  }
  return { holders, roles: state };
}
