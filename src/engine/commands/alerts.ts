/** Pages: acknowledging an alert, triggering the incident response, paging a team. */
import { formatClock } from '../../scenario/duration';
import { by, refuse, type Handler } from './context';
import { wilco } from './tasks';

export const ack: Handler<'ack'> = (state, c, ctx) => {
  const mine = state.pages.find((a) => !a.ackedBy && a.notified.includes(ctx.actor));
  const unackedTask = state.tasks.find((t) => t.owners.includes(ctx.actor) && t.status === 'open' && t.ackedAt === undefined);
  // "/ack T1", or "/ack" with no page waiting but a task to acknowledge, is a /wilco.
  if (c.taskId !== undefined || (!mine && unackedTask)) return wilco(state, { kind: 'wilco', ...(c.taskId ? { taskId: c.taskId } : {}) }, ctx);
  const any = mine ?? state.pages.find((a) => !a.ackedBy);
  if (!any) return refuse(ctx, 'there is no unacknowledged page or task');
  return [by(ctx, 'alert.ack', { alert: any.alert, paged: any.notified.includes(ctx.actor) })];
};

export const trigger: Handler<'trigger'> = (state, c, ctx) => {
  const t = state.incident.triggeredAt;
  if (t !== undefined) return refuse(ctx, `incident response is already under way (triggered at T+${formatClock(t)})`);
  const ic = state.people.find((p) => p.info.seat === 'ic');
  return [by(ctx, 'ic.page', { text: c.text }), ...(ic ? [by(ctx, 'page.sent', { team: 'incident-commanders', user: ic.info.name })] : [])];
};

export const page: Handler<'page'> = (state, c, ctx) => {
  const primary = state.people.find((p) => p.info.team === c.team && p.info.onCall === 'primary');
  return [by(ctx, 'page.sent', { team: c.team, user: primary?.info.name ?? null })];
};
