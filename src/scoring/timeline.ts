/** The drill's timeline in drill time: the moments a postmortem needs, in words. */
import type { JournalEvent } from '../engine/journal';
import type { TimelineEntry } from './types';

const KINDS: Readonly<Record<string, (e: JournalEvent) => string | undefined>> = {
  'alert.fired': (e) => `alert ${String(e.data.title ?? e.data.alert)} fired`,
  'alert.ack': (e) => `${e.actor} acknowledged ${String(e.data.alert)}`,
  'ic.page': (e) => `${e.actor} triggered the incident response${e.data.text ? `: ${String(e.data.text)}` : ''}`,
  'role.claim': (e) => `${e.actor} took command${e.data.via === 'handover' ? ` (handover from ${String(e.data.from)})` : ''}`,
  'role.appoint': (e) => `${String(e.data.user)} appointed ${String(e.data.role)}`,
  'sev.set': (e) => `severity ${String(e.data.level)}${e.data.previous ? ` (was ${String(e.data.previous)})` : ''}`,
  'task.assign': (e) => `${String(e.data.id)} to ${String(e.data.to)}: ${String(e.data.text)}`,
  'task.report': (e) => (e.data.id ? `${e.actor} reported on ${String(e.data.id)}: ${String(e.data.text)}` : undefined),
  'poll.open': (e) => `poll ${String(e.data.id)}: ${String(e.data.proposal)}`,
  decision: (e) => `decision ${String(e.data.id)}: ${String(e.data.text)}`,
  'action.start': (e) => `${e.actor} started ${String(e.data.action)}`,
  'action.done': (e) => `${String(e.data.action)} finished: ${String(e.data.result)}`,
  'status.update': (e) => `status: ${String(e.data.text)}`,
  'external.post': (e) => `posted to customers: ${String(e.data.text)}`,
  'phase.enter': (e) => `world entered phase ${String(e.data.phase)}${e.data.mitigated ? ' (customer impact stopped)' : ''}${e.data.resolved ? ' (cause fixed)' : ''}`,
  inject: (e) => `${e.actor} (${String(e.data.kind)}): ${String(e.data.text)}`,
  'handover.announce': (e) => `${e.actor} handed command to ${String(e.data.to)}`,
  'incident.resolve': (e) => (e.data.mitigated ? `${e.actor} resolved the incident` : `${e.actor} declared it resolved before impact had stopped`),
  'call.end': (e) => `${e.actor} ended the call`,
  'pm.assign': (e) => `${String(e.data.owner)} owns the postmortem`,
  'drill.end': (e) => `drill ended: ${String(e.data.outcome)}`,
};

/** Timeline entries for the key events of a journal. */
export function buildTimeline(events: readonly JournalEvent[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const e of events) {
    const describe = KINDS[e.type];
    const text = describe?.(e);
    if (text) out.push({ atMs: e.atMs, actor: e.actor, role: e.role, kind: e.type, text });
  }
  return out;
}
