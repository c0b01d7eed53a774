// Format v2 in a running drill: timing (clock, anchored, skipped injects), memory (variables, condition edges,
// hold / add effects), consequences (cases, phase-limited actions, answers), seen through the journal.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/engine/journal';
import { at, drill, eventsOf, viewOf } from '../helpers/drill';
import { scenarioOf } from '../fixtures/scenarios/variants';

const MIN = 60_000;

interface Parts {
  readonly variables?: string;
  readonly phases: string;
  readonly actions?: string;
  readonly probes?: string;
  readonly injects?: string;
  readonly duration?: string;
}

/** A minimal v2 scenario around the given sections. */
function v2(p: Parts): string {
  return `schema: firedrill/v2
id: v2-test
title: V2 test
difficulty: intro
duration: ${p.duration ?? '40m'}
expects: { severity: SEV-2 }
services:
  - id: web
    owner: web-team
    metrics:
      errors: { baseline: 1% }
      deleted: { baseline: 0 }
      queue: { baseline: 100 }
${p.variables ? `variables: ${p.variables}\n` : ''}phases:
${p.phases}
actions:
${p.actions ?? '  - { id: fix, service: web, title: Fix the web tier, takes: 1m }'}
probes:
${p.probes ?? '  - { id: look, service: web, title: Look at the web tier, reveals: Nothing unusual. }'}
${p.injects ? `injects:\n${p.injects}\n` : ''}solution:
  rootCause: Something broke.
  path: [fix]
`;
}

/** Runs a v2 scenario with one human responder (alice) typing `inputs`, no bots, to its end. */
function run(text: string, inputs: readonly [string, string][] = [], seed = '1') {
  const scenario = scenarioOf(text);
  const d = drill(scenario, { seed, humans: [{ name: 'alice', role: 'responder', service: 'web' }] });
  d.session.runSimulated(inputs.map(([t, line]) => ({ atMs: at(t), actor: 'alice', text: line })));
  return { ...d, events: d.journal.events };
}

const phases = (events: readonly JournalEvent[]) => eventsOf(events, 'phase.enter').map((e) => [e.data.phase, e.atMs]);
const injects = (events: readonly JournalEvent[]) => eventsOf(events, 'inject').map((e) => [e.data.index, e.atMs]);
const skipped = (events: readonly JournalEvent[]) => eventsOf(events, 'inject.skipped').map((e) => [e.data.index, e.atMs, e.data.reason]);
const sets = (events: readonly JournalEvent[], name?: string) =>
  eventsOf(events, 'variable.set').filter((e) => name === undefined || e.data.name === name).map((e) => [e.data.name, e.data.value, e.data.by, e.atMs]);

// A wrong action (bounce) takes the world out of degraded for a minute; coming back restarts degraded's after:
// timers, never its at: edges nor at: injects.
const BOUNCING = {
  phases: `  steady: { after: { 1m: degraded } }
  degraded:
    after: { 10m: overload }
    at: { 20m: surge }
    on: { bounce: worse, fix: fixed }
  worse: { after: { 1m: degraded } }
  overload: { on: { fix: fixed } }
  surge: { on: { fix: fixed } }
  fixed: { mitigated: true, resolved: true, final: true }`,
  actions: `  - { id: fix, service: web, title: Fix the web tier, takes: 1m }
  - { id: bounce, service: web, title: Restart the web tier, takes: 1m }`,
  injects: '  - { at: 20m, kind: customer-report, from: Marketing, text: "The e-mail campaign just went out." }',
};

