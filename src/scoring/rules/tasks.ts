/** Task discipline: RD-09 one named owner, RD-10 a time box, RD-11 acknowledged, RD-12 IC follows up, RD-13 report or extend. */
import { asksSomeone } from '../../engine/intent/phrases';
import type { DrillEvent, EventOf } from '../../engine/events';
import { formatDuration } from '../../scenario/duration';
import { dueInDrill, icAt, PARAMS } from '../journal-index';
import { violation, type Rule, type ScoringContext } from '../rule';
import type { Violation } from '../types';

type TaskEvent = EventOf<'task.assign' | 'task.ack' | 'task.report' | 'task.extend' | 'task.due' | 'task.followup'>;

/** Everyone a task was given to. */
export function ownersOf(assign: EventOf<'task.assign'>): readonly string[] {
  return assign.data.owners;
}

function isTaskEvent(e: DrillEvent): e is TaskEvent {
  return e.type === 'task.assign' || e.type === 'task.ack' || e.type === 'task.report' || e.type === 'task.extend' || e.type === 'task.due' || e.type === 'task.followup';
}

const noTasks = ({ ix }: ScoringContext) => (ix.of('task.assign').length === 0 ? 'no tasks were assigned' : undefined);

/** For each task id, the events about it in order. */
function taskEvents(ctx: ScoringContext): Map<string, TaskEvent[]> {
  const m = new Map<string, TaskEvent[]>();
  for (const e of ctx.ix.events) {
    if (!isTaskEvent(e)) continue;
    const id = e.data.id;
    if (id === null) continue;
    const list = m.get(id);
    if (list) list.push(e);
    else m.set(id, [e]);
  }
  return m;
}

export const namedOwner: Rule = {
  id: 'RD-09', title: 'Every task goes to one named person, never "can someone..."', role: 'ic', severity: 'medium',
  source: 'training/incident_commander.md',
  notApplicable: ({ ix }) => (ix.tIc === undefined ? 'nobody took command' : undefined),
  check: ({ ix }) => ({
    violations: [
      ...ix.of('say').filter((e) => e.role === 'ic' && asksSomeone(e.data.text)).map((e) => violation(e, 'asked "can someone..." instead of naming one person')),
      ...ix.of('task.assign').filter((e) => ownersOf(e).length !== 1).map((e) => violation(e, ownersOf(e).length === 0
        ? `${e.data.id} went to "${e.data.to}", not to one named person`
        : `${e.data.id} went to ${ownersOf(e).join(' and ')} at once; one owner per task`)),
    ].sort((a, b) => a.evidence.seq - b.evidence.seq),
  }),
};

/** Direct reports the IC can keep track of (resources/anti_patterns.md: "7 or 8"). */
const SPAN = 7;

export const spanOfControl: Rule = {
  id: 'RD-23', title: 'No more than about seven people report directly to the IC at once', role: 'ic', severity: 'low',
  source: 'resources/anti_patterns.md; before/complex_incidents.md', notApplicable: noTasks,
  check: ({ ix }) => {
    const open = new Map<string, string>();
    for (const e of ix.events) {
      if (e.type === 'task.assign') open.set(e.data.id, e.data.to);
      else if (e.type === 'task.report' && e.data.id) open.delete(e.data.id);
      const owners = new Set(open.values());
      if (e.type === 'task.assign' && owners.size > SPAN) {
        return { violations: [violation(e, `${owners.size} people had open tasks from the IC at once; split the response into sub-teams`)] };
      }
    }
    return { violations: [] };
  },
};

export const timeBox: Rule = {
  id: 'RD-10', title: 'Every task has a time box', role: 'ic', severity: 'high',
  source: 'training/incident_commander.md', notApplicable: noTasks,
  check: ({ ix }) => {
    const tasks = ix.of('task.assign');
    const bad = tasks.filter((e) => e.data.timeboxMs === null);
    return { violations: bad.map((e) => violation(e, `${e.data.id} for ${e.data.to} had no time box`)), penalty: bad.length / tasks.length };
  },
};

