/** Telling people: severity, status updates, scribe notes, and customer-facing drafts. */
import { linkIntent } from '../intent/link';
import { eventIdsIn } from '../state/drill-state';
import { by, notIc, refuse, viaOf, type Handler } from './context';

export const sev: Handler<'sev'> = (state, c, ctx) => notIc(state, ctx, 'declares severity') ?? [by(ctx, 'sev.set', {
  level: c.level, previous: state.incident.severity ?? null, mitigated: ctx.mitigated, ...(c.note ? { note: c.note } : {}), ...viaOf(ctx),
})];

export const status: Handler<'status'> = (state, c, ctx) => notIc(state, ctx, 'gives status updates') ?? [by(ctx, 'status.update', {
  id: `S${(state.incident.statusCount ?? 0) + 1}`, audience: 'call', text: c.text, severity: state.incident.severity ?? null, ...viaOf(ctx),
})];

export const note: Handler<'note' | 'todo'> = (_state, c, ctx) => {
  const about = linkIntent(c.text, ctx.scenario);
  const refs = [...new Set([...eventIdsIn(c.text), ...about.actions, ...about.probes])];
  return [by(ctx, 'scribe.note', { text: c.text, todo: c.kind === 'todo' || /^todo\b/i.test(c.text), refs })];
};

export const draft: Handler<'draft'> = (state, c, ctx) => [by(ctx, 'draft.submit', { id: `D${state.drafts.length + 1}`, text: c.text })];

export const approve: Handler<'approve'> = (state, c, ctx) => {
  const refused = notIc(state, ctx, 'approves external messages');
  if (refused) return refused;
  const d = c.draftId ? state.drafts.find((x) => x.id === c.draftId) : [...state.drafts].reverse().find((x) => !x.approvedBy && x.postedAt === undefined);
  if (!d) return refuse(ctx, c.draftId ? `no draft ${c.draftId}` : 'there is no draft waiting for approval');
  return [by(ctx, 'draft.approve', { id: d.id, ...viaOf(ctx) })];
};

export const post: Handler<'post'> = (state, c, ctx) => {
  const d = c.draftId ? state.drafts.find((x) => x.id === c.draftId) : [...state.drafts].reverse().find((x) => x.postedAt === undefined);
  if (!d) return refuse(ctx, c.draftId ? `no draft ${c.draftId}` : 'there is no draft to post; /draft one first');
  if (d.postedAt !== undefined) return refuse(ctx, `${d.id} was already posted`);
  return [by(ctx, 'external.post', { draftId: d.id, text: d.text, approvedBy: d.approvedBy ?? null })];
};
