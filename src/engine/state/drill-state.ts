/**
 * The drill as the participants know it: people, roles, tasks, polls, decisions, drafts and pages. Plain,
 * read-only data that `evolve` builds from events, so `structuredClone` copies it and a network can send it.
 */
import type { Severity } from '../../scenario/types';
import type { JournalParticipant } from '../journal';
import type { Role } from '../roles';

export type Outcome = 'resolved' | 'timed-out' | 'aborted';

export interface Task {
  readonly id: string;
  /** The first owner, or the group word ("someone") when the task went to nobody in particular. */
  readonly to: string;
  /** Everyone the task was given to; one by the book. */
  readonly owners: readonly string[];
  readonly by: string;
  readonly text: string;
  /** The actions and probes the task is about, best match first. */
  readonly refs: readonly string[];
  /** The actions the task covers (by its words, or by the decision it carries out). */
  readonly actions: readonly string[];
  /** The services it names. */
  readonly services: readonly string[];
  /** Whether it asks to change something ("roll back", "fix") rather than only to look. */
  readonly remediation: boolean;
  readonly assignedAt: number;
  readonly timeboxMs: number | null;
  readonly dueAt?: number;
  readonly ackedAt?: number;
  readonly reportedAt?: number;
  readonly status: 'open' | 'done';
}

export interface Poll {
  readonly id: string;
  readonly proposal: string;
  readonly openedAt: number;
  /** The actions the proposal is about. */
  readonly actions: readonly string[];
  readonly objections: readonly { readonly by: string; readonly text: string }[];
  readonly closed: boolean;
  /** The decision that settled it. */
  readonly decidedBy?: string;
}

export interface Decision {
  readonly id: string;
  readonly atMs: number;
  readonly actions: readonly string[];
  readonly pollId: string | null;
}

export interface Draft {
  readonly id: string;
  readonly by: string;
  readonly text: string;
  readonly at: number;
  readonly approvedBy?: string;
  readonly postedAt?: number;
}

export interface PersonState {
  readonly info: JournalParticipant;
  readonly joinedAt?: number;
  /** When someone last paged this person (page.sent), until they join. */
  readonly pagedAt?: number;
  /** Roles given by /appoint, on top of the seat. */
  readonly appointed: readonly Role[];
  /** The last line they typed (any input, bots' too): what the facilitator's view shows of each person. */
  readonly lastInput?: { readonly atMs: number; readonly text: string };
}

/** An alert's page: who was notified, who acknowledged it, and whether it is firing now. */
export interface AlertPage {
  readonly alert: string;
  readonly title: string;
  readonly firing: boolean;
  readonly notified: readonly string[];
  readonly ackedBy?: string;
}

export interface IncidentState {
  readonly triggeredAt?: number;
  readonly ic?: string;
  /** Whether the IC in command has announced it themselves (a handover passes command before the new IC speaks). */
  readonly icAnnounced?: boolean;
  readonly severity?: Severity;
  readonly lastStatus?: { readonly atMs: number; readonly text: string };
  readonly resolvedAt?: number;
  readonly callEndedAt?: number;
  readonly postmortemOwner?: string;
  readonly statusCount?: number;
}

/** v2: a question inject put to the call, and its answer once someone gave one. */
export interface Question {
  readonly id: string;
  readonly index: number;
  readonly askedAt: number;
  /** The answers /answer accepts; free text when absent. */
  readonly answers?: readonly string[];
  readonly answer?: string;
  readonly answeredBy?: string;
  readonly answeredAt?: number;
}

/** Ground truth the players do not see: only the facilitator's view carries it. */
export interface Truth {
  readonly phase: string;
  readonly mitigatedAt?: number;
  /** v2: variables as the journal has changed them (their start values are the scenario's). */
  readonly variables?: Readonly<Record<string, number | boolean | string>>;
}

export interface DrillState {
  readonly status: 'ready' | 'running' | 'ended';
  readonly outcome?: Outcome;
  /** Everyone in the drill, in cast order. */
  readonly people: readonly PersonState[];
  readonly incident: IncidentState;
  readonly tasks: readonly Task[];
  readonly polls: readonly Poll[];
  readonly decisions: readonly Decision[];
  readonly drafts: readonly Draft[];
  /** Alerts that have fired, in the order they first fired. */
  readonly pages: readonly AlertPage[];
  readonly truth: Truth;
  /** v2: the questions asked so far, in the order asked. */
  readonly questions?: readonly Question[];
}

/** The state before the drill starts. */
export function initialState(cast: readonly JournalParticipant[], phase: string): DrillState {
  return {
    status: 'ready', people: cast.map((info) => ({ info, appointed: [] })), incident: {},
    tasks: [], polls: [], decisions: [], drafts: [], pages: [], truth: { phase },
  };
}

/** One person's state, by name. */
export function personOf(state: DrillState, name: string): PersonState | undefined {
  return state.people.find((p) => p.info.name === name);
}

/** Key-event ids a text names: T3, X1, P2, D1, S2 (what scribes write to say which event a note is about). */
export function eventIdsIn(text: string): string[] {
  return [...text.matchAll(/\b([TXPDS]\d+)\b/gi)].map((m) => m[1]!.toUpperCase());
}
