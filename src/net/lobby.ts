/** The team drill's lobby: who has connected, which seat each has taken, and the cast they make at the start. */
import type { CastRequest } from '../engine/cast';
import { personNameKey } from '../engine/person-name';
import { normalizeRole, SEATS, STAFF_ROLES } from '../engine/roles';
import type { Scenario } from '../scenario/types';

export type SeatRole = (typeof SEATS)[number];

/** A seat a person can take: a staff role, or a responder on one team. */
export interface SeatChoice {
  readonly role: SeatRole;
  /** For a responder: the team (or service) they cover. */
  readonly service?: string;
}

/** One seat on offer, and who holds it. Staff seats hold one person; a team's responder seat holds several. */
export interface SeatOption {
  readonly choice: SeatChoice;
  readonly label: string;
  readonly single: boolean;
  readonly heldBy: readonly string[];
}

export interface LobbyPerson {
  readonly name: string;
  readonly connected: boolean;
  readonly seat?: SeatChoice;
}

/** What a lobby screen shows. */
export interface LobbyView {
  readonly scenario: { readonly id: string; readonly title: string };
  readonly people: readonly LobbyPerson[];
  readonly seats: readonly SeatOption[];
}

const ROLE_LABELS: Record<SeatRole, string> = {
  ic: 'Incident Commander', deputy: 'Deputy', scribe: 'Scribe', responder: 'Responder',
  'customer-liaison': 'Customer Liaison', 'internal-liaison': 'Internal Liaison',
};

/** The seat's words on screen: "Scribe", "Responder (payments)". */
export function seatLabel(c: SeatChoice): string {
  return c.service ? `${ROLE_LABELS[c.role]} (${c.service})` : ROLE_LABELS[c.role];
}

const sameSeat = (a: SeatChoice, b: SeatChoice): boolean => a.role === b.role && a.service === b.service;

/** The seats a scenario offers: its staff seats in the IC's order, then a responder seat for each team. */
export function seatsOf(scenario: Scenario): SeatChoice[] {
  const staff = new Set<string>(['ic', ...scenario.roles]);
  return [
    ...STAFF_ROLES.filter((r) => staff.has(r)).map((role) => ({ role })),
    ...scenario.teams.map((t) => ({ role: 'responder' as const, service: t.id })),
  ];
}

/** Reads a seat as a person types it: "ic", "scribe", "responder payments", "responder:checkout-db". */
export function parseSeat(scenario: Scenario, text: string): SeatChoice | string {
  const [roleText = '', service, ...rest] = text.trim().split(/[\s:]+/);
  const role = normalizeRole(roleText);
  if (!role || role === 'facilitator') return `"${roleText}" is not a seat; seats are ${SEATS.join(', ')}`;
  if (rest.length) return `a seat is a role and, for a responder, one team or service: "${text.trim()}"`;
  if (!service) return { role };
  if (role !== 'responder') return `only a responder covers a team or service ("${service}")`;
  const known = scenario.teams.some((t) => t.id === service) || scenario.services.some((s) => s.id === service);
  if (!known) return `the scenario has no team or service "${service}"; teams are ${scenario.teams.map((t) => t.id).join(', ')}`;
  return { role, service };
}

/** The lobby before the drill starts (and, after it, who holds which seat and who is connected). Plain state, no I/O. */
export class Lobby {
  private readonly people = new Map<string, { name: string; connected: boolean; seat?: SeatChoice }>();
  private readonly offered: SeatChoice[];

  constructor(private readonly scenario: Scenario) {
    this.offered = seatsOf(scenario);
  }

  /** The person of this name (names are compared as engine/person-name.ts compares them), if they have ever connected. */
  person(name: string): LobbyPerson | undefined {
    const p = this.people.get(personNameKey(name));
    return p && { name: p.name, connected: p.connected, ...(p.seat ? { seat: p.seat } : {}) };
  }

  /** Someone connected (or reconnected: a seat they held is still theirs). */
  arrive(name: string): void {
    const p = this.people.get(personNameKey(name));
    if (p) p.connected = true;
    else this.people.set(personNameKey(name), { name, connected: true });
  }

  /** Someone's connection closed. Their seat stays theirs; an unseated person leaves the lobby. */
  depart(name: string): void {
    const p = this.people.get(personNameKey(name));
    if (!p) return;
    if (p.seat) p.connected = false;
    else this.people.delete(personNameKey(name));
  }

  /** Seats a person (undefined stands them up); returns why not, when it cannot. */
  seat(name: string, choice: SeatChoice | undefined): string | undefined {
    const p = this.people.get(personNameKey(name));
    if (!p) return `${name} is not in the lobby`;
    if (!choice) {
      delete p.seat;
      return undefined;
    }
    const option = this.options().find((o) => sameSeat(o.choice, choice) || (choice.role === 'responder' && o.choice.role === 'responder' && o.choice.service === this.teamOf(choice.service)));
    if (!option) return `the scenario has no ${seatLabel(choice)} seat`;
    const holder = option.heldBy.find((h) => personNameKey(h) !== personNameKey(name));
    if (option.single && holder) return `${holder} already has the ${option.label} seat`;
    p.seat = option.choice;
    return undefined;
  }

  private teamOf(service: string | undefined): string | undefined {
    return this.scenario.services.find((s) => s.id === service)?.owner ?? service;
  }

  private options(): SeatOption[] {
    const seated = [...this.people.values()].filter((p) => p.seat);
    return this.offered.map((choice) => ({
      choice,
      label: seatLabel(choice),
      single: choice.role !== 'responder',
      heldBy: seated.filter((p) => sameSeat(p.seat!, choice)).map((p) => p.name),
    }));
  }

  /** What the lobby screens show. */
  view(): LobbyView {
    return {
      scenario: { id: this.scenario.id, title: this.scenario.title },
      people: [...this.people.keys()].map((k) => this.person(k)!),
      seats: this.options(),
    };
  }

  /** The humans of the drill, for the cast: the seated in their seats, the unseated who are connected as responders. */
  cast(): CastRequest[] {
    return [...this.people.values()]
      .filter((p) => p.seat || p.connected)
      .map((p) => ({ name: p.name, role: p.seat?.role ?? 'responder', ...(p.seat?.service ? { service: p.seat.service } : {}) }));
  }
}