describe('timing', () => {
  it('an at: edge and an at: inject keep T+20:00 when a wrong action re-enters the phase (after: timers restart)', () => {
    const calm = run(v2(BOUNCING));
    expect(phases(calm.events)).toEqual([['steady', 0], ['degraded', MIN], ['overload', 11 * MIN]]);
    const { events } = run(v2(BOUNCING), [['8:00', '/run bounce']]);
    // bounce completes at 9:00 (worse), back in degraded at 10:00: its 10m timer now runs to 20:00, where the clock edge is first
    expect(phases(events)).toEqual([['steady', 0], ['degraded', MIN], ['worse', 9 * MIN], ['degraded', 10 * MIN], ['surge', 20 * MIN]]);
    expect(injects(events)).toEqual([[0, 20 * MIN]]);
    const late = run(v2(BOUNCING), [['12:00', '/run fix']]);
    // once the world has left degraded, the clock edge does nothing
    expect(phases(late.events).at(-1)).toEqual(['fixed', 13 * MIN]);
  });

  it('after: with since: counts from the first entry of a phase, or from the first mitigated phase', () => {
    const text = v2({
      phases: `  steady: { after: { 2m: degraded } }
  degraded: { on: { fix: fixed } }
  fixed: { mitigated: true, on: { bounce: degraded } }`,
      actions: BOUNCING.actions,
      injects: `  - { after: 3m, since: "phase:degraded", kind: chatter, from: Sam, text: Three minutes in. }
  - { after: 4m, since: mitigation, kind: followup, from: Sam, text: We should alert sooner. }`,
    });
    const { events } = run(text, [['6:00', '/run fix'], ['8:00', '/run bounce'], ['9:30', '/run fix']]);
    expect(phases(events)).toEqual([['steady', 0], ['degraded', 2 * MIN], ['fixed', 7 * MIN], ['degraded', 9 * MIN], ['fixed', at('10:30')]]);
    expect(injects(events)).toEqual([[0, 5 * MIN], [1, 11 * MIN]]);
    expect(skipped(events)).toEqual([]);
  });

  it('an inject that comes due outside its phases, or with its condition false, is journalled as skipped with the reason', () => {
    const text = v2({
      variables: '{ calm: true }',
      phases: `  steady: { after: { 2m: degraded } }
  degraded: { on: { fix: fixed } }
  fixed: { mitigated: true, resolved: true, final: true }`,
      injects: `  - { at: 3m, kind: chatter, from: Sam, text: Still calm?, phases: [steady] }
  - { at: 4m, kind: chatter, from: Sam, text: Anyone?, phase: steady }
  - { at: 5m, kind: chatter, from: Sam, text: Calm., if: "not calm" }
  - { at: 6m, kind: chatter, from: Sam, text: Broken!, phases: [degraded, fixed] }`,
    });
    const { events } = run(text);
    expect(skipped(events)).toEqual([
      [0, 3 * MIN, 'the world was in "degraded", not in "steady"'],
      [1, 4 * MIN, 'the world was in "degraded", not in "steady"'],
      [2, 5 * MIN, 'its condition "not calm" did not hold'],
    ]);
    expect(injects(events)).toEqual([[3, 6 * MIN]]);
  });

  it('an anchored inject whose anchor never comes is neither fired nor skipped', () => {
    const text = v2({
      phases: `  steady: { after: { 2m: degraded } }
  degraded: { on: { fix: fixed } }
  fixed: { mitigated: true, resolved: true, final: true }`,
      injects: '  - { after: 1m, since: mitigation, kind: followup, from: Sam, text: Write it up. }',
      duration: '15m',
    });
    const { events, session } = run(text);
    expect(injects(events)).toEqual([]);
    expect(skipped(events)).toEqual([]);
    expect(session.injectsFired).toBe(0);
  });

  it('the facilitator sees the injects set to come due, soonest first, and inject-now fires the soonest', () => {
    const text = v2({
      phases: `  steady: { after: { 2m: degraded } }
  degraded: { on: { fix: fixed } }
  fixed: { mitigated: true, resolved: true, final: true }`,
      injects: `  - { at: 9m, kind: chatter, from: Sam, text: Late. }
  - { at: 5m, kind: chatter, from: Kim, text: Early. }
  - { after: 1m, since: "phase:degraded", kind: chatter, from: Lee, text: Anchored. }`,
    });
    const d = drill(scenarioOf(text), { humans: [{ name: 'alice', role: 'responder', service: 'web' }] });
    d.session.start();
    d.session.advanceTo(at('2:30'));
    expect(viewOf(d).truth?.upcoming.map((u) => [u.from, u.atMs])).toEqual([['Lee', 3 * MIN], ['Kim', 5 * MIN], ['Sam', 9 * MIN]]);
    d.session.control({ kind: 'inject-now' });
    expect(eventsOf(d.journal.events, 'inject').map((e) => [e.actor, e.atMs])).toEqual([['Lee', at('2:30')]]);
    expect(viewOf(d).truth?.upcoming.map((u) => u.from)).toEqual(['Kim', 'Sam']);
    d.session.advanceTo(10 * MIN);
    expect(injects(d.journal.events)).toEqual([[2, at('2:30')], [1, 5 * MIN], [0, 9 * MIN]]);
    expect(d.session.injectsFired).toBe(3);
  });
});

