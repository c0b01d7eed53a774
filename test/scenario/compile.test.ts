// The compiled XState machine, driven with the pure transition functions and a simulated clock.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, SimulatedClock, transition } from 'xstate';
import { compileScenario, delayName, type PhaseEmitted, type PhaseEvent } from '../../src/scenario/compile';
import { edit, scenarioOf, STARTER } from '../fixtures/scenarios/variants';

const machineOf = (text: string) => compileScenario(scenarioOf(text));
const done = (action: string): PhaseEvent => ({ type: 'action.done', action });
const probed = (probe: string): PhaseEvent => ({ type: 'probe.done', probe });

/** Runs events from the initial state with the pure functions; returns the last snapshot and its actions. */
function run(text: string, ...events: PhaseEvent[]) {
  const machine = machineOf(text);
  let [snapshot, actions] = initialTransition(machine);
  for (const e of events) [snapshot, actions] = transition(machine, snapshot, e);
  return { snapshot, actions };
}

/** The events emitted, from a list of executable actions (XState types them by the action's name, enterPhase). */
const emitted = (actions: readonly { type: string; params?: unknown }[]) =>
  actions.filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: PhaseEmitted }).event);

/** The phases entered, from a list of executable actions: each entry emits phase.entered. */
const entered = (actions: readonly { type: string; params?: unknown }[]) => emitted(actions).map((e) => e.phase);

/** The kinds of executable actions, in order. */
const kinds = (actions: readonly { type: string }[]) => actions.map((a) => a.type);

// broken can only be left by reverting once the logs were read
const REQUIRES_PROBE = edit(['on: { revert-config: recovered }', 'on: { revert-config: { to: recovered, requires: [web-logs] } }']);
const REQUIRES_ACTION = edit(['on: { revert-config: recovered }', 'on: { revert-config: { to: recovered, requires: [restart-web] } }']);
const START_BROKEN = edit(['tags: [example]', 'tags: [example]\ninitial: broken']);

describe('compileScenario', () => {
  it('names the machine after the scenario and starts in the first phase', () => {
    const machine = machineOf(STARTER);
    expect(machine.id).toBe('demo');
    const [snapshot] = initialTransition(machine);
    expect(snapshot.value).toBe('healthy');
    expect(snapshot.status).toBe('active');
    expect(snapshot.context).toEqual({ done: [] });
  });

  it('starts in the phase named by initial', () => {
    expect(run(START_BROKEN).snapshot.value).toBe('broken');
  });

  it('announces the first phase by emitting phase.entered with the phase, before setting its timers', () => {
    const { actions } = run(STARTER);
    expect(emitted(actions)).toEqual([{ type: 'phase.entered', phase: 'healthy' }]);
    // The world's reaction (its log timers) must be scheduled before the phase's own timers.
    expect(kinds(actions)).toEqual(['xstate.emit', 'xstate.raise']);
  });

  it('tells listeners of each phase entered, once the snapshot is in that phase', () => {
    const clock = new SimulatedClock();
    const actor = createActor(machineOf(START_BROKEN), { clock });
    const heard: [string, unknown][] = [];
    actor.on('phase.entered', (e) => heard.push([e.phase, actor.getSnapshot().value]));
    actor.start();
    actor.send(done('revert-config'));
    expect(heard).toEqual([['broken', 'broken'], ['recovered', 'recovered']]);
    actor.stop();
  });

  it('schedules the phase timer as a delayed event of the timer\'s length', () => {
    const { actions } = run(STARTER);
    const delayed = actions.find((a) => a.type === 'xstate.raise');
    expect(delayed?.params).toMatchObject({ delay: 120_000 });
  });

  it('moves along an on: edge when its action completes, entering the target', () => {
    const { snapshot, actions } = run(START_BROKEN, done('revert-config'));
    expect(snapshot.value).toBe('recovered');
    expect(entered(actions)).toEqual(['recovered']);
    expect(snapshot.context.done).toEqual(['revert-config']);
  });

  it('ends the machine in a final phase', () => {
    const { snapshot } = run(START_BROKEN, done('revert-config'));
    expect(snapshot.status).toBe('done');
  });

  it('treats a resolved phase with no way out as final, and a resolved phase with a timer as not final', () => {
    const resolvedOnly = edit(['tags: [example]', 'tags: [example]\ninitial: broken'], ['    resolved: true\n    final: true\n', '    resolved: true\n']);
    expect(run(resolvedOnly, done('revert-config')).snapshot.status).toBe('done');
    const resolvedWithTimer = edit(
      ['tags: [example]', 'tags: [example]\ninitial: broken'],
      ['    resolved: true\n    final: true\n', '    resolved: true\n    after: { 5m: healthy }\n'],
    );
    const { snapshot } = run(resolvedWithTimer, done('revert-config'));
    expect(snapshot.value).toBe('recovered');
    expect(snapshot.status).toBe('active');
  });

  it('stays put when an unrelated action completes, but remembers it', () => {
    const { snapshot, actions } = run(START_BROKEN, done('restart-web'));
    expect(snapshot.value).toBe('broken');
    expect(entered(actions)).toEqual([]);
    expect(snapshot.context.done).toEqual(['restart-web']);
  });

  it('ignores an action whose edge belongs to another phase', () => {
    const { snapshot } = run(STARTER, done('revert-config'));
    expect(snapshot.value).toBe('healthy');
  });

  it('ignores an action nobody declared', () => {
    expect(run(START_BROKEN, done('reboot-the-internet')).snapshot.value).toBe('broken');
  });

  describe('requires', () => {
    const startBroken = (text: string) => editStart(text);

    it('does not fire before the required probe is done', () => {
      const { snapshot } = run(startBroken(REQUIRES_PROBE), done('revert-config'));
      expect(snapshot.value).toBe('broken');
    });

    it('fires once the required probe is done (probe.done)', () => {
      const { snapshot } = run(startBroken(REQUIRES_PROBE), probed('web-logs'), done('revert-config'));
      expect(snapshot.value).toBe('recovered');
      expect(snapshot.context.done).toEqual(['web-logs', 'revert-config']);
    });

    it('fires after a premature attempt once the requirement is met', () => {
      const { snapshot } = run(startBroken(REQUIRES_PROBE), done('revert-config'), probed('web-logs'), done('revert-config'));
      expect(snapshot.value).toBe('recovered');
    });

    it('does not count a probe.done for the action itself, or for a different probe', () => {
      expect(run(startBroken(REQUIRES_PROBE), probed('revert-config'), done('revert-config')).snapshot.value).toBe('broken');
      expect(run(startBroken(REQUIRES_PROBE), probed('db-logs'), done('revert-config')).snapshot.value).toBe('broken');
    });

    it('fires once a required action is done (action.done)', () => {
      expect(run(startBroken(REQUIRES_ACTION), done('revert-config')).snapshot.value).toBe('broken');
      expect(run(startBroken(REQUIRES_ACTION), done('restart-web'), done('revert-config')).snapshot.value).toBe('recovered');
    });

    it('remembers steps done in earlier phases', () => {
      // the probe is read while still healthy, then the timer breaks things
      const clock = new SimulatedClock();
      const actor = createActor(machineOf(REQUIRES_PROBE), { clock });
      actor.start();
      actor.send(probed('web-logs'));
      expect(actor.getSnapshot().value).toBe('healthy');
      clock.increment(120_000);
      expect(actor.getSnapshot().value).toBe('broken');
      actor.send(done('revert-config'));
      expect(actor.getSnapshot().value).toBe('recovered');
      actor.stop();
    });
  });
});

