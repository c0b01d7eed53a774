// Views per viewer: each seat sees exactly what it may, the facilitator sees the truth, and a view is plain data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { personOf } from '../../../src/engine/state/drill-state';
import { viewFor } from '../../../src/engine/view/drill-view';
import { LocalClient } from '../../../src/engine/view/local-client';
import { eventsSince, FACILITATOR, player, seenBy } from '../../../src/engine/view/visibility';
import { SimClock } from '../../helpers/drill-rig';
import { score } from '../../../src/scoring/score';
import { ROOT } from '../../helpers/cli';
import { drill, starter, viewOf } from '../../helpers/drill';
import { scenarioOf } from '../../fixtures/scenarios/variants';

const HUMANS = [{ name: 'alice', role: 'ic' as const }, { name: 'carol', role: 'responder' as const, service: 'web' }, { name: 'bob', role: 'scribe' as const }];
const SCRIPT = [
  [200_000, 'carol', '/ack'], [210_000, 'carol', '/trigger'], [215_000, 'carol', '/join web'], [220_000, 'alice', '/ic'],
  [230_000, 'alice', '/sev SEV-2'], [240_000, 'alice', '/assign @carol check web-logs in 5m'], [245_000, 'carol', '/check web-logs'],
  [246_000, 'carol', '/run nope'], [248_000, 'alice', '/postmortem @alice'], [250_000, 'alice', '/poll revert-config?'],
] as const;

function midDrill() {
  const d = drill(starter(), { bots: 'none', humans: HUMANS });
  d.session.start();
  for (const [t, who, text] of SCRIPT) {
    d.session.advanceTo(t);
    d.session.dispatch(who, text);
  }
  d.session.advanceTo(280_000);
  return d;
}