describe('memory', () => {
  const DELETING = v2({
    variables: '{ deleted: 0, email_held: false, restores: 0 }',
    phases: `  steady: { after: { 2m: deleting } }
  deleting:
    sets: { deleted: { add: 1000, every: 1m } }
    when: { "deleted >= 5000 and not email_held": lost }
    on: { fix: paused }
  lost: { on: { fix: paused } }
  paused: { mitigated: true, sets: { deleted: { add: 1 } }, on: { bounce: deleting } }`,
    actions: `  - { id: fix, service: web, title: Pause the job, takes: 1m }
  - { id: bounce, service: web, title: Restart the job, takes: 1m }
  - { id: hold, service: web, title: Hold the e-mail, takes: 30s, sets: { email_held: true, restores: { add: 2 } } }`,
    injects: '  - { at: 1m, kind: chatter, from: Sam, text: Holding nothing yet., sets: { restores: 5 } }',
  });

  it('phases, actions and injects set variables, journalled as variable.set with what set them', () => {
    const { events } = run(DELETING, [['3:30', '/run fix']]);
    expect(sets(events)).toEqual([
      ['restores', 5, 'inject:0', MIN],
      ['deleted', 1000, 'phase:deleting', 3 * MIN],
      ['deleted', 2000, 'phase:deleting', 4 * MIN],
      ['deleted', 2001, 'phase:paused', at('4:30')],
    ]);
  });

  it('a condition edge fires when its condition becomes true (checked every 5 s)', () => {
    const { events } = run(DELETING);
    // 1,000 a minute from 2:00: 5,000 at 7:00
    expect(phases(events)).toEqual([['steady', 0], ['deleting', 2 * MIN], ['lost', 7 * MIN]]);
  });

  it('a condition edge waits while its condition is false, and a variable set by an action keeps it so', () => {
    const { events } = run(DELETING, [['3:00', '/run hold']]);
    expect(sets(events, 'email_held')).toEqual([['email_held', true, 'action:hold', at('3:30')]]);
    expect(sets(events, 'restores')).toEqual([['restores', 5, 'inject:0', MIN], ['restores', 7, 'action:hold', at('3:30')]]);
    expect(phases(events)).toEqual([['steady', 0], ['deleting', 2 * MIN]]);
  });

  it('a steady addition stops when the world leaves the phase and starts again from where it was on re-entry', () => {
    const { events } = run(DELETING, [['3:30', '/run fix'], ['5:00', '/run bounce'], ['7:30', '/run fix']]);
    // paused at 4:30, deleting again at 6:00 (the first addition a minute later), paused again at 8:30
    expect(sets(events, 'deleted').map(([, v, , t]) => [v, t])).toEqual([[1000, 3 * MIN], [2000, 4 * MIN], [2001, at('4:30')], [3001, 7 * MIN], [4001, 8 * MIN], [4002, at('8:30')]]);
  });

  it('the facilitator sees every variable: start values until something changed them, then answers', () => {
    const d = drill(scenarioOf(DELETING), { humans: [{ name: 'alice', role: 'responder', service: 'web' }] });
    d.session.start();
    d.session.advanceTo(at('3:10'));
    expect(viewOf(d).truth?.variables).toEqual([{ name: 'deleted', value: 1000 }, { name: 'email_held', value: false }, { name: 'restores', value: 5 }]);
    expect(d.session.state.truth.variables).toEqual({ restores: 5, deleted: 1000 });
  });

  it('hold keeps a metric where it is, add moves it from where it is, others: hold keeps the unmentioned', () => {
    const text = v2({
      phases: `  steady:
    ramp: 0s
    effects: { web.errors: 20%, web.queue: 500 }
    after: { 1m: filling }
  filling:
    effects: { web.deleted: { add: 600, every: 1m }, web.errors: hold, web.queue: { add: 300, over: 1m } }
    after: { 5m: frozen }
  frozen:
    others: hold
    effects: { web.errors: 2% }
    ramp: 0s
    on: { fix: normal }
  normal: { ramp: 0s, mitigated: true, resolved: true, final: true }`,
    });
    const d = drill(scenarioOf(text), { humans: [{ name: 'alice', role: 'responder', service: 'web' }] });
    const value = (ref: string) => d.session.world.metrics.value(ref);
    d.session.start();
    d.session.advanceTo(at('3:00'));
    expect(value('web.errors')).toBeCloseTo(20);
    expect(value('web.deleted')).toBeCloseTo(1200);
    expect(value('web.queue')).toBeCloseTo(800);
    d.session.advanceTo(at('6:00'));
    expect(value('web.deleted')).toBeCloseTo(3000);
    d.session.advanceTo(at('9:00'));
    expect(value('web.deleted')).toBeCloseTo(3000);
    expect(value('web.queue')).toBeCloseTo(800);
    expect(value('web.errors')).toBeCloseTo(2);
    d.session.dispatch('alice', '/run fix');
    d.session.advanceTo(at('10:05'));
    // a phase without others: hold lets them drift back to baseline, as v1 does
    expect([value('web.deleted'), value('web.queue'), value('web.errors')]).toEqual([0, 100, 1]);
  });
});

