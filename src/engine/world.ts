/** The simulated world: the phase machine, metrics, alerts and logs, all on the drill's scheduler. */
import { createActor, transition, type Actor, type SnapshotFrom } from 'xstate';
import type { Faker } from '@faker-js/faker';
import { compare } from '../scenario/condition';
import { compileScenario, edgeKey, type PhaseEvent, type PhaseMachine } from '../scenario/compile';
import { evaluate, type ConditionScope } from '../scenario/expression-eval';
import { formatValue } from '../scenario/quantity';
import type { Action, Alert, Condition, EdgeTerms, LogLevel, Phase, Probe, Scenario, TextCase, VariableChange, VariableValue } from '../scenario/types';
import { fillTemplate } from './log-lines';
import { MetricBoard } from './metrics';
import type { Rng } from './random';
import type { Scheduler } from './scheduler';
import type { Jitters } from './variation';

/** How often metrics are sampled, alerts evaluated and logs written, in drill time. */
export const TICK_MS = 5000;
const LOG_KEEP = 200;

export interface LogLine {
  readonly atMs: number;
  readonly service: string;
  readonly level: LogLevel;
  readonly text: string;
}

/** A log line as the world keeps it: its text is written when someone first reads it (see enter). */
interface KeptLine {
  readonly atMs: number;
  readonly service: string;
  readonly level: LogLevel;
  text: string;
}

export interface AlertState {
  readonly alert: Alert;
  /** Since when the condition has held, or undefined. */
  since?: number;
  firing: boolean;
  firedAt?: number;
}

/** What the world tells the session about. */
export interface WorldListener {
  phaseEntered(phase: Phase): void;
  alertFired(state: AlertState, value: number): void;
  alertCleared(state: AlertState): void;
  /** v2: a scenario variable changed (`by` says what changed it). */
  variableSet?(name: string, value: VariableValue, by: string): void;
}

/** What a v2 world draws on: the variation stream (chance) and the jitters drawn from it at the start. */
export interface WorldVariation {
  readonly rng: Rng;
  readonly jitters: Jitters;
}

export interface ProbeReading {
  readonly text: string;
  /** Each metric shown, its value as displayed; `label` is a v2 metric's display name when it has one. */
  readonly metrics: readonly { ref: string; value: string; label?: string }[];
  readonly logs: readonly LogLine[];
}

/** The world of one drill. */
export class World {
  readonly metrics: MetricBoard;
  readonly alerts: AlertState[];
  private readonly logs = new Map<string, KeptLine[]>();
  /** Lines whose text is not written yet, in the order they were logged, with their templates. */
  private unwritten: { line: KeptLine; template: string }[] = [];
  private readonly machine: PhaseMachine;
  private readonly actor: Actor<PhaseMachine>;
  private readonly phases: Map<string, Phase>;
  private logTimers: unknown[] = [];
  private tickTimer: unknown;
  /** The drill times at which the world entered a mitigated / resolved phase, if it has. */
  mitigatedAt?: number;
  resolvedAt?: number;
  /** v2: the scenario variables (answer.ID holds a question's answer). */
  private readonly vars = new Map<string, VariableValue>();
  /** v2: the terms (if, chance) of edges that have them, by edge key. */
  private readonly terms = new Map<string, EdgeTerms>();
  /** v2: each event's chance rolls, so asking the machine twice (a dry run, then the send) draws once. */
  private readonly rolls = new WeakMap<object, Map<string, boolean>>();
  /** v2: condition edges that may fire (their condition was false since, or the phase was just entered). */
  private readonly armed = new Set<string>();
  private setTimers: unknown[] = [];
  private clockTimers: unknown[] = [];

  constructor(
    readonly scenario: Scenario,
    private readonly scheduler: Scheduler,
    noise: Rng,
    private readonly faker: Faker,
    private readonly listener: WorldListener,
    private readonly variation?: WorldVariation,
  ) {
    this.metrics = new MetricBoard(scenario.services.flatMap((s) => s.metrics), noise);
    this.alerts = scenario.alerts.map((alert) => ({ alert, firing: false }));
    this.phases = new Map(scenario.phases.map((p) => [p.id, p]));
    for (const v of scenario.variables ?? []) this.vars.set(v.name, v.initial);
    for (const p of scenario.phases) {
      p.after.forEach((e, i) => this.terms.set(edgeKey(p.id, 'after', i), e));
      p.on.forEach((e) => this.terms.set(edgeKey(p.id, 'on', e.action), e));
      (p.at ?? []).forEach((e, i) => this.terms.set(edgeKey(p.id, 'at', i), e));
      (p.when ?? []).forEach((e, i) => this.terms.set(edgeKey(p.id, 'when', i), { ...(e.chance !== undefined ? { chance: e.chance } : {}) }));
    }
    this.machine = scenario.version === 2
      ? compileScenario(scenario, { delays: variation?.jitters.delays ?? {}, edge: (key, event) => this.edgeAllowed(key, event) })
      : compileScenario(scenario);
    this.actor = createActor(this.machine, { clock: scheduler });
    // XState calls this once the snapshot has the new phase and before it sets the phase's timers, as the
    // world's own timers (logs) must come first for same-instant ties to run in the order they always have.
    this.actor.on('phase.entered', (e) => this.enter(e.phase));
  }

