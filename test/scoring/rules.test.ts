// Every discipline rule against scripted drills: the clean incident keeps them all, and one small
// change to it breaks exactly the rule under test, with the violation naming the right person and event.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/scoring/rules';
import { at } from '../helpers/drill';
import {
  CLEAN, DAVE_DEPUTY, DAVE_IC, DAVE_RESPONDER, ERIN_LIAISON, HUMANS, LIAISON_LINES, VARIANTS,
  expectNotApplicable, expectPassed, expectViolation, play, script, starterVariant, yamlReplace, type Edit, type Played,
} from '../helpers/scoring';

type Case = 'violated' | 'passed' | 'not-applicable';
/** Which cases each rule has below; the meta-test at the end checks every rule in RULES has them. */
const covered = new Map<string, Set<Case>>();
function mark(id: string, c: Case): void {
  const set = covered.get(id) ?? new Set<Case>();
  set.add(c);
  covered.set(id, set);
}
const violates = (id: string, what: string, fn: () => void) => {
  mark(id, 'violated');
  it(`${id} violated: ${what}`, fn);
};
const passes = (id: string, what: string, fn: () => void) => {
  mark(id, 'passed');
  it(`${id} passed: ${what}`, fn);
};
const notApplicable = (id: string, what: string, fn: () => void) => {
  mark(id, 'not-applicable');
  it(`${id} not applicable: ${what}`, fn);
};

// Played once and shared: scoring is pure, so tests only read these.
const clean = play();
const variant = (edit: Edit) => play(script(edit));

/** The clean script on a scenario with no scribe or deputy seat: no bob, no appointment, no notes. */
let icOnlyPlayed: Played | undefined;
const icOnly = () => (icOnlyPlayed ??= play(script({ drop: CLEAN.filter((x) => x.actor === 'bob' || x.key === 'appoint').map((x) => x.key) }), {
  scenario: VARIANTS.icOnly(), humans: HUMANS.filter((h) => h.name !== 'bob'),
}));

/** Only the first three steps: carol acks, triggers and joins — and nobody ever takes command. */
const noCommand = play(script({}, CLEAN.slice(0, 3)));

