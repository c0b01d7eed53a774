// Every participant command, driven by scripted humans on simulated time and checked in the journal.
import { describe, expect, it } from 'vitest';
import type { CastRequest } from '../../src/engine/cast';
import type { JournalEvent } from '../../src/engine/journal';
import { ESCALATE_MS, SAY_SPEAKER_MAX, SAY_TEXT_MAX } from '../../src/engine/session';
import { replay } from '../../src/engine/replay';
import { at, drill, eventsOf, starter } from '../helpers/drill';
import { personOf } from '../../src/engine/state/drill-state';

// The starter: healthy → (2m) broken → /run revert-config (1m) → recovered. The alert web-errors
// needs web.error_rate > 5% for 1m; with a 1m ramp it holds from the 2:10 tick and fires at 3:10.
const FIRES_AT = at('3:10');
const HUMANS: CastRequest[] = [
  { name: 'alice', role: 'ic' },
  { name: 'bob', role: 'scribe' },
  { name: 'carol', role: 'responder', service: 'web' },
];
type Line = [time: string, actor: string, text: string];
// Loaded once: a Scenario is plain data that sessions only read.
const STARTER = starter();

function run(lines: Line[], humans: CastRequest[] = HUMANS) {
  const d = drill(STARTER, { humans, bots: 'none', seed: '1' });
  d.session.runSimulated(lines.map(([t, actor, text]) => ({ atMs: at(t), actor, text })));
  return { ...d, events: d.journal.events };
}

/** The events a line of input caused at once: everything after its input event up to the next input or the next instant. */
function replyTo(events: readonly JournalEvent[], actor: string, text: string, nth = 0): JournalEvent[] {
  const inputs = events.filter((e) => e.type === 'input' && e.actor === actor && e.data.text === text);
  const input = inputs[nth];
  if (!input) throw new Error(`no input "${text}" by ${actor}`);
  const out: JournalEvent[] = [];
  for (const e of events.slice(events.indexOf(input) + 1)) {
    if (e.type === 'input' || e.atMs !== input.atMs) break;
    out.push(e);
  }
  return out;
}

/** The private hints a line gave its author (what a command kept, or how to link it). */
function hintsTo(events: readonly JournalEvent[], actor: string, text: string, nth = 0): string[] {
  return replyTo(events, actor, text, nth).filter((e) => e.type === 'cmd.hint').map((e) => String(e.data.message));
}

/** The one event a line caused (private hints aside), as { type, actor, role, data }. */
function only(events: readonly JournalEvent[], actor: string, text: string, nth = 0) {
  const r = replyTo(events, actor, text, nth).filter((e) => e.type !== 'cmd.hint');
  expect(r, `reply to ${actor}: ${text}`).toHaveLength(1);
  const e = r[0]!;
  return { type: e.type, actor: e.actor, role: e.role, data: e.data };
}

const types = (events: readonly JournalEvent[]): string[] => events.map((e) => e.type);
const IC: Line = ['0:30', 'alice', '/ic'];

describe('commands: paging and assembling', () => {
  it('/ack acknowledges the page sent to the sender and stops the escalation', () => {
    const { events } = run([['3:20', 'carol', '/ack']]);
    expect(only(events, 'carol', '/ack')).toEqual({ type: 'alert.ack', actor: 'carol', role: 'responder', data: { alert: 'web-errors', paged: true } });
    expect(eventsOf(events, 'alert.notified').map((e) => e.data.level)).toEqual([1]);
  });

  it('/ack of a page that went to someone else is recorded with paged:false', () => {
    const { events } = run([['3:20', 'bob', '/ack']]);
    expect(only(events, 'bob', '/ack')).toMatchObject({ type: 'alert.ack', role: 'scribe', data: { alert: 'web-errors', paged: false } });
  });

  it('/ack with no page waiting is an error for the sender', () => {
    const { events } = run([['1:00', 'carol', '/ack']]);
    expect(only(events, 'carol', '/ack')).toEqual({ type: 'cmd.error', actor: 'carol', role: 'responder', data: { message: 'there is no unacknowledged page or task' } });
  });

  it('/trigger pages the Incident Commander seat; a second /trigger is refused', () => {
    const { events } = run([
      ['3:30', 'carol', '/trigger web errors at 45%'],
      ['3:40', 'bob', '/trigger again'],
    ]);
    expect(replyTo(events, 'carol', '/trigger web errors at 45%').map((e) => [e.type, e.actor, e.data])).toEqual([
      ['ic.page', 'carol', { text: 'web errors at 45%' }],
      ['page.sent', 'carol', { team: 'incident-commanders', user: 'alice' }],
    ]);
    expect(only(events, 'bob', '/trigger again')).toEqual({
      type: 'cmd.error', actor: 'bob', role: 'scribe',
      data: { message: 'incident response is already under way (triggered at T+03:30)' },
    });
  });

  it('/join records who joined and what they cover, once', () => {
    const { events } = run([
      ['3:30', 'carol', '/join web'],
      ['3:40', 'carol', '/join web'],
    ]);
    expect(only(events, 'carol', '/join web')).toEqual({ type: 'participant.join', actor: 'carol', role: 'responder', data: { system: 'web' } });
    expect(only(events, 'carol', '/join web', 1)).toMatchObject({ type: 'cmd.error', data: { message: 'you are already on the call' } });
  });

  it('/ic joins the sender implicitly and claims command', () => {
    const { events, session } = run([['0:30', 'alice', '/ic This is alice, I am the Incident Commander']]);
    const r = replyTo(events, 'alice', '/ic This is alice, I am the Incident Commander');
    expect(r.map((e) => [e.type, e.role, e.data])).toEqual([
      ['participant.join', 'ic', { system: '', implicit: true }],
      ['role.claim', 'ic', { role: 'ic', text: 'This is alice, I am the Incident Commander' }],
    ]);
    expect(session.state.incident.ic).toBe('alice');
  });

  it('/page pages the primary on-call of a team; an unknown team gets a suggestion', () => {
    const { events } = run([IC, ['1:00', 'alice', '/page web-team'], ['1:10', 'alice', '/page web-tem']]);
    expect(only(events, 'alice', '/page web-team')).toEqual({ type: 'page.sent', actor: 'alice', role: 'ic', data: { team: 'web-team', user: 'carol' } });
    expect(only(events, 'alice', '/page web-tem')).toMatchObject({ type: 'cmd.error', data: { message: 'unknown team "web-tem"', suggestion: 'did you mean /page web-team?' } });
  });
});

