/** Who holds which role, from the drill state: the one place roles are worked out. */
import type { Role } from '../roles';
import { personOf, type DrillState } from './drill-state';

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
