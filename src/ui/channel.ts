/** Turns journal events into the lines of the incident channel, as the participants see them. */
import type { JournalEvent } from '../engine/journal';
import { stripControl } from '../engine/sanitize';
import { formatDuration } from '../scenario/duration';

export type LineKind = 'chat' | 'system' | 'alert' | 'page' | 'inject' | 'error' | 'result' | 'status' | 'note' | 'command';

export interface ChannelLine {
  readonly seq: number;
  readonly atMs: number;
  readonly who: string;
  readonly role: string;
  readonly kind: LineKind;
  readonly text: string;
  /** Only this person sees the line (their probe results and errors). */
  readonly only?: string;
}

const t = (v: unknown): string => stripControl(String(v ?? ''));

/** "X1 " for an event's id; journals written before ids existed have none. */
const idOf = (v: unknown): string => (v ? `${t(v)} ` : '');

/** Who a task went to: its owners, or the group word it was given to ("someone"), which names nobody. */
export function taskOwners(d: Readonly<Record<string, unknown>>): string {
  if (!Array.isArray(d.owners)) return t(d.to);
  if (d.owners.length === 0) return `${t(d.group ?? d.to)} (no owner)`;
  return d.owners.map(t).join(', ');
}

// A proposal that already asks ("any strong objections?") is not asked twice.
const ASKS_FOR_OBJECTIONS = /\bobjections?\b/i;

/** The channel line for an event, or undefined for events nobody sees (ground truth, raw input). */
export function channelLine(e: JournalEvent): ChannelLine | undefined {
  const d = e.data;
  const line = (kind: LineKind, text: string, only?: string): ChannelLine =>
    ({ seq: e.seq, atMs: e.atMs, who: t(e.actor), role: e.role, kind, text, ...(only ? { only } : {}) });
  switch (e.type) {
    // The briefing is what the players are told at the start (the scenario's summary), never the cause.
    case 'drill.start': return line('system', `The drill has started. Watch for pages; type ? for help.${d.summary ? `\nBriefing: ${t(d.summary)}` : ''}`);
    case 'drill.end': return line('system', `The drill has ended: ${t(d.outcome)}.`);
    case 'alert.fired': return line('alert', `ALERT ${t(d.title)} (${t(d.urgency)} urgency)`);
    case 'alert.notified': return line('page', `PAGE ${t(d.user)} for ${t(d.alert)}${d.escalated ? ' (escalated: no acknowledgement in 5 minutes)' : ''}`);
    case 'alert.ack': return line('system', `${t(e.actor)} acknowledged ${t(d.alert)}`);
    case 'alert.cleared': return line('system', `${t(d.alert)} has recovered`);
    case 'ic.page': return line('page', `${t(e.actor)} triggered the incident response${d.text ? `: ${t(d.text)}` : ''}`);
    case 'page.sent': return line('page', `PAGE ${t(d.user)}${d.team === 'incident-commanders' ? ' (Incident Commander on call)' : ` (${t(d.team)} on call)`}`);
    // Joined by saying who they are in chat: their words, not a system name, follow.
    case 'participant.join': return line('system', `${t(e.actor)} joined the call${!d.system ? '' : d.via === 'chat' ? `: ${t(d.system)}` : ` (${t(d.system)})`}`);
    // A handover makes the new IC the holder without their saying anything: the channel says so, not them.
    case 'role.claim': return d.via === 'handover'
      ? line('system', `${t(e.actor)} now has command${d.from ? ` (handed over by ${t(d.from)})` : ''}`)
      : line('command', d.text ? t(d.text) : 'took command');
    case 'role.announce': return line('command', d.text ? t(d.text) : 'announced command');
    case 'role.appoint': return line('command', `appointed ${t(d.user)} as ${t(d.role)}`);
    case 'sev.set': return line('command', `declared ${t(d.level)}${d.note ? `: ${t(d.note)}` : ''}`);
    case 'task.assign': return line('command', `${t(d.id)} → ${taskOwners(d)}: ${t(d.text)}${d.timeboxMs ? ` (report in ${formatDuration(Number(d.timeboxMs))})` : ''}`);
    case 'task.ack': return line('chat', `wilco ${t(d.id)}`);
    case 'task.report': return line('chat', `${d.id ? `${t(d.id)}: ` : ''}${t(d.text)}`);
    case 'task.extend': return line('chat', `need ${formatDuration(Number(d.estimateMs))} more on ${t(d.id)}`);
    case 'task.due': return line('system', `${t(d.id)}'s time box has run out (${t(d.to)})`);
    case 'probe.start': return line('system', `${t(e.actor)} is checking ${t(d.probe)}`);
    case 'probe.result': {
      const metrics = (d.metrics as { ref: string; value: string }[] | undefined ?? []).map((m) => `${t(m.ref)}=${t(m.value)}`).join('  ');
      const logs = (d.logs as string[] | undefined ?? []).slice(-3).map((l) => `  ${t(l)}`).join('\n');
      return line('result', `${t(d.probe)}: ${t(d.text)}${metrics ? `\n  ${metrics}` : ''}${logs ? `\n${logs}` : ''}`, e.actor);
    }
    case 'action.start': return line('system', `${t(e.actor)} is running ${t(d.action)}`);
    case 'action.done': return line('system', `${t(d.action)} finished: ${t(d.result)}`);
    case 'poll.open': return line('command', `POLL ${idOf(d.id)}${t(d.proposal)}${ASKS_FOR_OBJECTIONS.test(String(d.proposal ?? '')) ? '' : ' — any strong objections?'}`);
    case 'poll.object': return line('chat', `objection: ${t(d.text)}`);
    case 'decision': return line('command', `DECISION ${idOf(d.id)}${t(d.text)}`);
    case 'status.update': return line('status', `STATUS ${idOf(d.id)}${t(d.text)}`);
    case 'scribe.note': return line('note', `${d.todo ? 'TODO ' : 'note: '}${t(d.text)}`);
    case 'draft.submit': return line('chat', `draft ${t(d.id)}: ${t(d.text)}`);
    case 'draft.approve': return line('command', `approved ${t(d.id)}`);
    case 'external.post': return line('status', `POSTED to customers: ${t(d.text)}`);
    case 'handover.announce': return line('command', `hands command to ${t(d.to)}`);
    case 'incident.resolve': return line('command', d.mitigated ? 'resolved the incident' : 'declared the incident resolved (impact has not stopped yet)');
    case 'call.end': return line('command', 'ended the call');
    case 'pm.assign': return line('command', `${Array.isArray(d.owners) ? d.owners.map(t).join(' and ') : t(d.owner)} ${Array.isArray(d.owners) ? 'own' : 'owns'} the postmortem${d.due ? `, due ${t(d.due)}` : ''}`);
    case 'say': return line('chat', t(d.text));
    case 'inject': return line('inject', `[${t(d.kind)}] ${t(d.text)}`);
    case 'cmd.error': return line('error', `${t(d.message)}${d.suggestion ? ` — ${t(d.suggestion)}` : ''}`, e.actor);
    case 'facilitator.pause': return line('system', 'The facilitator paused the drill clock.');
    case 'facilitator.resume': return line('system', 'The drill clock runs again.');
    case 'facilitator.speed': return line('system', `Drill speed is now ${t(d.speed)}x.`);
    case 'facilitator.inject-now': return line('system', 'The facilitator fired the next inject.');
    case 'facilitator.end': return line('system', 'The facilitator ended the drill.');
    // A hint is private advice for the hint line (DrillStore keeps it), never a channel line.
    case 'cmd.hint': return undefined;
    default: return undefined;
  }
}