describe('the clean incident', () => {
  it('keeps every rule that applies, and says why the rest do not', () => {
    const statuses = Object.fromEntries(clean.card.rules.map((r) => [r.id, r.status === 'not-applicable' ? `n/a: ${r.reason}` : r.status]));
    expect(statuses).toEqual({
      'RD-01': 'passed', 'RD-02': 'passed', 'RD-04': 'passed', 'RD-05': 'passed', 'RD-06': 'passed', 'RD-07': 'passed', 'RD-08': 'passed',
      'RD-09': 'passed', 'RD-10': 'passed', 'RD-11': 'passed',
      'RD-12': 'n/a: no time box ran out', 'RD-13': 'n/a: no time box ran out',
      'RD-14': 'n/a: no deputy was appointed',
      'RD-15': 'passed', 'RD-16': 'passed', 'RD-17': 'passed', 'RD-18': 'passed', 'RD-20': 'passed', 'RD-21': 'passed', 'RD-22': 'passed', 'RD-23': 'passed',
      'RD-25': 'n/a: command was never handed over',
      'RD-26': 'n/a: no IC could hold command for an hour in this drill',
      'RD-27': 'n/a: no executive swooped in while someone held command',
      'RD-30': 'passed',
      'RD-31': 'n/a: nobody raised a follow-up',
      'RD-33': 'n/a: nothing was posted externally',
      'RD-34': 'n/a: no customer liaison in this drill',
      'RD-35': 'n/a: nothing was posted externally',
      'RD-36': 'n/a: no customer liaison in this drill',
      'RD-38': 'passed', 'RD-39': 'passed',
    });
    for (const r of clean.card.rules) {
      expect(r.violations, r.id).toEqual([]);
      expect(r.penalty, r.id).toBe(0);
    }
  });

  it('scores 100 (A) with every participant clean and the drill resolved', () => {
    expect(clean.card.outcome).toBe('resolved');
    expect(clean.card.score).toBe(100);
    expect(clean.card.grade).toBe('A');
    expect(clean.card.deductions).toEqual([]);
    expect(clean.card.participants.map((p) => [p.name, p.score, p.violations.length])).toEqual([
      ['alice', 100, 0], ['bob', 100, 0], ['carol', 100, 0], [clean.header.participants[3]!.name, 100, 0],
    ]);
  });

  it('the same script with a customer liaison or a deputy seat is still clean', () => {
    const liaison = play(script({ add: LIAISON_LINES }), { scenario: VARIANTS.liaison(), humans: [...HUMANS, ERIN_LIAISON] });
    const deputy = play(script({ add: [['4:12', 'alice', '/appoint @dave deputy']] }), { scenario: VARIANTS.deputy(), humans: [...HUMANS, DAVE_DEPUTY] });
    for (const p of [liaison, deputy]) {
      expect(p.card.rules.filter((r) => r.status === 'violated').map((r) => r.id)).toEqual([]);
    }
    expect(liaison.card.score).toBe(100);
    expect(deputy.card.score).toBe(100);
    expect(['RD-33', 'RD-34', 'RD-35', 'RD-36'].map((id) => liaison.rule(id).status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(deputy.rule('RD-14').status).toBe('passed');
  });
});

describe('RD-01 announce command', () => {
  passes('RD-01', 'clean: "This is alice, I am the Incident Commander" 20s after the trigger', () => expectPassed(clean, 'RD-01'));
  violates('RD-01', 'a bare /ic says neither the name nor the title', () => {
    const p = variant({ set: { ic: { text: '/ic' } } });
    expectViolation(p, 'RD-01', 'alice', p.one('role.claim'));
  });
  violates('RD-01', '"I am IC" without the full title', () => {
    const p = variant({ set: { ic: { text: '/ic alice here, I am IC' } } });
    expectViolation(p, 'RD-01', 'alice', p.one('role.claim'));
  });
  violates('RD-01', 'command taken 5:05 after the trigger', () => {
    const p = variant({ shift: { from: 'ic', by: '5:05' } });
    const v = expectViolation(p, 'RD-01', 'alice', p.one('role.claim'));
    expect(v.evidence.note).toMatch(/after the trigger/);
  });
  violates('RD-01', 'nobody ever takes command: the trigger is the evidence, the paged IC on call the actor, the whole weight lost', () => {
    expectViolation(noCommand, 'RD-01', 'alice', noCommand.one('ic.page'));
    expect(noCommand.rule('RD-01').penalty).toBe(1);
  });
  notApplicable('RD-01', 'the response was never triggered', () => {
    expectNotApplicable(variant({ drop: ['trigger'] }), 'RD-01', /never triggered/);
  });
});

describe('RD-02 one commander', () => {
  passes('RD-02', 'clean', () => expectPassed(clean, 'RD-02'));
  passes('RD-02', 'command changes by /handover', () => {
    const p = play(script({ add: [['5:00', 'alice', '/handover @dave']], set: Object.fromEntries(['status2', 'resolve', 'pm', 'end', 'poll', 'decide', 'assign2'].map((k) => [k, { actor: 'dave' }])) }), { humans: [...HUMANS, DAVE_IC] });
    expect(p.events.filter((e) => e.type === 'role.claim').map((e) => e.actor)).toEqual(['alice', 'dave']);
    expectPassed(p, 'RD-02');
  });
  violates('RD-02', 'carol types /ic while alice holds command', () => {
    const text = '/ic This is carol, I am the Incident Commander';
    const p = play(script({ add: [['5:10', 'carol', text]] }), { allowErrors: true });
    expectViolation(p, 'RD-02', 'carol', p.one('cmd.error', (e) => e.actor === 'carol'));
  });
  violates('RD-02', 'carol says in chat she is taking command while alice holds it', () => {
    const p = play(script({ add: [['5:10', 'carol', 'carol here, I am taking command']] }), { allowErrors: true });
    expect(p.one('say', (e) => e.actor === 'carol').data.text).toBe('carol here, I am taking command');
    expectViolation(p, 'RD-02', 'carol', p.one('cmd.error', (e) => e.actor === 'carol'));
  });
  notApplicable('RD-02', 'nobody took command', () => expectNotApplicable(noCommand, 'RD-02', /nobody took command/));
});

describe('RD-25 handover protocol', () => {
  const DAVE_STEPS = Object.fromEntries(['status2', 'resolve', 'pm', 'end', 'poll', 'decide', 'assign2'].map((k) => [k, { actor: 'dave' }]));
  const handover = (extra: readonly (readonly [string, string, string])[], opts: { allowErrors?: boolean } = {}) =>
    play(script({ add: [['5:00', 'alice', '/handover @dave'], ...extra], set: DAVE_STEPS }), { humans: [...HUMANS, DAVE_IC], ...opts });

  passes('RD-25', 'dave announces himself 20s after the handover and alice steps back', () => {
    expectPassed(handover([['5:20', 'dave', 'This is dave, I am now the Incident Commander']]), 'RD-25');
  });
  violates('RD-25', 'dave never re-announces', () => {
    const p = handover([]);
    expectViolation(p, 'RD-25', 'dave', p.one('handover.announce'));
  });
  violates('RD-25', 'alice keeps directing the call after handing over', () => {
    const p = handover([['5:20', 'dave', 'This is dave, I am now the Incident Commander'], ['5:30', 'alice', '/assign @carol check the logs again in 5m']], { allowErrors: true });
    expectViolation(p, 'RD-25', 'alice', p.one('cmd.error', (e) => e.actor === 'alice'));
  });
  violates('RD-25', 'alice asks carol in chat to do a task after handing over', () => {
    const p = handover([['5:20', 'dave', 'This is dave, I am now the Incident Commander'], ['5:30', 'alice', 'Carol, please check the web logs again and report back in 5.']]);
    expectViolation(p, 'RD-25', 'alice', p.one('say', (e) => e.actor === 'alice'));
  });
  passes('RD-25', 'the outgoing IC may still talk: thanking people and answering is not directing', () => {
    const p = handover([['5:20', 'dave', 'This is dave, I am now the Incident Commander'], ['5:30', 'alice', 'Thanks all, dave has command now. I am around if you need history.']]);
    expectPassed(p, 'RD-25');
  });
  notApplicable('RD-25', 'command was never handed over', () => expectNotApplicable(clean, 'RD-25', /never handed over/));
});

describe('RD-05 name the staff', () => {
  passes('RD-05', 'clean: scribe named 10s after command', () => expectPassed(clean, 'RD-05'));
  violates('RD-05', 'scribe named 3:10 after command', () => {
    const p = variant({ set: { appoint: { at: '7:10' } } });
    expectViolation(p, 'RD-05', 'alice', p.one('role.appoint'));
  });
  violates('RD-05', 'no scribe named at all: the claim is the evidence', () => {
    const p = variant({ drop: ['appoint'] });
    expectViolation(p, 'RD-05', 'alice', p.one('role.claim'));
  });
  violates('RD-05', 'with a deputy seat, a deputy must be named too', () => {
    const p = play(CLEAN, { scenario: VARIANTS.deputy(), humans: [...HUMANS, DAVE_DEPUTY] });
    const v = expectViolation(p, 'RD-05', 'alice', p.one('role.claim'));
    expect(v.evidence.note).toMatch(/deputy/);
  });
  notApplicable('RD-05', 'the scenario has no deputy or scribe seat', () => {
    expectNotApplicable(icOnly(), 'RD-05', /no deputy or scribe seat/);
  });
});

describe('RD-07 the IC stays hands-off', () => {
  // Issue requirement: a scripted IC who /runs a remediation gets the IC hands-off violation, naming them.
  const icRuns = variant({ drop: ['assign2', 'wilco2', 'noteAssign2', 'report2'], set: { run: { actor: 'alice' } } });
  passes('RD-07', 'clean: the IC delegates the check and the revert', () => expectPassed(clean, 'RD-07'));
  violates('RD-07', 'the IC /runs revert-config herself, and is named for it', () => {
    const start = icRuns.one('action.start');
    expect(start).toMatchObject({ actor: 'alice', role: 'ic', data: { action: 'revert-config' } });
    const v = expectViolation(icRuns, 'RD-07', 'alice', start);
    expect(v.evidence.note).toMatch(/Incident Commander ran revert-config/);
    const alice = icRuns.card.participants.find((x) => x.name === 'alice')!;
    expect(alice.violations.map((x) => x.rule)).toContain('RD-07');
    expect(alice.score).toBeLessThan(100);
  });
  violates('RD-07', 'the IC /checks the logs herself (diagnostics count too)', () => {
    const p = variant({ add: [['5:05', 'alice', '/check web-logs']] });
    expectViolation(p, 'RD-07', 'alice', p.one('probe.start', (e) => e.actor === 'alice'));
  });
  notApplicable('RD-07', 'nobody took command', () => expectNotApplicable(noCommand, 'RD-07', /nobody took command/));
  notApplicable('RD-15', 'only the IC ran a remediation', () => expectNotApplicable(icRuns, 'RD-15', /anyone but the IC/));
});

describe('RD-08 the scribe and deputy stay hands-off', () => {
  passes('RD-08', 'clean', () => expectPassed(clean, 'RD-08'));
  violates('RD-08', 'the scribe /checks the logs', () => {
    const p = variant({ add: [['5:05', 'bob', '/check web-logs']] });
    const check = p.one('probe.start', (e) => e.actor === 'bob');
    expect(check.role).toBe('scribe');
    expectViolation(p, 'RD-08', 'bob', check);
  });
  violates('RD-08', 'the deputy /runs the red herring', () => {
    const p = play(script({ add: [['4:12', 'alice', '/appoint @dave deputy'], ['5:05', 'dave', '/run restart-web']] }), { scenario: VARIANTS.deputy(), humans: [...HUMANS, DAVE_DEPUTY] });
    expectViolation(p, 'RD-08', 'dave', p.one('action.start', (e) => e.actor === 'dave'));
  });
  notApplicable('RD-08', 'no deputy or scribe seat', () => {
    expectNotApplicable(icOnly(), 'RD-08', /no deputy or scribe/);
  });
});

describe('RD-09 one named owner', () => {
  passes('RD-09', 'clean: every task goes to @carol', () => expectPassed(clean, 'RD-09'));
  violates('RD-09', 'the IC asks "can someone..."', () => {
    const p = variant({ add: [['4:38', 'alice', 'Can someone look at the web logs?']] });
    expectViolation(p, 'RD-09', 'alice', p.one('say'));
  });
  passes('RD-09', '"can someone" from a responder is not the IC assigning work', () => {
    expectPassed(variant({ add: [['4:38', 'carol', 'Can someone look at the web logs?']] }), 'RD-09');
  });
  notApplicable('RD-09', 'nobody took command', () => expectNotApplicable(noCommand, 'RD-09', /nobody took command/));
});

/** Clean, but with no task ever assigned: carol runs the revert on the decision alone. */
const noTasks = variant({ drop: ['assign1', 'noteAssign1', 'wilco1', 'report1', 'assign2', 'wilco2', 'noteAssign2', 'report2'] });

describe('RD-10 time boxes', () => {
  passes('RD-10', 'clean: both tasks "in 3m"', () => expectPassed(clean, 'RD-10'));
  violates('RD-10', 'a task without a time box', () => {
    const p = variant({ set: { assign1: { text: '/assign @carol check web-logs for the cause' } } });
    const v = expectViolation(p, 'RD-10', 'alice', p.one('task.assign', (e) => e.data.id === 'T1'));
    expect(p.rule('RD-10').penalty).toBe(0.5);
    expect(v.evidence.note).toMatch(/T1 for carol had no time box/);
  });
  notApplicable('RD-10', 'no tasks were assigned', () => expectNotApplicable(noTasks, 'RD-10', /no tasks/));
});

describe('RD-11 assignments acknowledged', () => {
  passes('RD-11', 'clean: /wilco within 10s', () => expectPassed(clean, 'RD-11'));
  violates('RD-11', 'T1 never acknowledged: the assignment is the evidence, carol the actor', () => {
    const p = variant({ drop: ['wilco1'] });
    expectViolation(p, 'RD-11', 'carol', p.one('task.assign', (e) => e.data.id === 'T1'));
  });
  violates('RD-11', 'T2 acknowledged 65s late', () => {
    const p = variant({ set: { wilco2: { at: '7:20' } } });
    expectViolation(p, 'RD-11', 'carol', p.one('task.ack', (e) => e.data.id === 'T2'));
  });
  passes('RD-11', 'acknowledged exactly 60s later is in time', () => {
    expectPassed(variant({ set: { wilco1: { at: '5:40' }, check: { at: '5:41' }, report1: { at: '5:48' } } }), 'RD-11');
  });
  notApplicable('RD-11', 'no tasks were assigned', () => expectNotApplicable(noTasks, 'RD-11', /no tasks/));
});

// T1's time box is 30s: it runs out at 5:10, while carol's check is still running (its result comes at 5:30).
const EXPIRE: Edit['set'] = { assign1: { text: '/assign @carol check web-logs for the cause in 30s' } };
const expired = (edit: Edit) => variant({ ...edit, set: { ...EXPIRE, ...edit.set } });

describe('RD-12 the IC follows up / RD-13 report or extend', () => {
  passes('RD-12', 'the IC asks @carol 10s after T1 ran out', () => {
    const p = expired({ add: [['5:20', 'alice', '@carol where are we on T1?']] });
    expect(p.one('task.followup')).toMatchObject({ actor: 'alice', data: { id: 'T1', to: 'carol' } });
    expectPassed(p, 'RD-12');
    expectPassed(p, 'RD-13');
  });
  violates('RD-12', 'nobody follows up within grace: the IC at the due time is named, the task.due is the evidence', () => {
    const p = expired({ set: { report1: { at: '6:50' } } });
    const due = p.one('task.due');
    expect(due.actor).toBe('carol'); // the journal event is carol's ...
    expectViolation(p, 'RD-12', 'alice', due); // ... but following up is alice's job
    expectViolation(p, 'RD-13', 'carol', due);
  });
  violates('RD-13', 'the IC follows up but carol reports only 1:40 after the time box', () => {
    const p = expired({ add: [['5:20', 'alice', '@carol where are we on T1?']], set: { report1: { at: '6:50' } } });
    expectPassed(p, 'RD-12');
    expectViolation(p, 'RD-13', 'carol', p.one('task.due'));
  });
  passes('RD-13', 'carol reports 30s after the time box', () => {
    const p = expired({});
    expectPassed(p, 'RD-13');
    // Her own report in time also answers for the IC: no follow-up was needed.
    expectPassed(p, 'RD-12');
  });
  passes('RD-13', 'carol asks for more time with an estimate (/more 2m), then reports', () => {
    const p = expired({ add: [['5:20', 'carol', '/more 2m']] });
    expect(p.one('task.extend')).toMatchObject({ actor: 'carol', data: { id: 'T1', estimateMs: 120_000 } });
    expectPassed(p, 'RD-13');
    expectPassed(p, 'RD-12');
  });
  notApplicable('RD-12', 'no time box ran out (clean)', () => expectNotApplicable(clean, 'RD-12', /no time box ran out/));
  notApplicable('RD-13', 'no time box ran out (clean)', () => expectNotApplicable(clean, 'RD-13', /no time box ran out/));
});

describe('RD-14 deputy callouts', () => {
  const withDeputy = (edit: Edit) =>
    play(script({ ...edit, add: [['4:12', 'alice', '/appoint @dave deputy'], ...(edit.add ?? [])] }), { scenario: VARIANTS.deputy(), humans: [...HUMANS, DAVE_DEPUTY] });
  passes('RD-14', 'the deputy calls out T1\'s time box 5s after it ran out', () => {
    expectPassed(withDeputy({ set: EXPIRE, add: [['5:15', 'dave', 'Be advised: T1 time box is up']] }), 'RD-14');
  });
  violates('RD-14', 'T1 runs out and the deputy says nothing', () => {
    const p = withDeputy({ set: EXPIRE });
    expectViolation(p, 'RD-14', 'dave', p.one('task.due'));
  });
  // Trigger at 3:40: the 10-minute mark is 13:40; resolving at 14:30 keeps the incident open past it.
  const late = { resolve: { at: '14:30' }, pm: { at: '14:40' }, end: { at: '14:50' } };
  passes('RD-14', 'the deputy calls out the 10-minute mark', () => {
    expectPassed(withDeputy({ set: late, add: [['13:45', 'dave', 'Be advised: we are at the 10 minute mark']] }), 'RD-14');
  });
  violates('RD-14', 'no callout near the 10-minute mark: the appointment is the evidence', () => {
    const p = withDeputy({ set: late });
    expectViolation(p, 'RD-14', 'dave', p.one('role.appoint', (e) => e.data.role === 'deputy'));
  });
  passes('RD-14', 'no callouts are due from the deputy while the deputy holds command', () => {
    // alice hands command to dave at 5:00; T1 runs out at 5:10 with dave in command and nobody calling it out.
    const afterHandover = Object.fromEntries(CLEAN.filter((x) => x.actor === 'alice' && at(x.at) > at('5:00')).map((x) => [x.key, { actor: 'dave' }]));
    const p = withDeputy({ set: { ...EXPIRE, ...afterHandover }, add: [['5:00', 'alice', '/handover @dave']] });
    expect(p.one('task.due').atMs).toBe(at('5:10'));
    expect(p.events.filter((e) => e.type === 'role.claim').map((e) => e.actor)).toEqual(['alice', 'dave']);
    expectPassed(p, 'RD-14');
  });
  notApplicable('RD-14', 'no deputy was appointed', () => expectNotApplicable(clean, 'RD-14', /no deputy/));
});

describe('RD-15 no freelancing', () => {
  passes('RD-15', 'clean: carol runs revert-config under T2', () => expectPassed(clean, 'RD-15'));
  violates('RD-15', 'carol runs revert-config with no task covering it', () => {
    const p = variant({ drop: ['assign2', 'wilco2', 'noteAssign2', 'report2'] });
    const start = p.one('action.start');
    expect(start.data.taskId).toBeNull();
    expectViolation(p, 'RD-15', 'carol', start);
  });
  violates('RD-15', 'a task to check the logs does not cover a remediation', () => {
    // T1 (refs web-logs) is still open when carol runs the red herring.
    const p = variant({ add: [['4:55', 'carol', '/run restart-web']] });
    expectViolation(p, 'RD-15', 'carol', p.one('action.start', (e) => e.data.action === 'restart-web'));
  });
});

describe('RD-16 no self-dispatch', () => {
  const withDave = (edit: Edit) => play(script(edit), { humans: [...HUMANS, DAVE_RESPONDER] });
  passes('RD-16', 'clean: carol joins after being paged', () => expectPassed(clean, 'RD-16'));
  violates('RD-16', 'dave (web-team backup, never paged) joins on his own', () => {
    const p = withDave({ add: [['4:05', 'dave', '/join web']] });
    expect(p.header.participants.find((x) => x.name === 'dave')).toMatchObject({ seat: 'responder', onCall: 'backup' });
    expectViolation(p, 'RD-16', 'dave', p.one('participant.join', (e) => e.actor === 'dave'));
  });
  passes('RD-16', 'dave joins once the IC has given him a task', () => {
    const p = withDave({ add: [['6:40', 'alice', '/assign @dave watch web-logs for new errors in 5m'], ['6:45', 'dave', '/join web'], ['6:46', 'dave', '/wilco'], ['7:35', 'dave', '/report T3 no new errors']] });
    expect(p.one('participant.join', (e) => e.actor === 'dave').role).toBe('responder');
    expectPassed(p, 'RD-16');
  });
});

describe('RD-17 own tasks only', () => {
  passes('RD-17', 'clean', () => expectPassed(clean, 'RD-17'));
  violates('RD-17', 'dave checks web-logs while it is carol\'s open T1', () => {
    const p = play(script({ add: [['5:05', 'dave', '/check web-logs']] }), { humans: [...HUMANS, DAVE_RESPONDER] });
    expectViolation(p, 'RD-17', 'dave', p.one('probe.start', (e) => e.actor === 'dave'));
  });
  passes('RD-17', 'the same check after carol reported T1 is nobody\'s task', () => {
    expectPassed(play(script({ add: [['5:45', 'dave', '/check web-logs']] }), { humans: [...HUMANS, DAVE_RESPONDER] }), 'RD-17');
  });
  notApplicable('RD-17', 'no tasks were assigned', () => expectNotApplicable(noTasks, 'RD-17', /no tasks/));
});

describe('RD-18 poll before major actions', () => {
  passes('RD-18', 'clean: poll, 15s pause, decide, then the revert', () => expectPassed(clean, 'RD-18'));
  violates('RD-18', 'decided 5s after the poll', () => {
    const p = variant({ set: { decide: { at: '5:55' } } });
    const v = expectViolation(p, 'RD-18', 'alice', p.one('decision'));
    expect(v.evidence.note).toMatch(/too soon/);
  });
  passes('RD-18', 'decided exactly POLL_PAUSE (10s) after the poll', () => {
    expectPassed(variant({ set: { decide: { at: '6:00' } } }), 'RD-18');
  });
  violates('RD-18', 'decided without a poll', () => {
    const p = variant({ drop: ['poll'] });
    const v = expectViolation(p, 'RD-18', 'alice', p.one('decision'));
    expect(v.evidence.note).toMatch(/without polling/);
  });
  violates('RD-18', 'polled with "does everyone agree?"', () => {
    const p = variant({ set: { poll: { text: '/poll Revert the config push with revert-config, does everyone agree?' } } });
    expectViolation(p, 'RD-18', 'alice', p.one('poll.open'));
  });
  const noDecision = variant({ drop: ['poll', 'decide', 'noteDecide'] });
  violates('RD-18', 'the major action ran with no decision at all: the action is the evidence', () => {
    const start = noDecision.one('action.start');
    expect(start.data.decisionId).toBeNull();
    const r = noDecision.rule('RD-18');
    expect(r.status).toBe('violated');
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]!.evidence).toMatchObject({ seq: start.seq, type: 'action.start' });
  });
  // RD-18 is an IC rule: carol only did what T2 told her, so the IC at that moment answers for it, as in RD-12.
  it('RD-18 with no decision names the IC, not the responder who ran the assigned action', () => {
    expect(noDecision.rule('RD-18').violations[0]!.actor).toBe('alice');
  });
  notApplicable('RD-18', 'no major action was run', () => {
    expectNotApplicable(variant({ drop: ['run', 'report2', 'noteMitigation', 'status2', 'noteStatus2', 'resolve', 'pm', 'end'] }), 'RD-18', /no major action/);
  });
});

