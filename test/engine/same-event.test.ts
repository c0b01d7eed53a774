// sameEvent says what comparing comparable() strings says, without building them (a 50 MB event once needed
// another 50 MB, once for each side, and ran replay --json out of a 256 MB heap).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/engine/journal';
import { comparable, sameEvent } from '../../src/engine/replay';
import { drill, shipped } from '../helpers/drill';

const d = drill(shipped('scenarios/bad-deploy-rollback.yaml'), { bots: 'by-the-book' });
d.session.runSimulated([]);
const events = d.journal.events;

describe('sameEvent', () => {
  it('agrees with comparable() on every pair of a real journal\'s events', () => {
    for (const a of events) for (const b of events.slice(0, 60)) expect(sameEvent(a, b)).toBe(comparable(a) === comparable(b));
  });

  it('agrees with comparable() on events whose data differ in any way JSON can show', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 })),
    })).value;
    fc.assert(fc.property(json, json, fc.constantFrom(...events), (x, y, base) => {
      const a = { ...base, data: { v: x } } as unknown as JournalEvent;
      const b = { ...base, data: { v: y } } as unknown as JournalEvent;
      expect(sameEvent(a, b)).toBe(comparable(a) === comparable(b));
    }), { numRuns: 2000 });
  });
});
