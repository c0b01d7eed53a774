/** The drill's timeline in drill time: the moments a postmortem needs, in words. */
import type { DrillEvent, EventOf, EventType } from '../engine/events';
import type { TimelineEntry } from './types';

const KINDS: { readonly [T in EventType]?: (e: EventOf<T>) => string | undefined } = {
  'alert.fired': (e) => `alert ${String(e.data.title ?? e.data.alert)} fired`,
  'alert.ack': (e) => `${e.actor} acknowledged ${e.data.alert}`,
  'ic.page': (e) => `${e.actor} triggered the incident response${e.data.text ? `: ${e.data.text}` : ''}`,
  'role.claim': (e) => `${e.actor} took command${e.data.via === 'handover' ? ` (handover from ${e.data.from})` : ''}`,
  'role.appoint': (e) => `${e.data.user} appointed ${e.data.role}`,
  'sev.set': (e) => `severity ${e.data.level}${e.data.previous ? ` (was ${e.data.previous})` : ''}`,
  'task.assign': (e) => `${e.data.id} to ${e.data.to}: ${e.data.text}`,
  'task.report': (e) => (e.data.id ? `${e.actor} reported on ${e.data.id}: ${e.data.text}` : undefined),
  'poll.open': (e) => `poll ${e.data.id}: ${e.data.proposal}`,
  decision: (e) => `decision ${e.data.id}: ${e.data.text}`,
  'action.start': (e) => `${e.actor} started ${e.data.action}`,
  'action.done': (e) => `${e.data.action} finished: ${e.data.result}`,
  'status.update': (e) => `status: ${e.data.text}`,
  'external.post': (e) => `posted to customers: ${e.data.text}`,
  'phase.enter': (e) => `world entered phase ${e.data.phase}${e.data.mitigated ? ' (customer impact stopped)' : ''}${e.data.resolved ? ' (cause fixed)' : ''}`,
  inject: (e) => `${e.actor} (${e.data.kind}): ${e.data.text}`,
  'handover.announce': (e) => `${e.actor} handed command to ${e.data.to}`,
  'incident.resolve': (e) => (e.data.mitigated ? `${e.actor} resolved the incident` : `${e.actor} declared it resolved before impact had stopped`),
  'call.end': (e) => `${e.actor} ended the call`,
  'pm.assign': (e) => `${e.data.owner} owns the postmortem`,
  'drill.end': (e) => `drill ended: ${e.data.outcome}`,
  // v2: a question put to the call is decided, like a poll.
  'question.answer': (e) => `${e.actor} answered ${e.data.id}: ${e.data.answer}`,
};

/** Timeline entries for the key events of a journal. */
export function buildTimeline(events: readonly DrillEvent[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const e of events) {
    // KINDS maps each type to a describer of that type, so e fits the one it finds.
    const describe = KINDS[e.type] as ((e: DrillEvent) => string | undefined) | undefined;
    const text = describe?.(e);
    if (text) out.push({ atMs: e.atMs, actor: e.actor, role: e.role, kind: e.type, text });
  }
  return out;
}
