// Bots: by-the-book bots resolve every shipped scenario; bots fill the seats around a human and answer
// whatever the humans do without being charged a violation; sloppy bots make the process mistakes they
// are meant to; everything follows the seed.
import { describe, expect, it } from 'vitest';
import type { BotPolicyName, CastRequest } from '../../src/engine/cast';
import type { JournalEvent } from '../../src/engine/journal';
import { isWrongMove } from '../../src/scenario/judgement';
import type { Scenario } from '../../src/scenario/types';
import { score } from '../../src/scoring/score';
import { at, drill, eventsOf, shipped, starter } from '../helpers/drill';

const STARTER = starter();
const SCENARIOS: [string, Scenario][] = [
  ['starter', STARTER],
  ['bad-deploy-rollback', shipped('scenarios/bad-deploy-rollback.yaml')],
  ['checkout-db-wal-disk-full', shipped('scenarios/checkout-db-wal-disk-full.yaml')],
];
const SEEDS = ['1', '2', '3', '4', '5'];

function botRun(scenario: Scenario, seed: string, bots: BotPolicyName = 'by-the-book') {
  const d = drill(scenario, { seed, bots });
  d.session.runSimulated();
  return { ...d, events: d.journal.events };
}

const isHuman = (cast: readonly { name: string; kind: string }[], name: string) => cast.some((p) => p.name === name && p.kind === 'human');

describe('by-the-book bots', () => {
  for (const [name, scenario] of SCENARIOS) {
    it(`resolve ${name} on seeds 1..5`, () => {
      for (const seed of SEEDS) {
        const { session, events, cast } = botRun(scenario, seed);
        const tag = `${name} seed ${seed}`;
        expect(session.outcome, tag).toBe('resolved');
        const end = events.at(-1)!;
        expect(end.type, tag).toBe('drill.end');
        expect(end.data, tag).toEqual({ outcome: 'resolved', phase: session.world.currentPhase().id });
        expect(end.atMs, tag).toBeLessThan(scenario.durationMs);
        // The whole story: an ack, a trigger, a claim, a call end, the world mitigated before the resolve.
        const ic = cast.find((p) => p.seat === 'ic')!.name;
        expect(eventsOf(events, 'role.claim').map((e) => e.actor), tag).toEqual([ic]);
        expect(eventsOf(events, 'alert.ack').length, tag).toBeGreaterThan(0);
        expect(eventsOf(events, 'ic.page'), tag).toHaveLength(1);
        expect(eventsOf(events, 'call.end', ic), tag).toHaveLength(1);
        const resolve = eventsOf(events, 'incident.resolve');
        expect(resolve.map((e) => e.data), tag).toEqual([{ finalSev: scenario.expects.severity, mitigated: true }]);
        expect(session.world.mitigatedAt, tag).toBeLessThanOrEqual(resolve[0]!.atMs);
        // They never type a command the engine refuses.
        expect(eventsOf(events, 'cmd.error'), tag).toEqual([]);
        // And they follow the process: time boxes, work only on assignment, polls before major actions.
        expect(eventsOf(events, 'task.assign').every((e) => typeof e.data.timeboxMs === 'number'), tag).toBe(true);
        for (const a of eventsOf(events, 'action.start')) {
          expect(a.role, tag).toBe('responder');
          expect(a.data.taskId, tag).not.toBeNull();
          if (a.data.major) expect(a.data.decisionId, tag).not.toBeNull();
        }
        expect(eventsOf(events, 'probe.start').every((e) => e.role === 'responder'), tag).toBe(true);
        expect(eventsOf(events, 'external.post').every((e) => e.data.approvedBy === ic), tag).toBe(true);
        // Every input came from a bot.
        expect(eventsOf(events, 'input').every((e) => e.data.bot === true && !isHuman(cast, e.actor)), tag).toBe(true);
      }
    });
  }
});

