// The world's phase: where it is read from, what entering a phase does and in which order, and what
// actionDone answers in each case. Driven on a World of its own, without a session, on simulated time.
import { describe, expect, it } from 'vitest';
import { createFaker, createRng } from '../../src/engine/random';
import { Scheduler } from '../../src/engine/scheduler';
import { World } from '../../src/engine/world';
import { edit, scenarioOf } from '../fixtures/scenarios/variants';

const MIN = 60_000;
const START_BROKEN = edit(['tags: [example]', 'tags: [example]\ninitial: broken']);
// broken can only be left by reverting once the logs were read
const GATED = edit(['tags: [example]', 'tags: [example]\ninitial: broken'], ['on: { revert-config: recovered }', 'on: { revert-config: { to: recovered, requires: [web-logs] } }']);

interface Entered {
  phase: string;
  atMs: number;
  /** What currentPhase() said while the listener heard about the phase. */
  current: string;
  mitigatedAt?: number;
  resolvedAt?: number;
}

/** A world for the scenario text, on its own scheduler, recording what its listener hears (then calling `also`). */
function worldOf(text: string, also: (world: World, phase: string) => void = () => {}) {
  const scheduler = new Scheduler();
  const entered: Entered[] = [];
  const world: World = new World(scenarioOf(text), scheduler, createRng('1', 'noise'), createFaker('1', 'logs'), {
    phaseEntered: (phase) => {
      entered.push({ phase: phase.id, atMs: scheduler.now(), current: world.currentPhase().id, mitigatedAt: world.mitigatedAt, resolvedAt: world.resolvedAt });
      also(world, phase.id);
    },
    alertFired: () => {},
    alertCleared: () => {},
  });
  return { world, scheduler, entered };
}

describe('the phase', () => {
  it('is the initial phase before the world starts, then follows the machine\'s timers', () => {
    const { world, scheduler, entered } = worldOf(edit());
    expect(world.currentPhase().id).toBe('healthy');
    world.start();
    scheduler.advanceTo(2 * MIN - 1);
    expect(world.currentPhase().id).toBe('healthy');
    scheduler.advanceTo(2 * MIN);
    expect(world.currentPhase().id).toBe('broken');
    expect(entered.map((e) => [e.phase, e.atMs])).toEqual([['healthy', 0], ['broken', 2 * MIN]]);
    world.stop();
  });

  it('is read from the machine\'s snapshot', () => {
    const { world, scheduler } = worldOf(edit());
    const same = () => expect(world.currentPhase().id).toBe(world.machineSnapshot().value);
    same();
    world.start();
    same();
    scheduler.advanceTo(2 * MIN);
    expect(world.machineSnapshot().value).toBe('broken');
    same();
    expect(world.actionDone('revert-config')).toBe(true);
    expect(world.machineSnapshot().value).toBe('recovered');
    same();
    world.stop();
    expect(world.machineSnapshot().status).toBe('done');
    same();
  });

  it('is the phase entered already while the listener hears of it, with mitigatedAt and resolvedAt set', () => {
    const { world, scheduler, entered } = worldOf(START_BROKEN);
    world.start();
    scheduler.advanceTo(MIN);
    world.actionDone('revert-config');
    expect(entered).toEqual([
      { phase: 'broken', atMs: 0, current: 'broken', mitigatedAt: undefined, resolvedAt: undefined },
      { phase: 'recovered', atMs: MIN, current: 'recovered', mitigatedAt: MIN, resolvedAt: MIN },
    ]);
    world.stop();
  });

  it('starts a phase\'s log lines before its timers, so a line due when a timer fires is written first', () => {
    // broken logs every 10s, the first line after 5s; a 5s timer takes the world on to worse at the same instant
    const text = edit(['    on: { revert-config: recovered }', '    after: { 5s: worse }\n    on: { revert-config: recovered }'], ['  recovered:\n', '  worse:\n    on: { revert-config: recovered }\n  recovered:\n']);
    const { world, scheduler, entered } = worldOf(text);
    world.start();
    scheduler.advanceTo(2 * MIN + 5000);
    expect(entered.map((e) => [e.phase, e.atMs])).toEqual([['healthy', 0], ['broken', 2 * MIN], ['worse', 2 * MIN + 5000]]);
    expect(world.recentLogs('web', 10).map((l) => l.atMs)).toEqual([2 * MIN + 5000]);
    world.stop();
  });
});