describe('RD-20 status cadence', () => {
  passes('RD-20', 'clean: updates at 4:30 and 7:50, resolved at 8:00', () => expectPassed(clean, 'RD-20'));
  violates('RD-20', '10:15 between the two updates', () => {
    const p = variant({ set: { status2: { at: '14:45' }, noteStatus2: { at: '14:50' }, resolve: { at: '15:00' }, pm: { at: '15:05' }, end: { at: '15:10' } } });
    const v = expectViolation(p, 'RD-20', 'alice', p.one('status.update', (e) => e.atMs === at('14:45')));
    expect(v.evidence.note).toMatch(/10:15|10m15s|10 ?min/);
  });
  violates('RD-20', 'the last update was 10:15 before resolution: it is the evidence', () => {
    const p = variant({ drop: ['status2', 'noteStatus2'], set: { resolve: { at: '14:45' }, pm: { at: '14:50' }, end: { at: '14:55' } } });
    expectViolation(p, 'RD-20', 'alice', p.one('status.update'));
  });
  violates('RD-20', 'the scenario\'s statusEvery (3m) is the limit: 3:20 between the clean updates is too long', () => {
    const p = play(CLEAN, { scenario: (() => {
      const sc = VARIANTS.long();
      return { ...sc, expects: { ...sc.expects, statusEveryMs: 3 * 60_000 } };
    })() });
    expectViolation(p, 'RD-20', 'alice', p.one('status.update', (e) => e.atMs === at('7:50')));
  });
  notApplicable('RD-20', 'nobody took command', () => expectNotApplicable(noCommand, 'RD-20', /nobody took command/));
});