describe('commands: the Incident Commander', () => {
  it('/appoint gives a role, and the appointee then acts in it', () => {
    const { events, session } = run([IC, ['1:00', 'alice', '/appoint @carol deputy'], ['1:10', 'carol', 'deputy here']]);
    expect(only(events, 'alice', '/appoint @carol deputy')).toEqual({ type: 'role.appoint', actor: 'alice', role: 'ic', data: { user: 'carol', role: 'deputy' } });
    expect(only(events, 'carol', 'deputy here')).toMatchObject({ type: 'say', role: 'deputy' });
    expect(session.roleOf('carol')).toBe('deputy');
    expect(session.rolesOf('carol').sort()).toEqual(['deputy', 'responder']);
  });

  it('/sev records the level, the previous level and whether the world was mitigated', () => {
    const { events } = run([
      IC,
      ['1:00', 'alice', '/sev SEV-3'],
      ['3:00', 'alice', '/sev 2'],
      ['3:10', 'carol', '/run revert-config'],
      ['4:30', 'alice', '/sev SEV-3'],
    ]);
    expect(eventsOf(events, 'sev.set').map((e) => [e.atMs, e.data])).toEqual([
      [at('1:00'), { level: 'SEV-3', previous: null, mitigated: false }],
      [at('3:00'), { level: 'SEV-2', previous: 'SEV-3', mitigated: false }],
      [at('4:30'), { level: 'SEV-3', previous: 'SEV-2', mitigated: true }],
    ]);
  });

  it('/assign creates a numbered task with a time box and the scenario ids it mentions', () => {
    const { events, session } = run([IC, ['1:00', 'alice', '/assign @carol check web-logs in 5m'], ['1:10', 'alice', '/assign @bob watch the web service for 2 minutes']]);
    expect(only(events, 'alice', '/assign @carol check web-logs in 5m')).toEqual({
      type: 'task.assign', actor: 'alice', role: 'ic',
      data: {
        id: 'T1', to: 'carol', owners: ['carol'], text: 'check web-logs', timeboxMs: 300_000, refs: ['web-logs'], actions: [], services: ['web'], remediation: false,
      },
    });
    // "watch the web service" names the service and no probe: it covers looking, not any particular change.
    expect(only(events, 'alice', '/assign @bob watch the web service for 2 minutes').data).toMatchObject({
      id: 'T2', to: 'bob', owners: ['bob'], text: 'watch the web service', timeboxMs: 120_000, actions: [], services: ['web'], remediation: false,
    });
    expect(session.state.tasks.map((t) => [t.id, t.dueAt])).toEqual([['T1', at('6:00')], ['T2', at('3:10')]]);
  });

  it('/poll opens a poll naming the actions it proposes; a new poll closes the old one', () => {
    const { session, events } = run([IC, ['1:00', 'alice', '/poll restart-web first?'], ['1:30', 'alice', '/poll Proposal: revert-config. Any strong objections?']]);
    expect(only(events, 'alice', '/poll restart-web first?')).toEqual({ type: 'poll.open', actor: 'alice', role: 'ic', data: { id: 'P1', proposal: 'restart-web first?', actions: ['restart-web'] } });
    expect(only(events, 'alice', '/poll Proposal: revert-config. Any strong objections?').data).toEqual({ id: 'P2', proposal: 'Proposal: revert-config. Any strong objections?', actions: ['revert-config'] });
    expect(session.state.polls.map((p) => [p.id, p.closed])).toEqual([['P1', true], ['P2', false]]);
  });

  it('/object objects to the open poll; with no poll open it is an error', () => {
    const { events } = run([
      IC,
      ['0:40', 'carol', '/object no poll yet'],
      ['1:00', 'alice', '/poll Proposal: revert-config. Any strong objections?'],
      ['1:10', 'carol', '/object the config push was hours ago'],
      ['1:20', 'alice', '/decide proceed with revert-config'],
      ['1:30', 'carol', '/object too late'],
    ]);
    expect(only(events, 'carol', '/object no poll yet')).toMatchObject({ type: 'cmd.error', data: { message: 'no poll is open; say it in chat instead' } });
    expect(only(events, 'carol', '/object the config push was hours ago')).toEqual({ type: 'poll.object', actor: 'carol', role: 'responder', data: { id: 'P1', text: 'the config push was hours ago' } });
    expect(only(events, 'carol', '/object too late').type).toBe('cmd.error');
  });

  it('/decide records a decision tied to the open poll, and a later /run of that action cites it', () => {
    const { events } = run([
      IC,
      ['2:30', 'alice', '/poll Proposal: revert-config. Any strong objections?'],
      ['2:45', 'alice', '/decide No strong objections; proceeding with revert-config.'],
      ['2:50', 'alice', '/decide we will not restart anything'],
      ['3:00', 'alice', '/assign @carol revert-config in 5m'],
      ['3:10', 'carol', '/run revert-config'],
    ]);
    expect(only(events, 'alice', '/decide No strong objections; proceeding with revert-config.')).toEqual({
      type: 'decision', actor: 'alice', role: 'ic',
      data: { id: 'X1', pollId: 'P1', text: 'No strong objections; proceeding with revert-config.', actions: ['revert-config'], major: true },
    });
    expect(only(events, 'alice', '/decide we will not restart anything').data).toEqual({ id: 'X2', pollId: null, text: 'we will not restart anything', actions: [], major: false });
    expect(hintsTo(events, 'alice', '/decide we will not restart anything')).toEqual([expect.stringMatching(/^X2 names no action/)]);
    expect(only(events, 'carol', '/run revert-config').data).toEqual({ action: 'revert-config', service: 'web', major: true, taskId: 'T1', decisionId: 'X1' });
  });

  it('/status records a call update with the current severity', () => {
    const { events } = run([IC, ['1:00', 'alice', '/status investigating web errors'], ['1:10', 'alice', '/sev SEV-2'], ['1:20', 'alice', '/status SEV-2, next update in 10 minutes']]);
    expect(only(events, 'alice', '/status investigating web errors')).toEqual({ type: 'status.update', actor: 'alice', role: 'ic', data: { id: 'S1', audience: 'call', text: 'investigating web errors', severity: null } });
    expect(only(events, 'alice', '/status SEV-2, next update in 10 minutes').data).toMatchObject({ severity: 'SEV-2' });
  });

  it('/approve approves the latest waiting draft or a named one; a missing draft is an error', () => {
    const { events, session } = run([
      IC,
      ['1:00', 'alice', '/approve'],
      ['1:10', 'bob', '/draft We are investigating errors on the website.'],
      ['1:20', 'bob', '/draft Investigating: some page loads fail.'],
      ['1:30', 'alice', '/approve'],
      ['1:40', 'alice', '/approve D1'],
      ['1:50', 'alice', '/approve D9'],
    ]);
    expect(only(events, 'alice', '/approve')).toMatchObject({ type: 'cmd.error', data: { message: 'there is no draft waiting for approval' } });
    expect(only(events, 'alice', '/approve', 1)).toEqual({ type: 'draft.approve', actor: 'alice', role: 'ic', data: { id: 'D2' } });
    expect(only(events, 'alice', '/approve D1').data).toEqual({ id: 'D1' });
    expect(only(events, 'alice', '/approve D9')).toMatchObject({ type: 'cmd.error', data: { message: 'no draft D9' } });
    expect(session.state.drafts.map((d) => d.approvedBy)).toEqual(['alice', 'alice']);
  });

  it('/postmortem names the owner', () => {
    const { events, session } = run([IC, ['1:00', 'alice', '/postmortem @bob']]);
    expect(only(events, 'alice', '/postmortem @bob')).toEqual({ type: 'pm.assign', actor: 'alice', role: 'ic', data: { owner: 'bob', due: null } });
    expect(hintsTo(events, 'alice', '/postmortem @bob')).toEqual(['bob owns the postmortem; say when it is due too: /postmortem @bob by Friday']);
    expect(session.state.incident.postmortemOwner).toBe('bob');
  });
});