describe('consequences', () => {
  const CASES = v2({
    variables: '{ restores: 0 }',
    phases: `  steady: { after: { 1m: deleting } }
  deleting: { on: { pause: paused } }
  paused: { mitigated: true, on: { restore: { to: restored, if: "restores >= 1" } } }
  restored: { mitigated: true, resolved: true, final: true }`,
    actions: `  - id: restore
    service: web
    title: Restore from backup
    takes: 1m
    phases: [deleting, paused]
    sets: { restores: { add: 1 } }
    result:
      - { if: "phase = deleting", text: "Restore ran, but the job is still deleting: 1,200 objects were deleted again." }
      - { if: "restores >= 1", text: Second restore complete. }
      - { text: Restore complete. }
  - { id: pause, service: web, title: Pause the job, takes: 1m, phases: [deleting], unavailable: "pause can't run: the job is not running." }
  - { id: fix, service: web, title: Fix the web tier, takes: 1m, phases: [deleting] }`,
    probes: `  - id: audit
    service: web
    title: Read the audit log
    takes: 10s
    reveals:
      - { if: "phase = deleting", text: Deletes are running. }
      - { text: No deletes. }`,
  });

  it('an action result is chosen by case, as the world was when the action finished', () => {
    const { events } = run(CASES, [['1:30', '/run restore'], ['3:00', '/run pause'], ['5:00', '/run restore'], ['7:00', '/run restore']]);
    expect(eventsOf(events, 'action.done').map((e) => [e.data.action, e.data.result, e.data.changed])).toEqual([
      ['restore', 'Restore ran, but the job is still deleting: 1,200 objects were deleted again.', false],
      ['pause', 'Pause the job: done.', true],
      ['restore', 'Second restore complete.', true],
    ]);
  });

  it('a transition with if: happens only while its condition holds', () => {
    const { events } = run(CASES.replace('takes: 1m\n    phases: [deleting, paused]\n    sets: { restores: { add: 1 } }', 'takes: 1m\n    phases: [deleting, paused]'), [['3:00', '/run pause'], ['5:00', '/run restore']]);
    expect(phases(events).at(-1)).toEqual(['paused', 4 * MIN]);
  });

  it('a probe reading is chosen by case', () => {
    const { events } = run(CASES, [['0:10', '/check audit'], ['1:30', '/check audit']]);
    expect(eventsOf(events, 'probe.result').map((e) => e.data.text)).toEqual(['No deletes.', 'Deletes are running.']);
  });

  it('an action outside its phases is refused, in its own words or in words that never name a phase', () => {
    const { events } = run(CASES, [['0:10', '/run pause'], ['0:20', '/run fix'], ['0:30', '/run restore']]);
    const errors = eventsOf(events, 'cmd.error').map((e) => e.data.message);
    expect(errors).toEqual([
      "pause can't run: the job is not running.",
      'fix can\'t run now: "Fix the web tier" is not possible in the system\'s current state; nothing was changed',
      'restore can\'t run now: "Restore from backup" is not possible in the system\'s current state; nothing was changed',
    ]);
    for (const m of errors) expect(m).not.toMatch(/steady|deleting|paused/);
    expect(eventsOf(events, 'action.start')).toEqual([]);
    expect(eventsOf(events, 'cmd.error').every((e) => e.actor === 'alice')).toBe(true);
  });
});