describe('RD-21 severity discipline', () => {
  passes('RD-21', 'clean: SEV-2 before the first status update', () => expectPassed(clean, 'RD-21'));
  violates('RD-21', 'severity never declared: the claim is the evidence', () => {
    const p = variant({ drop: ['sev', 'noteSev'] });
    expectViolation(p, 'RD-21', 'alice', p.one('role.claim'));
  });
  violates('RD-21', 'a status update before the severity', () => {
    const p = variant({ set: { sev: { at: '4:32' } } });
    expectViolation(p, 'RD-21', 'alice', p.one('status.update', (e) => e.atMs === at('4:30')));
  });
  violates('RD-21', 'lowered to SEV-3 before mitigation', () => {
    const p = variant({ add: [['5:00', 'alice', '/sev SEV-3']] });
    expectViolation(p, 'RD-21', 'alice', p.one('sev.set', (e) => e.data.level === 'SEV-3'));
  });
  passes('RD-21', 'raised to SEV-1 before mitigation, lowered to SEV-3 after it', () => {
    expectPassed(variant({ add: [['5:00', 'alice', '/sev SEV-1'], ['7:52', 'alice', '/sev SEV-3']] }), 'RD-21');
  });
  notApplicable('RD-21', 'nobody took command', () => expectNotApplicable(noCommand, 'RD-21', /nobody took command/));
});

