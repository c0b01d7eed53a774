/** The incident as the participants know it: tasks, polls, drafts, roles. Plain data the session updates. */
import type { Severity } from '../scenario/types';
import type { JournalParticipant } from './journal';
import type { Role } from './roles';

export interface Task {
  readonly id: string;
  readonly to: string;
  readonly by: string;
  readonly text: string;
  readonly refs: readonly string[];
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
  readonly objections: { by: string; text: string }[];
  closed: boolean;
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
  severity?: Severity;
  lastStatus?: { atMs: number; text: string };
  resolvedAt?: number;
  callEndedAt?: number;
  postmortemOwner?: string;
}

/** Extracts the scenario ids (probes, actions, services) a piece of text mentions. */
export function refsIn(text: string, ids: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return ids.filter((id) => new RegExp(`(^|[^a-z0-9-])${id.replace(/[-]/g, '\\-')}($|[^a-z0-9-])`).test(lower));
}
