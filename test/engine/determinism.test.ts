import { describe, expect, it } from 'vitest';
import { comparable } from '../../src/engine/replay';
import { drill, shipped } from '../helpers/drill';

const SCENARIOS = ['scenarios/bad-deploy-rollback.yaml', 'scenarios/checkout-db-wal-disk-full.yaml'];

function run(file: string, seed: string, bots: 'by-the-book' | 'sloppy' = 'by-the-book') {
  const d = drill(shipped(file), { seed, bots });
  d.session.runSimulated();
  return d;
}

describe('determinism', () => {
  for (const file of SCENARIOS) {
    it(`${file}: same scenario, seed and inputs give the same journal`, () => {
      const a = run(file, '42');
      const b = run(file, '42');
      expect(a.journal.events.length).toBeGreaterThan(30);
      expect(a.journal.events.map(comparable)).toEqual(b.journal.events.map(comparable));
      expect(a.journal.headerLine).toEqual(b.journal.headerLine);
    });

    it(`${file}: a different seed gives different names, noise and delays`, () => {
      const a = run(file, '42');
      const b = run(file, '43');
      expect(a.cast.map((p) => p.name)).not.toEqual(b.cast.map((p) => p.name));
      const ackA = a.journal.events.find((e) => e.type === 'alert.ack')?.atMs;
      const ackB = b.journal.events.find((e) => e.type === 'alert.ack')?.atMs;
      const firedA = a.journal.events.find((e) => e.type === 'alert.fired')?.data.value;
      const firedB = b.journal.events.find((e) => e.type === 'alert.fired')?.data.value;
      expect([ackA, firedA]).not.toEqual([ackB, firedB]);
    });
  }

  it('scripted human input gives the same journal on every run', () => {
    const script = [
      { atMs: 200_000, actor: 'carol', text: '/ack' },
      { atMs: 210_000, actor: 'carol', text: '/trigger web errors' },
      { atMs: 230_000, actor: 'alice', text: '/ic This is alice, I am the Incident Commander' },
      { atMs: 240_000, actor: 'alice', text: '/assign @carol check web-logs in 5m' },
    ];
    const go = () => {
      const d = drill(shipped('scenarios/bad-deploy-rollback.yaml'), {
        seed: 'x', bots: 'by-the-book',
        humans: [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder' }],
      });
      d.session.runSimulated(script);
      return d.journal.events.map(comparable);
    };
    expect(go()).toEqual(go());
  });
});
