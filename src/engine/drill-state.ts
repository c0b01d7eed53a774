/** The incident as the participants know it: tasks, polls, drafts, roles. Plain data the session updates. */
import type { Severity } from '../scenario/types';
import type { JournalParticipant } from './journal';
import type { Role } from './roles';

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
  timeboxMs: number | null;
  dueAt?: number;
  ackedAt?: number;
  reportedAt?: number;
  dueTimer?: unknown;
  status: 'open' | 'done';
}

export interface Poll {
  readonly id: string;
  readonly proposal: string;
  readonly openedAt: number;
  /** The actions the proposal is about. */
  readonly actions: readonly string[];
  readonly objections: { by: string; text: string }[];
  closed: boolean;
  /** The decision that settled it. */
  decidedBy?: string;
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
  approvedBy?: string;
  postedAt?: number;
}

export interface PersonState {
  readonly info: JournalParticipant;
  joinedAt?: number;
  /** When someone last paged this person (page.sent), until they join. */
  pagedAt?: number;
  /** Roles given by /appoint, on top of the seat. */
  readonly appointed: Role[];
}

export interface IncidentState {
  triggeredAt?: number;
  ic?: string;
  /** Whether the IC in command has announced it themselves (a handover passes command before the new IC speaks). */
  icAnnounced?: boolean;
  severity?: Severity;
  lastStatus?: { atMs: number; text: string };
  resolvedAt?: number;
  callEndedAt?: number;
  postmortemOwner?: string;
  statusCount?: number;
}

/** Key-event ids a text names: T3, X1, P2, D1, S2 (what scribes write to say which event a note is about). */
export function eventIdsIn(text: string): string[] {
  return [...text.matchAll(/\b([TXPDS]\d+)\b/gi)].map((m) => m[1]!.toUpperCase());
}
