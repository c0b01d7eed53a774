/**
 * Every event a drill records, as one discriminated union. The zod schemas are the single definition:
 * the types below are inferred from them, and reading a journal checks each line against them.
 */
import * as z from 'zod';
import { INJECT_KINDS, SEVERITIES } from '../scenario/vocabulary';
import { ROLES } from './roles';

const via = z.literal('chat').optional();
const id = z.string();
const nullable = z.string().nullable();
const names = z.array(z.string()).readonly();
const outcome = z.enum(['resolved', 'timed-out', 'aborted']);
const severity = z.enum(SEVERITIES);

/** The data each event type carries. Fields are written in this order, which the journal's bytes keep. */
export const EVENT_DATA = {
  'drill.start': z.object({ scenario: z.string(), durationMs: z.number(), summary: z.string().optional() }),
  'drill.end': z.object({ outcome, phase: z.string() }),
  'phase.enter': z.object({ phase: z.string(), mitigated: z.boolean(), resolved: z.boolean() }),
  inject: z.object({
    index: z.number().int(), kind: z.enum(INJECT_KINDS), text: z.string(),
    /** v2: a question players can answer with /answer ID (with its fixed answers, if any). */
    question: z.object({ id: z.string(), answers: names.optional() }).optional(),
  }),
  'alert.fired': z.object({ alert: id, title: z.string(), metric: z.string(), value: z.number(), urgency: z.string() }),
  'alert.notified': z.object({ alert: id, user: z.string(), level: z.number().int(), escalated: z.literal(true).optional() }),
  'alert.ack': z.object({ alert: id, paged: z.boolean() }),
  'alert.cleared': z.object({ alert: id }),
  input: z.object({ text: z.string(), bot: z.literal(true).optional() }),
  'cmd.error': z.object({ message: z.string(), suggestion: z.string().optional(), code: z.literal('command-held').optional() }),
  'cmd.hint': z.object({ message: z.string() }),
  'facilitator.pause': z.object({}),
  'facilitator.resume': z.object({}),
  'facilitator.inject-now': z.object({}),
  'facilitator.end': z.object({}),
  'facilitator.speed': z.object({ speed: z.number().positive() }),
  'facilitator.say': z.object({ speaker: z.string(), text: z.string() }),
  'participant.join': z.object({ system: z.string(), implicit: z.literal(true).optional(), via }),
  'ic.page': z.object({ text: z.string() }),
  'page.sent': z.object({ team: z.string(), user: nullable }),
  'role.claim': z.object({
    role: z.literal('ic'), text: z.string().optional(), via: z.enum(['chat', 'handover']).optional(), from: z.string().optional(),
  }),
  'role.announce': z.object({ text: z.string(), via }),
  'role.appoint': z.object({ user: z.string(), role: z.enum(ROLES) }),
  'handover.announce': z.object({ from: z.string(), to: z.string() }),
  'sev.set': z.object({ level: severity, previous: severity.nullable(), mitigated: z.boolean(), note: z.string().optional(), via }),
  'task.assign': z.object({
    id, to: z.string(), owners: names, group: z.string().optional(), text: z.string(), timeboxMs: z.number().nullable(),
    refs: names, actions: names, services: names, remediation: z.boolean(),
  }),
  'task.ack': z.object({ id, via }),
  'task.report': z.object({ id: nullable, text: z.string(), via }),
  'task.extend': z.object({ id, estimateMs: z.number(), via }),
  'task.due': z.object({ id, to: z.string() }),
  'task.followup': z.object({ id, to: z.string() }),
  'probe.start': z.object({ probe: id, service: z.string(), taskId: nullable }),
  'probe.result': z.object({
    probe: id, text: z.string(), metrics: z.array(z.object({ ref: z.string(), value: z.string(), label: z.string().optional() })).readonly(), logs: names,
  }),
  'action.start': z.object({ action: id, service: z.string(), major: z.boolean(), taskId: nullable, decisionId: nullable }),
  'action.done': z.object({ action: id, changed: z.boolean(), result: z.string() }),
  'poll.open': z.object({ id, proposal: z.string(), actions: names, via }),
  'poll.object': z.object({ id, text: z.string() }),
  decision: z.object({ id, pollId: nullable, text: z.string(), actions: names, major: z.boolean(), via }),
  'status.update': z.object({ id, audience: z.literal('call'), text: z.string(), severity: severity.nullable(), via }),
  'scribe.note': z.object({ text: z.string(), todo: z.boolean(), refs: names }),
  'draft.submit': z.object({ id, text: z.string() }),
  'draft.approve': z.object({ id, via }),
  'external.post': z.object({ draftId: id, text: z.string(), approvedBy: nullable }),
  'incident.resolve': z.object({ finalSev: severity.nullable(), mitigated: z.boolean() }),
  'call.end': z.object({}),
  'pm.assign': z.object({ owner: z.string(), owners: names.optional(), due: nullable, via }),
  say: z.object({ text: z.string(), mentions: names }),
  // Format v2 only (a v1 run never makes these, so v1 journals are as they always were).
  /** An inject came due but did not happen: the world was not in one of its phases, or its condition did not hold. */
  'inject.skipped': z.object({ index: z.number().int(), reason: z.string() }),
  /** A scenario variable changed: by a phase (phase:ID), an action (action:ID), an inject (inject:ID or inject:N) or an answer (answer:NAME). */
  'variable.set': z.object({ name: z.string(), value: z.union([z.number(), z.boolean(), z.string()]), by: z.string() }),
  /** Someone answered a question inject (/answer). */
  'question.answer': z.object({ id, answer: z.string(), via }),
} as const;

/** Every event type a drill records. */
export type EventType = keyof typeof EVENT_DATA;
/** The data of one event type. */
export type EventData<T extends EventType> = z.infer<(typeof EVENT_DATA)[T]>;
/** Who acted in an event: a role, or the system (monitoring, the world, the facilitator's clock). */
export type EventRole = (typeof ROLES)[number] | 'system';

/** The shape of a recorded event of type T. `wall` is the only field allowed to differ between two identical runs. */
interface EventShape<T extends EventType> {
  readonly seq: number;
  readonly atMs: number;
  readonly actor: string;
  readonly role: EventRole;
  readonly type: T;
  readonly data: Readonly<EventData<T>>;
  readonly wall: string;
}

/** Any drill event, discriminated by `type`. */
export type DrillEvent = { [T in EventType]: EventShape<T> }[EventType];
/** One recorded event of type T. */
export type EventOf<T extends EventType> = Extract<DrillEvent, { type: T }>;

/** The event types, in a fixed order. */
export const EVENT_TYPES = Object.keys(EVENT_DATA) as EventType[];

/** Whether a string names an event type. */
export function isEventType(s: string): s is EventType {
  return Object.hasOwn(EVENT_DATA, s);
}

/** Narrows an event to one type (for filters: `events.filter(is('decision'))`). */
export function is<T extends EventType>(type: T): <E extends { readonly type: string }>(e: E) => e is Extract<E, { readonly type: T }> {
  return <E extends { readonly type: string }>(e: E): e is Extract<E, { readonly type: T }> => e.type === type;
}