describe('commands: responders, scribe and liaison', () => {
  it('/wilco acknowledges the first unacknowledged task, or a named one of your own', () => {
    const { events, session } = run([
      IC,
      ['1:00', 'alice', '/assign @carol check web-logs in 5m'],
      ['1:05', 'alice', '/assign @carol look at latency in 5m'],
      ['1:10', 'carol', '/wilco'],
      ['1:15', 'carol', '/wilco T2'],
      ['1:20', 'carol', '/wilco T9'],
      ['1:25', 'bob', '/wilco'],
    ]);
    expect(only(events, 'carol', '/wilco')).toEqual({ type: 'task.ack', actor: 'carol', role: 'responder', data: { id: 'T1' } });
    expect(only(events, 'carol', '/wilco T2').data).toEqual({ id: 'T2' });
    expect(only(events, 'carol', '/wilco T9')).toMatchObject({ type: 'cmd.error', data: { message: 'T9 is not a task of yours' } });
    expect(only(events, 'bob', '/wilco')).toMatchObject({ type: 'cmd.error', data: { message: 'you have no task to acknowledge' } });
    expect(session.state.tasks.map((t) => t.ackedAt)).toEqual([at('1:10'), at('1:15')]);
  });

  it('/report closes the open task; a report without a task is still recorded, with id null', () => {
    const { events, session } = run([
      IC,
      ['1:00', 'alice', '/assign @carol check web-logs in 5m'],
      ['1:30', 'carol', '/report T1 no errors in the web log'],
      ['1:40', 'carol', '/report the site looks fine to me'],
      ['1:50', 'bob', '/report T1 done'],
    ]);
    expect(only(events, 'carol', '/report T1 no errors in the web log')).toEqual({ type: 'task.report', actor: 'carol', role: 'responder', data: { id: 'T1', text: 'no errors in the web log' } });
    expect(only(events, 'carol', '/report the site looks fine to me').data).toEqual({ id: null, text: 'the site looks fine to me' });
    expect(only(events, 'bob', '/report T1 done')).toMatchObject({ type: 'cmd.error', data: { message: 'T1 is not a task of yours' } });
    expect(session.state.tasks[0]).toMatchObject({ status: 'done', reportedAt: at('1:30') });
    expect(eventsOf(events, 'task.due')).toEqual([]);
  });

  it('/more extends the open task with an estimate; with no open task it is an error', () => {
    const { events } = run([
      IC,
      ['0:40', 'carol', '/more 3m'],
      ['1:00', 'alice', '/assign @carol check web-logs in 5m'],
      ['2:00', 'carol', '/more 3m'],
    ]);
    expect(only(events, 'carol', '/more 3m')).toMatchObject({ type: 'cmd.error', data: { message: 'you have no open task to extend' } });
    expect(only(events, 'carol', '/more 3m', 1)).toEqual({ type: 'task.extend', actor: 'carol', role: 'responder', data: { id: 'T1', estimateMs: 180_000 } });
  });

  it('/check starts a probe and reports what it shows when it completes', () => {
    const { events } = run([IC, ['2:30', 'alice', '/assign @carol check web-logs in 5m'], ['3:00', 'carol', '/check web-logs']]);
    expect(only(events, 'carol', '/check web-logs')).toEqual({ type: 'probe.start', actor: 'carol', role: 'responder', data: { probe: 'web-logs', service: 'web', taskId: 'T1' } });
    const [result, ...more] = eventsOf(events, 'probe.result');
    expect(more).toEqual([]);
    expect(result).toMatchObject({ atMs: at('3:30'), actor: 'carol', role: 'responder' });
    expect(result!.data).toMatchObject({ probe: 'web-logs', text: 'Every error names the upstream config pushed at T+2m.', metrics: [] });
    expect((result!.data.logs as string[]).length).toBeGreaterThan(0);
  });

  it('/run starts a remediation; the world changes when it is done', () => {
    const { events, session } = run([IC, ['2:30', 'alice', '/assign @carol revert-config in 5m'], ['3:00', 'carol', '/run revert-config']]);
    expect(only(events, 'carol', '/run revert-config')).toEqual({
      type: 'action.start', actor: 'carol', role: 'responder',
      data: { action: 'revert-config', service: 'web', major: true, taskId: 'T1', decisionId: null },
    });
    const at4 = events.filter((e) => e.atMs === at('4:00'));
    expect(at4.map((e) => [e.type, e.data])).toEqual([
      ['phase.enter', { phase: 'recovered', mitigated: true, resolved: true }],
      ['action.done', { action: 'revert-config', changed: true, result: 'Revert the last config push: done.' }],
    ]);
    expect(session.world.mitigatedAt).toBe(at('4:00'));
  });

  it('/run of a red herring completes without changing the world', () => {
    const { events, session } = run([['2:30', 'carol', '/run restart-web']]);
    const done = eventsOf(events, 'action.done');
    expect(done.map((e) => [e.atMs, e.data])).toEqual([[at('4:30'), { action: 'restart-web', changed: false, result: 'Restart all web pods: done; no visible change yet.' }]]);
    expect(session.world.currentPhase().id).toBe('broken');
  });

  it('/note and /todo write scribe notes with the ids they mention', () => {
    const { events } = run([
      ['1:00', 'bob', '/note T1 assigned to carol; decision X1 and draft D2'],
      ['1:10', 'bob', '/todo add a canary stage to config pushes'],
      ['1:20', 'bob', '/note TODO alert on config push failures'],
    ]);
    expect(only(events, 'bob', '/note T1 assigned to carol; decision X1 and draft D2')).toEqual({
      type: 'scribe.note', actor: 'bob', role: 'scribe', data: { text: 'T1 assigned to carol; decision X1 and draft D2', todo: false, refs: ['T1', 'X1', 'D2'] },
    });
    expect(only(events, 'bob', '/todo add a canary stage to config pushes').data).toEqual({ text: 'add a canary stage to config pushes', todo: true, refs: [] });
    expect(only(events, 'bob', '/note TODO alert on config push failures').data).toMatchObject({ todo: true });
  });

  it('/draft submits a numbered draft', () => {
    const { events } = run([['1:00', 'bob', '/draft Investigating: some page loads fail.']]);
    expect(only(events, 'bob', '/draft Investigating: some page loads fail.')).toEqual({ type: 'draft.submit', actor: 'bob', role: 'scribe', data: { id: 'D1', text: 'Investigating: some page loads fail.' } });
  });

  it('/post publishes the draft with who approved it; a second post of it is refused', () => {
    const { events } = run([
      IC,
      ['1:00', 'bob', '/draft Investigating: some page loads fail.'],
      ['1:10', 'alice', '/approve D1'],
      ['1:20', 'bob', '/post'],
      ['1:30', 'bob', '/post D1'],
      ['1:40', 'bob', '/post'],
    ]);
    expect(only(events, 'bob', '/post')).toEqual({ type: 'external.post', actor: 'bob', role: 'scribe', data: { draftId: 'D1', text: 'Investigating: some page loads fail.', approvedBy: 'alice' } });
    expect(only(events, 'bob', '/post D1')).toMatchObject({ type: 'cmd.error', data: { message: 'D1 was already posted' } });
    expect(only(events, 'bob', '/post', 1)).toMatchObject({ type: 'cmd.error', data: { message: 'there is no draft to post; /draft one first' } });
  });

  it('plain text is chat, with the people it mentions', () => {
    const { events } = run([['1:00', 'carol', 'hi @alice and @BOB, web looks odd; mail ops@example.com']]);
    expect(only(events, 'carol', 'hi @alice and @BOB, web looks odd; mail ops@example.com')).toEqual({
      type: 'say', actor: 'carol', role: 'responder', data: { text: 'hi @alice and @BOB, web looks odd; mail ops@example.com', mentions: ['alice', 'bob'] },
    });
  });
});

