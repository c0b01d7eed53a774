// Views per viewer: each seat sees exactly what it may, the facilitator sees the truth, and a view is plain data.
import { describe, expect, it } from 'vitest';
import { LocalClient } from '../../../src/engine/view/local-client';
import { eventsSince, FACILITATOR, player, seenBy } from '../../../src/engine/view/visibility';
import { SimClock } from '../../helpers/drill-rig';
import { drill, starter, viewOf } from '../../helpers/drill';

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
});