export const taskAcknowledged: Rule = {
  id: 'RD-11', title: 'Assignments are acknowledged within a minute', role: 'responder', severity: 'medium',
  source: 'training/incident_commander.md; before/call_etiquette.md', notApplicable: noTasks,
  check: (ctx) => {
    const out: Violation[] = [];
    const assigns = ctx.ix.of('task.assign');
    const byTask = taskEvents(ctx);
    for (const a of assigns) {
      // A task given to nobody in particular cannot be acknowledged; RD-09 holds the IC to account for it.
      if (ownersOf(a).length === 0) continue;
      const ack = byTask.get(a.data.id)?.find((e) => e.type === 'task.ack');
      if (!ack && !dueInDrill(ctx.ix, a.atMs + PARAMS.T_ACK_TASK, a.atMs)) continue;
      if (!ack || ack.atMs - a.atMs > PARAMS.T_ACK_TASK) {
        out.push(violation(ack ?? a, ack ? `${a.data.id} was acknowledged after ${formatDuration(ack.atMs - a.atMs)}` : `${a.data.id} was never acknowledged (/wilco)`, a.data.to));
      }
    }
    return { violations: out, penalty: out.length / Math.max(1, assigns.filter((a) => ownersOf(a).length > 0).length) };
  },
};

/** Expired time boxes: task.due events whose task was still open. */
function expiries(ctx: ScoringContext): { due: EventOf<'task.due'>; later: TaskEvent[] }[] {
  const byTask = taskEvents(ctx);
  return ctx.ix.of('task.due').map((due) => ({ due, later: (byTask.get(due.data.id) ?? []).filter((e) => e.seq > due.seq) }));
}

const noExpiry = (ctx: ScoringContext) => (ctx.ix.of('task.due').length === 0 ? 'no time box ran out' : undefined);

export const icFollowsUp: Rule = {
  id: 'RD-12', title: 'The IC follows up when a time box runs out', role: 'ic', severity: 'medium',
  source: 'training/incident_commander.md', notApplicable: noExpiry,
  check: (ctx) => {
    const out: Violation[] = [];
    for (const { due, later } of expiries(ctx)) {
      const answered = later.find((e) => e.type === 'task.followup' || e.type === 'task.report' || e.type === 'task.extend');
      if (!answered && !dueInDrill(ctx.ix, due.atMs + PARAMS.GRACE, due.atMs)) continue;
      if (!answered || answered.atMs - due.atMs > PARAMS.GRACE) {
        out.push(violation(due, `nobody followed up on ${due.data.id} when its time box ran out`, icAt(ctx.ix, due.atMs) ?? 'nobody'));
      }
    }
    return { violations: out };
  },
};

export const reportOrExtend: Rule = {
  id: 'RD-13', title: 'The assignee reports by the deadline or asks for more time with an estimate', role: 'responder', severity: 'medium',
  source: 'before/call_etiquette.md', notApplicable: noExpiry,
  check: (ctx) => {
    const out: Violation[] = [];
    const owners = new Map(ctx.ix.of('task.assign').map((a) => [a.data.id, ownersOf(a)]));
    for (const { due, later } of expiries(ctx)) {
      const mine = owners.get(due.data.id) ?? [];
      if (mine.length === 0) continue;
      const answered = later.find((e) => (e.type === 'task.report' || e.type === 'task.extend') && mine.includes(e.actor));
      if (!answered && !dueInDrill(ctx.ix, due.atMs + PARAMS.GRACE, due.atMs)) continue;
      if (!answered || answered.atMs - due.atMs > PARAMS.GRACE) {
        out.push(violation(due, `${due.data.id} ran out without a report or a request for more time`, due.data.to));
      }
    }
    return { violations: out };
  },
};