  /** Starts the phase machine and the tick loop (and, v2, the drill-clock edges). */
  start(): void {
    this.actor.start();
    this.tick();
    for (const p of this.scenario.phases) {
      (p.at ?? []).forEach((e, i) => {
        const key = edgeKey(p.id, 'at', i);
        const at = this.variation?.jitters.clock[key] ?? e.atMs;
        this.clockTimers.push(this.scheduler.setTimeout(() => this.send({ type: 'world.at', key }), at - this.scheduler.now()));
      });
    }
  }

  /** Stops every timer the world holds. */
  stop(): void {
    this.actor.stop();
    this.scheduler.clearTimeout(this.tickTimer);
    for (const t of this.logTimers) this.scheduler.clearTimeout(t);
    for (const t of [...this.setTimers, ...this.clockTimers]) this.scheduler.clearTimeout(t);
  }

  private send(event: PhaseEvent): void {
    if (this.actor.getSnapshot().status === 'active') this.actor.send(event);
  }

  /** v2: whether an edge with terms may be taken for this event: its condition holds and, if it has a chance, the roll says so. */
  private edgeAllowed(key: string, event: PhaseEvent): boolean {
    const t = this.terms.get(key);
    if (t?.if && !this.holds(t.if)) return false;
    if (t?.chance === undefined || t.chance >= 1) return true;
    let rolls = this.rolls.get(event);
    if (!rolls) this.rolls.set(event, (rolls = new Map()));
    let hit = rolls.get(key);
    if (hit === undefined) rolls.set(key, (hit = (this.variation?.rng.next() ?? 0) < t.chance));
    return hit;
  }

  /** What a condition reads: the phase, the variables, the answers, the metrics as last sampled. */
  private scope(): ConditionScope {
    return {
      phase: () => this.currentPhase().id,
      variable: (name) => this.vars.get(name),
      answer: (q) => {
        const v = this.vars.get(`answer.${q}`);
        return typeof v === 'string' ? v : undefined;
      },
      metric: (ref) => this.metrics.value(ref),
    };
  }

  /** v2: whether a condition holds now. */
  holds(c: Condition): boolean {
    return evaluate(c.expr, this.scope());
  }

  /** v2: the first case whose condition holds now (a case without one always does), or undefined. */
  pick(cases: readonly TextCase[] | undefined): string | undefined {
    return cases?.find((c) => !c.if || this.holds(c.if))?.text;
  }

  /** v2: every variable's value now, in the scenario's order, then answers. */
  variables(): ReadonlyMap<string, VariableValue> {
    return this.vars;
  }

  /** v2: sets a variable and tells the session. */
  setVariable(name: string, value: VariableValue, by: string): void {
    this.vars.set(name, value);
    this.listener.variableSet?.(name, value, by);
  }

  /** v2: applies changes to variables (an add of a flag or an answer is ignored: the reference layer refuses them). */
  applySets(changes: readonly VariableChange[] | undefined, by: string): void {
    for (const c of changes ?? []) {
      if (c.kind === 'set') this.setVariable(c.name, c.value, by);
      else if (c.everyMs === undefined) this.add(c.name, c.value, by);
    }
  }

  private add(name: string, value: number, by: string): void {
    const now = this.vars.get(name);
    this.setVariable(name, (typeof now === 'number' ? now : 0) + value, by);
  }

  /** v2: what an action's result says, by its cases, as the world is now (before the action's own changes). */
  resultOf(action: Action): string | undefined {
    return this.pick(action.results);
  }

  /** The phase the world is in (ground truth, for the facilitator and scoring only). */
  currentPhase(): Phase {
    const id = this.actor.getSnapshot().value;
    const phase = this.phases.get(id);
    // The machine's states are the scenario's phases, so only a bug in compileScenario can get here.
    if (!phase) throw new Error(`the phase machine is in "${id}", which is not a phase of ${this.scenario.id}`);
    return phase;
  }

  /** The phase machine's snapshot, which the phase is read from (read-only; for tests and tools). */
  machineSnapshot(): SnapshotFrom<PhaseMachine> {
    return this.actor.getSnapshot();
  }

  private enter(id: string): void {
    const phase = this.phases.get(id);
    if (!phase) return;
    const t = this.scheduler.now();
    this.metrics.enterPhase(phase, t);
    if (phase.mitigated && this.mitigatedAt === undefined) this.mitigatedAt = t;
    if (phase.resolved && this.resolvedAt === undefined) this.resolvedAt = t;
    for (const timer of this.logTimers) this.scheduler.clearTimeout(timer);
    // Most lines are never read (only probes read logs), and filling a template is most of the engine's work, so
    // a line's text waits for a read. Every waiting line is then filled in logging order, so the seeded Faker
    // gives each line exactly the text it would have had if filled at once.
    this.logTimers = phase.logs.map((gen, idx) => {
      const emit = (): void => {
        const line: KeptLine = { atMs: this.scheduler.now(), service: gen.service, level: gen.level, text: '' };
        this.unwritten.push({ line, template: gen.text });
        this.addLog(line);
        this.logTimers[idx] = this.scheduler.setTimeout(emit, gen.everyMs);
      };
      return this.scheduler.setTimeout(emit, Math.min(gen.everyMs, TICK_MS));
    });
    this.listener.phaseEntered(phase);
    if (this.scenario.version === 2) this.enterV2(phase);
  }

