// Resume after a kill: a journal cut anywhere rebuilds the drill exactly as it was, writes none of its events again,
// and goes on so that the whole journal is the one an uninterrupted drill writes.
import { describe, expect, it } from 'vitest';
import { MemoryJournal, type JournalEvent } from '../../src/engine/journal';
import { comparable, replay } from '../../src/engine/replay';
import { recordedSpeed, resumeSession, ResumeError } from '../../src/engine/resume';
import { finish, recordDrill, withBots } from '../helpers/resumable-drill';

const rec = recordDrill();
const all = rec.events;
const seqOf = (type: string, nth = 0) => all.filter((e) => e.type === type)[nth]!.seq;

/** Cut points: nothing but the header, the start, just after human input (before what it leads to), mid-instant, the last event before the end. */
const CUTS = [0, 1, seqOf('alert.fired'), seqOf('input'), seqOf('facilitator.say'), seqOf('facilitator.pause'), seqOf('task.assign'), seqOf('probe.start'),
  Math.floor(all.length / 2), seqOf('phase.enter', 2), seqOf('action.done'), all.length - 1];

describe('resumeSession', () => {
  it('the recording is a real team drill: bots and humans type, the facilitator speaks, it ends', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.some((e) => e.type === 'input' && e.data.bot === true)).toBe(true);
    expect(all.some((e) => e.type === 'input' && e.actor === 'carol')).toBe(true);
    expect(all.at(-1)?.type).toBe('drill.end');
    // Some cuts fall inside an instant: events due then were never written.
    for (const cut of [seqOf('alert.fired'), seqOf('input'), seqOf('phase.enter', 2)]) expect(all[cut]!.atMs, `cut ${cut}`).toBe(all[cut - 1]!.atMs);
  });

  for (const bots of [true, false]) {
    for (const cut of CUTS) {
      it(`cut after event ${cut} (${all[cut - 1]?.type ?? 'header only'}), bots ${bots ? 'attached' : 'replayed'}: same state, nothing written twice, the whole journal replays`, () => {
        const old = all.slice(0, cut);
        const sink = new MemoryJournal();
        const session = resumeSession(rec.scenario, rec.header, old, sink, bots ? { attach: withBots, wall: () => 'later' } : {});
        expect(sink.headerLine).toBeUndefined();
        // What was due at the last recorded instant but never written is new, and only that.
        const at = cut === 0 ? 0 : all[cut - 1]!.atMs;
        const caughtUp = cut + sink.events.length;
        expect(sink.events.every((e) => e.atMs === at)).toBe(true);
        expect(sink.events.map(comparable)).toEqual(all.slice(cut, caughtUp).map(comparable));
        expect(session.scheduler.now()).toBe(at);
        expect(session.state).toEqual(rec.states.get(caughtUp));
        expect(session.header).toBe(rec.header);
        if (bots) expect(sink.events.every((e) => e.wall === 'later')).toBe(true);

        finish(session, rec, caughtUp, bots);
        const whole: JournalEvent[] = [...old, ...sink.events];
        expect(whole.map(comparable)).toEqual(all.map(comparable));
        expect(replay(rec.scenario, rec.header, whole).reproduces).toBe(true);
      });
    }
  }

  it('continues the numbering after the last recorded event', () => {
    const old = all.slice(0, 40);
    const sink = new MemoryJournal();
    const session = resumeSession(rec.scenario, rec.header, old, sink, { attach: withBots });
    session.control({ kind: 'say', speaker: 'VP Sales', text: 'any news?' });
    expect(sink.events.at(-1)).toMatchObject({ type: 'facilitator.say', seq: 41 + sink.events.length - 1 });
    expect(sink.events[0]!.seq).toBe(41);
  });

  it('refuses a journal that has ended', () => {
    expect(() => resumeSession(rec.scenario, rec.header, all, new MemoryJournal())).toThrow(ResumeError);
    expect(() => resumeSession(rec.scenario, rec.header, all, new MemoryJournal())).toThrow(/already ended/);
  });

  it('refuses a journal made from another version of the scenario', () => {
    const header = { ...rec.header, scenario: { ...rec.header.scenario, hash: 'f'.repeat(64) } };
    expect(() => resumeSession(rec.scenario, header, all.slice(0, 30), new MemoryJournal())).toThrow(/different version/);
  });

  it('refuses a tampered journal and writes nothing to the sink', () => {
    const old = all.slice(0, Math.floor(all.length / 2));
    const i = old.findIndex((e) => e.type === 'input' && e.actor === 'carol');
    const edits: ((e: readonly JournalEvent[]) => JournalEvent[])[] = [
      (es) => es.map((e, k) => (k === i ? { ...e, data: { text: '/ic I am in charge now' } } as JournalEvent : e)),
      (es) => es.map((e) => (e.type === 'alert.fired' ? { ...e, data: { ...e.data, value: e.data.value + 1 } } : e)),
      (es) => es.filter((e) => e.type !== 'phase.enter'),
      (es) => [...es, { ...es.at(-1)!, seq: es.at(-1)!.seq + 1, type: 'say', data: { text: 'made up', mentions: [] } } as JournalEvent],
      (es) => es.map((e) => (e.type === 'input' && e.data.bot === true ? { ...e, data: { text: 'hello', bot: true } } as JournalEvent : e)),
    ];
    for (const [n, edit] of edits.entries()) {
      for (const bots of [true, false]) {
        const sink = new MemoryJournal();
        expect(() => resumeSession(rec.scenario, rec.header, edit(old), sink, bots ? { attach: withBots } : {}), `edit ${n}, bots ${bots}`).toThrow(ResumeError);
        expect(sink.events, `edit ${n}`).toEqual([]);
      }
    }
  });

  it('names where a tampered journal stops reproducing', () => {
    const old = all.slice(0, 40).map((e) => (e.seq === 5 ? { ...e, atMs: e.atMs + 1 } : e));
    expect(() => resumeSession(rec.scenario, rec.header, old, new MemoryJournal())).toThrow(/at event 5/);
  });

  it('reads the speed the facilitator last set', () => {
    expect(recordedSpeed(all)).toBe(4);
    expect(recordedSpeed(all.slice(0, 3))).toBeUndefined();
  });
});