describe('a human IC with bots in every other seat', () => {
  // What a human IC types, by the clock: the bots' delays are seeded, so the gaps are generous.
  function humanIc(seed: string) {
    const d = drill(STARTER, { seed, humans: [{ name: 'alice', role: 'ic' }], bots: 'by-the-book' });
    const primary = d.cast.find((p) => p.team === 'web-team' && p.onCall === 'primary')!.name;
    const scribe = d.cast.find((p) => p.seat === 'scribe')!.name;
    const script: [string, string][] = [
      ['6:00', '/ic This is alice, I am the Incident Commander'],
      ['6:10', `/appoint @${scribe} scribe`],
      ['6:20', '/sev SEV-2'],
      ['6:30', `/assign @${primary} web-logs: check the web error log in 4m`],
      ['8:30', '/poll Proposal: revert-config. Any strong objections?'],
      ['8:50', '/decide No strong objections; proceeding with revert-config.'],
      ['9:00', `/assign @${primary} revert-config in 5m`],
      ['12:00', '/status SEV-2. Config reverted, errors back to normal. Resolving.'],
      ['12:10', '/resolve'],
      ['12:20', `/postmortem @${scribe}`],
      ['12:30', '/end'],
    ];
    d.session.runSimulated(script.map(([t, text]) => ({ atMs: at(t), actor: 'alice', text })));
    return { ...d, events: d.journal.events, primary, scribe };
  }

  it('bots fill every other seat', () => {
    const { cast } = humanIc('1');
    expect(cast.map((p) => [p.seat, p.kind])).toEqual([['ic', 'human'], ['scribe', 'bot'], ['responder', 'bot'], ['responder', 'bot']]);
  });

  for (const seed of SEEDS) {
    it(`progresses to resolved when the human types the right commands (seed ${seed})`, () => {
      const { session, events, primary, scribe } = humanIc(seed);
      expect(eventsOf(events, 'cmd.error')).toEqual([]);
      // The bots page the IC seat: the primary acks and triggers.
      expect(eventsOf(events, 'alert.ack').map((e) => e.actor)).toEqual([primary]);
      expect(eventsOf(events, 'page.sent').map((e) => e.data)).toContainEqual({ team: 'incident-commanders', user: 'alice' });
      // The assignee acknowledges, works and reports each task before the next step.
      expect(eventsOf(events, 'task.ack', primary).map((e) => e.data.id)).toEqual(['T1', 'T2']);
      expect(eventsOf(events, 'probe.start', primary).map((e) => e.data)).toEqual([{ probe: 'web-logs', service: 'web', taskId: 'T1' }]);
      expect(eventsOf(events, 'action.start', primary).map((e) => e.data)).toEqual([
        { action: 'revert-config', service: 'web', major: true, taskId: 'T2', decisionId: 'X1' },
      ]);
      const reports = eventsOf(events, 'task.report', primary);
      expect(reports.map((e) => e.data.id)).toEqual(['T1', 'T2']);
      expect(String(reports[0]!.data.text)).toContain('Every error names the upstream config');
      expect(reports[0]!.atMs).toBeLessThan(at('8:30'));
      expect(reports[1]!.atMs).toBeLessThan(at('12:00'));
      expect(eventsOf(events, 'task.due')).toEqual([]);
      // The scribe bot keeps the timeline of what the human did.
      const notes = eventsOf(events, 'scribe.note', scribe).map((e) => String(e.data.text));
      expect(notes).toContain('alice is Incident Commander.');
      expect(notes).toContain('Severity set to SEV-2 by alice.');
      expect(notes.some((n) => n.startsWith('Decision X1:'))).toBe(true);
      expect(session.world.mitigatedAt).toBeLessThan(at('12:00'));
      expect(session.outcome).toBe('resolved');
      expect(events.at(-1)).toMatchObject({ type: 'drill.end', atMs: at('12:30'), data: { outcome: 'resolved' } });
    });
  }

  it('without the human, nothing is assigned: the bots do not take command for them', () => {
    const d = drill(STARTER, { seed: '1', humans: [{ name: 'alice', role: 'ic' }], bots: 'by-the-book' });
    d.session.runSimulated();
    const ev = d.journal.events;
    expect(eventsOf(ev, 'role.claim')).toEqual([]);
    expect(eventsOf(ev, 'task.assign')).toEqual([]);
    expect(eventsOf(ev, 'action.start')).toEqual([]);
    expect(d.session.outcome).toBe('timed-out');
  });
});

