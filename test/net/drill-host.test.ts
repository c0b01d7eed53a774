// The drill host in-process, with fake terminals: the lobby, the start, a per-viewer store per connection,
// reconnection, refusals, the end, and that a closed connection frees everything it held but its seat.
import { describe, expect, it } from 'vitest';
import type { CastRequest } from '../../src/engine/cast';
import type { Outcome } from '../../src/engine/session';
import { DrillHost, type HostedDrill } from '../../src/net/drill-host';
import type { Terminal } from '../../src/net/terminal';
import type { ParticipantModel } from '../../src/ui/host-models';
import { drill, starter } from '../helpers/drill';
import { SimClock } from '../helpers/drill-rig';

/** A terminal that records what the host told it and closes when asked (or when the test drops it). */
class FakeTerminal {
  closedWith?: { message?: string; code?: number };
  private resolveClosed!: () => void;
  readonly closed = new Promise<void>((r) => (this.resolveClosed = r));
  readonly stdout = {} as NodeJS.WriteStream;
  readonly stdin = {} as NodeJS.ReadStream;
  readonly address = '127.0.0.1';
  constructor(readonly name: string) {}
  close(message?: string, code?: number): void {
    this.closedWith ??= { ...(message !== undefined ? { message } : {}), ...(code !== undefined ? { code } : {}) };
    this.resolveClosed();
  }
}

/** A host over the starter scenario on simulated time; mount records each screen's model. */
function rig() {
  const scenario = starter();
  const screens: { model: ParticipantModel; unmounted: boolean }[] = [];
  let made: (ReturnType<typeof drill> & { clock: SimClock }) | undefined;
  let finished: Outcome | undefined;
  const host = new DrillHost({
    scenario,
    joinLines: () => ['ssh -p 2222 NAME@127.0.0.1'],
    begin: (humans: readonly CastRequest[]): HostedDrill => {
      const d = drill(scenario, { humans: [...humans], bots: 'by-the-book' });
      const clock = new SimClock(d.session);
      const done = new Promise<Outcome>((r) => d.session.onEvent((e) => e.type === 'drill.end' && r(e.data.outcome)));
      d.session.start();
      made = { ...d, clock };
      return { session: d.session, driver: Object.assign(clock, { done }), events: d.journal.events };
    },
    finish: (outcome) => {
      finished = outcome;
      return { dir: '/runs/x' };
    },
    mount: (_t, model) => {
      const s = { model, unmounted: false };
      screens.push(s);
      return { unmount: () => void (s.unmounted = true) };
    },
  });
  const connect = (name: string) => {
    const t = new FakeTerminal(name);
    host.connect(t as unknown as Terminal);
    return t;
  };
  return { host, screens, connect, drill: () => made!, finished: () => finished };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('the drill host', () => {
  it('people join the lobby, take seats and start; each gets a store that shows only their own view', async () => {
    const { host, screens, connect, drill: d } = rig();
    connect('alice');
    connect('bob');
    expect(screens.map((s) => s.model.phase())).toEqual(['lobby', 'lobby']);
    expect(screens[0]!.model.takeSeat({ role: 'ic' })).toBeUndefined();
    expect(screens[1]!.model.takeSeat({ role: 'ic' })).toBe('alice already has the Incident Commander seat');
    expect(host.start()).toBeUndefined();
    expect(host.phase()).toBe('drill');
    const [a, b] = screens.map((s) => s.model.store()!);
    expect(a!.client.viewer).toBe('alice');
    expect(b!.client.viewer).toBe('bob');
    expect(d().session.options.cast.filter((p) => p.kind === 'human').map((p) => [p.name, p.seat])).toEqual([['alice', 'ic'], ['bob', 'responder']]);
    // bob's own probe is his alone; the facilitator's store sees it.
    const probe = d().session.scenario.probes[0]!.id;
    b!.send(`/check ${probe}`);
    d().clock.advance(60_000);
    expect(b!.events.some((e) => e.type === 'probe.result')).toBe(true);
    expect(a!.events.some((e) => e.type === 'probe.result')).toBe(false);
    expect(host.store()!.events.some((e) => e.type === 'probe.result')).toBe(true);
    // A participant's client has no facilitator controls.
    a!.client.control({ kind: 'pause' });
    expect(d().session.clockPaused).toBe(false);
  });

  it('the facilitator\'s ad-hoc inject reaches everyone as the named character', () => {
    const { host, screens, connect } = rig();
    connect('alice');
    host.start();
    host.say('Priya (Customer Support)', 'customers are posting screenshots');
    expect(screens[0]!.model.store()!.lines.map((l) => l.text).join('\n')).toMatch(/customers are posting screenshots/);
  });

  it('a dropped connection frees its screen and store but keeps the seat; the same name gets it back', async () => {
    const { host, screens, connect, drill: d } = rig();
    const t = connect('alice');
    screens[0]!.model.takeSeat({ role: 'ic' });
    host.start();
    const listeners = d().session.listenerCount;
    t.close();
    await tick();
    expect(screens[0]!.unmounted).toBe(true);
    expect(host.stats()).toEqual({ connections: 0, screens: 0, stores: 0 });
    expect(d().session.listenerCount).toBe(listeners - 1);
    expect(host.people().find((p) => p.name === 'alice')).toMatchObject({ connected: false, seat: 'Incident Commander' });
    for (let i = 0; i < 20; i++) {
      const again = connect('Alice');
      await tick();
      again.close();
      await tick();
    }
    expect(host.stats()).toEqual({ connections: 0, screens: 0, stores: 0 });
    expect(d().session.listenerCount).toBe(listeners - 1);
    expect(screens.every((s) => s.unmounted)).toBe(true);
    connect('alice');
    expect(screens.at(-1)!.model.store()!.client.viewer).toBe('alice');
  });

  it('a second terminal with the same name takes the seat over; the first is told and closed', () => {
    const { connect, screens } = rig();
    const first = connect('alice');
    connect('alice');
    expect(first.closedWith?.message).toMatch(/connected again from another terminal/);
    expect(screens[0]!.unmounted).toBe(true);
  });

  it('once the drill has started, a name without a seat in it is refused with a reason', () => {
    const { host, connect } = rig();
    connect('alice');
    host.start();
    const late = connect('mallory');
    expect(late.closedWith).toEqual({ message: expect.stringMatching(/the drill has started and mallory has no seat in it/), code: 1 });
  });

  it('quitting mid-drill ends it first (aborted), scores it, then sends everyone away saying where the run folder is', async () => {
    const { host, connect, finished } = rig();
    const t = connect('alice');
    host.start();
    host.quit();
    expect(await host.quitted).toBe('aborted');
    expect(finished()).toBe('aborted');
    expect(t.closedWith?.message).toMatch(/run folder is \/runs\/x/);
  });
});
