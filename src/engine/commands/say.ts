/** Plain chat, and the IC asking after a task whose time box has run out. */
import { escapeRe } from '../intent/escape-re';
import { mentionsIn } from '../parse-command';
import { eventIdsIn } from '../state/drill-state';
import { by, type Handler, type NewEvent } from './context';

export const say: Handler<'say'> = (state, c, ctx) => {
  const mentions = mentionsIn(c.text, state.people.map((p) => p.info.name));
  const out: NewEvent[] = [by(ctx, 'say', { text: c.text, mentions })];
  if (state.incident.ic !== ctx.actor) return out;
  const ids = eventIdsIn(c.text);
  for (const t of state.tasks) {
    // The IC asking after an expired task: by @name, by name, or by its id.
    const asked = mentions.includes(t.to) || ids.includes(t.id) || new RegExp(`\\b${escapeRe(t.to)}\\b`, 'i').test(c.text);
    if (t.status === 'open' && asked && t.dueAt !== undefined && ctx.now >= t.dueAt) out.push(by(ctx, 'task.followup', { id: t.id, to: t.to }));
  }
  return out;
};
