// Every case the issue saw a new user run into, typed the way that person typed it, judged the way a
// facilitator reading the same channel would.
import { describe, expect, it } from 'vitest';
import type { CastRequest } from '../../src/engine/cast';
import { is } from '../../src/engine/events';
import { MemoryJournal, type JournalEvent } from '../../src/engine/journal';
import { createFaker } from '../../src/engine/random';
import { buildCast } from '../../src/engine/cast';
import { DrillSession } from '../../src/engine/session';
import { attachBots } from '../../src/bots/attach-bots';
import type { Scenario } from '../../src/scenario/types';
import { score } from '../../src/scoring/score';
import type { Scorecard } from '../../src/scoring/types';
import { headline } from '../../src/scoring/whose-score';
import { at, shipped } from '../helpers/drill';

type Line = readonly [time: string, actor: string, text: string];

const BAD_DEPLOY = shipped('scenarios/bad-deploy-rollback.yaml');
const DNS = shipped('scenarios/dns-misconfiguration.yaml');
const WAL = shipped('scenarios/checkout-db-wal-disk-full.yaml');
const TLS = shipped('scenarios/tls-cert-expired.yaml');

interface Run {
  readonly card: Scorecard;
  readonly events: readonly JournalEvent[];
  readonly session: DrillSession;
  rule(id: string): Scorecard['rules'][number];
  hints(actor: string): string[];
}

function run(scenario: Scenario, humans: readonly CastRequest[], lines: readonly Line[], bots: 'none' | 'by-the-book' = 'none'): Run {
  const cast = buildCast(scenario, humans, createFaker('1', 'people'), 'by-the-book');
  const journal = new MemoryJournal();
  const session = new DrillSession({ scenario, seed: '1', cast, journal });
  if (bots !== 'none') attachBots(session, bots);
  session.runSimulated(lines.map(([t, actor, text]) => ({ atMs: at(t), actor, text })));
  const card = score(scenario, journal.headerLine!, journal.events);
  return {
    card, events: journal.events, session,
    rule: (id) => card.rules.find((r) => r.id === id)!,
    hints: (actor) => journal.events.filter(is('cmd.hint')).filter((e) => e.actor === actor).map((e) => e.data.message),
  };
}

const ORDERS_TEAM: readonly CastRequest[] = [
  { name: 'alice', role: 'ic' }, { name: 'bob', role: 'scribe' }, { name: 'carol', role: 'responder', service: 'orders-api' },
  { name: 'dave', role: 'responder', service: 'storefront' },
];
/** bad-deploy-rollback up to the rollback: the alert pages carol at 3:20. */
const OPENING: readonly Line[] = [
  ['3:30', 'carol', '/ack'], ['3:45', 'carol', '/trigger orders-api 5xx'], ['3:55', 'carol', '/join orders-api'],
  ['4:05', 'alice', '/ic This is Alice, I am the Incident Commander'], ['4:15', 'alice', '/appoint @bob scribe'],
];