  /** v2 on entering a phase: its variable changes (steady ones on timers of their own) and its condition edges armed. */
  private enterV2(phase: Phase): void {
    for (const t of this.setTimers) this.scheduler.clearTimeout(t);
    this.setTimers = [];
    this.armed.clear();
    (phase.when ?? []).forEach((_, i) => this.armed.add(edgeKey(phase.id, 'when', i)));
    const by = `phase:${phase.id}`;
    this.applySets(phase.sets, by);
    for (const c of phase.sets ?? []) {
      if (c.kind !== 'add' || c.everyMs === undefined) continue;
      const every = c.everyMs;
      // Each steady add keeps one slot: the timer that runs next (the list does not grow over a long phase).
      const slot = this.setTimers.length;
      const again = (): void => {
        this.add(c.name, c.value, by);
        this.setTimers[slot] = this.scheduler.setTimeout(again, every);
      };
      this.setTimers[slot] = this.scheduler.setTimeout(again, every);
    }
  }

  /** v2, each tick: a condition edge of the phase fires when its condition has become true (once, until it is false again). */
  private checkConditions(): void {
    const phase = this.currentPhase();
    const edges = phase.when ?? [];
    for (const [i, e] of edges.entries()) {
      const key = edgeKey(phase.id, 'when', i);
      if (!this.holds(e.when)) {
        this.armed.add(key);
        continue;
      }
      if (!this.armed.delete(key)) continue;
      this.send({ type: 'world.when', key });
      if (this.currentPhase() !== phase) return;
    }
  }

  private addLog(line: KeptLine): void {
    const list = this.logs.get(line.service) ?? [];
    list.push(line);
    if (list.length > LOG_KEEP) list.shift();
    this.logs.set(line.service, list);
  }

  private tick(): void {
    const t = this.scheduler.now();
    this.metrics.sample(t);
    for (const a of this.alerts) {
      const value = this.metrics.value(a.alert.metric);
      if (compare(value, a.alert.op, a.alert.threshold)) {
        a.since ??= t;
        if (!a.firing && t - a.since >= a.alert.forMs) {
          a.firing = true;
          a.firedAt = t;
          this.listener.alertFired(a, value);
        }
      } else {
        a.since = undefined;
        if (a.firing) {
          a.firing = false;
          this.listener.alertCleared(a);
        }
      }
    }
    if (this.scenario.version === 2 && this.actor.getSnapshot().status === 'active') this.checkConditions();
    this.tickTimer = this.scheduler.setTimeout(() => this.tick(), TICK_MS);
  }

  /** A remediation completed: the phase machine decides whether the world changes. */
  actionDone(action: string): boolean {
    const current = this.actor.getSnapshot();
    if (current.status !== 'active') return false;
    const event: PhaseEvent = { type: 'action.done', action };
    // Asked of the machine before sending, without side effects: sending runs the world's reactions to the
    // new phase, and the answer should not depend on what they do.
    const [next] = transition(this.machine, current, event);
    this.actor.send(event);
    // An actor that is not started keeps the event for later and its snapshot stays the same object: no change yet.
    return next.value !== current.value && this.actor.getSnapshot() !== current;
  }

  /** A diagnostic completed; recorded because some transitions require it. */
  probeDone(probe: string): void {
    if (this.actor.getSnapshot().status !== 'active') return;
    this.actor.send({ type: 'probe.done', probe });
  }

  /** What a probe shows right now. */
  read(probe: Probe): ProbeReading {
    const text = (probe.cases ? this.pick(probe.cases) : probe.reveals[this.currentPhase().id] ?? probe.reveals.default) ?? 'Nothing unusual.';
    const metricByRef = new Map(this.metrics.metrics().map((m) => [m.ref, m]));
    const metrics = probe.shows.map((ref) => {
      const m = metricByRef.get(ref);
      return { ref, value: formatValue(this.metrics.value(ref), m?.family ?? 'count', m?.unit, m?.whole), ...(m?.label !== undefined ? { label: m.label } : {}) };
    });
    const logs = probe.logs ? this.recentLogs(probe.service, 8) : [];
    return { text, metrics, logs };
  }

  /** The last n log lines of a service. */
  recentLogs(service: string, n: number): LogLine[] {
    for (const { line, template } of this.unwritten) line.text = fillTemplate(template, this.faker, line.service);
    this.unwritten = [];
    return (this.logs.get(service) ?? []).slice(-n);
  }
}
