/** The one reducer: the drill state after an event. Pure; the session, the scorer, the bots and the views all fold it. */
import type { DrillEvent } from '../events';
import type { AlertPage, DrillState, PersonState, Poll, Question, Task } from './drill-state';

/** The items with the one whose key matches changed by `f` (the same array when none matches). */
function update<T>(items: readonly T[], match: (x: T) => boolean, f: (x: T) => T): readonly T[] {
  const i = items.findIndex(match);
  if (i < 0) return items;
  const out = items.slice();
  out[i] = f(items[i]!);
  return out;
}

const person = (s: DrillState, name: string, f: (p: PersonState) => PersonState) => ({ ...s, people: update(s.people, (p) => p.info.name === name, f) });
const task = (s: DrillState, id: string, f: (t: Task) => Task) => ({ ...s, tasks: update(s.tasks, (t) => t.id === id, f) });
const page = (s: DrillState, alert: string, f: (a: AlertPage) => AlertPage) => ({ ...s, pages: update(s.pages, (a) => a.alert === alert, f) });
const poll = (s: DrillState, id: string, f: (p: Poll) => Poll) => ({ ...s, polls: update(s.polls, (p) => p.id === id, f) });

/** The state after `e`. Events that change nothing the participants know return the same state object. */
export function evolve(s: DrillState, e: DrillEvent): DrillState {
  const at = e.atMs;
  switch (e.type) {
    case 'drill.start': return { ...s, status: 'running' };
    case 'drill.end': return { ...s, status: 'ended', outcome: e.data.outcome };
    case 'phase.enter': return {
      ...s,
      truth: {
        phase: e.data.phase, ...(s.truth.mitigatedAt !== undefined ? { mitigatedAt: s.truth.mitigatedAt } : e.data.mitigated ? { mitigatedAt: at } : {}),
        ...(s.truth.variables ? { variables: s.truth.variables } : {}),
      },
    };
    case 'alert.fired': {
      const fresh: AlertPage = { alert: e.data.alert, title: e.data.title, firing: true, notified: [] };
      return s.pages.some((a) => a.alert === e.data.alert) ? page(s, e.data.alert, () => fresh) : { ...s, pages: [...s.pages, fresh] };
    }
    case 'alert.notified': return page(s, e.data.alert, (a) => ({ ...a, notified: [...a.notified, e.data.user] }));
    case 'alert.ack': return page(s, e.data.alert, (a) => ({ ...a, ackedBy: e.actor }));
    case 'alert.cleared': return page(s, e.data.alert, (a) => ({ ...a, firing: false }));
    case 'input': return person(s, e.actor, (p) => ({ ...p, lastInput: { atMs: at, text: e.data.text } }));
    case 'ic.page': return { ...s, incident: { ...s.incident, triggeredAt: at } };
    case 'page.sent': return e.data.user === null ? s : person(s, e.data.user, (p) => ({ ...p, pagedAt: at }));
    case 'participant.join': return person(s, e.actor, (p) => (p.joinedAt === undefined ? { ...p, joinedAt: at } : p));
    case 'role.claim': {
      const announced = e.data.via !== 'handover' && (e.data.text ?? '').trim() !== '';
      return { ...s, incident: { ...s.incident, ic: e.actor, icAnnounced: announced } };
    }
    case 'role.announce': return { ...s, incident: { ...s.incident, icAnnounced: true } };
    case 'role.appoint': return person(s, e.data.user, (p) => (p.appointed.includes(e.data.role) ? p : { ...p, appointed: [...p.appointed, e.data.role] }));
    case 'sev.set': return { ...s, incident: { ...s.incident, severity: e.data.level } };
    case 'task.assign': {
      const d = e.data;
      const t: Task = {
        id: d.id, to: d.to, owners: d.owners, by: e.actor, text: d.text, refs: d.refs, actions: d.actions, services: d.services,
        remediation: d.remediation, assignedAt: at, timeboxMs: d.timeboxMs, status: 'open', ...(d.timeboxMs !== null ? { dueAt: at + d.timeboxMs } : {}),
      };
      return { ...s, tasks: [...s.tasks, t] };
    }
    case 'task.ack': return task(s, e.data.id, (t) => (t.ackedAt === undefined ? { ...t, ackedAt: at } : t));
    case 'task.report': return e.data.id === null ? s : task(s, e.data.id, (t) => ({ ...t, status: 'done', reportedAt: at }));
    case 'task.extend': return task(s, e.data.id, (t) => ({ ...t, dueAt: at + e.data.estimateMs }));
    case 'poll.open': {
      const opened: Poll = { id: e.data.id, proposal: e.data.proposal, openedAt: at, actions: e.data.actions, objections: [], closed: false };
      return { ...s, polls: [...s.polls.map((p) => (p.closed ? p : { ...p, closed: true })), opened] };
    }
    case 'poll.object': return poll(s, e.data.id, (p) => ({ ...p, objections: [...p.objections, { by: e.actor, text: e.data.text }] }));
    case 'decision': {
      const { id, pollId, actions } = e.data;
      const settled = pollId === null ? s : poll(s, pollId, (p) => ({ ...p, closed: true, decidedBy: id }));
      return { ...settled, decisions: [...s.decisions, { id, atMs: at, actions, pollId }] };
    }
    case 'status.update': return { ...s, incident: { ...s.incident, lastStatus: { atMs: at, text: e.data.text }, statusCount: (s.incident.statusCount ?? 0) + 1 } };
    case 'draft.submit': return { ...s, drafts: [...s.drafts, { id: e.data.id, by: e.actor, text: e.data.text, at }] };
    case 'draft.approve': return { ...s, drafts: update(s.drafts, (d) => d.id === e.data.id, (d) => ({ ...d, approvedBy: e.actor })) };
    case 'external.post': return { ...s, drafts: update(s.drafts, (d) => d.id === e.data.draftId, (d) => ({ ...d, postedAt: at })) };
    case 'incident.resolve': return e.data.mitigated ? { ...s, incident: { ...s.incident, resolvedAt: at } } : s;
    case 'call.end': return { ...s, incident: { ...s.incident, callEndedAt: at } };
    case 'pm.assign': return { ...s, incident: { ...s.incident, postmortemOwner: e.data.owner } };
    case 'inject': {
      const q = e.data.question;
      if (!q) return s;
      const asked: Question = { id: q.id, index: e.data.index, askedAt: at, ...(q.answers ? { answers: q.answers } : {}) };
      return { ...s, questions: [...(s.questions ?? []).filter((x) => x.id !== q.id), asked] };
    }
    case 'question.answer':
      return { ...s, questions: update(s.questions ?? [], (q) => q.id === e.data.id, (q) => ({ ...q, answer: e.data.answer, answeredBy: e.actor, answeredAt: at })) };
    case 'variable.set': return { ...s, truth: { ...s.truth, variables: { ...s.truth.variables, [e.data.name]: e.data.value } } };
    default: return s;
  }
}

/** The state after a whole journal. */
export function fold(state: DrillState, events: readonly DrillEvent[]): DrillState {
  return events.reduce(evolve, state);
}
