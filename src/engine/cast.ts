/** The cast of a drill: who fills each seat (IC, scribe, each team's on-calls, ...), human or bot. */
import type { Faker } from '@faker-js/faker';
import type { Scenario } from '../scenario/types';
import type { JournalParticipant } from './journal';
import { STAFF_ROLES, type Role } from './roles';

/** A person the caller puts in the drill (a script participant, or `--as NAME:ROLE`). */
export interface CastRequest {
  readonly name: string;
  readonly role: Role;
  /** For responders: the service (or team) they cover; defaults to the first team without a human. */
  readonly service?: string;
}

export type BotPolicyName = 'by-the-book' | 'sloppy';

/** Builds the cast: every seat the scenario needs, humans where requested, bots elsewhere. */
export function buildCast(scenario: Scenario, humans: readonly CastRequest[], faker: Faker, policy: BotPolicyName): JournalParticipant[] {
  const taken = new Set(humans.map((h) => h.name.toLowerCase()));
  const newName = (): string => {
    for (let i = 0; i < 50; i++) {
      const n = faker.person.firstName().toLowerCase().replace(/[^a-z]/g, '');
      if (n.length >= 3 && !taken.has(n)) {
        taken.add(n);
        return n;
      }
    }
    const n = `bot${taken.size}`;
    taken.add(n);
    return n;
  };
  const teamOf = (h: CastRequest): string | undefined => {
    if (!h.service) return undefined;
    return scenario.services.find((s) => s.id === h.service)?.owner ?? scenario.teams.find((t) => t.id === h.service)?.id;
  };

  const cast: JournalParticipant[] = [];
  const remaining = [...humans];
  const humanTeams = new Set<string>();
  const takeHuman = (role: Role, team?: string, onCall?: string): CastRequest | undefined => {
    // Someone who named this team comes first; a responder who named none takes a team no human has yet.
    let i = remaining.findIndex((h) => h.role === role && (team === undefined || teamOf(h) === team));
    if (i < 0 && role === 'responder' && team !== undefined && onCall === 'primary' && !humanTeams.has(team)) {
      i = remaining.findIndex((h) => h.role === role && h.service === undefined);
    }
    const h = i >= 0 ? remaining.splice(i, 1)[0] : undefined;
    if (h && team) humanTeams.add(team);
    return h;
  };
  const seat = (role: Role, extra: Partial<JournalParticipant> = {}): void => {
    const h = takeHuman(role, extra.team, extra.onCall);
    cast.push(h ? { name: h.name, seat: role, ...extra, kind: 'human' } : { name: newName(), seat: role, ...extra, kind: 'bot', policy });
  };

  const staff = new Set<Role>(['ic', ...scenario.roles]);
  for (const role of STAFF_ROLES) if (staff.has(role)) seat(role);
  for (const team of scenario.teams) {
    seat('responder', { team: team.id, onCall: 'primary' });
    seat('responder', { team: team.id, onCall: 'backup' });
  }
  // Anyone requested beyond the scenario's seats still joins, as a human in the role they asked for.
  for (const h of remaining) {
    const team = teamOf(h);
    cast.push({ name: h.name, seat: h.role, ...(team ? { team } : {}), kind: 'human' });
  }
  return cast;
}