describe('viewFor', () => {
  it('shows what participants know, with the ground truth only in the facilitator\'s view', () => {
    const d = midDrill();
    const f = viewOf(d);
    expect(f.atMs).toBe(280_000);
    expect(f.status).toBe('running');
    expect(f.incident).toEqual({ triggered: true, ic: 'alice', severity: 'SEV-2', resolved: false });
    expect(f.people.find((p) => p.name === 'alice')).toMatchObject({ role: 'ic', roles: ['ic'] });
    expect(f.people.find((p) => p.name === 'carol')).toMatchObject({ role: 'responder', joined: true, paged: false, team: 'web-team' });
    expect(f.tasks).toEqual([{ id: 'T1', to: 'carol', owners: ['carol'], text: 'check web-logs', status: 'open', acked: false, timeboxMs: 300_000, dueAt: 540_000 }]);
    expect(f.poll).toEqual({ id: 'P1', proposal: 'revert-config?', objections: 0 });
    expect(f.alerts).toEqual([{ id: 'web-errors', title: 'web-errors', firing: true, ackedBy: 'carol', notified: ['carol'] }]);
    const err = f.metrics.find((m) => m.ref === 'web.error_rate')!;
    expect(err.value).toBeGreaterThan(30);
    expect(err.history.length).toBe(57); // one sample per 5 s tick, T+0 to T+280s
    expect(f.truth).toMatchObject({ phase: 'broken', mitigated: false });
    expect(f.catalogue.actions.map((a) => a.id)).toContain('revert-config');

    const carol = viewOf(d, player('carol'));
    expect(carol.truth).toBeUndefined();
    expect(JSON.stringify(carol)).not.toMatch(/broken|rootCause|reveals/);
    expect({ ...carol, viewer: FACILITATOR, truth: f.truth, unnoted: f.unnoted }).toEqual(f);
  });

  it('gives the scribe (and the facilitator) the un-noted key events the scorer will hold them to, and nobody else', () => {
    const d = midDrill();
    expect(viewOf(d, player('bob')).unnoted?.map((k) => k.ref)).toEqual(['SEV-2', 'T1']);
    expect(viewOf(d).unnoted?.map((k) => k.ref)).toEqual(['SEV-2', 'T1']);
    expect(viewOf(d, player('carol')).unnoted).toBeUndefined();
  });

  it('tells the facilitator the current phase\'s story and what each person last typed, bots included; players never', () => {
    const d = midDrill();
    const broken = d.session.scenario.phases.find((p) => p.id === 'broken')!;
    const truth = viewOf(d).truth!;
    expect(truth.story).toEqual({ description: broken.description, impact: broken.impact });
    expect(truth.activity).toEqual([
      { name: 'alice', atMs: 250_000, text: '/poll revert-config?' },
      { name: 'carol', atMs: 246_000, text: '/run nope' },
    ]);
    for (const p of ['alice', 'bob', 'carol']) {
      const v = viewOf(d, player(p));
      expect(v.truth).toBeUndefined();
      expect(JSON.stringify(v)).not.toContain('/poll revert-config?');
    }
    // Kept in the state as events come, not found by searching the journal.
    expect(personOf(d.session.state, 'carol')?.lastInput).toEqual({ atMs: 246_000, text: '/run nope' });

    const bots = drill(starter(), { bots: 'by-the-book', seed: '3' });
    bots.session.start();
    bots.session.advanceTo(600_000);
    const typed = bots.journal.events.filter((e) => e.type === 'input');
    const lastOf = new Map(typed.map((e) => [e.actor, { name: e.actor, atMs: e.atMs, text: e.type === 'input' ? e.data.text : '' }]));
    expect(lastOf.size).toBeGreaterThan(1);
    const activity = viewOf(bots).truth!.activity;
    expect(new Map(activity.map((a) => [a.name, a]))).toEqual(lastOf);
    expect(activity.map((a) => a.name)).toEqual(bots.cast.map((p) => p.name).filter((n) => lastOf.has(n)));
  });

  it('leaves the story out for a phase the author did not describe', () => {
    const d = midDrill();
    const s = d.session.scenario;
    const bare = { ...s, phases: s.phases.map((p) => ({ ...p, description: undefined, impact: undefined })) } as unknown as typeof s;
    const v = viewFor(d.session.state, FACILITATOR, { scenario: bare, now: 0, metrics: [], events: d.journal.events, nextInject: 0 });
    expect(v.truth).not.toHaveProperty('story');
  });

  it('lists the facilitator\'s upcoming injects', () => {
    const d = midDrill();
    const upcoming = viewOf(d).truth!.upcoming;
    expect(upcoming.length).toBe(d.session.scenario.injects.filter((i) => i.atMs > 280_000).length);
  });

  it('is plain data: the state and every view survive structuredClone unchanged', () => {
    const d = midDrill();
    expect(structuredClone(d.session.state)).toEqual(d.session.state);
    for (const v of [FACILITATOR, player('alice'), player('bob'), player('carol')]) expect(structuredClone(viewOf(d, v))).toEqual(viewOf(d, v));
  });
});