describe('RD-18 polls and decisions, in people\'s words', () => {
  it('a poll and a decision in words link to the rollback the responder then runs: RD-18 kept', () => {
    const r = run(BAD_DEPLOY, ORDERS_TEAM, [...OPENING,
      ['5:00', 'alice', '/poll Proposal: roll orders-api back to v2.13.2. Any strong objections?'],
      ['5:20', 'alice', '/decide roll back orders-api to the previous version'],
      ['5:30', 'alice', '/assign @carol roll back orders-api in 6m'], ['5:35', 'carol', 'wilco'],
      ['5:40', 'carol', '/run rollback-orders-api']]);
    expect(r.events.find((e) => e.type === 'decision')!.data).toMatchObject({ pollId: 'P1', actions: ['rollback-orders-api'], major: true });
    expect(r.events.find((e) => e.type === 'action.start')!.data).toMatchObject({ taskId: 'T1', decisionId: 'X1' });
    expect(r.rule('RD-18').status).toBe('passed');
  });

  it('a decision does not take a poll about something else: a poll on a restart, then a decision to roll back, breaks RD-18', () => {
    const r = run(BAD_DEPLOY, ORDERS_TEAM, [...OPENING,
      ['5:00', 'alice', '/poll should we restart the orders-api pods? any strong objections?'],
      ['5:20', 'alice', '/decide roll back orders-api to the previous version'],
      ['5:30', 'alice', '/assign @carol roll back orders-api in 6m'], ['5:40', 'carol', '/run rollback-orders-api']]);
    expect(r.events.find((e) => e.type === 'decision')!.data).toMatchObject({ pollId: null, actions: ['rollback-orders-api'] });
    expect(r.rule('RD-18').violations.map((v) => [v.actor, v.evidence.note])).toEqual([['alice', 'decided on rollback-orders-api without polling for strong objections']]);
  });

  it('a responder\'s unassigned major action is the responder\'s (RD-15), not also the IC\'s (RD-18)', () => {
    const r = run(BAD_DEPLOY, ORDERS_TEAM, [...OPENING, ['5:00', 'carol', '/run rollback-orders-api']]);
    expect(r.rule('RD-15').violations.map((v) => v.actor)).toEqual(['carol']);
    expect(r.rule('RD-18').status).toBe('not-applicable');
  });
});

describe('handovers', () => {
  const handover: readonly Line[] = [...OPENING, ['5:00', 'alice', '/handover @dave']];
  it('the new IC\'s "/ic This is Dave, I am now the Incident Commander" is his announcement, not refused: RD-25 kept', () => {
    const r = run(BAD_DEPLOY, ORDERS_TEAM, [...handover, ['5:25', 'dave', '/ic This is Dave, I am now the Incident Commander']]);
    expect(r.events.filter((e) => e.type === 'cmd.error')).toEqual([]);
    expect(r.events.find((e) => e.type === 'role.announce')).toMatchObject({ actor: 'dave', data: { text: 'This is Dave, I am now the Incident Commander' } });
    expect(r.rule('RD-25').status).toBe('passed');
  });
  it('saying it in chat counts the same', () => {
    const r = run(BAD_DEPLOY, ORDERS_TEAM, [...handover, ['5:25', 'dave', 'This is Dave, I am now the Incident Commander']]);
    expect(r.rule('RD-25').status).toBe('passed');
  });
  it('the line the engine posts for the handover is not the new IC\'s announcement; he is told privately to make it', () => {
    const r = run(BAD_DEPLOY, ORDERS_TEAM, handover);
    expect(r.rule('RD-25').violations.map((v) => [v.actor, v.evidence.type])).toEqual([['dave', 'handover.announce']]);
    expect(r.hints('dave')).toEqual(['alice handed you command. Announce it to everyone: /ic This is dave, I am now the Incident Commander']);
  });
});