describe('RD-22 severity at least what the impact calls for', () => {
  passes('RD-22', 'clean: SEV-2 declared for a SEV-2 incident', () => expectPassed(clean, 'RD-22'));
  passes('RD-22', 'assume the worst: SEV-1 for a SEV-2 incident keeps it', () => {
    expectPassed(variant({ set: { sev: { text: '/sev SEV-1 (assume the worst)' }, noteSev: { text: '/note Severity SEV-1 declared by alice' } } }), 'RD-22');
  });
  violates('RD-22', 'SEV-3 declared for a SEV-2 incident and never raised', () => {
    const p = variant({ set: { sev: { text: '/sev SEV-3' }, noteSev: { text: '/note Severity SEV-3 declared by alice' } }, drop: ['status2', 'noteStatus2'] });
    const v = expectViolation(p, 'RD-22', 'alice', p.one('sev.set'));
    expect(v.evidence.note).toMatch(/declared SEV-3 where the impact called for SEV-2, and it was never raised/);
    expect(p.card.drill.expectedSeverity).toBe('SEV-2');
  });
  passes('RD-22', 'SEV-3 at first, raised to SEV-2 two minutes later', () => {
    expectPassed(variant({ set: { sev: { text: '/sev SEV-3' }, noteSev: { text: '/note Severity SEV-3 declared by alice' } }, add: [['6:20', 'alice', '/sev SEV-2']] }), 'RD-22');
  });
  notApplicable('RD-22', 'no severity was ever declared', () => expectNotApplicable(variant({ drop: ['sev', 'noteSev'] }), 'RD-22', /no severity was declared/));
});