describe('process mistakes are recorded, not refused', () => {
  it('/assign without a time box gives timeboxMs null and no due time', () => {
    const { events, session } = run([IC, ['1:00', 'alice', '/assign @carol look at the web logs']]);
    expect(only(events, 'alice', '/assign @carol look at the web logs').data).toMatchObject({ id: 'T1', to: 'carol', text: 'look at the web logs', timeboxMs: null, refs: ['web-logs'] });
    expect(hintsTo(events, 'alice', '/assign @carol look at the web logs')).toEqual(['T1 has no time box (add "in 5m")']);
    expect(session.state.tasks[0]!.dueAt).toBeUndefined();
    expect(eventsOf(events, 'task.due')).toEqual([]);
  });

  it('a scribe running /run is recorded with role scribe', () => {
    const { events } = run([IC, ['2:30', 'bob', '/run revert-config']]);
    expect(only(events, 'bob', '/run revert-config')).toEqual({
      type: 'action.start', actor: 'bob', role: 'scribe', data: { action: 'revert-config', service: 'web', major: true, taskId: null, decisionId: null },
    });
    expect(eventsOf(events, 'action.done', 'bob').map((e) => e.data.changed)).toEqual([true]);
  });

  it('the IC doing hands-on work is recorded with role ic', () => {
    const { events } = run([IC, ['2:30', 'alice', '/check web-logs']]);
    expect(only(events, 'alice', '/check web-logs')).toMatchObject({ type: 'probe.start', role: 'ic', data: { taskId: null } });
  });

  it('a responder /run without any assignment has taskId null, as does one outside their task', () => {
    const { events } = run([
      IC,
      ['2:30', 'carol', '/run restart-web'],
      ['2:40', 'alice', '/assign @carol check web-logs in 5m'],
      ['2:50', 'carol', '/run revert-config'],
    ]);
    expect(only(events, 'carol', '/run restart-web').data).toMatchObject({ action: 'restart-web', taskId: null });
    // T1 is about the web-logs probe, so it does not cover the revert.
    expect(only(events, 'carol', '/run revert-config').data).toMatchObject({ action: 'revert-config', taskId: null });
  });

  it('a task on the same service does not cover a major action: it has to be named', () => {
    const { events } = run([IC, ['2:40', 'alice', '/assign @carol fix web in 5m'], ['2:50', 'carol', '/run revert-config']]);
    expect(only(events, 'carol', '/run revert-config').data).toMatchObject({ major: true, taskId: null });
  });

  it('a task that names nothing else carries out the decision just made; one that names something else does not', () => {
    const decided: Line[] = [IC, ['2:20', 'alice', '/poll revert the config push? any strong objections'], ['2:35', 'alice', '/decide revert it']];
    const doIt = run([...decided, ['2:40', 'alice', '/assign @carol do it, report back in 5'], ['2:50', 'carol', '/run revert-config']]);
    expect(only(doIt.events, 'carol', '/run revert-config').data).toMatchObject({ taskId: 'T1', decisionId: 'X1' });
    const other = run([...decided, ['2:40', 'alice', '/assign @carol check the web logs and run the query in 5m'], ['2:50', 'carol', '/run revert-config']]);
    expect(only(other.events, 'carol', '/run revert-config').data).toMatchObject({ taskId: null, decisionId: 'X1' });
  });

  it('a task that names the major action in words covers it', () => {
    const { events } = run([IC, ['2:40', 'alice', '/assign @carol revert the config push in 5m'], ['2:50', 'carol', '/run revert-config']]);
    expect(only(events, 'carol', '/run revert-config').data).toMatchObject({ major: true, taskId: 'T1' });
  });

  it('/post without approval is published with approvedBy null', () => {
    const { events } = run([['1:00', 'bob', '/draft We are looking into it.'], ['1:10', 'bob', '/post D1']]);
    expect(only(events, 'bob', '/post D1')).toEqual({ type: 'external.post', actor: 'bob', role: 'scribe', data: { draftId: 'D1', text: 'We are looking into it.', approvedBy: null } });
  });

  it('acting before joining is recorded (no implicit join for responders)', () => {
    const { events, session } = run([['2:30', 'carol', '/check web-logs']]);
    expect(only(events, 'carol', '/check web-logs').type).toBe('probe.start');
    expect(eventsOf(events, 'participant.join')).toEqual([]);
    expect(personOf(session.state, 'carol')!.joinedAt).toBeUndefined();
  });
});