describe('actionDone', () => {
  it('is true when the machine takes the action to another phase', () => {
    const { world, scheduler } = worldOf(START_BROKEN);
    world.start();
    scheduler.advanceTo(MIN);
    expect(world.actionDone('revert-config')).toBe(true);
    expect(world.currentPhase().id).toBe('recovered');
    expect(world.mitigatedAt).toBe(MIN);
  });

  it('is false for an action no edge of the phase names, and the phase stays', () => {
    const { world, scheduler } = worldOf(edit());
    world.start();
    expect(world.actionDone('revert-config')).toBe(false); // an edge of broken, not of healthy
    scheduler.advanceTo(2 * MIN);
    expect(world.actionDone('restart-web')).toBe(false);
    expect(world.actionDone('reboot-the-internet')).toBe(false);
    expect(world.actionDone('web-logs')).toBe(false); // a probe, not an action
    expect(world.currentPhase().id).toBe('broken');
    world.stop();
  });

  it('is false while a guard holds the edge back, and true once its requirement is done', () => {
    const { world, entered } = worldOf(GATED);
    world.start();
    expect(world.actionDone('revert-config')).toBe(false);
    expect(world.currentPhase().id).toBe('broken');
    world.probeDone('web-logs');
    expect(world.currentPhase().id).toBe('broken');
    expect(world.actionDone('revert-config')).toBe(true);
    expect(entered.map((e) => e.phase)).toEqual(['broken', 'recovered']);
  });

  it('is false for an edge back into the same phase', () => {
    const { world, entered } = worldOf(edit(['tags: [example]', 'tags: [example]\ninitial: broken'], ['on: { revert-config: recovered }', 'on: { revert-config: recovered, restart-web: broken }']));
    world.start();
    expect(world.actionDone('restart-web')).toBe(false);
    expect(world.currentPhase().id).toBe('broken');
    expect(entered.map((e) => e.phase)).toEqual(['broken']);
    world.stop();
  });

  it('is false in a final phase', () => {
    const { world } = worldOf(START_BROKEN);
    world.start();
    expect(world.actionDone('revert-config')).toBe(true);
    expect(world.machineSnapshot().status).toBe('done');
    expect(world.actionDone('revert-config')).toBe(false);
    expect(world.actionDone('restart-web')).toBe(false);
    expect(world.currentPhase().id).toBe('recovered');
  });

  it('is false once the world is stopped, and the phase stays where it was', () => {
    const { world } = worldOf(START_BROKEN);
    world.start();
    world.stop();
    expect(world.machineSnapshot().status).toBe('stopped');
    expect(world.actionDone('revert-config')).toBe(false);
    expect(world.currentPhase().id).toBe('broken');
  });

  it('is true when the listener stops the world on hearing of the new phase', () => {
    // broken -revert-config-> worse, a phase that is not final, so the actor stops only because the listener stops it
    const text = edit(['tags: [example]', 'tags: [example]\ninitial: broken'], ['    on: { revert-config: recovered }', '    on: { revert-config: worse }'], ['  recovered:\n', '  worse:\n    on: { revert-config: recovered }\n  recovered:\n']);
    const { world } = worldOf(text, (w, phase) => phase === 'worse' && w.stop());
    world.start();
    expect(world.actionDone('revert-config')).toBe(true);
    expect(world.machineSnapshot().status).toBe('stopped');
    expect(world.currentPhase().id).toBe('worse');
  });

  it('is false before the world starts: the machine keeps the event and takes it when started', () => {
    const { world, entered } = worldOf(START_BROKEN);
    expect(world.actionDone('revert-config')).toBe(false);
    expect(world.currentPhase().id).toBe('broken');
    expect(entered).toEqual([]);
    world.start();
    expect(world.currentPhase().id).toBe('recovered');
    expect(entered.map((e) => e.phase)).toEqual(['broken', 'recovered']);
  });
});