describe('RD-26 hand over about hourly', () => {
  const lateEnd = { resolve: { at: '65:00' }, pm: { at: '65:10' }, end: { at: '65:20' } };
  passes('RD-26', 'alice holds command from 4:00 to 65:20: advised against, shown but not scored', () => {
    const p = play(script({ set: lateEnd }), { scenario: VARIANTS.long() });
    expectPassed(p, 'RD-26');
    expect(p.rule('RD-26').advisories?.map((v) => [v.actor, v.evidence.note])).toEqual([['alice', 'held command for 1h1m20s without a handover (about hourly is advised)']]);
  });
  violates('RD-26', 'alice holds command past three hours', () => {
    const marathon = { resolve: { at: '190:00' }, pm: { at: '190:10' }, end: { at: '190:20' } };
    const p = play(script({ set: marathon }), { scenario: starterVariant(yamlReplace('duration: 30m ', 'duration: 200m ')) });
    expectViolation(p, 'RD-26', 'alice', p.one('role.claim'));
    expect(p.rule('RD-26').penalty).toBe(1);
  });
  passes('RD-26', 'alice hands over to dave at 40:00; dave resolves', () => {
    const set = Object.fromEntries(Object.entries(lateEnd).map(([k, v]) => [k, { ...v, actor: 'dave' }]));
    const p = play(script({ set, add: [['40:00', 'alice', '/handover @dave']] }), { scenario: VARIANTS.long(), humans: [...HUMANS, DAVE_IC] });
    expectPassed(p, 'RD-26');
    expectPassed(p, 'RD-02');
  });
  notApplicable('RD-26', 'an 8-minute incident', () => expectNotApplicable(clean, 'RD-26', /an hour/));
});

describe('RD-27 executive swoop', () => {
  const reply = 'Thanks for joining. Do you want to take command? If not, please keep your comments to the end.';
  passes('RD-27', 'the IC offers command within 30s', () => {
    expectPassed(play(script({ add: [['5:30', 'alice', reply]] }), { scenario: VARIANTS.swoop() }), 'RD-27');
  });
  violates('RD-27', 'the swoop goes unanswered: the inject is the evidence, the IC the actor', () => {
    const p = play(CLEAN, { scenario: VARIANTS.swoop() });
    const swoop = p.one('inject', (e) => e.data.kind === 'exec-swoop');
    expect(swoop.actor).toBe('CEO');
    expectViolation(p, 'RD-27', 'alice', swoop);
  });
  violates('RD-27', 'an answer after more than 2 minutes is too late', () => {
    const p = play(script({ add: [['7:10', 'alice', reply]] }), { scenario: VARIANTS.swoop() });
    expectViolation(p, 'RD-27', 'alice', p.one('inject', (e) => e.data.kind === 'exec-swoop'));
  });
  notApplicable('RD-27', 'no executive swooped in', () => expectNotApplicable(clean, 'RD-27', /no executive/));
  // alice takes command at 4:00: a swoop at 1m had no IC to answer it, and must not count as her strength.
  it('RD-27 is not applicable when the only swoop came before anyone held command', () => {
    expect(play(CLEAN, { scenario: VARIANTS.swoop('1m') }).rule('RD-27').status).toBe('not-applicable');
  });
});

describe('RD-30 scribe notes', () => {
  passes('RD-30', 'clean: every decision, assignment and status noted within a minute', () => expectPassed(clean, 'RD-30'));
  violates('RD-30', 'T1\'s assignment never noted: the assignment is the evidence, bob the actor', () => {
    const p = variant({ drop: ['noteAssign1'] });
    expectViolation(p, 'RD-30', 'bob', p.one('task.assign', (e) => e.data.id === 'T1'));
    expect(p.rule('RD-30').penalty).toBeCloseTo(1 / 5);
  });
  violates('RD-30', 'the first status update noted 2:05 later, outside the window', () => {
    const p = variant({ set: { noteStatus1: { at: '6:35' } } });
    expectViolation(p, 'RD-30', 'bob', p.one('status.update', (e) => e.atMs === at('4:30')));
  });
  passes('RD-30', 'a status noted by two shared keywords, not an id', () => {
    const p = variant({ set: { noteStatus1: { text: '/note errors since the config push' } } });
    expectPassed(p, 'RD-30');
  });
  // The scribe seat is an idle bot here; alice appoints dave, so the miss is dave's, not the seat's.
  it('RD-30 names the appointed scribe who missed the note, not an idle scribe seat', () => {
    const p = play(script({
      set: { appoint: { text: '/appoint @dave scribe' }, ...Object.fromEntries(CLEAN.filter((x) => x.actor === 'bob').map((x) => [x.key, { actor: 'dave' }])) },
      drop: ['noteAssign1'],
    }), { humans: [HUMANS[0]!, HUMANS[2]!, DAVE_RESPONDER] });
    expect(p.header.participants.find((x) => x.seat === 'scribe')?.kind).toBe('bot');
    expectViolation(p, 'RD-30', 'dave', p.one('task.assign', (e) => e.data.id === 'T1'));
  });
  notApplicable('RD-30', 'nobody held the scribe role', () => {
    expectNotApplicable(icOnly(), 'RD-30', /nobody held the scribe role/);
  });
});

