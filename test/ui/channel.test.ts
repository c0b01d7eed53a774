// Journal event → incident channel line: exact wording per event type, private lines, and hostile text.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/engine/journal';
import { channelLine } from '../../src/ui/channel';
import { at, drill, starter } from '../helpers/drill';

let seq = 0;
// Events are built from loose data on purpose: the channel must word what each type carries, and survive hostile text.
function ev(type: string, data: Record<string, unknown> = {}, actor = 'alice', role: JournalEvent['role'] = 'ic', atMs = 65_000): JournalEvent {
  return { seq: ++seq, atMs, actor, role, type, data, wall: '' } as unknown as JournalEvent;
}
const text = (type: string, data: Record<string, unknown> = {}, actor?: string): string | undefined => channelLine(ev(type, data, actor))?.text;
const kind = (type: string, data: Record<string, unknown> = {}): string | undefined => channelLine(ev(type, data))?.kind;

describe('channelLine', () => {
  it('keeps the event sequence, time, actor and role', () => {
    const e = ev('say', { text: 'hello' }, 'carol', 'responder', 125_000);
    expect(channelLine(e)).toEqual({ seq: e.seq, atMs: 125_000, who: 'carol', role: 'responder', kind: 'chat', text: 'hello' });
  });

  it('words the drill lifecycle and the facilitator controls', () => {
    expect(text('drill.start')).toBe('The drill has started. Watch for pages; type ? for help.');
    expect(text('drill.end', { outcome: 'timed-out' })).toBe('The drill has ended: timed-out.');
    expect(text('facilitator.pause')).toBe('The facilitator paused the drill clock.');
    expect(text('facilitator.resume')).toBe('The drill clock runs again.');
    expect(text('facilitator.speed', { speed: 4 })).toBe('Drill speed is now 4x.');
    expect(text('facilitator.inject-now')).toBe('The facilitator fired the next inject.');
    expect(text('facilitator.end')).toBe('The facilitator ended the drill.');
    expect(kind('drill.start')).toBe('system');
  });

  it('words alerts and pages', () => {
    expect(channelLine(ev('alert.fired', { title: 'Web errors', urgency: 'high' }))).toMatchObject({ kind: 'alert', text: 'ALERT Web errors (high urgency)' });
    expect(channelLine(ev('alert.notified', { user: 'dave', alert: 'web-errors' }))).toMatchObject({ kind: 'page', text: 'PAGE dave for web-errors' });
    expect(text('alert.notified', { user: 'erin', alert: 'web-errors', escalated: true }))
      .toBe('PAGE erin for web-errors (escalated: no acknowledgement in 5 minutes)');
    expect(text('alert.ack', { alert: 'web-errors' }, 'carol')).toBe('carol acknowledged web-errors');
    expect(text('alert.cleared', { alert: 'web-errors' })).toBe('web-errors has recovered');
    expect(text('ic.page', { text: '' }, 'carol')).toBe('carol triggered the incident response');
    expect(text('ic.page', { text: 'checkout is down' }, 'carol')).toBe('carol triggered the incident response: checkout is down');
    expect(text('page.sent', { user: 'alice', team: 'incident-commanders' })).toBe('PAGE alice (Incident Commander on call)');
    expect(text('page.sent', { user: 'dave', team: 'web-team' })).toBe('PAGE dave (web-team on call)');
  });

  it('words joining, command and roles', () => {
    expect(text('participant.join', { system: '' }, 'bob')).toBe('bob joined the call');
    expect(text('participant.join', { system: 'web' }, 'bob')).toBe('bob joined the call (web)');
    expect(text('role.claim', { role: 'ic', text: '' })).toBe('took command');
    expect(text('role.claim', { role: 'ic', text: 'I am the IC' })).toBe('I am the IC');
    expect(text('role.appoint', { user: 'bob', role: 'scribe' })).toBe('appointed bob as scribe');
    expect(text('sev.set', { level: 'SEV-2' })).toBe('declared SEV-2');
    expect(text('sev.set', { level: 'SEV-2', note: 'assume the worst' })).toBe('declared SEV-2: assume the worst');
    expect(text('handover.announce', { to: 'bob' })).toBe('hands command to bob');
    expect(kind('role.appoint')).toBe('command');
  });

  it('says a handover made the new IC the holder, as a system line, not as if they had spoken', () => {
    expect(channelLine(ev('role.claim', { role: 'ic', via: 'handover', from: 'alice' }, 'bob'))).toMatchObject({
      kind: 'system', who: 'bob', text: 'bob now has command (handed over by alice)',
    });
    expect(text('role.claim', { role: 'ic', via: 'handover' }, 'bob')).toBe('bob now has command');
  });

  it('shows the IC announcing command as a command line with their words', () => {
    expect(channelLine(ev('role.announce', { text: 'This is bob, I am now the Incident Commander' }, 'bob'))).toMatchObject({
      kind: 'command', who: 'bob', text: 'This is bob, I am now the Incident Commander',
    });
    expect(text('role.announce', { text: '' })).toBe('announced command');
  });

  it('shows chat read as a command once, as that command', () => {
    expect(channelLine(ev('role.claim', { role: 'ic', text: 'This is Dave, I am the Incident Commander', via: 'chat' }, 'dave'))).toMatchObject({
      kind: 'command', text: 'This is Dave, I am the Incident Commander',
    });
    expect(channelLine(ev('status.update', { id: 'S1', text: 'orders failing, rolling back', via: 'chat' }))).toMatchObject({ kind: 'status', text: 'STATUS S1 orders failing, rolling back' });
    expect(text('poll.open', { id: 'P1', proposal: 'roll back orders-api, any strong objections?', via: 'chat' })).toBe('POLL P1 roll back orders-api, any strong objections?');
    // Saying who you are in chat joins you: the line keeps your words.
    expect(text('participant.join', { system: 'carol here, I have web', via: 'chat' }, 'carol')).toBe('carol joined the call: carol here, I have web');
  });

  it('words tasks, with a time box as a duration', () => {
    expect(text('task.assign', { id: 'T1', to: 'carol', owners: ['carol'], text: 'check web-logs', timeboxMs: 300_000 })).toBe('T1 → carol: check web-logs (report in 5m)');
    expect(text('task.assign', { id: 'T2', to: 'carol', owners: ['carol'], text: 'look around', timeboxMs: null })).toBe('T2 → carol: look around');
    expect(text('task.assign', { id: 'T3', to: 'carol', owners: ['carol'], text: 'check web-logs', timeboxMs: 300_000 })).toBe('T3 → carol: check web-logs (report in 5m)');
    expect(text('task.ack', { id: 'T1' })).toBe('wilco T1');
    expect(text('task.report', { id: 'T1', text: 'config push at 2m' })).toBe('T1: config push at 2m');
    expect(text('task.report', { id: null, text: 'all quiet' })).toBe('all quiet');
    expect(text('task.extend', { id: 'T1', estimateMs: 90_000 })).toBe('need 1m30s more on T1');
    expect(channelLine(ev('task.due', { id: 'T1', to: 'carol' }))).toMatchObject({ kind: 'system', text: "T1's time box has run out (carol)" });
  });

  it('names every owner of a task given to several people, and says a group word is nobody', () => {
    expect(text('task.assign', { id: 'T1', to: 'erin', owners: ['erin', 'dave'], text: 'check the logs', timeboxMs: 300_000 })).toBe('T1 → erin, dave: check the logs (report in 5m)');
    expect(text('task.assign', { id: 'T2', to: 'someone', owners: [], group: 'someone', text: 'check the logs', timeboxMs: null })).toBe('T2 → someone (no owner): check the logs');
    expect(text('task.assign', { id: 'T3', to: 'anyone', owners: [], text: 'look' })).toBe('T3 → anyone (no owner): look');
  });

  it('words probes and actions; a probe result is private to whoever checked', () => {
    expect(text('probe.start', { probe: 'web-logs' }, 'carol')).toBe('carol is checking web-logs');
    const result = channelLine(ev('probe.result', {
      probe: 'web-logs', text: 'Every error names the config.',
      metrics: [{ ref: 'web.error_rate', value: '45%' }, { ref: 'web.latency_p99', value: '600ms' }],
      logs: ['02:10 ERROR a', '02:20 ERROR b', '02:30 ERROR c', '02:40 ERROR d'],
    }, 'carol'));
    expect(result).toMatchObject({ kind: 'result', only: 'carol' });
    // Only the last three log lines, indented under the metrics.
    expect(result?.text).toBe('web-logs: Every error names the config.\n  web.error_rate=45%  web.latency_p99=600ms\n  02:10 ERROR a\n  02:20 ERROR b\n  02:30 ERROR c\n  02:40 ERROR d');
    expect(text('probe.result', { probe: 'web-logs', text: 'Nothing.', metrics: [], logs: [] })).toBe('web-logs: Nothing.');
    expect(text('action.start', { action: 'revert-config' }, 'carol')).toBe('carol is running revert-config');
    expect(text('action.done', { action: 'revert-config', result: 'done.' })).toBe('revert-config finished: done.');
  });

  it('words polls, decisions, status, notes and drafts', () => {
    expect(text('poll.open', { id: 'P1', proposal: 'revert the config' })).toBe('POLL P1 revert the config — any strong objections?');
    // A proposal that already asks is not asked twice.
    expect(text('poll.open', { id: 'P2', proposal: 'Revert the config. Any strong objections?' })).toBe('POLL P2 Revert the config. Any strong objections?');
    expect(text('poll.open', { id: 'P3', proposal: 'objection to a restart?' })).toBe('POLL P3 objection to a restart?');
    expect(text('poll.object', { text: 'wait for logs' })).toBe('objection: wait for logs');
    expect(text('decision', { id: 'X1', text: 'revert it' })).toBe('DECISION X1 revert it');
    expect(channelLine(ev('status.update', { id: 'S2', text: 'SEV-2, reverting' }))).toMatchObject({ kind: 'status', text: 'STATUS S2 SEV-2, reverting' });
    // Journals written before ids existed read as before.
    expect(text('poll.open', { proposal: 'revert the config' })).toBe('POLL revert the config — any strong objections?');
    expect(text('decision', { text: 'revert it' })).toBe('DECISION revert it');
    expect(text('status.update', { text: 'SEV-2, reverting' })).toBe('STATUS SEV-2, reverting');
    expect(channelLine(ev('scribe.note', { text: 'revert decided', todo: false }))).toMatchObject({ kind: 'note', text: 'note: revert decided' });
    expect(text('scribe.note', { text: 'canary config pushes', todo: true })).toBe('TODO canary config pushes');
    expect(text('draft.submit', { id: 'D1', text: 'We are investigating.' })).toBe('draft D1: We are investigating.');
    expect(text('draft.approve', { id: 'D1' })).toBe('approved D1');
    expect(text('external.post', { text: 'We are investigating.' })).toBe('POSTED to customers: We are investigating.');
    expect(text('pm.assign', { owner: 'alice' })).toBe('alice owns the postmortem');
    expect(text('pm.assign', { owner: 'alice', due: 'Friday' })).toBe('alice owns the postmortem, due Friday');
  });

  it('words the end of the incident', () => {
    expect(text('incident.resolve', { mitigated: true })).toBe('resolved the incident');
    expect(text('incident.resolve', { mitigated: false })).toBe('declared the incident resolved (impact has not stopped yet)');
    expect(text('call.end')).toBe('ended the call');
  });

  it('draws an ad-hoc inject as its character speaking, like an inject, cleaned', () => {
    expect(channelLine(ev('facilitator.say', { speaker: 'Priya (Customer Support)', text: 'customers are posting screenshots' }, 'facilitator', 'facilitator'))).toMatchObject({
      kind: 'inject', who: 'Priya (Customer Support)', role: 'facilitator', text: 'customers are posting screenshots',
    });
    const hostile = channelLine(ev('facilitator.say', { speaker: 'Pri\u001b[2Jya\nSYSTEM', text: 'a\u001b]0;x\u0007b\rc' }, 'facilitator', 'facilitator'));
    expect(hostile).toMatchObject({ who: 'Priya SYSTEM', text: 'ab c' });
  });

  it('words injects by kind', () => {
    expect(channelLine(ev('inject', { kind: 'customer-report', text: 'Checkout fails.' }, 'Support', 'system'))).toMatchObject({
      kind: 'inject', who: 'Support', text: '[customer-report] Checkout fails.',
    });
  });

  it('makes a command error private to its sender, with the suggestion', () => {
    expect(channelLine(ev('cmd.error', { message: 'unknown command /ak' }, 'bob'))).toMatchObject({ kind: 'error', only: 'bob', text: 'unknown command /ak' });
    expect(text('cmd.error', { message: 'unknown command /ak', suggestion: 'did you mean /ack?' })).toBe('unknown command /ak — did you mean /ack?');
  });

  it('gives public lines no `only` field at all', () => {
    expect(channelLine(ev('say', { text: 'hi' }))).not.toHaveProperty('only');
    expect(channelLine(ev('probe.result', { probe: 'p', text: 't', metrics: [], logs: [] }, ''))).not.toHaveProperty('only');
  });

  it('shows nothing for events participants do not see', () => {
    for (const type of ['input', 'phase.enter', 'task.followup', 'nonsense']) expect(channelLine(ev(type, { text: 'x' }))).toBeUndefined();
    // Hints are private advice for the hint line.
    expect(channelLine(ev('cmd.hint', { message: 'T1 has no time box (add "in 5m")' }))).toBeUndefined();
  });

  it('strips terminal control sequences and line breaks from what people wrote', () => {
    const l = channelLine(ev('say', { text: 'ok\x1b[2J\x1b[31mred\x1b[0m\x1b]0;pwned\x07 done\nSYSTEM: fake\r\x08' }, 'mal\x1b[1mlory'));
    expect(l?.text).toBe('okred done SYSTEM: fake ');
    expect(l?.who).toBe('mallory');
    expect(text('alert.fired', { title: '\x1b[5mblink\u202e', urgency: 'high\x07' })).toBe('ALERT blink (high urgency)');
    expect(text('task.assign', { id: 'T1', to: 'bob\x1b[K', owners: ['bob\x1b[K'], text: 'a\u200bb' })).toBe('T1 → bob: ab');
    expect(text('task.assign', { id: 'T1', to: 'x', owners: ['e\x1b[2Jrin', 'dave\x07'], text: 'a' })).toBe('T1 → erin, dave: a');
    expect(text('role.claim', { via: 'handover', from: 'al\x1b[31mice' }, 'bob')).toBe('bob now has command (handed over by alice)');
    // Probe results keep their own line structure but not the log lines' embedded controls.
    const r = channelLine(ev('probe.result', { probe: 'p', text: 'x', metrics: [], logs: ['\x1b[31mERROR\x1b[0m boom\nforged'] }));
    expect(r?.text).toBe('p: x\n  ERROR boom forged');
  });

  it('renders a missing field as empty text, never "undefined"', () => {
    expect(text('sev.set')).toBe('declared ');
    expect(text('say')).toBe('');
  });

  it('gives every event of a real drill a line or a reason to hide it', () => {
    const { session, journal } = drill(starter(), { humans: [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder', service: 'web' }], bots: 'none' });
    session.runSimulated([
      { atMs: at('0:30'), actor: 'alice', text: '/ic' },
      { atMs: at('3:20'), actor: 'carol', text: '/ack' },
      { atMs: at('3:30'), actor: 'alice', text: '/assign @carol check web-logs in 5m' },
      { atMs: at('3:40'), actor: 'carol', text: '/check web-logs' },
      { atMs: at('3:50'), actor: 'carol', text: '/rn revert-config' },
    ]);
    const lines = journal.events.filter((e) => e.atMs <= at('4:30')).map(channelLine).filter((l) => l !== undefined).map((l) => `${l.who}|${l.kind}|${l.text.split('\n')[0]}${l.only ? `|only ${l.only}` : ''}`);
    expect(lines).toEqual([
      'facilitator|system|The drill has started. Watch for pages; type ? for help.',
      'alice|system|alice joined the call',
      'alice|command|took command',
      'monitoring|alert|ALERT web-errors (high urgency)',
      'monitoring|page|PAGE carol for web-errors',
      'carol|system|carol acknowledged web-errors',
      'alice|command|T1 → carol: check web-logs (report in 5m)',
      'carol|system|carol is checking web-logs',
      'carol|error|unknown command "/rn" — did you mean /run? (/run ACTION — change the system (remediation))|only carol',
      'carol|result|web-logs: Every error names the upstream config pushed at T+2m.|only carol',
    ]);
  });
});

describe('channelLine: v2 questions', () => {
  it('shows a question with how to answer it, and the answer as a command line', () => {
    expect(text('inject', { index: 1, kind: 'question', text: 'Hold the newsletter?', question: { id: 'hold-email', answers: ['yes', 'no'] } }))
      .toBe('[question] Hold the newsletter? (answer: /answer hold-email yes|no)');
    expect(text('inject', { index: 2, kind: 'question', text: 'When is it fixed?', question: { id: 'eta' } })).toBe('[question] When is it fixed? (answer: /answer eta TEXT)');
    expect(text('inject', { index: 3, kind: 'question', text: 'A v1 question.' })).toBe('[question] A v1 question.');
    expect(channelLine(ev('question.answer', { id: 'hold-email', answer: 'yes' }, 'alice'))).toMatchObject({ kind: 'command', who: 'alice', text: 'answered hold-email: yes' });
  });
});
