// Seeded variation (format v2): jittered times and chance edges come from the drill's seed through a stream of their
// own, so the same seed gives the same drill and a replay is exact; v1 files never draw from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/engine/random';
import { replay } from '../../src/engine/replay';
import { drawJitters } from '../../src/engine/variation';
import { ROOT } from '../helpers/cli';
import { at, drill, eventsOf, starter } from '../helpers/drill';
import { scenarioOf } from '../fixtures/scenarios/variants';

const MIN = 60_000;
const SEEDS = Array.from({ length: 20 }, (_, i) => String(i + 1));

const VARIED = `schema: firedrill/v2
id: varied
title: Varied
difficulty: intro
duration: 40m
expects: { severity: SEV-2 }
services:
  - { id: web, owner: web-team, metrics: { errors: { baseline: 1%, noise: 0.2% } } }
alerts:
  - { id: web-errors, when: "web.errors > 5% for 1m", pages: web-team }
phases:
  steady: { after: { 3m: { to: degraded, jitter: 1m } } }
  degraded:
    effects: { web.errors: 20% }
    at: { 15m: { to: surge, jitter: 2m, chance: 0.5 } }
    on: { fix: { to: fixed, chance: 0.5 } }
  surge: { effects: { web.errors: 40% }, on: { fix: fixed } }
  fixed: { mitigated: true, resolved: true, final: true }
actions:
  - { id: fix, service: web, title: Fix the web tier, takes: 1m }
probes:
  - { id: look, service: web, title: Look at the web tier, reveals: Errors., clue: true }
injects:
  - { at: 10m, jitter: 2m, kind: chatter, from: Sam, text: Ten minutes or so. }
solution:
  rootCause: Something broke.
  path: [look, fix]
`;

function run(seed: string, inputs: readonly [string, string][] = []) {
  const d = drill(scenarioOf(VARIED), { seed, humans: [{ name: 'alice', role: 'responder', service: 'web' }] });
  d.session.runSimulated(inputs.map(([t, text]) => ({ atMs: at(t), actor: 'alice', text })));
  return d.journal.events;
}

describe('jitter', () => {
  it('moves inject times, timers and clock edges by a seeded whole number of seconds within the bounds', () => {
    const injects = new Set<number>();
    const timers = new Set<number>();
    for (const seed of SEEDS) {
      const events = run(seed);
      const inj = eventsOf(events, 'inject')[0]!.atMs;
      const degraded = eventsOf(events, 'phase.enter').find((e) => e.data.phase === 'degraded')!.atMs;
      expect(inj).toBeGreaterThanOrEqual(8 * MIN);
      expect(inj).toBeLessThanOrEqual(12 * MIN);
      expect(degraded).toBeGreaterThanOrEqual(2 * MIN);
      expect(degraded).toBeLessThanOrEqual(4 * MIN);
      expect(inj % 1000).toBe(0);
      const surge = eventsOf(events, 'phase.enter').find((e) => e.data.phase === 'surge')?.atMs;
      if (surge !== undefined) expect(surge >= 13 * MIN && surge <= 17 * MIN).toBe(true);
      injects.add(inj);
      timers.add(degraded);
    }
    expect(injects.size).toBeGreaterThan(5);
    expect(timers.size).toBeGreaterThan(5);
  });

  it('is the same for the same seed', () => {
    expect(run('7')).toEqual(run('7'));
  });

  it('is drawn in a fixed order at the start: injects in file order, then each phase\'s timers and clock edges', () => {
    const s = scenarioOf(VARIED);
    const j = drawJitters(s, createRng('3', 'scenario-variation'));
    const rng = createRng('3', 'scenario-variation');
    expect(j.injects).toEqual([rng.delay(-2 * MIN, 2 * MIN)]);
    expect(j.delays).toEqual({ 'steady#0': 3 * MIN + rng.delay(-MIN, MIN) });
    expect(j.clock).toEqual({ 'degraded#at#0': 15 * MIN + rng.delay(-2 * MIN, 2 * MIN) });
  });

  it('is never drawn for a v1 file', () => {
    let draws = 0;
    const counting: Rng = { next: () => (draws++, 0.5), int: () => (draws++, 0), delay: () => (draws++, 0), pick: (x) => (draws++, x[0]!), chance: () => (draws++, false) };
    drawJitters(starter(), counting);
    expect(draws).toBe(0);
    expect(drill(starter()).session.upcomingInjects()).toBeUndefined();
  });
});

describe('chance', () => {
  it('an action edge with chance 0.5 moves the world on some seeds and not others, and action.done says which', () => {
    const outcomes = new Set<boolean>();
    for (const seed of SEEDS) {
      const events = run(seed, [['5:00', '/run fix']]);
      const done = eventsOf(events, 'action.done')[0]!;
      const fixed = eventsOf(events, 'phase.enter').some((e) => e.data.phase === 'fixed' && e.atMs === done.atMs);
      expect(done.data.changed).toBe(fixed);
      outcomes.add(fixed);
    }
    expect([...outcomes].sort()).toEqual([false, true]);
  });

  it('a clock edge with chance 0.5 happens on some seeds and not others', () => {
    const surged = SEEDS.map((seed) => eventsOf(run(seed), 'phase.enter').some((e) => e.data.phase === 'surge'));
    expect(new Set(surged)).toEqual(new Set([false, true]));
  });

  it('a condition edge rolls once when its condition becomes true, not on every tick it stays true', () => {
    const text = VARIED.replace('    at: { 15m: { to: surge, jitter: 2m, chance: 0.5 } }\n', '    when: { "web.errors > 10%": { to: surge, chance: 0.05 } }\n');
    let surged = 0;
    for (const seed of SEEDS) {
      const d = drill(scenarioOf(text), { seed, humans: [{ name: 'alice', role: 'responder', service: 'web' }] });
      d.session.runSimulated();
      if (eventsOf(d.journal.events, 'phase.enter').some((e) => e.data.phase === 'surge')) surged++;
    }
    // rolled on every 5 s tick for half an hour, 5% would surge nearly always; rolled once, about one seed in twenty
    expect(surged).toBeLessThanOrEqual(4);
  });
});

describe('replay', () => {
  const FIXTURE = scenarioOf(readFileSync(join(ROOT, 'test/fixtures/v2/retention-purge.yaml'), 'utf8'));

  it('reproduces v2 drills with jitter, chance, answers and bots, event for event', () => {
    for (const seed of ['1', '2', '3', '4', '5']) {
      for (const bots of ['by-the-book', 'sloppy'] as const) {
        for (const scenario of [FIXTURE, scenarioOf(VARIED)]) {
          const d = drill(scenario, { seed, bots });
          d.session.runSimulated();
          const r = replay(scenario, d.journal.headerLine!, d.journal.events);
          expect(r.reproduces, `${scenario.id} seed ${seed} ${bots}: ${JSON.stringify(r.divergence)}`).toBe(true);
          expect(r.compared).toBe(d.journal.events.length);
        }
      }
    }
  });
});
