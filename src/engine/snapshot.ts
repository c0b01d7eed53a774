/** Snapshots: what a drill looks like at one instant, for the UI, the network and tests. */
import type { Severity } from '../scenario/types';
import type { UnitFamily } from '../scenario/quantity';
import type { Role } from './roles';
import type { DrillSession, Outcome } from './session';
import { rolesOf } from './state/roles-of';

export interface SnapshotPerson {
  readonly name: string;
  readonly seat: Role;
  readonly roles: readonly Role[];
  readonly team?: string;
  readonly kind: 'human' | 'bot';
  readonly joined: boolean;
  /** Whether this person has an unacknowledged alert page, or was paged to the call and has not joined. */
  readonly paged: boolean;
}

export interface SnapshotTask {
  readonly id: string;
  readonly to: string;
  /** Everyone it was given to (one by the book; none for a group word such as "someone"). */
  readonly owners: readonly string[];
  readonly text: string;
  readonly status: 'open' | 'done';
  readonly acked: boolean;
  readonly dueAt?: number;
  readonly timeboxMs: number | null;
}

export interface SnapshotMetric {
  readonly ref: string;
  readonly family: UnitFamily;
  readonly value: number;
  readonly history: readonly number[];
}

export interface DrillSnapshot {
  readonly atMs: number;
  readonly durationMs: number;
  readonly status: 'ready' | 'running' | 'ended';
  readonly outcome?: Outcome;
  readonly scenario: { readonly id: string; readonly title: string };
  /** The incident as participants know it; never the hidden phase. */
  readonly incident: {
    readonly triggered: boolean;
    readonly ic?: string;
    readonly severity?: Severity;
    readonly lastStatus?: string;
    readonly resolved: boolean;
  };
  readonly people: readonly SnapshotPerson[];
  readonly tasks: readonly SnapshotTask[];
  readonly poll?: { readonly id: string; readonly proposal: string; readonly objections: number };
  readonly drafts: readonly { id: string; by: string; text: string; approved: boolean; posted: boolean }[];
  readonly alerts: readonly { id: string; title: string; firing: boolean; ackedBy?: string; notified: readonly string[] }[];
  readonly metrics: readonly SnapshotMetric[];
  /** Ground truth, for the facilitator view only. */
  readonly truth: { readonly phase: string; readonly mitigated: boolean };
}

/** Builds a snapshot of a session: its state, its clock, and the world's metrics. */
export function snapshotOf(s: DrillSession): DrillSnapshot {
  const st = s.state;
  const unacked = new Set(st.pages.filter((a) => !a.ackedBy).flatMap((a) => a.notified));
  const poll = st.polls.find((p) => !p.closed);
  // Alerts in the scenario's order, as the author listed them.
  const order = (id: string) => s.scenario.alerts.findIndex((a) => a.id === id);
  return {
    atMs: s.scheduler.now(),
    durationMs: s.scenario.durationMs,
    status: s.status,
    ...(s.outcome ? { outcome: s.outcome } : {}),
    scenario: { id: s.scenario.id, title: s.scenario.title },
    incident: {
      triggered: st.incident.triggeredAt !== undefined,
      ...(st.incident.ic ? { ic: st.incident.ic } : {}),
      ...(st.incident.severity ? { severity: st.incident.severity } : {}),
      ...(st.incident.lastStatus ? { lastStatus: st.incident.lastStatus.text } : {}),
      resolved: st.incident.resolvedAt !== undefined,
    },
    people: st.people.map((p) => ({
      name: p.info.name, seat: p.info.seat, roles: rolesOf(st, p.info.name), ...(p.info.team ? { team: p.info.team } : {}),
      kind: p.info.kind, joined: p.joinedAt !== undefined,
      paged: unacked.has(p.info.name) || (p.pagedAt !== undefined && p.joinedAt === undefined),
    })),
    tasks: st.tasks.map((t) => ({
      id: t.id, to: t.to, owners: t.owners, text: t.text, status: t.status, acked: t.ackedAt !== undefined, timeboxMs: t.timeboxMs,
      ...(t.dueAt !== undefined ? { dueAt: t.dueAt } : {}),
    })),
    ...(poll ? { poll: { id: poll.id, proposal: poll.proposal, objections: poll.objections.length } } : {}),
    drafts: st.drafts.map((d) => ({ id: d.id, by: d.by, text: d.text, approved: d.approvedBy !== undefined, posted: d.postedAt !== undefined })),
    alerts: [...st.pages].sort((x, y) => order(x.alert) - order(y.alert)).map((a) => ({
      id: a.alert, title: a.title, firing: a.firing, ...(a.ackedBy ? { ackedBy: a.ackedBy } : {}), notified: a.notified,
    })),
    metrics: s.world.metrics.metrics().map((m) => ({ ref: m.ref, family: m.family, value: s.world.metrics.value(m.ref), history: s.world.metrics.history(m.ref) })),
    truth: { phase: st.truth.phase, mitigated: st.truth.mitigatedAt !== undefined },
  };
}
