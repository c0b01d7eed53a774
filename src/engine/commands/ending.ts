/** Ending an incident: resolving it, ending the call, naming the postmortem owner. */
import { by, hint, notIc, refuse, viaOf, type Handler, type NewEvent } from './context';

export const resolve: Handler<'resolve'> = (state, _c, ctx) => {
  const refused = notIc(state, ctx, 'resolves the incident');
  if (refused) return refused;
  if (state.incident.resolvedAt !== undefined) return refuse(ctx, 'the incident is already resolved');
  return [by(ctx, 'incident.resolve', { finalSev: state.incident.severity ?? null, mitigated: ctx.mitigated })];
};

/** Ends the call; the session ends the drill, resolved, on seeing call.end. */
export const end: Handler<'end'> = (state, _c, ctx) => {
  const refused = notIc(state, ctx, 'ends the call');
  if (refused) return refused;
  if (state.incident.resolvedAt === undefined) return refuse(ctx, 'the incident is not resolved yet; /resolve it first (only once it is mitigated)');
  return [by(ctx, 'call.end', {})];
};

export const postmortem: Handler<'postmortem'> = (state, c, ctx) => {
  const refused = notIc(state, ctx, 'names the postmortem owner');
  if (refused) return refused;
  const out: NewEvent[] = [by(ctx, 'pm.assign', { owner: c.owner, ...(c.owners ? { owners: c.owners } : {}), due: c.due ?? null, ...viaOf(ctx) })];
  if (c.owners) out.push(hint(ctx.actor, ctx.role, `the postmortem went to ${c.owners.join(' and ')}: it needs one owner (/postmortem @${c.owner} by Friday)`));
  else if (c.due === undefined) out.push(hint(ctx.actor, ctx.role, `${c.owner} owns the postmortem; say when it is due too: /postmortem @${c.owner} by Friday`));
  return out;
};
