/** Turns journal events into the lines of the incident channel, as the participants see them. */
import type { EventData } from '../engine/events';
import type { SeenEvent } from '../engine/view/visibility';
import { stripControl } from '../engine/sanitize';
import { formatDuration } from '../scenario/duration';
import { storyTime } from '../scenario/story-clock';

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
  /** v2 with a story clock: the story's time of day when it was said, HH:MM:SS (the channel shows HH:MM). */
  readonly story?: string;
}

const t = (v: unknown): string => stripControl(String(v ?? ''));

/** "X1 " for an event's id; journals written before ids existed have none. */
const idOf = (v: unknown): string => (v ? `${t(v)} ` : '');

/** Who a task went to: its owners, or the group word it was given to ("someone"), which names nobody. */
export function taskOwners(d: EventData<'task.assign'>): string {
  if (d.owners.length === 0) return `${t(d.group ?? d.to)} (no owner)`;
  return d.owners.map(t).join(', ');
}

// A proposal that already asks ("any strong objections?") is not asked twice.
const ASKS_FOR_OBJECTIONS = /\bobjections?\b/i;

/** The channel line for an event, or undefined for events nobody sees (ground truth, raw input); `clockMs`: the story clock. */
export function channelLine(e: SeenEvent, clockMs?: number): ChannelLine | undefined {
  const line = (kind: LineKind, text: string, only?: string): ChannelLine =>
    ({ seq: e.seq, atMs: e.atMs, who: t(e.actor), role: e.role, kind, text, ...(only ? { only } : {}), ...(clockMs !== undefined ? { story: storyTime(e.atMs, clockMs) } : {}) });
  switch (e.type) {
    // The briefing is what the players are told at the start (the scenario's summary), never the cause.
    case 'drill.start': return line('system', `The drill has started. Watch for pages; type ? for help.${e.data.summary ? `\nBriefing: ${t(e.data.summary)}` : ''}`);
    case 'drill.end': return line('system', `The drill has ended: ${t(e.data.outcome)}.`);
    case 'alert.fired': return line('alert', `ALERT ${t(e.data.title)} (${t(e.data.urgency)} urgency)`);
    case 'alert.notified': return line('page', `PAGE ${t(e.data.user)} for ${t(e.data.alert)}${e.data.escalated ? ' (escalated: no acknowledgement in 5 minutes)' : ''}`);
    case 'alert.ack': return line('system', `${t(e.actor)} acknowledged ${t(e.data.alert)}`);
    case 'alert.cleared': return line('system', `${t(e.data.alert)} has recovered`);
    case 'ic.page': return line('page', `${t(e.actor)} triggered the incident response${e.data.text ? `: ${t(e.data.text)}` : ''}`);
    case 'page.sent': return line('page', `PAGE ${t(e.data.user)}${e.data.team === 'incident-commanders' ? ' (Incident Commander on call)' : ` (${t(e.data.team)} on call)`}`);
    // Joined by saying who they are in chat: their words, not a system name, follow.
    case 'participant.join': return line('system', `${t(e.actor)} joined the call${!e.data.system ? '' : e.data.via === 'chat' ? `: ${t(e.data.system)}` : ` (${t(e.data.system)})`}`);
    // A handover makes the new IC the holder without their saying anything: the channel says so, not them.
    case 'role.claim': return e.data.via === 'handover'
      ? line('system', `${t(e.actor)} now has command${e.data.from ? ` (handed over by ${t(e.data.from)})` : ''}`)
      : line('command', e.data.text ? t(e.data.text) : 'took command');
    case 'role.announce': return line('command', e.data.text ? t(e.data.text) : 'announced command');
    case 'role.appoint': return line('command', `appointed ${t(e.data.user)} as ${t(e.data.role)}`);
    case 'sev.set': return line('command', `declared ${t(e.data.level)}${e.data.note ? `: ${t(e.data.note)}` : ''}`);
    case 'task.assign': return line('command', `${t(e.data.id)} → ${taskOwners(e.data)}: ${t(e.data.text)}${e.data.timeboxMs ? ` (report in ${formatDuration(Number(e.data.timeboxMs))})` : ''}`);
    case 'task.ack': return line('chat', `wilco ${t(e.data.id)}`);
    case 'task.report': return line('chat', `${e.data.id ? `${t(e.data.id)}: ` : ''}${t(e.data.text)}`);
    case 'task.extend': return line('chat', `need ${formatDuration(Number(e.data.estimateMs))} more on ${t(e.data.id)}`);
    case 'task.due': return line('system', `${t(e.data.id)}'s time box has run out (${t(e.data.to)})`);
    case 'probe.start': return line('system', `${t(e.actor)} is checking ${t(e.data.probe)}`);
    case 'probe.result': {
      const metrics = e.data.metrics.map((m) => `${t(m.label ?? m.ref)}=${t(m.value)}`).join('  ');
      // Every log line the check read: a result is never cut in the channel (the detail view has it too).
      const logs = e.data.logs.map((l) => `  ${t(l)}`).join('\n');
      return line('result', `${t(e.data.probe)}: ${t(e.data.text)}${metrics ? `\n  ${metrics}` : ''}${logs ? `\n${logs}` : ''}`, e.actor);
    }
    case 'action.start': return line('system', `${t(e.actor)} is running ${t(e.data.action)}`);
    case 'action.done': return line('system', `${t(e.data.action)} finished: ${t(e.data.result)}`);
    case 'poll.open': return line('command', `POLL ${idOf(e.data.id)}${t(e.data.proposal)}${ASKS_FOR_OBJECTIONS.test(String(e.data.proposal ?? '')) ? '' : ' — any strong objections?'}`);
    case 'poll.object': return line('chat', `objection: ${t(e.data.text)}`);
    case 'decision': return line('command', `DECISION ${idOf(e.data.id)}${t(e.data.text)}`);
    case 'status.update': return line('status', `STATUS ${idOf(e.data.id)}${t(e.data.text)}`);
    case 'scribe.note': return line('note', `${e.data.todo ? 'TODO ' : 'note: '}${t(e.data.text)}`);
    case 'draft.submit': return line('chat', `draft ${t(e.data.id)}: ${t(e.data.text)}`);
    case 'draft.approve': return line('command', `approved ${t(e.data.id)}`);
    case 'external.post': return line('status', `POSTED to customers: ${t(e.data.text)}`);
    case 'handover.announce': return line('command', `hands command to ${t(e.data.to)}`);
    case 'incident.resolve': return line('command', e.data.mitigated ? 'resolved the incident' : 'declared the incident resolved (impact has not stopped yet)');
    case 'call.end': return line('command', 'ended the call');
    case 'pm.assign': return line('command', `${Array.isArray(e.data.owners) ? e.data.owners.map(t).join(' and ') : t(e.data.owner)} ${Array.isArray(e.data.owners) ? 'own' : 'owns'} the postmortem${e.data.due ? `, due ${t(e.data.due)}` : ''}`);
    case 'say': return line('chat', t(e.data.text));
    case 'inject': return line('inject', `[${t(e.data.kind)}] ${t(e.data.text)}${e.data.question ? ` (answer: /answer ${t(e.data.question.id)} ${e.data.question.answers ? e.data.question.answers.map(t).join('|') : 'TEXT'})` : ''}`);
    case 'question.answer': return line('command', `answered ${t(e.data.id)}: ${t(e.data.answer)}`);
    case 'cmd.error': return line('error', `${t(e.data.message)}${e.data.suggestion ? ` — ${t(e.data.suggestion)}` : ''}`, e.actor);
    case 'facilitator.pause': return line('system', 'The facilitator paused the drill clock.');
    case 'facilitator.resume': return line('system', 'The drill clock runs again.');
    case 'facilitator.speed': return line('system', `Drill speed is now ${t(e.data.speed)}x.`);
    case 'facilitator.inject-now': return line('system', 'The facilitator fired the next inject.');
    case 'facilitator.end': return line('system', 'The facilitator ended the drill.');
    // An ad-hoc inject: the character speaks, drawn as an inject is ("Priya (Customer Support): ...").
    case 'facilitator.say': return { ...line('inject', t(e.data.text)), who: t(e.data.speaker) };
    // A hint is private advice for the hint line (DrillStore keeps it), never a channel line.
    case 'cmd.hint': return undefined;
    default: return undefined;
  }
}
