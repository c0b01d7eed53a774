/** Roles in a drill, after PagerDuty's incident response process. */

export const ROLES = ['ic', 'deputy', 'scribe', 'responder', 'customer-liaison', 'internal-liaison', 'facilitator'] as const;
export type Role = (typeof ROLES)[number];

/** The seats a person can fill: every role but the facilitator's. */
export const SEATS = ROLES.filter((r): r is Exclude<Role, 'facilitator'> => r !== 'facilitator');

/** The staff seats, in the order the IC names them (the scenario format's word list). */
export { STAFF_ROLES } from '../scenario/vocabulary';

/** Roles that must never do hands-on work (RD-07, RD-08). */
export const COMMAND_STAFF: readonly Role[] = ['ic', 'deputy', 'scribe'];

/** Whether a string names a role. */
export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

/** Accepts common spellings: "IC", "incident-commander", "cl", "liaison". */
export function normalizeRole(s: string): Role | undefined {
  const k = s.toLowerCase().replace(/[\s_]+/g, '-');
  const aliases: Record<string, Role> = {
    'incident-commander': 'ic', commander: 'ic', sme: 'responder', resolver: 'responder',
    cl: 'customer-liaison', customer: 'customer-liaison', il: 'internal-liaison', internal: 'internal-liaison',
    facilitator: 'facilitator', scribe: 'scribe', deputy: 'deputy', responder: 'responder', ic: 'ic',
  };
  return isRole(k) ? k : Object.hasOwn(aliases, k) ? aliases[k] : undefined;
}