describe('who sees which event', () => {
  const d = midDrill();
  const events = d.journal.events;
  const seenByName = (name: string) => events.filter((e) => seenBy(e, player(name)) !== undefined).map((e) => e.seq);

  it('shows the hidden truth to the facilitator only', () => {
    const phase = events.filter((e) => e.type === 'phase.enter');
    expect(phase.length).toBeGreaterThan(0);
    for (const e of phase) {
      expect(seenBy(e, FACILITATOR)).toBe(e);
      for (const p of ['alice', 'bob', 'carol']) expect(seenBy(e, player(p))).toBeUndefined();
    }
    const sev = events.find((e) => e.type === 'sev.set')!;
    expect(seenBy(sev, FACILITATOR)?.data).toHaveProperty('mitigated');
    expect(seenBy(sev, player('bob'))?.data).not.toHaveProperty('mitigated');
  });

  it('shows probe results, raw input, errors and hints only to whoever typed them', () => {
    for (const type of ['probe.result', 'input', 'cmd.error', 'cmd.hint'] as const) {
      const mine = events.filter((e) => e.type === type);
      expect(mine.length, type).toBeGreaterThan(0);
      for (const e of mine) {
        for (const p of ['alice', 'bob', 'carol']) expect(seenByName(p).includes(e.seq), `${type} by ${e.actor} to ${p}`).toBe(p === e.actor);
      }
    }
  });

  it('catches a viewer up from a sequence number with what they may see, as they see it', () => {
    const mid = events[Math.floor(events.length / 2)]!.seq;
    const carol = eventsSince(events, mid, player('carol'));
    expect(carol.map((e) => e.seq)).toEqual(seenByName('carol').filter((s) => s > mid));
    const sev = eventsSince(events, 0, player('carol')).find((e) => e.type === 'sev.set');
    expect(sev?.data).toMatchObject({ level: 'SEV-2' });
    expect(sev?.data).not.toHaveProperty('mitigated');
    expect(eventsSince(events, 0, FACILITATOR)).toHaveLength(events.length);
    expect(eventsSince(events, events.at(-1)!.seq, player('alice'))).toEqual([]);
  });

  it('shows everything else to everyone in the call', () => {
    const open = events.filter((e) => !['probe.result', 'input', 'cmd.error', 'cmd.hint', 'phase.enter'].includes(e.type));
    for (const p of ['alice', 'bob', 'carol']) for (const e of open) expect(seenByName(p)).toContain(e.seq);
  });
});