describe('errors go to the sender, after the input is journaled', () => {
  const cases: [string, string, { message: string; suggestion?: string }][] = [
    ['unknown command', '/acknowledge', { message: 'unknown command "/acknowledge"', suggestion: 'did you mean /ack? (/ack [T#] — acknowledge your page (or your task))' }],
    ['unknown person', '/assign @alcie check web-logs in 5m', { message: 'no one called "alcie" is in this drill', suggestion: 'did you mean @alice?' }],
    ['unknown probe', '/check web-log', { message: 'unknown probe "web-log"', suggestion: 'did you mean /check web-logs?' }],
    ['unknown action', '/run revert-conifg', { message: 'unknown action "revert-conifg"', suggestion: 'did you mean /run revert-config?' }],
    ['probe given to /run', '/run web-logs', { message: '"web-logs" is a probe: use /check web-logs' }],
  ];
  for (const [what, text, data] of cases) {
    it(`${what}: ${text}`, () => {
      const { events } = run([IC, ['1:00', 'alice', text]]);
      const i = events.findIndex((e) => e.type === 'input' && e.data.text === text);
      expect(events[i]).toMatchObject({ type: 'input', actor: 'alice', role: 'ic', atMs: at('1:00'), data: { text } });
      expect(events[i + 1]).toMatchObject({ type: 'cmd.error', actor: 'alice', role: 'ic', atMs: at('1:00'), seq: events[i]!.seq + 1, data });
      expect(events[i + 1]!.data).toEqual(data);
      // Nothing else happened because of it.
      expect(replyTo(events, 'alice', text)).toHaveLength(1);
    });
  }

  it('someone who is not in the drill gets an error and nothing else', () => {
    const { events } = run([['1:00', 'mallory', '/ic']]);
    expect(replyTo(events, 'mallory', '/ic').map((e) => [e.type, e.role, e.data])).toEqual([
      ['cmd.error', 'system', { message: 'mallory is not a participant in this drill' }],
    ]);
    expect(eventsOf(events, 'role.claim')).toEqual([]);
  });
});

