/** Views per viewer: the one projection of the drill state that the UI (and, next, the network) renders. */
import type { DisplayUnit, UnitFamily } from '../../scenario/quantity';
import type { Scenario, Severity } from '../../scenario/types';
import { judgedStarts } from '../../scoring/judgement';
import { scribeLedger, type LedgerItem } from '../../scoring/scribe-coverage';
import type { CommandVocabulary } from '../command';
import { commandVocabulary } from '../command-vocabulary';
import type { DrillEvent } from '../events';
import type { Role } from '../roles';
import type { DrillState, Outcome } from '../state/drill-state';
import { everyoneWhoHeld, roleOf, rolesOf } from '../state/roles-of';
import type { Viewer } from './visibility';

export interface ViewPerson {
  readonly name: string;
  readonly seat: Role;
  /** The role they act in now (see state/roles-of.ts). */
  readonly role: Role;
  readonly roles: readonly Role[];
  readonly team?: string;
  readonly kind: 'human' | 'bot';
  readonly joined: boolean;
  /** Whether this person has an unacknowledged alert page, or was paged to the call and has not joined. */
  readonly paged: boolean;
}

export interface ViewTask {
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

export interface ViewMetric {
  readonly ref: string;
  readonly family: UnitFamily;
  readonly value: number;
  readonly history: readonly number[];
  /** v2: the unit the value is shown in, and the name shown for the metric (see Metric). */
  readonly unit?: DisplayUnit;
  readonly label?: string;
  readonly whole?: boolean;
}

/** What players may know of the scenario: the services, and the probes and actions they can type. */
export interface Catalogue {
  readonly services: readonly { readonly id: string; readonly owner: string }[];
  readonly probes: readonly { readonly id: string; readonly service: string; readonly title: string }[];
  readonly actions: readonly { readonly id: string; readonly service: string; readonly title: string; readonly major: boolean }[];
}

export interface DrillView {
  readonly viewer: Viewer;
  readonly atMs: number;
  readonly durationMs: number;
  readonly status: 'ready' | 'running' | 'ended';
  readonly outcome?: Outcome;
  /** `clockMs`: v2's story clock, the story's time of day at drill start in ms after midnight (absent: none). */
  readonly scenario: { readonly id: string; readonly title: string; readonly clockMs?: number };
  readonly catalogue: Catalogue;
  /** The names commands may use (what completion offers). */
  readonly vocabulary: CommandVocabulary;
  /** The incident as participants know it. */
  readonly incident: {
    readonly triggered: boolean;
    readonly ic?: string;
    readonly severity?: Severity;
    readonly lastStatus?: string;
    readonly resolved: boolean;
  };
  readonly people: readonly ViewPerson[];
  readonly tasks: readonly ViewTask[];
  readonly poll?: { readonly id: string; readonly proposal: string; readonly objections: number };
  readonly drafts: readonly { id: string; by: string; text: string; approved: boolean; posted: boolean }[];
  readonly alerts: readonly { id: string; title: string; firing: boolean; ackedBy?: string; notified: readonly string[] }[];
  /** The dashboards: public, as monitoring is. */
  readonly metrics: readonly ViewMetric[];
  /**
   * For a scribe (and the facilitator): the key events no scribe has noted yet, from the ledger RD-30 scores, so
   * the screen holds the scribe to the rule the scorer applies.
   */
  readonly unnoted?: readonly LedgerItem[];
  /** Ground truth and what is coming: the facilitator's view only. */
  readonly truth?: FacilitatorTruth;
}

/** What only the facilitator knows: the world's phase, what is coming, the story so far and what each person last typed. */
export interface FacilitatorTruth {
  readonly phase: string;
  readonly mitigated: boolean;
  readonly upcoming: readonly { readonly atMs: number; readonly from: string; readonly text: string }[];
  /** The current phase as the scenario tells it (its description and impact), when the author wrote them. */
  readonly story?: { readonly description?: string; readonly impact?: string };
  /** Each person's last typed line, bots' included, in cast order; people who typed nothing yet are left out. */
  readonly activity: readonly { readonly name: string; readonly atMs: number; readonly text: string }[];
  /** v2: the scenario's variables as they stand (start values until something changed them), then the answers given. */
  readonly variables?: readonly { readonly name: string; readonly value: number | boolean | string }[];
  /** v2: the harmful and red-herring actions started so far, oldest first, with what each costs the team score. */
  readonly judged?: readonly JudgedMove[];
}

/** A wrong move as the facilitator sees it mid-drill (the scorecard's judgement section has the rest). */
export interface JudgedMove {
  readonly atMs: number;
  readonly actor: string;
  readonly action: string;
  readonly kind: 'harmful' | 'red-herring';
  readonly points: number;
}

/** The facilitator's truth: from the state (phase, last lines) and the scenario (the phase's story, injects to come). */
function truthOf(state: DrillState, ctx: ViewContext): FacilitatorTruth {
  const s = ctx.scenario;
  const phase = s.phases.find((p) => p.id === state.truth.phase);
  const story = phase?.description !== undefined || phase?.impact !== undefined
    ? { ...(phase.description !== undefined ? { description: phase.description } : {}), ...(phase.impact !== undefined ? { impact: phase.impact } : {}) }
    : undefined;
  const upcoming = ctx.upcoming
    ? ctx.upcoming.flatMap((u) => {
        const i = s.injects[u.index];
        return i ? [{ atMs: u.atMs, from: i.from, text: i.text }] : [];
      })
    : s.injects.slice(ctx.nextInject).map((i) => ({ atMs: i.atMs, from: i.from, text: i.text }));
  return {
    phase: state.truth.phase, mitigated: state.truth.mitigatedAt !== undefined,
    upcoming,
    ...(story ? { story } : {}),
    activity: state.people.flatMap((p) => (p.lastInput ? [{ name: p.info.name, atMs: p.lastInput.atMs, text: p.lastInput.text }] : [])),
    ...(s.version === 2 ? {
      variables: variablesOf(state, s),
      judged: judgedStarts(s, ctx.events).map((j) => ({ atMs: j.start.atMs, actor: j.start.actor, action: j.action.id, kind: j.judged.kind, points: j.points })),
    } : {}),
  };
}

/** v2: each variable's value now (its start value until the journal changed it), then each answer given. */
function variablesOf(state: DrillState, s: Scenario): { name: string; value: number | boolean | string }[] {
  const now = state.truth.variables ?? {};
  const declared = (s.variables ?? []).map((v) => ({ name: v.name, value: Object.hasOwn(now, v.name) ? now[v.name]! : v.initial }));
  const answers = Object.entries(now).filter(([name]) => name.startsWith('answer.')).map(([name, value]) => ({ name, value }));
  return [...declared, ...answers];
}

/** What a view needs beyond the state: the scenario, the clock, the dashboards, and the journal for the scribe's ledger. */
export interface ViewContext {
  readonly scenario: Scenario;
  readonly now: number;
  readonly metrics: readonly ViewMetric[];
  /** Every event so far (the view shows only what the viewer may see of it). */
  readonly events: readonly DrillEvent[];
  /** Injects not fired yet, from this index on. */
  readonly nextInject: number;
  /** v2: the injects set to come due, soonest first (their times count from different anchors, so no index says it). */
  readonly upcoming?: readonly { readonly index: number; readonly atMs: number }[];
}

/** The catalogue of a scenario: ids, titles, owners; never phases, reveals or the cause. */
export function catalogueOf(s: Scenario): Catalogue {
  return {
    services: s.services.map((x) => ({ id: x.id, owner: x.owner })),
    probes: s.probes.map((p) => ({ id: p.id, service: p.service, title: p.title })),
    actions: s.actions.map((a) => ({ id: a.id, service: a.service, title: a.title, major: a.major })),
  };
}

/** Key events no scribe has noted yet, oldest first (the ledger as the scorer keeps it). */
export function unnotedOf(state: DrillState, events: readonly DrillEvent[]): LedgerItem[] {
  return scribeLedger(events, everyoneWhoHeld(state, 'scribe'), state.truth.mitigatedAt).filter((k) => k.notedAt === undefined);
}

/** Exactly what one viewer may see of the drill now. */
export function viewFor(state: DrillState, viewer: Viewer, ctx: ViewContext): DrillView {
  const s = ctx.scenario;
  const unacked = new Set(state.pages.filter((a) => !a.ackedBy).flatMap((a) => a.notified));
  const poll = state.polls.find((p) => !p.closed);
  const order = (id: string) => s.alerts.findIndex((a) => a.id === id);
  const facilitator = viewer.kind === 'facilitator';
  const scribe = facilitator || rolesOf(state, viewer.name).includes('scribe');
  return {
    viewer,
    atMs: ctx.now,
    durationMs: s.durationMs,
    status: state.status,
    ...(state.outcome ? { outcome: state.outcome } : {}),
    scenario: { id: s.id, title: s.title, ...(s.clockMs !== undefined ? { clockMs: s.clockMs } : {}) },
    catalogue: catalogueOf(s),
    vocabulary: commandVocabulary(s, state),
    incident: {
      triggered: state.incident.triggeredAt !== undefined,
      ...(state.incident.ic ? { ic: state.incident.ic } : {}),
      ...(state.incident.severity ? { severity: state.incident.severity } : {}),
      ...(state.incident.lastStatus ? { lastStatus: state.incident.lastStatus.text } : {}),
      resolved: state.incident.resolvedAt !== undefined,
    },
    people: state.people.map((p) => ({
      name: p.info.name, seat: p.info.seat, role: roleOf(state, p.info.name), roles: rolesOf(state, p.info.name), ...(p.info.team ? { team: p.info.team } : {}),
      kind: p.info.kind, joined: p.joinedAt !== undefined,
      paged: unacked.has(p.info.name) || (p.pagedAt !== undefined && p.joinedAt === undefined),
    })),
    tasks: state.tasks.map((t) => ({
      id: t.id, to: t.to, owners: t.owners, text: t.text, status: t.status, acked: t.ackedAt !== undefined, timeboxMs: t.timeboxMs,
      ...(t.dueAt !== undefined ? { dueAt: t.dueAt } : {}),
    })),
    ...(poll ? { poll: { id: poll.id, proposal: poll.proposal, objections: poll.objections.length } } : {}),
    drafts: state.drafts.map((d) => ({ id: d.id, by: d.by, text: d.text, approved: d.approvedBy !== undefined, posted: d.postedAt !== undefined })),
    alerts: [...state.pages].sort((x, y) => order(x.alert) - order(y.alert)).map((a) => ({
      id: a.alert, title: a.title, firing: a.firing, ...(a.ackedBy ? { ackedBy: a.ackedBy } : {}), notified: a.notified,
    })),
    metrics: ctx.metrics,
    ...(scribe ? { unnoted: unnotedOf(state, ctx.events) } : {}),
    ...(facilitator ? { truth: truthOf(state, ctx) } : {}),
  };
}