describe('LocalClient', () => {
  it('hot-seat: one client speaks for several players, switches viewer, and catches up from a sequence number', () => {
    const d = drill(starter(), { bots: 'none', humans: HUMANS });
    const clock = new SimClock(d.session);
    const client = new LocalClient(d.session, clock, ['alice', 'carol'], d.journal.events);
    const heard: number[] = [];
    client.subscribe((e) => heard.push(e.seq));
    d.session.start();
    clock.advance(200_000);
    client.setViewer('carol');
    client.send('/ack');
    client.send('/check web-logs');
    d.session.dispatch('bob', '/nonsense');
    clock.advance(60_000);
    expect(client.viewer).toBe('carol');
    expect(client.view().viewer).toEqual(player('carol'));
    const all = d.journal.events;
    const bobsError = all.find((e) => e.actor === 'bob' && e.type === 'cmd.error')!;
    expect(heard).not.toContain(bobsError.seq);
    expect(heard).toContain(all.find((e) => e.type === 'probe.result')!.seq);
    expect(client.eventsSince(0).map((e) => e.seq)).toEqual(heard);
    const mid = heard[Math.floor(heard.length / 2)]!;
    expect(client.eventsSince(mid).map((e) => e.seq)).toEqual(heard.filter((s) => s > mid));
    client.setViewer('mallory');
    expect(client.viewer).toBe('carol');
  });

  it('the facilitator\'s client shows the facilitator\'s view and every event, speaks only through say, and has no players', () => {
    const d = drill(starter(), { bots: 'none', humans: HUMANS });
    const clock = new SimClock(d.session);
    const client = new LocalClient(d.session, clock, [], d.journal.events, { viewer: 'facilitator' });
    const heard: number[] = [];
    client.subscribe((e) => heard.push(e.seq));
    d.session.start();
    clock.advance(200_000);
    d.session.dispatch('carol', '/check web-logs');
    client.control({ kind: 'say', speaker: 'Priya (Customer Support)', text: 'customers are posting screenshots' });
    clock.advance(60_000);
    expect(client.viewer).toBe('facilitator');
    client.setViewer('carol');
    expect(client.viewer).toBe('facilitator');
    const v = client.view();
    expect(v.viewer).toEqual(FACILITATOR);
    expect(v.truth?.activity).toEqual([{ name: 'carol', atMs: 200_000, text: '/check web-logs' }]);
    expect(heard).toEqual(d.journal.events.map((e) => e.seq));
    expect(client.eventsSince(0).map((e) => e.seq)).toEqual(heard);
    expect(d.journal.events.find((e) => e.type === 'facilitator.say')?.atMs).toBe(200_000);
    const n = d.journal.events.length;
    expect(() => client.send('/ic')).toThrow(/say/);
    expect(d.journal.events).toHaveLength(n);
  });

  it('a participant\'s client sees the facilitator\'s ad-hoc inject, and with controls: false its controls do nothing', () => {
    const d = drill(starter(), { bots: 'none', humans: HUMANS });
    const clock = new SimClock(d.session);
    const carol = new LocalClient(d.session, clock, ['carol'], d.journal.events, { controls: false });
    const host = new LocalClient(d.session, clock, [], d.journal.events, { viewer: 'facilitator' });
    const heard: string[] = [];
    carol.subscribe((e) => heard.push(e.type));
    d.session.start();
    clock.advance(60_000);
    const n = d.journal.events.length;
    for (const c of [{ kind: 'pause' }, { kind: 'speed', speed: 9 }, { kind: 'inject-now' }, { kind: 'say', speaker: 'me', text: 'hi' }, { kind: 'end' }] as const) carol.control(c);
    expect(d.journal.events).toHaveLength(n);
    expect(clock.paused).toBe(false);
    expect(d.session.status).toBe('running');
    host.control({ kind: 'say', speaker: 'VP Sales', text: 'is checkout down??' });
    expect(heard.at(-1)).toBe('facilitator.say');
    carol.send('/ack');
    expect(d.journal.events.some((e) => e.type === 'input' && e.actor === 'carol')).toBe(true);
  });

  it('holds nothing on the session but the listeners it hands out: 20 clients come and go and leave none', () => {
    const d = drill(starter(), { bots: 'by-the-book', humans: HUMANS });
    const clock = new SimClock(d.session);
    const before = d.session.listenerCount;
    const offs: (() => void)[] = [];
    for (let i = 0; i < 20; i++) {
      const c = new LocalClient(d.session, clock, i % 2 ? ['carol'] : [], d.journal.events, { viewer: i % 2 ? 'players' : 'facilitator', controls: i === 0 });
      offs.push(c.subscribe(() => undefined), c.subscribe(() => undefined));
    }
    expect(d.session.listenerCount).toBe(before + 40);
    d.session.start();
    clock.advance(60_000);
    for (const off of offs) off();
    expect(d.session.listenerCount).toBe(before);
    // Unsubscribing twice must not take away anyone else's listener (the bots' here).
    offs[0]!();
    expect(d.session.listenerCount).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});

describe('the facilitator\'s wrong moves (format v2)', () => {
  it('lists each harmful or red-herring action as it is started, costed as the scorecard will cost it; players see none', () => {
    const scenario = scenarioOf(readFileSync(join(ROOT, 'test/fixtures/v2/judged-moves.yaml'), 'utf8'));
    const d = drill(scenario, { bots: 'none', humans: [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder', service: 'web' }] });
    d.session.start();
    d.session.advanceTo(200_000);
    expect(viewOf(d).truth?.judged).toEqual([]);
    d.session.dispatch('carol', '/run restart-db');
    d.session.advanceTo(230_000);
    const judged = viewOf(d).truth?.judged;
    expect(judged).toEqual([{ atMs: 200_000, actor: 'carol', action: 'restart-db', kind: 'harmful', points: 10 }]);
    d.session.end('aborted');
    const card = score(scenario, d.journal.headerLine!, d.journal.events);
    expect(card.judgement?.actions.map((a) => ({ atMs: a.atMs, actor: a.actor, action: a.action, kind: a.kind, points: a.points }))).toEqual(judged);
    expect(viewOf(d, player('carol')).truth).toBeUndefined();
    expect(viewOf(drill(starter(), { bots: 'none', humans: HUMANS })).truth?.judged).toBeUndefined();
  });
});