describe('one Incident Commander at a time', () => {
  it('a second /ic is refused while someone holds command, and by the holder too', () => {
    const { events, session } = run([IC, ['1:00', 'carol', '/ic'], ['1:10', 'alice', '/ic']]);
    expect(only(events, 'carol', '/ic')).toEqual({
      type: 'cmd.error', actor: 'carol', role: 'responder', data: { message: 'alice is the Incident Commander; command changes only by /handover', code: 'command-held' },
    });
    expect(only(events, 'alice', '/ic', 1)).toMatchObject({ type: 'cmd.error', data: { message: 'you are already the Incident Commander' } });
    expect(eventsOf(events, 'role.claim').map((e) => e.actor)).toEqual(['alice']);
    expect(session.state.incident.ic).toBe('alice');
  });

  it('anyone may take command when nobody holds it', () => {
    const { events, session } = run([['1:00', 'carol', '/ic']]);
    expect(replyTo(events, 'carol', '/ic').map((e) => [e.type, e.role])).toEqual([['participant.join', 'ic'], ['role.claim', 'ic']]);
    expect(session.roleOf('carol')).toBe('ic');
  });

  it('/handover moves command: handover.announce then role.claim via handover', () => {
    const { events, session } = run([
      IC,
      ['1:00', 'carol', '/join web'],
      ['1:10', 'alice', '/handover @carol'],
      ['1:20', 'carol', '/sev SEV-2'],
      ['1:30', 'alice', '/sev SEV-1'],
    ]);
    expect(replyTo(events, 'alice', '/handover @carol').map((e) => [e.type, e.actor, e.role, e.data])).toEqual([
      ['handover.announce', 'alice', 'ic', { from: 'alice', to: 'carol' }],
      ['role.claim', 'carol', 'ic', { role: 'ic', via: 'handover', from: 'alice' }],
      ['cmd.hint', 'carol', 'ic', { message: 'alice handed you command. Announce it to everyone: /ic This is carol, I am now the Incident Commander' }],
    ]);
    expect(session.state.incident.ic).toBe('carol');
    expect(session.roleOf('carol')).toBe('ic');
    expect(only(events, 'carol', '/sev SEV-2')).toMatchObject({ type: 'sev.set', role: 'ic' });
    expect(only(events, 'alice', '/sev SEV-1')).toMatchObject({ type: 'cmd.error', data: { message: 'only the Incident Commander declares severity; carol is the Incident Commander' } });
  });

  it('/handover to someone not yet on the call joins them implicitly; handing over to yourself is refused', () => {
    const { events } = run([IC, ['1:00', 'alice', '/handover @alice'], ['1:10', 'alice', '/handover @bob']]);
    expect(only(events, 'alice', '/handover @alice')).toMatchObject({ type: 'cmd.error', data: { message: 'you already hold command' } });
    expect(types(replyTo(events, 'alice', '/handover @bob'))).toEqual(['handover.announce', 'participant.join', 'role.claim', 'cmd.hint']);
  });

  // alice's seat stays 'ic' after the handover, so roleOf must not fall back to the seat for her.
  it('after a handover the outgoing IC no longer acts in the role ic', () => {
    const { events, session } = run([IC, ['1:00', 'alice', '/handover @carol'], ['2:30', 'alice', '/check web-logs']]);
    expect(session.rolesOf('alice')).not.toContain('ic');
    expect(session.roleOf('alice')).not.toBe('ic');
    expect(only(events, 'alice', '/check web-logs').role).not.toBe('ic');
  });
});

describe('only the Incident Commander commands', () => {
  const icOnly: [string, string][] = [
    ['/appoint @bob scribe', 'only the Incident Commander appoints roles'],
    ['/sev SEV-2', 'only the Incident Commander declares severity'],
    ['/assign @carol check web-logs in 5m', 'only the Incident Commander assigns tasks'],
    ['/poll revert-config?', 'only the Incident Commander runs polls'],
    ['/decide revert-config', 'only the Incident Commander records decisions'],
    ['/status all fine', 'only the Incident Commander gives status updates'],
    ['/approve', 'only the Incident Commander approves external messages'],
    ['/handover @bob', 'only the Incident Commander hands over command'],
    ['/resolve', 'only the Incident Commander resolves the incident'],
    ['/end', 'only the Incident Commander ends the call'],
    ['/postmortem @bob', 'only the Incident Commander names the postmortem owner'],
  ];
  for (const [text, message] of icOnly) {
    it(`${text} from a non-IC is refused`, () => {
      const { events } = run([['0:30', 'carol', text], IC, ['1:00', 'carol', text]]);
      expect(only(events, 'carol', text)).toEqual({ type: 'cmd.error', actor: 'carol', role: 'responder', data: { message: `${message}; nobody has taken command yet (/ic)` } });
      expect(only(events, 'carol', text, 1)).toEqual({ type: 'cmd.error', actor: 'carol', role: 'responder', data: { message: `${message}; alice is the Incident Commander` } });
    });
  }

  it('the ic seat alone does not give command', () => {
    const { events } = run([['1:00', 'alice', '/sev SEV-2']]);
    expect(only(events, 'alice', '/sev SEV-2')).toMatchObject({ type: 'cmd.error', data: { message: 'only the Incident Commander declares severity; nobody has taken command yet (/ic)' } });
  });
});