describe('by-the-book bots answer whatever the humans do', () => {
  /** Violations the scorecard charges to bots. */
  const botCharges = (d: ReturnType<typeof drill>, scenario: Scenario) => {
    const card = score(scenario, d.journal.headerLine!, d.journal.events);
    const bots = new Set(d.cast.filter((p) => p.kind === 'bot').map((p) => p.name));
    return { card, charges: card.rules.flatMap((r) => r.violations.filter((v) => bots.has(v.actor)).map((v) => `${r.id} ${v.actor}: ${v.evidence.note}`)) };
  };
  const play = (scenario: Scenario, seed: string, humans: CastRequest[], script: (cast: ReturnType<typeof drill>['cast']) => [string, string, string][]) => {
    const d = drill(scenario, { seed, humans, bots: 'by-the-book' });
    d.session.runSimulated(script(d.cast).map(([t, actor, text]) => ({ atMs: at(t), actor, text })));
    return d;
  };
  const seatOf = (cast: ReturnType<typeof drill>['cast'], seat: string, onCall?: string) => cast.find((p) => p.seat === seat && (!onCall || p.onCall === onCall))!.name;

  for (const seed of SEEDS) {
    it(`a task given before the bot joined: it joins, acknowledges, then works it (seed ${seed})`, () => {
      // The case: a solo human IC assigns a responder bot that nobody has paged yet.
      const d = play(STARTER, seed, [{ name: 'alice', role: 'ic' }], (cast) => [
        ['0:05', 'alice', '/ic This is alice, I am the Incident Commander'],
        ['0:08', 'alice', `/appoint @${seatOf(cast, 'scribe')} scribe`],
        ['0:10', 'alice', `/assign @${seatOf(cast, 'responder', 'primary')} web-logs: check the web error log in 4m`],
      ]);
      const primary = seatOf(d.cast, 'responder', 'primary');
      const ev = d.journal.events;
      const join = eventsOf(ev, 'participant.join', primary)[0]!;
      const ack = eventsOf(ev, 'task.ack', primary)[0]!;
      const probe = eventsOf(ev, 'probe.start', primary)[0]!;
      expect(join.data.system).toBe('web');
      expect(join.seq).toBeLessThan(ack.seq);
      expect(ack.atMs - at('0:10')).toBeLessThanOrEqual(60_000);
      expect(join.seq).toBeLessThan(probe.seq);
      expect(probe.data).toMatchObject({ probe: 'web-logs', taskId: 'T1' });
      expect(eventsOf(ev, 'task.report', primary).map((e) => e.data.id)).toEqual(['T1']);
      const { card, charges } = botCharges(d, STARTER);
      expect(charges).toEqual([]);
      expect(card.metrics.timeToAssemble).not.toBeNull();
    });
  }

  it('command handed to the deputy bot: it announces, keeps the rhythm and closes the call', () => {
    const scenario = shipped('scenarios/cache-stampede.yaml');
    const d = play(scenario, '1', [{ name: 'alice', role: 'ic' }], (cast) => [
      ['3:00', 'alice', '/ic This is alice, I am the Incident Commander'],
      ['3:10', 'alice', `/appoint @${seatOf(cast, 'deputy')} deputy and @${seatOf(cast, 'scribe')} scribe`],
      ['3:20', 'alice', '/sev SEV-2'],
      ['4:00', 'alice', `/handover @${seatOf(cast, 'deputy')}`],
    ]);
    const deputy = seatOf(d.cast, 'deputy');
    const ev = d.journal.events;
    const announce = eventsOf(ev, 'role.announce', deputy)[0]!;
    expect(announce.atMs - at('4:00')).toBeLessThanOrEqual(60_000);
    expect(eventsOf(ev, 'status.update', deputy).length).toBeGreaterThan(0);
    expect(eventsOf(ev, 'call.end', deputy)).toHaveLength(1);
    expect(d.session.outcome).toBe('resolved');
    expect(botCharges(d, scenario).charges).toEqual([]);
  });

  it('a task shared by a bot and a human: the bot works it once, and nobody is charged for it', () => {
    const d = play(STARTER, '2', [{ name: 'alice', role: 'ic' }, { name: 'bruno', role: 'responder' }], (cast) => [
      ['0:05', 'alice', '/ic This is alice, I am the Incident Commander'],
      ['0:08', 'alice', `/appoint @${seatOf(cast, 'scribe')} scribe`],
      ['0:10', 'alice', `/assign @bruno and @${seatOf(cast, 'responder', 'backup')} web-logs: check the web error log in 4m`],
    ]);
    const backup = seatOf(d.cast, 'responder', 'backup');
    expect(eventsOf(d.journal.events, 'task.ack', backup).map((e) => e.data.id)).toEqual(['T1']);
    expect(eventsOf(d.journal.events, 'probe.start').map((e) => [e.actor, e.data.taskId])).toEqual([[backup, 'T1']]);
    expect(botCharges(d, STARTER).charges).toEqual([]);
  });

  it('the scribe bot steps back when a human is made scribe, and notes what came before', () => {
    const d = play(STARTER, '3', [{ name: 'alice', role: 'ic' }, { name: 'bruno', role: 'responder' }], () => [
      ['0:05', 'alice', '/ic This is alice, I am the Incident Commander'],
      ['0:20', 'alice', '/sev SEV-2'],
      ['0:40', 'alice', '/appoint @bruno scribe'],
      ['1:00', 'alice', '/status SEV-2, looking at web'],
    ]);
    const scribe = seatOf(d.cast, 'scribe');
    const notes = eventsOf(d.journal.events, 'scribe.note', scribe).map((e) => String(e.data.text));
    expect(notes).toContain('Severity set to SEV-2 by alice.');
    expect(notes.some((n) => n.includes('S1'))).toBe(false);
    expect(botCharges(d, STARTER).charges).toEqual([]);
  });
});

