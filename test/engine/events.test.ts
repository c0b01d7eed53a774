// The event union describes what the engine really writes: every event of every library drill fits its type's schema
// exactly (no field missing, none extra), and every type in the union is one the engine can write.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_DATA, EVENT_TYPES, isEventType, type DrillEvent } from '../../src/engine/events';
import { ROOT } from '../helpers/cli';
import { drill, shipped, starter } from '../helpers/drill';
import { play, team } from '../scoring/fairness/team';

const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

function misfits(events: readonly DrillEvent[]): string[] {
  return events.flatMap((e) => {
    const r = EVENT_DATA[e.type].strict().safeParse(e.data);
    return r.success ? [] : [`${e.seq} ${e.type}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`];
  });
}

describe('the event union', () => {
  const seen = new Set<string>();
  it('fits every event of every library drill, bots of both policies', () => {
    for (const file of SCENARIOS) {
      for (const bots of ['by-the-book', 'sloppy'] as const) {
        const d = drill(shipped(join(ROOT, 'scenarios', file)), { seed: '2', bots });
        d.session.runSimulated();
        expect(misfits(d.journal.events), `${file} ${bots}`).toEqual([]);
        for (const e of d.journal.events) seen.add(e.type);
      }
    }
  });

  it('fits every event of human teams typing the fairness scripts', () => {
    for (const id of ['bad-deploy-rollback', 'cache-stampede', 'leaked-credentials']) {
      const p = play(team(id));
      expect(misfits(p.events), id).toEqual([]);
      for (const e of p.events) seen.add(e.type);
    }
  });

  it('fits the facilitator controls (an ad-hoc inject too), objections and refusals', () => {
    const d = drill(starter(), { humans: [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder' }] });
    d.session.start();
    d.session.control({ kind: 'pause' });
    d.session.control({ kind: 'resume' });
    d.session.control({ kind: 'speed', speed: 4 });
    d.session.dispatch('carol', '/decide nothing');
    d.session.dispatch('alice', '/ic This is alice, I am the Incident Commander');
    d.session.dispatch('alice', '/poll revert the config push');
    d.session.dispatch('carol', '/object not yet');
    d.session.control({ kind: 'inject-now' });
    d.session.control({ kind: 'say', speaker: 'Priya (Customer Support)', text: 'customers are posting screenshots' });
    d.session.control({ kind: 'end' });
    expect(misfits(d.journal.events)).toEqual([]);
    for (const e of d.journal.events) seen.add(e.type);
  });

  it('fits every event of a format v2 drill (skipped injects, variables, answers), bots of both policies', () => {
    const v2 = shipped(join(ROOT, 'test/fixtures/v2/retention-purge.yaml'));
    for (const bots of ['by-the-book', 'sloppy'] as const) {
      const d = drill(v2, { seed: '2', bots });
      d.session.runSimulated();
      expect(misfits(d.journal.events), bots).toEqual([]);
      for (const e of d.journal.events) seen.add(e.type);
    }
  });

  it('names only types the engine writes, and the engine writes every type it names', () => {
    for (const t of seen) expect(isEventType(t), t).toBe(true);
    expect(EVENT_TYPES.filter((t) => !seen.has(t))).toEqual([]);
  });
});
