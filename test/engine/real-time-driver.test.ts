import { describe, expect, it } from 'vitest';
import { RealTimeDriver, type HostTime } from '../../src/engine/real-time-driver';
import { MemoryJournal } from '../../src/engine/journal';
import { resumeSession } from '../../src/engine/resume';
import { drill, starter } from '../helpers/drill';

/** A host clock the test moves by hand; the interval runs whenever time is moved. */
function fakeHost() {
  let t = 1000;
  const intervals = new Map<number, () => void>();
  let id = 0;
  const host: HostTime = {
    now: () => t,
    setInterval: (fn) => (intervals.set(++id, fn), id),
    clearInterval: (h) => void intervals.delete(h as number),
  };
  return { host, wait: (ms: number) => { t += ms; for (const fn of [...intervals.values()]) fn(); }, running: () => intervals.size > 0 };
}

describe('RealTimeDriver', () => {
  it('maps wall time to drill time at the chosen speed', () => {
    const { session } = drill(starter(), { bots: 'none' });
    const h = fakeHost();
    const d = new RealTimeDriver(session, h.host, 60);
    d.start();
    h.wait(2000); // 2 s of wall time at 60x = 2 drill minutes
    expect(session.scheduler.now()).toBe(120_000);
    expect(session.world.currentPhase().id).toBe('broken');
  });

  it('pause freezes drill time; resume continues from the same instant without a jump', () => {
    const { session, journal } = drill(starter(), { bots: 'none' });
    const h = fakeHost();
    const d = new RealTimeDriver(session, h.host, 10);
    d.start();
    h.wait(1000);
    d.pause();
    const frozen = session.scheduler.now();
    h.wait(60_000);
    expect(session.scheduler.now()).toBe(frozen);
    d.resume();
    h.wait(1000);
    expect(session.scheduler.now()).toBe(frozen + 10_000);
    expect(journal.events.map((e) => e.type)).toEqual(expect.arrayContaining(['facilitator.pause', 'facilitator.resume']));
  });

  it('a speed change keeps drill time continuous', () => {
    const { session } = drill(starter(), { bots: 'none' });
    const h = fakeHost();
    const d = new RealTimeDriver(session, h.host, 1);
    d.start();
    h.wait(5000);
    d.setSpeed(100);
    expect(session.scheduler.now()).toBe(5000);
    h.wait(1000);
    expect(session.scheduler.now()).toBe(105_000);
  });

  it('input lands at the current drill time, after everything due has fired', () => {
    const { session, journal } = drill(starter(), { bots: 'none', humans: [{ name: 'alice', role: 'ic' }] });
    const h = fakeHost();
    const d = new RealTimeDriver(session, h.host, 100);
    d.start();
    h.host.now = ((base) => () => base + 1500)(h.host.now()); // 1.5 s later, before the next interval
    d.input('alice', '/ic');
    const claim = journal.events.find((e) => e.type === 'role.claim');
    expect(claim?.atMs).toBe(150_000);
  });

  it('say lands at the current drill time, after everything due has fired', () => {
    const { session, journal } = drill(starter(), { bots: 'none' });
    const h = fakeHost();
    const d = new RealTimeDriver(session, h.host, 100);
    d.start();
    h.host.now = ((base) => () => base + 1500)(h.host.now());
    d.say('Priya (Customer Support)', 'customers are posting screenshots');
    const said = journal.events.at(-1)!;
    expect(said).toMatchObject({ type: 'facilitator.say', atMs: 150_000, data: { speaker: 'Priya (Customer Support)' } });
    expect(journal.events.some((e) => e.type === 'phase.enter' && e.atMs === 120_000 && e.seq < said.seq)).toBe(true);
  });

  it('abort ends the drill as aborted, stops the loop and resolves done', async () => {
    const { session } = drill(starter(), { bots: 'none' });
    const h = fakeHost();
    const d = new RealTimeDriver(session, h.host, 1);
    d.start();
    d.abort();
    await expect(d.done).resolves.toBe('aborted');
    expect(h.running()).toBe(false);
  });

  it('the drill ends at its duration and done resolves with the outcome', async () => {
    const { session } = drill(starter(), { bots: 'none' });
    const h = fakeHost();
    const d = new RealTimeDriver(session, h.host, 1000);
    d.start();
    for (let i = 0; i < 40; i++) h.wait(100);
    await expect(d.done).resolves.toBe('timed-out');
  });

  describe('on a resumed session', () => {
    /** A drill recorded to `atMs` (paused at the end if asked), rebuilt from its journal. */
    function resumed(atMs: number, pausedAtEnd = false) {
      const first = drill(starter(), { bots: 'none' });
      first.session.start();
      first.session.advanceTo(atMs);
      // The journal knows drill time only from its events: one at atMs is where the resumed drill goes on.
      first.session.control({ kind: 'say', speaker: 'Priya', text: 'still there?' });
      if (pausedAtEnd) first.session.control({ kind: 'pause' });
      const sink = new MemoryJournal();
      const session = resumeSession(first.session.scenario, first.journal.headerLine!, first.journal.events, sink);
      return { session, sink };
    }

    it('goes on from the drill time it was at, not counting the time the process was dead', () => {
      const { session, sink } = resumed(100_000);
      const h = fakeHost();
      h.wait(3_600_000);
      const d = new RealTimeDriver(session, h.host, 10);
      d.start({ resumed: true });
      expect(d.drillNow()).toBe(100_000);
      h.wait(3000);
      expect(session.scheduler.now()).toBe(130_000);
      expect(sink.events.map((e) => e.type)).toEqual(['phase.enter']);
      expect(sink.events[0]?.atMs).toBe(120_000);
    });

    it('starts paused when asked, with a real facilitator.pause, until resumed', () => {
      const { session, sink } = resumed(100_000);
      const h = fakeHost();
      const d = new RealTimeDriver(session, h.host, 10);
      d.start({ resumed: true, paused: true });
      expect(d.paused).toBe(true);
      expect(sink.events.map((e) => [e.type, e.atMs])).toEqual([['facilitator.pause', 100_000]]);
      h.wait(60_000);
      expect(session.scheduler.now()).toBe(100_000);
      d.resume();
      h.wait(1000);
      expect(session.scheduler.now()).toBe(110_000);
      expect(sink.events.map((e) => e.type)).toEqual(['facilitator.pause', 'facilitator.resume']);
    });

    it('keeps a journal that ended paused paused without a second pause, and resumes it when not asked to stay paused', () => {
      const stay = resumed(100_000, true);
      const d1 = new RealTimeDriver(stay.session, fakeHost().host, 10);
      d1.start({ resumed: true, paused: true });
      expect(d1.paused).toBe(true);
      expect(stay.sink.events).toEqual([]);

      const go = resumed(100_000, true);
      const h = fakeHost();
      const d2 = new RealTimeDriver(go.session, h.host, 10);
      d2.start({ resumed: true });
      expect(d2.paused).toBe(false);
      expect(go.sink.events.map((e) => e.type)).toEqual(['facilitator.resume']);
      h.wait(1000);
      expect(go.session.scheduler.now()).toBe(110_000);
    });

    it('does not start the drill again, and resolves done at once for a drill that ended while catching up', async () => {
      const { session, sink } = resumed(100_000);
      const h = fakeHost();
      const d = new RealTimeDriver(session, h.host, 1);
      d.start({ resumed: true });
      expect(sink.events.some((e) => e.type === 'drill.start')).toBe(false);
      session.end('aborted');
      const d2 = new RealTimeDriver(session, h.host, 1);
      const h2 = fakeHost();
      d2.start({ resumed: true });
      await expect(d2.done).resolves.toBe('aborted');
      expect(h2.running()).toBe(false);
      d.abort();
    });
  });
});
