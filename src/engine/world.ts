/** The simulated world: the phase machine, metrics, alerts and logs, all on the drill's scheduler. */
import { createActor, transition, type Actor, type SnapshotFrom } from 'xstate';
import type { Faker } from '@faker-js/faker';
import { compare } from '../scenario/condition';
import { compileScenario, type PhaseEvent, type PhaseMachine } from '../scenario/compile';
import { formatQuantity } from '../scenario/quantity';
import type { Alert, LogLevel, Phase, Probe, Scenario } from '../scenario/types';
import { fillTemplate } from './log-lines';
import { MetricBoard } from './metrics';
import type { Rng } from './random';
import type { Scheduler } from './scheduler';

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
}

export interface ProbeReading {
  readonly text: string;
  readonly metrics: readonly { ref: string; value: string }[];
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

  constructor(
    readonly scenario: Scenario,
    private readonly scheduler: Scheduler,
    noise: Rng,
    private readonly faker: Faker,
    private readonly listener: WorldListener,
  ) {
    this.metrics = new MetricBoard(scenario.services.flatMap((s) => s.metrics), noise);
    this.alerts = scenario.alerts.map((alert) => ({ alert, firing: false }));
    this.phases = new Map(scenario.phases.map((p) => [p.id, p]));
    this.machine = compileScenario(scenario);
    this.actor = createActor(this.machine, { clock: scheduler });
    // XState calls this once the snapshot has the new phase and before it sets the phase's timers, as the
    // world's own timers (logs) must come first for same-instant ties to run in the order they always have.
    this.actor.on('phase.entered', (e) => this.enter(e.phase));
  }

  /** Starts the phase machine and the tick loop. */
  start(): void {
    this.actor.start();
    this.tick();
  }

  /** Stops every timer the world holds. */
  stop(): void {
    this.actor.stop();
    this.scheduler.clearTimeout(this.tickTimer);
    for (const t of this.logTimers) this.scheduler.clearTimeout(t);
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
    const text = probe.reveals[this.currentPhase().id] ?? probe.reveals.default ?? 'Nothing unusual.';
    const metricByRef = new Map(this.metrics.metrics().map((m) => [m.ref, m]));
    const metrics = probe.shows.map((ref) => ({ ref, value: formatQuantity(this.metrics.value(ref), metricByRef.get(ref)?.family ?? 'count') }));
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