describe('answers', () => {
  const ASKING = v2({
    phases: `  steady: { after: { 1m: degraded } }
  degraded:
    at: { 10m: { to: surge, if: "answer.hold-email != yes" } }
    on: { fix: fixed }
  surge: { on: { fix: fixed } }
  fixed: { mitigated: true, resolved: true, final: true }`,
    injects: `  - { at: 2m, id: hold-email, kind: question, answers: [yes, no], expected: 'yes', from: Lee (Marketing), text: Hold the newsletter? }
  - { at: 3m, id: eta, kind: question, from: Ravi (Sales), text: When will it be fixed? }`,
  });

  it('a question shows its id and answers; /answer stores answer.ID, which conditions test', () => {
    const { events } = run(ASKING, [['2:30', '/answer hold-email YES please']]);
    expect(eventsOf(events, 'inject')[0]?.data.question).toEqual({ id: 'hold-email', answers: ['yes', 'no'] });
    expect(eventsOf(events, 'question.answer').map((e) => [e.actor, e.data.id, e.data.answer])).toEqual([['alice', 'hold-email', 'yes']]);
    expect(sets(events, 'answer.hold-email')).toEqual([['answer.hold-email', 'yes', 'answer:alice', at('2:30')]]);
    expect(phases(events).map(([p]) => p)).toEqual(['steady', 'degraded']);
    const unanswered = run(ASKING);
    expect(phases(unanswered.events).at(-1)).toEqual(['surge', 10 * MIN]);
  });

  it('a bare /answer goes to the latest open question; free text is kept as typed', () => {
    const { events } = run(ASKING, [['3:30', '/answer in about an hour'], ['4:00', '/answer no']]);
    expect(eventsOf(events, 'question.answer').map((e) => [e.data.id, e.data.answer])).toEqual([['eta', 'in about an hour'], ['hold-email', 'no']]);
  });

  it('refuses an answer that is not one of the question\'s, an answer before any question, and a question not yet asked', () => {
    const { events } = run(ASKING, [['1:00', '/answer yes'], ['2:10', '/answer maybe'], ['2:20', '/answer eta soon']]);
    const errors = eventsOf(events, 'cmd.error').map((e) => [e.data.message, e.data.suggestion]);
    expect(errors[0]).toEqual(['no question has been put to the call yet', undefined]);
    expect(errors[1]).toEqual(['"maybe" is not an answer to hold-email', 'answer one of: yes, no (/answer hold-email yes)']);
    // "eta" is not asked yet, so it is not a question id: the whole line answers the open question, and "eta" is no answer to it
    expect(errors[2]?.[0]).toBe('"eta" is not an answer to hold-email');
  });
});
