/** What a command handler is given and what it returns: the events the command makes, or a refusal (also an event). */
import type { Scenario } from '../../scenario/types';
import type { EventData, EventRole, EventType } from '../events';
import type { Command } from '../command';
import type { Role } from '../roles';
import type { DrillState } from '../state/drill-state';

/** An event a handler asks the session to record; the session adds its sequence number and time. */
export type NewEvent = { [T in EventType]: { readonly type: T; readonly actor: string; readonly role: EventRole; readonly data: EventData<T> } }[EventType];

export interface CommandContext {
  readonly scenario: Scenario;
  readonly actor: string;
  /** The role the actor acts in now. */
  readonly role: Role;
  readonly now: number;
  /** Set when the command was read from a chat line rather than typed. */
  readonly via?: 'chat';
  /** Whether customer impact has stopped (the world's truth; the handlers record it, players never see it directly). */
  readonly mitigated: boolean;
}

/** A pure command handler: the state and the command in, the events out. */
export type Handler<K extends Command['kind']> = (state: DrillState, c: Extract<Command, { kind: K }>, ctx: CommandContext) => NewEvent[];

/** One event by the actor, in their role. */
export function by<T extends EventType>(ctx: CommandContext, type: T, data: EventData<T>, role: EventRole = ctx.role): NewEvent {
  return { type, actor: ctx.actor, role, data } as NewEvent;
}

/** A refusal: a private error line for whoever typed the command. */
export function refuse(ctx: CommandContext, message: string, suggestion?: string): NewEvent[] {
  return [by(ctx, 'cmd.error', { message, ...(suggestion ? { suggestion } : {}) })];
}

/** Private advice on the hint line of one person. */
export function hint(actor: string, role: EventRole, message: string): NewEvent {
  return { type: 'cmd.hint', actor, role, data: { message } };
}

/** `{ via: 'chat' }` for a command read from chat, else nothing (spread into event data). */
export const viaOf = (ctx: CommandContext): { via?: 'chat' } => (ctx.via ? { via: ctx.via } : {});

/** The refusal when someone other than the IC tries what only the IC may do, else undefined. */
export function notIc(state: DrillState, ctx: CommandContext, what: string): NewEvent[] | undefined {
  if (state.incident.ic === ctx.actor) return undefined;
  const who = state.incident.ic ? `${state.incident.ic} is the Incident Commander` : 'nobody has taken command yet (/ic)';
  return refuse(ctx, `only the Incident Commander ${what}; ${who}`);
}
