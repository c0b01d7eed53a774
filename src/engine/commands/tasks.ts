/** Tasks: assigning one, acknowledging it, reporting on it, asking for more time. */
import { linkIntent } from '../intent/link';
import { eventIdsIn, personOf, type DrillState, type Task } from '../state/drill-state';
import { by, hint, notIc, refuse, viaOf, type Handler, type NewEvent } from './context';

/** How long after a decision "do it" in an assignment still means that decision. */
const DECISION_CARRIES_MS = 10 * 60_000;
// Words that carry out what was just decided: "go ahead", "do it", "run X1", "execute", "make it happen".
const CARRY_OUT_RE = /\b(?:do|run|execute|carry|perform|implement|apply|action|go ahead|proceed|make it (?:so|happen)|kick (?:it )?off|start|handle|take care of)\b/i;

/** An open task of this person: the one named, else one their words are about, else their oldest. */
export function openTaskOf(state: DrillState, scenario: Parameters<typeof linkIntent>[1], name: string, id?: string, text?: string): Task | undefined {
  if (id) return state.tasks.find((t) => t.id === id && t.owners.includes(name));
  const open = state.tasks.filter((t) => t.owners.includes(name) && t.status === 'open');
  if (text !== undefined && open.length > 1) {
    const about = linkIntent(text, scenario);
    const hit = open.find((t) => t.refs.some((r) => about.actions.includes(r) || about.probes.includes(r)));
    if (hit) return hit;
  }
  return open[0];
}

/** A decision in words ("run X1", or "do it" right after deciding): the actions a task carries out. */
function decidedActions(state: DrillState, text: string, now: number, namesOwn: boolean): string[] {
  const named = eventIdsIn(text).filter((id) => id.startsWith('X'));
  const byId = state.decisions.filter((d) => named.includes(d.id)).flatMap((d) => d.actions);
  if (byId.length || namesOwn) return byId;
  // Only a task that names nothing else carries out the last decision: "check the logs, run the query" does not.
  const last = state.decisions.at(-1);
  const recent = last !== undefined && now - last.atMs <= DECISION_CARRIES_MS;
  return recent && CARRY_OUT_RE.test(text) ? [...last.actions] : [];
}

export const assign: Handler<'assign'> = (state, c, ctx) => {
  const refused = notIc(state, ctx, 'assigns tasks');
  if (refused) return refused;
  const id = `T${state.tasks.length + 1}`;
  const about = linkIntent(c.task, ctx.scenario);
  const actions = [...new Set([...about.actions, ...decidedActions(state, c.task, ctx.now, about.actions.length + about.probes.length > 0)])];
  const refs = [...actions, ...about.probes];
  const to = c.owners[0] ?? c.group ?? 'someone';
  const out: NewEvent[] = [by(ctx, 'task.assign', {
    id, to, owners: c.owners, ...(c.group ? { group: c.group } : {}), text: c.task, timeboxMs: c.timeboxMs, refs, actions,
    services: about.services, remediation: about.remediation || actions.length > 0,
  })];
  // Say at once what was kept, so a lost owner or time box is not first found in the scorecard.
  const kept: string[] = [];
  if (c.group) kept.push(`${id} went to "${c.group}", which is nobody in particular: give it to one person by name`);
  else if (c.owners.length > 1) kept.push(`${id} went to ${c.owners.join(' and ')}: one owner per task keeps it clear (give each their own)`);
  if (c.unreadTimebox) kept.push(`${id} has no time box: "${c.unreadTimebox}" is not a time I can count down (say "in 5m")`);
  else if (c.timeboxMs === null) kept.push(`${id} has no time box (add "in 5m")`);
  if (refs.length === 0) kept.push(`${id} names no probe or action${about.services.length ? ` on ${about.services.join(', ')}` : ''}; Tab after the task lists them`);
  if (kept.length) out.push(hint(ctx.actor, ctx.role, kept.join('; ')));
  return out;
};

export const wilco: Handler<'wilco'> = (state, c, ctx) => {
  const task = c.taskId
    ? openTaskOf(state, ctx.scenario, ctx.actor, c.taskId)
    : state.tasks.find((t) => t.owners.includes(ctx.actor) && t.status === 'open' && t.ackedAt === undefined);
  if (!task) return refuse(ctx, c.taskId ? `${c.taskId} is not a task of yours` : 'you have no task to acknowledge');
  return [by(ctx, 'task.ack', { id: task.id, ...viaOf(ctx) })];
};

export const report: Handler<'report'> = (state, c, ctx) => {
  const task = openTaskOf(state, ctx.scenario, ctx.actor, c.taskId, c.text);
  if (c.taskId && !task) return refuse(ctx, `${c.taskId} is not a task of yours`);
  return [by(ctx, 'task.report', { id: task?.id ?? null, text: c.text, ...viaOf(ctx) })];
};

export const more: Handler<'more'> = (state, c, ctx) => {
  const task = openTaskOf(state, ctx.scenario, ctx.actor, c.taskId);
  if (!task || task.status !== 'open') return refuse(ctx, c.taskId ? `${c.taskId} is not an open task of yours` : 'you have no open task to extend');
  return [by(ctx, 'task.extend', { id: task.id, estimateMs: c.ms, ...viaOf(ctx) })];
};

/** Whether a task covers running an action: named in it, or (for a minor action) a fix asked of its service. */
export function covers(state: DrillState, scenario: Parameters<typeof linkIntent>[1], task: Task, action: Parameters<typeof linkIntent>[1]['actions'][number]): boolean {
  if (task.actions.includes(action.id)) return true;
  // A major action needs to be named: "look at orders-api" does not cover rolling it back (RD-15).
  if (action.major || !task.remediation) return false;
  if (task.services.includes(action.service)) return true;
  const team = personOf(state, task.to)?.info.team;
  return task.refs.length === 0 && task.services.length === 0 && scenario.services.some((x) => x.id === action.service && x.owner === team);
}