describe('RD-31 scribe TODOs', () => {
  passes('RD-31', 'bob writes the follow-up as a TODO 30s later', () => {
    expectPassed(play(script({ add: [['5:30', 'bob', '/todo add a canary for config pushes']] }), { scenario: VARIANTS.followup() }), 'RD-31');
  });
  violates('RD-31', 'the follow-up is never written down: the inject is the evidence, bob the actor', () => {
    const p = play(CLEAN, { scenario: VARIANTS.followup() });
    expectViolation(p, 'RD-31', 'bob', p.one('inject', (e) => e.data.kind === 'followup'));
  });
  violates('RD-31', 'a plain /note is not a TODO', () => {
    const p = play(script({ add: [['5:30', 'bob', '/note add a canary for config pushes']] }), { scenario: VARIANTS.followup() });
    expectViolation(p, 'RD-31', 'bob', p.one('inject', (e) => e.data.kind === 'followup'));
  });
  notApplicable('RD-31', 'nobody raised a follow-up', () => expectNotApplicable(clean, 'RD-31', /follow-up/));
});

describe('customer liaison: RD-33 approval, RD-34 timing, RD-35 content', () => {
  const liaison = (edit: Edit, lines = LIAISON_LINES) => play(script({ ...edit, add: [...lines, ...(edit.add ?? [])] }), { scenario: VARIANTS.liaison(), humans: [...HUMANS, ERIN_LIAISON] });
  const withDraft = (text: string) => liaison({}, LIAISON_LINES.map((l) => (l[2].startsWith('/draft') ? [l[0], l[1], `/draft ${text}`] as const : l)));
  const ok = liaison({});

  passes('RD-33', 'erin posts D1 after alice approved it', () => {
    expect(ok.one('external.post').data).toMatchObject({ draftId: 'D1', approvedBy: 'alice' });
    expectPassed(ok, 'RD-33');
  });
  violates('RD-33', 'erin posts D1 without approval', () => {
    const p = liaison({}, LIAISON_LINES.filter((l) => !l[2].startsWith('/approve')));
    expectViolation(p, 'RD-33', 'erin', p.one('external.post'));
  });
  notApplicable('RD-33', 'nothing was posted', () => expectNotApplicable(clean, 'RD-33', /nothing was posted/));

  passes('RD-34', 'first post 50s after command, resolved 3:10 later', () => expectPassed(ok, 'RD-34'));
  violates('RD-34', 'first post 5:05 after the call started', () => {
    const p = liaison({ set: { resolve: { at: '9:30' }, pm: { at: '9:35' }, end: { at: '9:40' } } }, [
      ['4:12', 'alice', '/appoint @erin customer-liaison'],
      ['9:00', 'erin', '/draft Errors on the website are fixed. Next update in 20 minutes.'],
      ['9:02', 'alice', '/approve D1'],
      ['9:05', 'erin', '/post D1'],
    ]);
    expectViolation(p, 'RD-34', 'erin', p.one('external.post'));
  });
  violates('RD-34', 'nothing posted: the claim is the evidence, the liaison the actor', () => {
    // Resolved at 10:00, after the first post fell due (5 minutes after command at 4:00).
    const p = liaison({ set: { resolve: { at: '10:00' }, pm: { at: '10:05' }, end: { at: '10:10' } } }, LIAISON_LINES.slice(0, 1));
    expectViolation(p, 'RD-34', 'erin', p.one('role.claim'));
    expect(p.rule('RD-34').penalty).toBe(1);
  });
  violates('RD-34', 'over 20 minutes without an update before resolution', () => {
    const p = play(script({ add: LIAISON_LINES, set: { resolve: { at: '25:00' }, pm: { at: '25:05' }, end: { at: '25:10' } } }), { scenario: VARIANTS.liaison(), humans: [...HUMANS, ERIN_LIAISON] });
    expectViolation(p, 'RD-34', 'erin', p.one('external.post'));
  });
  passes('RD-34', 'nothing posted, but the incident was resolved before the first post fell due', () => {
    expectPassed(liaison({}, LIAISON_LINES.slice(0, 1)), 'RD-34');
  });
  notApplicable('RD-34', 'no customer liaison seat', () => expectNotApplicable(clean, 'RD-34', /no customer liaison/));

  passes('RD-35', '"Next update in 20 minutes" is cadence, not a promised fix time', () => expectPassed(ok, 'RD-35'));
  violates('RD-35', 'a promised fix time', () => {
    const p = withDraft('We expect the website to be fixed within 30 minutes.');
    const v = expectViolation(p, 'RD-35', 'erin', p.one('external.post'));
    expect(v.evidence.note).toMatch(/promised a fix time/);
  });
  violates('RD-35', 'an internal hostname', () => {
    const p = withDraft('Errors on web-prod-3 are being investigated. Next update in 20 minutes.');
    const v = expectViolation(p, 'RD-35', 'erin', p.one('external.post'));
    expect(v.evidence.note).toMatch(/web-prod-3/);
  });
  // Regression: the cadence phrase used to be cut to the end of the sentence, hiding a promise after a comma.
  it('RD-35 still sees a fix-time promise after "next update in 20 minutes," in the same sentence', () => {
    expect(withDraft('Next update in 20 minutes, and it will be fixed within 30 minutes.').rule('RD-35').status).toBe('violated');
  });
  notApplicable('RD-35', 'nothing was posted', () => expectNotApplicable(clean, 'RD-35', /nothing was posted/));

  passes('RD-36', 'erin tells alice about the 6:00 customer report at 6:20', () => expectPassed(ok, 'RD-36'));
  violates('RD-36', 'the customer report never reaches the IC', () => {
    const p = liaison({}, LIAISON_LINES.filter((l) => !l[2].startsWith('@alice')));
    expectViolation(p, 'RD-36', 'erin', p.one('inject', (e) => e.data.kind === 'customer-report'));
  });
  notApplicable('RD-36', 'no customer liaison seat', () => expectNotApplicable(clean, 'RD-36', /no customer liaison/));
});