describe('resolving and ending', () => {
  it('/end before /resolve is refused', () => {
    const { events, session } = run([IC, ['1:00', 'alice', '/end']]);
    expect(only(events, 'alice', '/end')).toMatchObject({ type: 'cmd.error', data: { message: 'the incident is not resolved yet; /resolve it first (only once it is mitigated)' } });
    expect(session.state.incident.callEndedAt).toBeUndefined();
    expect(session.outcome).toBe('timed-out');
  });

  it('/resolve before mitigation is recorded with mitigated:false and does not count', () => {
    const { events, session } = run([
      IC,
      ['2:30', 'alice', '/sev SEV-2'],
      ['2:40', 'alice', '/resolve'],
      ['2:50', 'alice', '/end'],
    ]);
    expect(only(events, 'alice', '/resolve')).toEqual({ type: 'incident.resolve', actor: 'alice', role: 'ic', data: { finalSev: 'SEV-2', mitigated: false } });
    expect(session.state.incident.resolvedAt).toBeUndefined();
    expect(only(events, 'alice', '/end').type).toBe('cmd.error');
    expect(session.outcome).toBe('timed-out');
  });

  it('/resolve after mitigation, then /end, ends the drill resolved; a second /resolve is refused', () => {
    const { events, session } = run([
      IC,
      ['2:30', 'alice', '/resolve'],
      ['3:00', 'carol', '/run revert-config'],
      ['4:30', 'alice', '/resolve'],
      ['4:40', 'alice', '/resolve'],
      ['5:00', 'alice', '/end'],
      ['5:10', 'alice', '/status still here'],
    ]);
    expect(only(events, 'alice', '/resolve', 1).data).toEqual({ finalSev: null, mitigated: true });
    expect(only(events, 'alice', '/resolve', 2)).toMatchObject({ type: 'cmd.error', data: { message: 'the incident is already resolved' } });
    expect(replyTo(events, 'alice', '/end').map((e) => [e.type, e.actor, e.role, e.data])).toEqual([
      ['call.end', 'alice', 'ic', {}],
      ['drill.end', 'facilitator', 'system', { outcome: 'resolved', phase: 'recovered' }],
    ]);
    expect(session.status).toBe('ended');
    expect(session.outcome).toBe('resolved');
    expect(session.state.incident).toMatchObject({ resolvedAt: at('4:30'), callEndedAt: at('5:00') });
    // Input after the end is not even journaled, and no timer fires after it.
    expect(events.at(-1)!.type).toBe('drill.end');
    expect(events.some((e) => e.type === 'input' && e.data.text === '/status still here')).toBe(false);
  });

  it('reaching the duration without a resolve ends the drill timed-out', () => {
    const { events, session } = run([]);
    expect(events.at(-1)).toMatchObject({ type: 'drill.end', atMs: 30 * 60_000, actor: 'facilitator', data: { outcome: 'timed-out', phase: 'broken' } });
    expect(session.outcome).toBe('timed-out');
    expect(eventsOf(events, 'drill.end')).toHaveLength(1);
  });

  it('reaching the duration after a valid /resolve but no /end ends the drill resolved', () => {
    const { events, session } = run([IC, ['3:00', 'carol', '/run revert-config'], ['4:30', 'alice', '/resolve']]);
    expect(events.at(-1)).toMatchObject({ type: 'drill.end', atMs: 30 * 60_000, data: { outcome: 'resolved' } });
    expect(session.outcome).toBe('resolved');
    expect(eventsOf(events, 'call.end')).toEqual([]);
  });

  it('control({kind:"end"}) aborts the drill', () => {
    const { session, journal } = drill(STARTER, { humans: HUMANS, bots: 'none' });
    session.start();
    session.advanceTo(at('2:30'));
    session.control({ kind: 'end' });
    expect(journal.events.slice(-2).map((e) => [e.type, e.actor, e.role, e.data, e.atMs])).toEqual([
      ['facilitator.end', 'facilitator', 'facilitator', {}, at('2:30')],
      ['drill.end', 'facilitator', 'system', { outcome: 'aborted', phase: 'broken' }, at('2:30')],
    ]);
    expect(session.outcome).toBe('aborted');
    // Nothing runs after the end: no alert, no timers left to fire.
    const n = journal.events.length;
    session.advanceTo(at('40:00'));
    session.control({ kind: 'pause' });
    expect(journal.events).toHaveLength(n);
  });

  it('input after the drill has ended is ignored', () => {
    const { session, journal } = drill(STARTER, { humans: HUMANS, bots: 'none' });
    session.runSimulated([]);
    const n = journal.events.length;
    session.dispatch('alice', '/ic');
    session.submit('carol', '/ack');
    session.advanceTo(at('31:00'));
    session.control({ kind: 'end' });
    session.end('aborted');
    expect(journal.events).toHaveLength(n);
    expect(session.outcome).toBe('timed-out');
    expect(session.state.incident.ic).toBeUndefined();
  });
});