/** The text with the drill starting in the broken phase. */
function editStart(text: string): string {
  return text.replace('tags: [example]', 'tags: [example]\ninitial: broken');
}

describe('timers on a simulated clock', () => {
  // healthy has two timers (2m: broken, 10m: recovered) and the shorter wins; broken -3m-> worse -1m30s-> recovered
  const CHAIN = edit(
    ['after: { 2m: broken }', 'after: { 2m: broken, 10m: recovered }'],
    ['    on: { revert-config: recovered }', '    after: { 3m: worse }\n    on: { revert-config: recovered }'],
    ['  recovered:\n', '  worse:\n    after: { 1m30s: recovered }\n    on: { revert-config: recovered }\n  recovered:\n'],
  );

  function start(text: string) {
    const clock = new SimulatedClock();
    const actor = createActor(machineOf(text), { clock });
    const phases: string[] = [];
    actor.subscribe((s) => {
      if (phases[phases.length - 1] !== s.value) phases.push(String(s.value));
    });
    actor.start();
    return { clock, actor, phases, phase: () => actor.getSnapshot().value };
  }

  it('names delays per phase and timer', () => {
    expect(delayName('healthy', 0)).toBe('healthy#0');
  });

  it('fires each timer exactly at its deadline, deadline by deadline', () => {
    const { clock, actor, phases, phase } = start(CHAIN);
    expect(phase()).toBe('healthy');
    clock.increment(119_999);
    expect(phase()).toBe('healthy');
    clock.increment(1); // T+2m: the 2m timer beats the 10m one
    expect(phase()).toBe('broken');
    clock.increment(179_999);
    expect(phase()).toBe('broken');
    clock.increment(1); // T+5m
    expect(phase()).toBe('worse');
    clock.increment(89_999);
    expect(phase()).toBe('worse');
    clock.increment(1); // T+6m30s
    expect(phase()).toBe('recovered');
    expect(actor.getSnapshot().status).toBe('done');
    expect(phases).toEqual(['healthy', 'broken', 'worse', 'recovered']);
    actor.stop();
  });

  it('cancels a phase\'s timers when an action leaves it first', () => {
    const { clock, actor, phases, phase } = start(CHAIN);
    clock.increment(120_000);
    expect(phase()).toBe('broken');
    clock.increment(60_000);
    actor.send(done('revert-config'));
    expect(phase()).toBe('recovered');
    clock.increment(60 * 60_000);
    expect(phases).toEqual(['healthy', 'broken', 'recovered']);
    actor.stop();
  });

  it('counts a phase\'s timers from when the phase is entered, not from the start of the drill', () => {
    const { clock, actor, phase } = start(CHAIN);
    clock.increment(120_000); // T+2m: broken is entered
    expect(phase()).toBe('broken');
    clock.increment(60_000); // T+3m: three minutes of drill, one in broken
    expect(phase()).toBe('broken');
    clock.increment(119_999);
    expect(phase()).toBe('broken');
    clock.increment(1); // T+5m: three minutes in broken
    expect(phase()).toBe('worse');
    actor.stop();
  });

  it('does not move on its own in a phase without timers', () => {
    const { clock, actor, phase } = start(START_BROKEN);
    clock.increment(24 * 3_600_000);
    expect(phase()).toBe('broken');
    actor.stop();
  });
});
