/** Taking command, joining, appointing and handing over: who holds which role. */
import { personOf, type DrillState } from '../state/drill-state';
import type { EventRole } from '../events';
import { by, hint, notIc, refuse, viaOf, type Handler, type NewEvent } from './context';

/** The implicit join of someone who acts on the call before saying who they are. */
export function joinIfAway(state: DrillState, name: string, role: EventRole): NewEvent[] {
  const p = personOf(state, name);
  return p && p.joinedAt === undefined ? [{ type: 'participant.join', actor: name, role, data: { system: '', implicit: true } }] : [];
}

export const join: Handler<'join'> = (state, c, ctx) => {
  if (personOf(state, ctx.actor)?.joinedAt !== undefined) return refuse(ctx, 'you are already on the call');
  return [by(ctx, 'participant.join', { system: c.text, ...viaOf(ctx) })];
};

export const claimCommand: Handler<'ic'> = (state, c, ctx) => {
  if (state.incident.ic === ctx.actor) {
    // The new IC after a handover (or an IC who first typed a bare /ic) announces command in full.
    if (c.text.trim() === '' || state.incident.icAnnounced) return refuse(ctx, 'you are already the Incident Commander');
    return [by(ctx, 'role.announce', { text: c.text, ...viaOf(ctx) }, 'ic')];
  }
  // Coded, so RD-02 can count attempts on command however they were made (typed /ic, or said in chat).
  if (state.incident.ic) return [by(ctx, 'cmd.error', { message: `${state.incident.ic} is the Incident Commander; command changes only by /handover`, code: 'command-held' })];
  return [...joinIfAway(state, ctx.actor, 'ic'), by(ctx, 'role.claim', { role: 'ic', text: c.text, ...viaOf(ctx) }, 'ic')];
};

export const appoint: Handler<'appoint'> = (state, c, ctx) =>
  notIc(state, ctx, 'appoints roles') ?? c.appointments.map((a) => by(ctx, 'role.appoint', { user: a.target, role: a.role }));

export const handover: Handler<'handover'> = (state, c, ctx) => {
  const refused = notIc(state, ctx, 'hands over command');
  if (refused) return refused;
  if (c.target === ctx.actor) return refuse(ctx, 'you already hold command');
  // Command passes at once: the new IC joins (if away) already as IC, and holds command.
  return [
    by(ctx, 'handover.announce', { from: ctx.actor, to: c.target }),
    ...joinIfAway(state, c.target, 'ic'),
    { type: 'role.claim', actor: c.target, role: 'ic', data: { role: 'ic', via: 'handover', from: ctx.actor } },
    hint(c.target, 'ic', `${ctx.actor} handed you command. Announce it to everyone: /ic This is ${c.target}, I am now the Incident Commander`),
  ];
};