describe('RD-04 page an IC, RD-06 identify before contributing', () => {
  const onlyAckAndJoin = play(script({}, CLEAN.filter((x) => x.key === 'ack' || x.key === 'join')));
  const nobodyJoined = play(script({}, CLEAN.slice(0, 2)));

  passes('RD-04', 'clean: carol triggers before she joins', () => expectPassed(clean, 'RD-04'));
  violates('RD-04', 'carol joins and nobody ever pages an IC', () => {
    expectViolation(onlyAckAndJoin, 'RD-04', 'carol', onlyAckAndJoin.one('participant.join'));
  });
  notApplicable('RD-04', 'nobody joined a call', () => expectNotApplicable(nobodyJoined, 'RD-04', /nobody joined/));

  passes('RD-06', 'clean: everyone joins saying what they cover before taking part', () => expectPassed(clean, 'RD-06'));
  violates('RD-06', 'bob takes notes without joining', () => {
    const p = variant({ drop: ['joinScribe'] });
    const firstNote = p.events.find((e) => e.type === 'scribe.note')!;
    expectViolation(p, 'RD-06', 'bob', firstNote);
    expect(p.rule('RD-06').violations).toHaveLength(1);
  });
  violates('RD-06', 'carol joins without saying what she covers', () => {
    const p = variant({ set: { join: { text: '/join' } } });
    expectViolation(p, 'RD-06', 'carol', p.one('participant.join', (e) => e.actor === 'carol'));
  });
  notApplicable('RD-06', 'nobody joined a call', () => expectNotApplicable(nobodyJoined, 'RD-06', /nobody joined/));
});

describe('RD-23 span of control', () => {
  const extra = ['dan', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jon'];
  passes('RD-23', 'clean: one person with tasks', () => expectPassed(clean, 'RD-23'));
  violates('RD-23', 'eight people hold open tasks from alice at once', () => {
    const p = play(script({ add: extra.map((n, i) => [`6:${26 + i}`, 'alice', `/assign @${n} look at the web pods in 5m`] as const) }), {
      humans: [...HUMANS, ...extra.map((name) => ({ name, role: 'responder' as const, service: 'web' }))],
    });
    expectViolation(p, 'RD-23', 'alice', p.one('task.assign', (e) => e.data.to === 'jon'));
  });
  notApplicable('RD-23', 'no tasks were assigned', () => expectNotApplicable(noCommand, 'RD-23', /no tasks/));
});

describe('RD-38 ack only your own page', () => {
  passes('RD-38', 'clean: carol, who was paged, acks', () => expectPassed(clean, 'RD-38'));
  violates('RD-38', 'bob acks carol\'s page', () => {
    const p = variant({ set: { ack: { actor: 'bob' } } });
    const ack = p.one('alert.ack');
    expect(ack.data.paged).toBe(false);
    expectViolation(p, 'RD-38', 'bob', ack);
  });
  notApplicable('RD-38', 'nobody acknowledged', () => expectNotApplicable(variant({ drop: ['ack'] }), 'RD-38', /no alert was acknowledged/));
});

describe('RD-39 end cleanly', () => {
  passes('RD-39', 'clean: resolve, postmortem owner, end', () => expectPassed(clean, 'RD-39'));
  violates('RD-39', 'no postmortem owner: the last event is the evidence, the IC the actor', () => {
    const p = variant({ drop: ['pm'] });
    const last = p.events.at(-1)!;
    expect(last.type).toBe('drill.end');
    const v = expectViolation(p, 'RD-39', 'alice', last);
    expect(v.evidence.note).toMatch(/postmortem owner/);
    expect(p.rule('RD-39').penalty).toBeCloseTo(1 / 3);
  });
  violates('RD-39', 'a postmortem owner with no due date: the assignment is the evidence', () => {
    const p = variant({ set: { pm: { text: '/postmortem @carol' } } });
    const v = expectViolation(p, 'RD-39', 'alice', p.one('pm.assign'));
    expect(v.evidence.note).toBe('carol owns the postmortem but no due date was given (/postmortem @carol by DATE)');
  });
  violates('RD-39', 'resolved but the call never ended: the drill ran to its hard stop', () => {
    const p = variant({ drop: ['end'] });
    const last = p.events.at(-1)!;
    expect(last).toMatchObject({ type: 'drill.end', atMs: p.scenario.durationMs });
    const v = expectViolation(p, 'RD-39', 'alice', last);
    expect(v.evidence.note).toMatch(/never ended/);
  });
  notApplicable('RD-39', 'customer impact never stopped', () => expectNotApplicable(noCommand, 'RD-39', /impact never stopped/));
});

describe('RD-15/RD-16 applicability', () => {
  notApplicable('RD-15', 'nobody ran anything', () => expectNotApplicable(noCommand, 'RD-15', /anyone but the IC/));
  passes('RD-16', 'applies to every drill, even one where nobody took command', () => expectPassed(noCommand, 'RD-16'));
});

describe('coverage of RULES', () => {
  it('every rule has a violating and a passing case, and a not-applicable case when it has conditions', () => {
    const missing: string[] = [];
    for (const rule of RULES) {
      const have = covered.get(rule.id) ?? new Set<Case>();
      if (!have.has('violated')) missing.push(`${rule.id} violated`);
      if (!have.has('passed')) missing.push(`${rule.id} passed`);
      if (rule.notApplicable && !have.has('not-applicable')) missing.push(`${rule.id} not-applicable`);
    }
    expect(missing).toEqual([]);
    expect([...covered.keys()].filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
  });
});
