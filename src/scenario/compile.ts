/** Compiles a scenario's phase graph into an XState v5 machine: structure from YAML, behaviour from code. */
import { assign, emit, setup } from 'xstate';
import type { Scenario } from './types';

/**
 * Events the phase machine understands: a remediation or a probe finished; (v2) a drill-clock edge's time came, or a
 * condition edge's condition became true (the world sends these with the edge's key).
 */
export type PhaseEvent =
  | { type: 'action.done'; action: string } | { type: 'probe.done'; probe: string }
  | { type: 'world.at'; key: string } | { type: 'world.when'; key: string };

/** What the phase machine tells its listeners (actor.on): a phase was entered. */
export type PhaseEmitted = { type: 'phase.entered'; phase: string };

export interface PhaseContext {
  /** Actions and probes completed so far, for transitions that require earlier steps. */
  readonly done: readonly string[];
}

/** The named delay for a phase's i-th timer. */
export const delayName = (phase: string, i: number): string => `${phase}#${i}`;

/** The key of a v2 edge: which phase, which kind of edge, which one. */
export const edgeKey = (phase: string, kind: 'after' | 'on' | 'at' | 'when', which: string | number): string => `${phase}#${kind}#${which}`;

/** What a v2 machine asks the world: its timers' seeded delays, and whether an edge with terms (if, chance) may be taken now. */
export interface CompileOptions {
  /** Delays by delayName, replacing the written ones (jittered timers). */
  readonly delays?: Readonly<Record<string, number>>;
  /** Whether edge `key` may be taken for `event`; asked only for edges with v2 terms, and for every clock and condition edge. */
  readonly edge?: (key: string, event: PhaseEvent) => boolean;
}

/** Builds the phase machine for a scenario. Scenario text only picks named guards, actions and delays. */
export function compileScenario(scenario: Scenario, options: CompileOptions = {}) {
  const delays: Record<string, number> = {};
  for (const p of scenario.phases) p.after.forEach((e, i) => (delays[delayName(p.id, i)] = options.delays?.[delayName(p.id, i)] ?? e.afterMs));
  const allowed = options.edge ?? (() => true);

  const machineSetup = setup({
    types: { context: {} as PhaseContext, events: {} as PhaseEvent, emitted: {} as PhaseEmitted },
    guards: {
      completes: ({ context, event }, params: { action: string; requires: readonly string[] }) =>
        event.type === 'action.done' && event.action === params.action && params.requires.every((r) => context.done.includes(r)),
      // v2: an action edge with terms, a timer with terms, a clock edge or a condition edge; the world decides.
      edge: ({ context, event }, params: { key: string; action?: string; requires?: readonly string[] }) => {
        if (params.action !== undefined && (event.type !== 'action.done' || event.action !== params.action || !(params.requires ?? []).every((r) => context.done.includes(r)))) return false;
        if ((event.type === 'world.at' || event.type === 'world.when') && event.key !== params.key) return false;
        return allowed(params.key, event);
      },
    },
    actions: {
      // Emitted, not called: XState runs emitted events' handlers once it has committed the new snapshot, so a
      // listener reading the actor's phase sees the phase just entered. Without listeners it is data only.
      enterPhase: emit((_, params: { phase: string }): PhaseEmitted => ({ type: 'phase.entered', phase: params.phase })),
      recordDone: assign({
        done: ({ context, event }) => (event.type === 'action.done' ? [...context.done, event.action] : event.type === 'probe.done' ? [...context.done, event.probe] : context.done),
      }),
    },
    delays,
  });

  // A phase is one state node as setup() types it, so XState checks each field below. Phases have no nested
  // states; leaving `states` out of the type is what lets XState type the snapshot's value as a phase id.
  type PhaseState = Omit<Parameters<typeof machineSetup.createStateConfig>[0], 'states'>;
  const states: Record<string, PhaseState> = {};
  for (const p of scenario.phases) {
    const at = p.at ?? [];
    const when = p.when ?? [];
    const isFinal = p.final || (p.resolved && !p.after.length && !p.on.length && !at.length && !when.length);
    const hasTerms = (e: { if?: unknown; chance?: number }) => e.if !== undefined || e.chance !== undefined;
    const on = {
      ...(p.on.length
        ? {
            'action.done': p.on.map((e) => ({
              guard: hasTerms(e)
                ? { type: 'edge' as const, params: { key: edgeKey(p.id, 'on', e.action), action: e.action, requires: e.requires } }
                : { type: 'completes' as const, params: { action: e.action, requires: e.requires } },
              target: e.to,
              actions: 'recordDone' as const,
            })),
          }
        : {}),
      ...(at.length ? { 'world.at': at.map((e, i) => ({ guard: { type: 'edge' as const, params: { key: edgeKey(p.id, 'at', i) } }, target: e.to })) } : {}),
      ...(when.length ? { 'world.when': when.map((e, i) => ({ guard: { type: 'edge' as const, params: { key: edgeKey(p.id, 'when', i) } }, target: e.to })) } : {}),
    };
    states[p.id] = {
      entry: [{ type: 'enterPhase', params: { phase: p.id } }],
      ...(isFinal ? { type: 'final' } : {}),
      ...(p.after.length
        ? {
            after: Object.fromEntries(p.after.map((e, i) => [delayName(p.id, i), hasTerms(e)
              ? { target: e.to, guard: { type: 'edge' as const, params: { key: edgeKey(p.id, 'after', i) } } }
              : { target: e.to }])),
          }
        : {}),
      ...(Object.keys(on).length ? { on } : {}),
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
