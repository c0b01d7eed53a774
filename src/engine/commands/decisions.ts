/** Polling for strong objections, objecting, and recording a decision. */
import { linkIntent } from '../intent/link';
import { eventIdsIn, type DrillState, type Poll } from '../state/drill-state';
import { by, hint, notIc, refuse, viaOf, type Handler, type NewEvent } from './context';

/** The poll a decision settles: the one it names, else the latest undecided poll about the same actions. */
function pollFor(state: DrillState, text: string, actions: readonly string[]): Poll | undefined {
  const named = eventIdsIn(text).find((id) => id.startsWith('P'));
  if (named) return state.polls.find((p) => p.id === named);
  const undecided = [...state.polls].reverse().filter((p) => p.decidedBy === undefined);
  if (actions.length === 0) return undecided.find((p) => !p.closed);
  // A poll that names no action may be about anything, so the open one is given the benefit of the doubt.
  return undecided.find((p) => p.actions.some((a) => actions.includes(a))) ?? undecided.find((p) => !p.closed && p.actions.length === 0);
}

export const poll: Handler<'poll'> = (state, c, ctx) => {
  const refused = notIc(state, ctx, 'runs polls');
  if (refused) return refused;
  const id = `P${state.polls.length + 1}`;
  const actions = linkIntent(c.proposal, ctx.scenario).actions;
  const out: NewEvent[] = [by(ctx, 'poll.open', { id, proposal: c.proposal, actions, ...viaOf(ctx) })];
  if (actions.length === 0) out.push(hint(ctx.actor, ctx.role, `${id} names no action, so a decision and a /run cannot be tied to it; say which (Tab after /poll lists them)`));
  return out;
};

export const object: Handler<'object'> = (state, c, ctx) => {
  const open = state.polls.find((p) => !p.closed);
  if (!open) return refuse(ctx, 'no poll is open; say it in chat instead');
  return [by(ctx, 'poll.object', { id: open.id, text: c.text })];
};

export const decide: Handler<'decide'> = (state, c, ctx) => {
  const refused = notIc(state, ctx, 'records decisions');
  if (refused) return refused;
  const own = linkIntent(c.text, ctx.scenario).actions;
  const settled = pollFor(state, c.text, own);
  // "Hearing none, we proceed" is about whatever the poll proposed.
  const actions = own.length ? own : [...(settled?.actions ?? [])];
  const id = `X${state.decisions.length + 1}`;
  const out: NewEvent[] = [by(ctx, 'decision', {
    id, pollId: settled?.id ?? null, text: c.text, actions,
    major: actions.some((a) => ctx.scenario.actions.find((x) => x.id === a)?.major), ...viaOf(ctx),
  })];
  if (actions.length === 0) out.push(hint(ctx.actor, ctx.role, `${id} names no action; a /run of what you decided will not count as decided (Tab after /decide lists actions)`));
  return out;
};
