/** No freelancing: RD-15 act on an assignment, RD-16 no self-dispatch, RD-17 don't take someone else's task, RD-38 don't ack others' pages. */
import type { EventOf } from '../../engine/events';
import { COMMAND_STAFF, type Role } from '../../engine/roles';
import { violation, type Rule } from '../rule';
import { ownersOf } from './tasks';
import type { Violation } from '../types';

export const noFreelancing: Rule = {
  id: 'RD-15', title: 'No remediation without an assignment from the IC', role: 'responder', severity: 'high',
  source: 'before/call_etiquette.md; training/subject_matter_expert.md',
  notApplicable: ({ ix }) => (ix.of('action.start').filter((e) => e.role !== 'ic').length === 0 ? 'no remediation was run by anyone but the IC' : undefined),
  check: ({ ix }) => {
    // Running someone else's task is RD-17's to judge; one act costs one rule.
    const taken = new Set(takenOver(ix).map((t) => t.event.seq));
    return {
      violations: ix.of('action.start')
        .filter((e) => e.role !== 'ic' && e.data.taskId === null && !taken.has(e.seq))
        .map((e) => violation(e, `ran ${e.data.action} without an assignment covering it`)),
    };
  },
};

export const noSelfDispatch: Rule = {
  id: 'RD-16', title: 'Responders join only when paged or asked', role: 'responder', severity: 'low',
  source: 'training/subject_matter_expert.md; resources/anti_patterns.md',
  check: ({ ix, header }) => {
    const responders = new Set(header.participants.filter((p) => p.seat === 'responder').map((p) => p.name));
    const paged = new Set<string>();
    const out: Violation[] = [];
    for (const e of ix.events) {
      if ((e.type === 'alert.notified' || e.type === 'page.sent') && e.data.user !== null) paged.add(e.data.user);
      if (e.type === 'role.appoint') paged.add(e.data.user);
      if (e.type === 'task.assign') for (const o of ownersOf(e)) paged.add(o);
      if (e.type === 'participant.join' && responders.has(e.actor) && !paged.has(e.actor) && e.role === 'responder') {
        out.push(violation(e, 'joined without being paged or asked'));
      }
    }
    return { violations: out };
  },
};

export const ownTasksOnly: Rule = {
  id: 'RD-17', title: 'Don\'t work a task assigned to someone else', role: 'responder', severity: 'medium',
  source: 'resources/anti_patterns.md',
  notApplicable: ({ ix }) => (ix.of('task.assign').length === 0 ? 'no tasks were assigned' : undefined),
  check: ({ ix }) => ({
    violations: takenOver(ix).map(({ event, task }) => violation(event, `worked on ${event.type === 'action.start' ? event.data.action : event.data.probe}, which is ${task.data.id} of ${ownersOf(task).join(' and ') || task.data.to}, without asking them first`)),
  }),
};

/**
 * Work on another person's open task without asking them first. Command staff are left out: their hands-on
 * work is RD-07 and RD-08 already.
 */
type Work = EventOf<'action.start' | 'probe.start'>;

function takenOver(ix: Parameters<Rule['check']>[0]['ix']): { event: Work; task: EventOf<'task.assign'> }[] {
  const open = new Map<string, EventOf<'task.assign'>>();
  // Asking the owner first makes it fine: "@carol, I'll take the rollback, ok?".
  const asked = new Set<string>();
  const out: { event: Work; task: EventOf<'task.assign'> }[] = [];
  for (const e of ix.events) {
    if (e.type === 'task.assign') open.set(e.data.id, e);
    else if (e.type === 'task.report' && e.data.id) open.delete(e.data.id);
    else if (e.type === 'say') for (const m of e.data.mentions) asked.add(`${e.actor}>${m}`);
    else if ((e.type === 'action.start' || e.type === 'probe.start') && !COMMAND_STAFF.includes(e.role as Role)) {
      const target = e.type === 'action.start' ? e.data.action : e.data.probe;
      const tasks = [...open.values()];
      if (tasks.some((t) => ownersOf(t).includes(e.actor) && aboutTarget(t, e.type).includes(target))) continue;
      // A task given to nobody in particular ("someone") is nobody's to take over.
      const other = tasks.find((t) => ownersOf(t).length > 0 && !ownersOf(t).includes(e.actor) && aboutTarget(t, e.type).includes(target) && !ownersOf(t).some((o) => asked.has(`${e.actor}>${o}`)));
      if (other) out.push({ event: e, task: other });
    }
  }
  return out;
}

/** What a task is about for RD-17: the actions it covers, and a probe only when it names just that one. */
function aboutTarget(assign: EventOf<'task.assign'>, kind: Work['type']): readonly string[] {
  const { refs, actions } = assign.data;
  if (kind === 'action.start') return actions;
  const probes = refs.filter((r) => !actions.includes(r));
  return probes.length === 1 ? probes : [];
}

export const ackOwnPage: Rule = {
  id: 'RD-38', title: 'Don\'t acknowledge an alert that paged someone else', role: 'responder', severity: 'low',
  source: 'oncall/being_oncall.md',
  notApplicable: ({ ix }) => (ix.of('alert.ack').length === 0 ? 'no alert was acknowledged' : undefined),
  check: ({ ix }) => ({
    violations: ix.of('alert.ack').filter((e) => e.data.paged === false).map((e) => violation(e, `acknowledged ${e.data.alert}, which paged someone else`)),
  }),
};