describe('answers to an executive (RD-27)', () => {
  const swoop: readonly Line[] = [['4:30', 'carol', '/ack'], ['4:40', 'carol', '/trigger checkout errors'], ['4:50', 'alice', '/ic This is Alice, I am the Incident Commander']];
  const people: readonly CastRequest[] = [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder', service: 'checkout-api' }];
  it('"Happy to hand you command if you want it; otherwise let\'s talk after the call" answers the swoop', () => {
    const r = run(WAL, people, [...swoop, ['12:30', 'alice', 'Happy to hand you command if you want it; otherwise let\'s talk after the call']]);
    expect(r.rule('RD-27').status).toBe('passed');
  });
  it('going along with it does not', () => {
    const r = run(WAL, people, [...swoop, ['12:30', 'alice', 'ok, restarting everything now']]);
    expect(r.rule('RD-27').status).toBe('violated');
  });
});

describe('public posts (RD-35)', () => {
  const people: readonly CastRequest[] = [{ name: 'alice', role: 'ic' }, { name: 'erin', role: 'customer-liaison' }, { name: 'carol', role: 'responder', service: 'api-edge' }];
  const post = (text: string) => run(TLS, people, [['4:00', 'carol', '/trigger api errors'], ['4:10', 'alice', '/ic This is Alice, I am the Incident Commander'],
    ['4:20', 'alice', '/appoint @erin customer liaison'], ['4:30', 'erin', `/draft ${text}`], ['4:40', 'alice', '/approve'], ['4:50', 'erin', '/post']]);
  it('a next-update time is what the process asks for, not a promise', () => {
    expect(post('Some customers cannot connect to our API. We will update within 20 minutes.').rule('RD-35').status).toBe('passed');
  });
  it('"working again by 14:45" and "fixed in about 30 minutes" promise a fix time', () => {
    expect(post('The API should be working again by 14:45.').rule('RD-35').violations.map((v) => v.evidence.note)).toEqual(['promised a fix time: "working again by 14:45"']);
    expect(post('We expect it to be fixed in about 30 minutes.').rule('RD-35').violations.map((v) => v.evidence.note)).toEqual(['promised a fix time: "fixed in about 30 minutes"']);
  });
});

describe('the scribe\'s log (RD-30)', () => {
  const people: readonly CastRequest[] = [{ name: 'alice', role: 'ic' }, { name: 'bob', role: 'scribe' }, { name: 'erin', role: 'responder', service: 'internal-dns' }];
  const opening: readonly Line[] = [['4:00', 'erin', '/trigger cart errors'], ['4:05', 'alice', '/ic This is Alice, I am the Incident Commander'], ['4:10', 'alice', '/appoint @bob scribe'], ['4:12', 'bob', '/join scribe']];
  it('"Polled on reverting the DNS change, no objections" notes the decision "revert this morning\'s DNS change"', () => {
    const r = run(DNS, people, [...opening, ['5:00', 'alice', '/poll revert the DNS change? any strong objections'], ['5:20', 'alice', "/decide revert this morning's DNS change"],
      ['5:50', 'bob', '/note Polled on reverting the DNS change, no objections']]);
    expect(r.card.scribe.missed.map((m) => m.kind)).not.toContain('decision');
  });
  it('the mitigation is noted against what the players were told (the report), not the hidden result', () => {
    const r = run(DNS, people, [...opening,
      ['5:00', 'alice', '/poll revert the DNS change? any strong objections'], ['5:20', 'alice', '/decide revert the DNS change'],
      ['5:30', 'alice', '/assign @erin revert the DNS change in 6m'], ['5:40', 'erin', '/run revert-dns-change'], ['5:45', 'alice', '/assign @erin flush the DNS caches in 8m'],
      ['9:00', 'erin', '/run flush-dns-caches'], ['16:00', 'erin', '/report T2 caches flushed, add to cart works again'], ['16:40', 'bob', '/note Mitigated: carts work again after the flush']]);
    const mitigation = r.card.scribe.missed.find((m) => m.kind === 'mitigation');
    expect(mitigation).toBeUndefined();
    expect(r.events.some((e) => e.type === 'phase.enter' && e.data.mitigated === true)).toBe(true);
  });
});

describe('tasks in people\'s words', () => {
  it('a task "check the logs" or any task on the same service does not cover a major rollback (RD-15)', () => {
    for (const task of ['check the logs in 5m', 'look into orders-api in 5m', 'fix orders-api in 5m']) {
      const r = run(BAD_DEPLOY, ORDERS_TEAM, [...OPENING, ['5:00', 'alice', `/assign @carol ${task}`], ['5:10', 'carol', '/run rollback-orders-api']]);
      expect(r.rule('RD-15').violations.map((v) => v.actor), task).toEqual(['carol']);
    }
  });
  it('running the action another person\'s task is about, without asking them, breaks RD-17', () => {
    const r = run(BAD_DEPLOY, ORDERS_TEAM, [...OPENING, ['5:00', 'alice', '/assign @carol restart the orders-api pods in 5m'], ['5:10', 'dave', '/run restart-orders-api']]);
    expect(r.rule('RD-17').violations.map((v) => v.actor)).toEqual(['dave']);
  });
  it('"/assign @erin and @dave look at DNS in 5m" gives both the task, records the mistake and says so', () => {
    const people: readonly CastRequest[] = [{ name: 'alice', role: 'ic' }, { name: 'erin', role: 'responder', service: 'internal-dns' }, { name: 'dave', role: 'responder', service: 'cart-api' }];
    const r = run(DNS, people, [['4:00', 'erin', '/trigger cart errors'], ['4:05', 'alice', '/ic This is Alice, I am the Incident Commander'],
      ['5:00', 'alice', '/assign @erin and @dave look at DNS in 5m'], ['5:10', 'dave', '/wilco']]);
    expect(r.events.find((e) => e.type === 'task.assign')!.data).toMatchObject({ owners: ['erin', 'dave'], text: 'look at DNS', timeboxMs: 300_000 });
    expect(r.events.filter((e) => e.type === 'cmd.error')).toEqual([]);
    expect(r.events.find((e) => e.type === 'task.ack')).toMatchObject({ actor: 'dave' });
    expect(r.rule('RD-09').violations.map((v) => v.evidence.note)).toEqual(['T1 went to erin and dave at once; one owner per task']);
    expect(r.hints('alice')).toEqual([expect.stringContaining('T1 went to erin and dave: one owner per task')]);
  });
  it('time boxes written "(5 min)", "back in 5", "report back in 5" and "check logs 5min" are read; RD-10 is kept', () => {
    for (const task of ['check the orders-api logs (5 min)', 'check the orders-api logs, back in 5', 'check the orders-api logs and report back in 5', 'check logs 5min']) {
      const r = run(BAD_DEPLOY, ORDERS_TEAM, [...OPENING, ['5:00', 'alice', `/assign @carol ${task}`]]);
      expect(r.events.find((e) => e.type === 'task.assign')!.data.timeboxMs, task).toBe(300_000);
      expect(r.rule('RD-10').status, task).toBe('passed');
    }
  });
  it('a time box that cannot be read is dropped with a word to the IC, not silently', () => {
    const r = run(BAD_DEPLOY, ORDERS_TEAM, [...OPENING, ['5:00', 'alice', '/assign @carol check the logs and report back soon']]);
    expect(r.hints('alice')).toEqual([expect.stringContaining('T1 has no time box: "report back soon" is not a time I can count down')]);
  });
  it('/sev SEV-2 (assume the worst) is accepted, /ack T1 acknowledges the task, /postmortem @carol by Friday keeps the date', () => {
    const r = run(BAD_DEPLOY, ORDERS_TEAM, [...OPENING, ['4:30', 'alice', '/sev SEV-2 (assume the worst)'], ['5:00', 'alice', '/assign @carol check the logs in 5m'],
      ['5:10', 'carol', '/ack T1'], ['5:20', 'alice', '/postmortem @carol by Friday']]);
    expect(r.events.filter((e) => e.type === 'cmd.error')).toEqual([]);
    expect(r.events.find((e) => e.type === 'sev.set')!.data).toMatchObject({ level: 'SEV-2', note: '(assume the worst)' });
    expect(r.events.find((e) => e.type === 'task.ack')).toMatchObject({ actor: 'carol', data: { id: 'T1' } });
    expect(r.events.find((e) => e.type === 'pm.assign')!.data).toEqual({ owner: 'carol', due: 'Friday' });
    expect(r.card.drill.postmortemDue).toBe('Friday');
  });
});

describe('one source for every target', () => {
  it('RD-34 and timeToFirstExternal read the scenario\'s firstExternal target: a post 6:48 after command keeps both', () => {
    const people: readonly CastRequest[] = [{ name: 'alice', role: 'ic' }, { name: 'erin', role: 'customer-liaison' }, { name: 'carol', role: 'responder', service: 'checkout-api' }];
    const r = run(WAL, people, [['4:30', 'carol', '/ack'], ['4:40', 'carol', '/trigger checkout errors'], ['4:50', 'alice', '/ic This is Alice, I am the Incident Commander'],
      ['5:00', 'alice', '/appoint @erin customer liaison'], ['11:00', 'erin', '/draft Some customers cannot check out. We are investigating. Next update in 20 minutes.'],
      ['11:20', 'alice', '/approve'], ['11:38', 'erin', '/post']]);
    expect(r.card.metrics.timeToFirstExternal).toEqual({ ms: 408_000, targetMs: 600_000, met: true });
    expect(r.rule('RD-34').violations.filter((v) => /first external post/.test(v.evidence.note))).toEqual([]);
  });

  it('expects.severity is scored: SEV-3 declared for a SEV-1 incident breaks RD-22, which names the expected level', () => {
    const people: readonly CastRequest[] = [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder', service: 'api-edge' }];
    const r = run(TLS, people, [['4:00', 'carol', '/trigger api errors'], ['4:10', 'alice', '/ic This is Alice, I am the Incident Commander'], ['4:30', 'alice', '/sev SEV-3']]);
    expect(r.rule('RD-22').violations.map((v) => v.evidence.note)).toEqual([expect.stringContaining('declared SEV-3 where the impact called for SEV-1')]);
    expect(r.card.drill.expectedSeverity).toBe('SEV-1');
  });
});

describe('bots keep the rules they model, whatever the humans do', () => {
  it('a bot responder given a task before it joined joins first, and the team assembles', () => {
    const cast = buildCast(BAD_DEPLOY, [{ name: 'alice', role: 'ic' }], createFaker('1', 'people'), 'by-the-book');
    const bot = cast.find((p) => p.team === 'orders-team' && p.onCall === 'primary')!.name;
    const scribe = cast.find((p) => p.seat === 'scribe')!.name;
    const r = run(BAD_DEPLOY, [{ name: 'alice', role: 'ic' }], [['3:22', 'alice', '/ic This is Alice, I am the Incident Commander'],
      ['3:25', 'alice', `/assign @${bot} check the orders-api logs in 5m`], ['3:40', 'alice', `/appoint @${scribe} scribe`]], 'by-the-book');
    const join = r.events.find((e) => e.type === 'participant.join' && e.actor === bot)!;
    const work = r.events.find((e) => e.type === 'probe.start' && e.actor === bot)!;
    expect(join.atMs).toBeLessThanOrEqual(work.atMs);
    const botViolations = r.card.participants.filter((p) => p.kind === 'bot').flatMap((p) => p.violations.map((v) => `${p.name} ${v.rule}: ${v.note}`));
    expect(botViolations).toEqual([]);
    expect(r.card.metrics.timeToAssemble).not.toBeNull();
  });
});

describe('whose score', () => {
  it('a drill aborted at T+00:09 is not scored, and says why', () => {
    const cast = buildCast(BAD_DEPLOY, [{ name: 'alice', role: 'ic' }], createFaker('1', 'people'), 'by-the-book');
    const journal = new MemoryJournal();
    const session = new DrillSession({ scenario: BAD_DEPLOY, seed: '1', cast, journal });
    session.start();
    session.advanceTo(9_000);
    session.control({ kind: 'end' });
    const card = score(BAD_DEPLOY, journal.headerLine!, journal.events);
    expect(card).toMatchObject({ outcome: 'aborted', score: null, grade: null, deductions: [] });
    expect(card.notScored).toMatch(/ended at T\+00:09, before anyone triggered the incident response/);
    expect(headline(card, ['alice'])).toMatch(/^Not scored: /);
  });

  it('the headline leads with the human\'s own score, the team\'s after it', () => {
    // bob plays the scribe and notes nothing; the bots do everything else by the book.
    const r = run(BAD_DEPLOY, [{ name: 'bob', role: 'scribe' }], [], 'by-the-book');
    const bob = r.card.participants.find((p) => p.name === 'bob')!;
    expect(bob.violations.length).toBeGreaterThan(0);
    expect(headline(r.card, ['bob'])).toBe(`You, Scribe: ${bob.score} (${bob.grade}) · team ${r.card.score} (${r.card.grade})`);
    expect(bob.score!).toBeLessThan(r.card.score!);
  });
});
