/** Compiles a scenario's phase graph into an XState v5 machine: structure from YAML, behaviour from code. */
import { assign, emit, setup } from 'xstate';
import type { Scenario } from './types';

/** Events the phase machine understands: a remediation or a probe finished. */
export type PhaseEvent = { type: 'action.done'; action: string } | { type: 'probe.done'; probe: string };

/** What the phase machine tells its listeners (actor.on): a phase was entered. */
export type PhaseEmitted = { type: 'phase.entered'; phase: string };

export interface PhaseContext {
  /** Actions and probes completed so far, for transitions that require earlier steps. */
  readonly done: readonly string[];
}

/** The named delay for a phase's i-th timer. */
export const delayName = (phase: string, i: number): string => `${phase}#${i}`;

/** Builds the phase machine for a scenario. Scenario text only picks named guards, actions and delays. */
export function compileScenario(scenario: Scenario) {
  const delays: Record<string, number> = {};
  for (const p of scenario.phases) p.after.forEach((e, i) => (delays[delayName(p.id, i)] = e.afterMs));

  const machineSetup = setup({
    types: { context: {} as PhaseContext, events: {} as PhaseEvent, emitted: {} as PhaseEmitted },
    guards: {
      completes: ({ context, event }, params: { action: string; requires: readonly string[] }) =>
        event.type === 'action.done' && event.action === params.action && params.requires.every((r) => context.done.includes(r)),
    },
    actions: {
      // Emitted, not called: XState runs emitted events' handlers once it has committed the new snapshot, so a
      // listener reading the actor's phase sees the phase just entered. Without listeners it is data only.
      enterPhase: emit((_, params: { phase: string }): PhaseEmitted => ({ type: 'phase.entered', phase: params.phase })),
      recordDone: assign({
        done: ({ context, event }) => [...context.done, event.type === 'action.done' ? event.action : event.probe],
      }),
    },
    delays,
  });

  // A phase is one state node as setup() types it, so XState checks each field below. Phases have no nested
  // states; leaving `states` out of the type is what lets XState type the snapshot's value as a phase id.
  type PhaseState = Omit<Parameters<typeof machineSetup.createStateConfig>[0], 'states'>;
  const states: Record<string, PhaseState> = {};
  for (const p of scenario.phases) {
    const isFinal = p.final || (p.resolved && !p.after.length && !p.on.length);
    states[p.id] = {
      entry: [{ type: 'enterPhase', params: { phase: p.id } }],
      ...(isFinal ? { type: 'final' } : {}),
      ...(p.after.length ? { after: Object.fromEntries(p.after.map((e, i) => [delayName(p.id, i), { target: e.to }])) } : {}),
      ...(p.on.length
        ? {
            on: {
              'action.done': p.on.map((e) => ({
                guard: { type: 'completes', params: { action: e.action, requires: e.requires } },
                target: e.to,
                actions: 'recordDone',
              })),
            },
          }
        : {}),
    };
  }
  return machineSetup.createMachine({
    id: scenario.id,
    initial: scenario.initial,
    context: { done: [] },
    on: { 'action.done': { actions: 'recordDone' }, 'probe.done': { actions: 'recordDone' } },
    states,
  });
}

/** The machine type compileScenario returns. */
export type PhaseMachine = ReturnType<typeof compileScenario>;