describe('sloppy bots', () => {
  const facts = (events: readonly JournalEvent[]) => ({
    assignsWithoutTimebox: eventsOf(events, 'task.assign').filter((e) => e.data.timeboxMs === null).length,
    assigns: eventsOf(events, 'task.assign').length,
    freelanceRuns: eventsOf(events, 'action.start').filter((e) => e.role === 'responder' && e.data.taskId === null).length,
    icHandsOn: [...eventsOf(events, 'probe.start'), ...eventsOf(events, 'action.start')].filter((e) => e.role === 'ic').length,
    majorWithoutDecision: eventsOf(events, 'action.start').filter((e) => e.data.major && e.data.decisionId === null).length,
    polls: eventsOf(events, 'poll.open').length,
  });

  for (const [name, scenario] of SCENARIOS) {
    it(`${name}: the same seed gives process mistakes that by-the-book bots do not make`, () => {
      for (const seed of ['1', '2']) {
        const tag = `${name} seed ${seed}`;
        const good = facts(botRun(scenario, seed, 'by-the-book').events);
        const { events, cast } = botRun(scenario, seed, 'sloppy');
        const bad = facts(events);
        expect(cast.every((p) => p.policy === 'sloppy'), tag).toBe(true);
        // Assignments without time boxes.
        expect(bad.assigns, tag).toBeGreaterThan(0);
        expect(bad.assignsWithoutTimebox, tag).toBe(bad.assigns);
        expect(good.assignsWithoutTimebox, tag).toBe(0);
        // Remediation without an assignment (the red herring, freelanced).
        expect(bad.freelanceRuns, tag).toBeGreaterThan(0);
        expect(good.freelanceRuns, tag).toBe(0);
        const freelanced = eventsOf(events, 'action.start').find((e) => e.data.taskId === null)!;
        const wrong = scenario.actions.find((a) => a.id === freelanced.data.action);
        expect(wrong !== undefined && isWrongMove(wrong), tag).toBe(true); // a red herring, or (v2) a harmful action
        // No assignment to that responder names the action (the engine found no task covering it).
        const named = eventsOf(events, 'task.assign').filter((e) => e.atMs < freelanced.atMs && e.data.to === freelanced.actor && (e.data.refs as string[]).includes(String(freelanced.data.action)));
        expect(named, tag).toEqual([]);
        // The IC goes hands-on and never polls.
        expect(bad.icHandsOn, tag).toBeGreaterThan(0);
        expect(good.icHandsOn, tag).toBe(0);
        expect(bad.polls, tag).toBe(0);
        expect(good.polls, tag).toBeGreaterThan(0);
        // Severity is declared lower than the scenario expects.
        const sev = eventsOf(events, 'sev.set').map((e) => e.data.level);
        expect(sev.length, tag).toBeGreaterThan(0);
        expect(sev, tag).not.toContain(scenario.expects.severity);
      }
    });
  }

  it('on the starter, the sloppy primary restarts web before anyone assigns anything', () => {
    const { events, cast } = botRun(STARTER, '1', 'sloppy');
    const primary = cast.find((p) => p.onCall === 'primary')!.name;
    const first = eventsOf(events, 'action.start')[0]!;
    expect([first.actor, first.role, first.data.action, first.data.taskId]).toEqual([primary, 'responder', 'restart-web', null]);
    expect(eventsOf(events, 'task.assign').every((e) => e.atMs > first.atMs)).toBe(true);
  });
});

describe('determinism', () => {
  const comparable = (events: readonly JournalEvent[]) => JSON.stringify(events);

  for (const [name, scenario] of SCENARIOS) {
    it(`${name}: the same seed gives an identical journal; other seeds differ`, () => {
      for (const bots of ['by-the-book', 'sloppy'] as const) {
        const a = botRun(scenario, '11', bots);
        const b = botRun(scenario, '11', bots);
        expect(comparable(a.events)).toBe(comparable(b.events));
        expect(a.journal.headerLine).toEqual(b.journal.headerLine);
        const c = botRun(scenario, '12', bots);
        expect(comparable(c.events)).not.toBe(comparable(a.events));
        const names = (x: typeof a) => x.cast.map((p) => p.name).join(',');
        const timings = (x: typeof a) => eventsOf(x.events, 'input').map((e) => e.atMs).join(',');
        expect(names(c) !== names(a) || timings(c) !== timings(a)).toBe(true);
        // In fact both differ.
        expect(names(c)).not.toBe(names(a));
        expect(timings(c)).not.toBe(timings(a));
      }
    });
  }
});