describe('facilitator controls', () => {
  it('pause, resume and speed are journaled as facilitator events', () => {
    const { session, journal } = drill(STARTER, { humans: HUMANS, bots: 'none' });
    session.start();
    session.advanceTo(at('0:10'));
    session.control({ kind: 'pause' });
    session.control({ kind: 'speed', speed: 4 });
    session.control({ kind: 'resume' });
    expect(journal.events.slice(-3).map((e) => [e.type, e.role, e.data])).toEqual([
      ['facilitator.pause', 'facilitator', {}],
      ['facilitator.speed', 'facilitator', { speed: 4 }],
      ['facilitator.resume', 'facilitator', {}],
    ]);
  });

  it('inject-now fires the next inject at once, and it does not fire again at its time', () => {
    const { session, journal } = drill(STARTER, { humans: HUMANS, bots: 'none' });
    session.start();
    session.advanceTo(at('1:00'));
    session.control({ kind: 'inject-now' });
    session.advanceTo(at('10:00'));
    expect(eventsOf(journal.events, 'inject').map((e) => [e.atMs, e.actor, e.data])).toEqual([
      [at('1:00'), 'Support', { index: 0, kind: 'customer-report', text: 'Customers say checkout fails half the time.' }],
    ]);
  });

  it('say journals an ad-hoc inject a named character speaks, cleaned and capped; an empty line says nothing', () => {
    const { session, journal } = drill(STARTER, { humans: HUMANS, bots: 'none' });
    session.start();
    session.advanceTo(at('1:30'));
    const n = journal.events.length;
    session.control({ kind: 'say', speaker: '  Priya (Customer Support) ', text: '  customers are posting screenshots\n ' });
    session.control({ kind: 'say', speaker: 'Priya', text: ' \t\n ' });
    session.control({ kind: 'say', speaker: '\u001b[31m', text: 'x'.repeat(SAY_TEXT_MAX + 50) });
    session.control({ kind: 'say', speaker: 'P'.repeat(200), text: 'evil\u001b]0;title\u0007 text' });
    expect(journal.events.slice(n).map((e) => [e.type, e.actor, e.role, e.atMs, e.data])).toEqual([
      ['facilitator.say', 'facilitator', 'facilitator', at('1:30'), { speaker: 'Priya (Customer Support)', text: 'customers are posting screenshots' }],
      ['facilitator.say', 'facilitator', 'facilitator', at('1:30'), { speaker: 'Facilitator', text: 'x'.repeat(SAY_TEXT_MAX) }],
      ['facilitator.say', 'facilitator', 'facilitator', at('1:30'), { speaker: 'P'.repeat(SAY_SPEAKER_MAX), text: 'evil text' }],
    ]);
    session.control({ kind: 'end' });
    const ended = journal.events.length;
    session.control({ kind: 'say', speaker: 'Priya', text: 'too late' });
    expect(journal.events).toHaveLength(ended);
  });

  it('an ad-hoc inject changes nothing the players know and replays', () => {
    const { session, journal } = drill(STARTER, { humans: HUMANS, bots: 'none' });
    session.start();
    session.advanceTo(at('1:00'));
    const before = session.state;
    session.control({ kind: 'say', speaker: 'VP Sales', text: 'is checkout down??' });
    expect(session.state).toBe(before);
    session.advanceTo(at('3:00'));
    const r = replay(STARTER, journal.headerLine!, journal.events);
    expect(r.reproduces).toBe(true);
    expect(r.journal.events.filter((e) => e.type === 'facilitator.say')).toHaveLength(1);
  });

  it('inject-now when no inject is left is harmless', () => {
    const { session, journal } = drill(STARTER, { humans: HUMANS, bots: 'none' });
    session.start();
    session.advanceTo(at('7:00'));
    expect(eventsOf(journal.events, 'inject')).toHaveLength(1);
    expect(() => session.control({ kind: 'inject-now' })).not.toThrow();
    expect(session.status).toBe('running');
  });
});

describe('task time boxes', () => {
  it('task.due fires at assignedAt + time box when there is no report', () => {
    const { events } = run([IC, ['1:00', 'alice', '/assign @carol check web-logs in 2m']]);
    expect(eventsOf(events, 'task.due').map((e) => [e.atMs, e.actor, e.role, e.data])).toEqual([[at('3:00'), 'carol', 'responder', { id: 'T1', to: 'carol' }]]);
  });

  it('a report before the time box cancels task.due', () => {
    const { events } = run([IC, ['1:00', 'alice', '/assign @carol check web-logs in 2m'], ['2:59', 'carol', '/report nothing yet']]);
    expect(eventsOf(events, 'task.due')).toEqual([]);
  });

  it('/more moves the due time to now + the estimate', () => {
    const { events, session } = run([IC, ['1:00', 'alice', '/assign @carol check web-logs in 2m'], ['2:00', 'carol', '/more T1 3m']]);
    expect(eventsOf(events, 'task.due').map((e) => e.atMs)).toEqual([at('5:00')]);
    expect(session.state.tasks[0]!.dueAt).toBe(at('5:00'));
  });

  it('/more after the due time sets a new one', () => {
    const { events } = run([IC, ['1:00', 'alice', '/assign @carol check web-logs in 2m'], ['3:30', 'carol', '/more 1m']]);
    expect(eventsOf(events, 'task.due').map((e) => e.atMs)).toEqual([at('3:00'), at('4:30')]);
  });

  it('an IC chat line mentioning the assignee after the due time is a follow-up', () => {
    const { events } = run([
      IC,
      ['1:00', 'alice', '/assign @carol check web-logs in 2m'],
      ['2:30', 'alice', '@carol how is it going?'],
      ['3:10', 'bob', '@carol the time box is up'],
      ['3:20', 'alice', 'bob, anything from carol?'],
      ['3:30', 'alice', '@carol the time box on T1 is up. Where are we?'],
    ]);
    expect(types(replyTo(events, 'alice', '@carol how is it going?'))).toEqual(['say']);
    // bob has not joined, so he is also told privately to say who he is; it is no follow-up either way.
    expect(types(replyTo(events, 'bob', '@carol the time box is up'))).toEqual(['say', 'cmd.hint']);
    // Asking about carol by name after her time box ran out is a follow-up too, with or without the @.
    expect(types(replyTo(events, 'alice', 'bob, anything from carol?'))).toEqual(['say', 'task.followup']);
    expect(replyTo(events, 'alice', '@carol the time box on T1 is up. Where are we?').map((e) => [e.type, e.actor, e.role, e.data])).toEqual([
      ['say', 'alice', 'ic', { text: '@carol the time box on T1 is up. Where are we?', mentions: ['carol'] }],
      ['task.followup', 'alice', 'ic', { id: 'T1', to: 'carol' }],
    ]);
  });

  it('no follow-up for a task already reported', () => {
    const { events } = run([
      IC,
      ['1:00', 'alice', '/assign @carol check web-logs in 2m'],
      ['3:10', 'carol', '/report T1 nothing in the logs'],
      ['3:20', 'alice', '@carol thanks'],
    ]);
    expect(eventsOf(events, 'task.followup')).toEqual([]);
  });
});

describe('paging escalation through the session', () => {
  it('escalates the page to the backup after ESCALATE_MS without an ack', () => {
    const { events, cast } = run([]);
    const backup = cast.find((p) => p.team === 'web-team' && p.onCall === 'backup')!.name;
    expect(eventsOf(events, 'alert.notified').map((e) => [e.atMs, e.data])).toEqual([
      [FIRES_AT, { alert: 'web-errors', user: 'carol', level: 1 }],
      [FIRES_AT + ESCALATE_MS, { alert: 'web-errors', user: backup, level: 2, escalated: true }],
    ]);
  });
});
