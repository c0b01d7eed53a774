// The one reducer: folding a journal through evolve gives exactly the state the session held, and the roles the
// scorer reads from the role events alone are the roles every event gives.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../../src/engine/state/drill-state';
import { evolve, fold } from '../../../src/engine/state/evolve';
import { everyoneWhoHeld, roleHistory, roleOf } from '../../../src/engine/state/roles-of';
import { ROOT } from '../../helpers/cli';
import { drill, shipped, starter } from '../../helpers/drill';
import { play, team } from '../../scoring/fairness/team';

const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

describe('evolve', () => {
  it('rebuilds the session\'s state from its journal, for every library drill', () => {
    for (const file of SCENARIOS) {
      for (const bots of ['by-the-book', 'sloppy'] as const) {
        const d = drill(shipped(join(ROOT, 'scenarios', file)), { seed: '3', bots });
        d.session.runSimulated();
        const rebuilt = fold(initialState(d.cast, d.session.scenario.initial), d.journal.events);
        expect(rebuilt, `${file} ${bots}`).toEqual(d.session.state);
      }
    }
  });

  it('leaves the state object as it was for an event that changes nothing participants know', () => {
    const d = drill(starter(), { bots: 'none', humans: [{ name: 'alice', role: 'ic' }] });
    d.session.start();
    d.session.dispatch('alice', 'hello');
    const say = d.journal.events.find((e) => e.type === 'say')!;
    expect(evolve(d.session.state, say)).toBe(d.session.state);
  });

  it('never changes the state it is given', () => {
    const d = drill(shipped(join(ROOT, 'scenarios', 'bad-deploy-rollback.yaml')), { seed: '1', bots: 'by-the-book' });
    d.session.runSimulated();
    let state = initialState(d.cast, 'x');
    for (const e of d.journal.events) {
      const before = structuredClone(state);
      const after = evolve(Object.freeze(state), e);
      expect(state).toEqual(before);
      state = after;
    }
  });
});

describe('roleHistory', () => {
  it('gives the roles and command holders that folding every event gives', () => {
    const journals = [
      ...SCENARIOS.map((file) => {
        const d = drill(shipped(join(ROOT, 'scenarios', file)), { seed: '2', bots: 'sloppy' });
        d.session.runSimulated();
        return { cast: d.cast, events: d.journal.events };
      }),
      ...['cache-stampede', 'multi-team-complex', 'leaked-credentials'].map((id) => {
        const p = play(team(id));
        return { cast: p.header.participants, events: p.events };
      }),
    ];
    for (const { cast, events } of journals) {
      let state = initialState(cast, '');
      const holders: { name: string; from: number }[] = [];
      for (const e of events) {
        const before = state.incident.ic;
        state = evolve(state, e);
        if (state.incident.ic !== undefined && state.incident.ic !== before) holders.push({ name: state.incident.ic, from: e.atMs });
      }
      const h = roleHistory(cast, events);
      expect(h.holders).toEqual(holders);
      expect(everyoneWhoHeld(h.roles, 'scribe')).toEqual(everyoneWhoHeld(state, 'scribe'));
      for (const p of cast) expect(roleOf(h.roles, p.name)).toBe(roleOf(state, p.name));
    }
  });
});
