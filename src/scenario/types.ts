/** The scenario as the engine, scoring and tools use it: resolved, with times in milliseconds. */
import type { UnitFamily } from './quantity';
import type { InjectKind, Severity, StaffRole, TargetKey } from './schema';

export type { InjectKind, Severity, StaffRole, TargetKey } from './schema';
export type Difficulty = 'intro' | 'medium' | 'hard';
export type ComparisonOp = '>' | '>=' | '<' | '<=';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Metric {
  /** `service.metric`. */
  readonly ref: string;
  readonly service: string;
  readonly name: string;
  readonly title?: string;
  readonly baseline: number;
  readonly noise: number;
  readonly family: UnitFamily;
}

export interface Service {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly metrics: readonly Metric[];
}

export interface Team {
  readonly id: string;
  readonly title: string;
}

export interface Alert {
  readonly id: string;
  readonly title: string;
  readonly metric: string;
  readonly op: ComparisonOp;
  readonly threshold: number;
  readonly forMs: number;
  readonly pages: string;
  readonly urgency: 'high' | 'low';
  readonly runbook?: string;
}

export interface Effect {
  readonly metric: string;
  /** `set` puts the metric at `value`; `multiply` puts it at baseline × `value`. */
  readonly kind: 'set' | 'multiply';
  readonly value: number;
  readonly overMs: number;
}

export interface LogGenerator {
  readonly service: string;
  readonly level: LogLevel;
  readonly everyMs: number;
  readonly text: string;
}

export interface TimerEdge {
  readonly afterMs: number;
  readonly to: string;
}

export interface ActionEdge {
  readonly action: string;
  readonly to: string;
  readonly requires: readonly string[];
}

export interface Phase {
  readonly id: string;
  readonly description?: string;
  readonly impact?: string;
  readonly after: readonly TimerEdge[];
  readonly on: readonly ActionEdge[];
  readonly effects: readonly Effect[];
  /** How long metrics take to move to this phase's values, including those drifting back to baseline. */
  readonly rampMs: number;
  readonly logs: readonly LogGenerator[];
  readonly mitigated: boolean;
  readonly resolved: boolean;
  readonly final: boolean;
}

export interface Action {
  readonly id: string;
  readonly service: string;
  readonly title: string;
  readonly takesMs: number;
  readonly major: boolean;
  readonly result?: string;
  readonly redHerring: boolean;
}

export interface Probe {
  readonly id: string;
  readonly service: string;
  readonly title: string;
  readonly takesMs: number;
  /** Text per phase id; `default` covers the rest. */
  readonly reveals: Readonly<Record<string, string>>;
  readonly shows: readonly string[];
  readonly logs: boolean;
  readonly clue: boolean;
  readonly redHerring: boolean;
}

export interface Inject {
  readonly atMs: number;
  readonly kind: InjectKind;
  readonly from: string;
  readonly text: string;
  readonly phase?: string;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly summary?: string;
  readonly difficulty: Difficulty;
  readonly tags: readonly string[];
  readonly durationMs: number;
  readonly roles: readonly StaffRole[];
  readonly expects: {
    readonly severity: Severity;
    readonly targets: Readonly<Partial<Record<TargetKey, number>>>;
    readonly statusEveryMs?: number;
    readonly externalEveryMs?: number;
  };
  readonly teams: readonly Team[];
  readonly services: readonly Service[];
  readonly alerts: readonly Alert[];
  readonly initial: string;
  readonly phases: readonly Phase[];
  readonly actions: readonly Action[];
  readonly probes: readonly Probe[];
  readonly injects: readonly Inject[];
  readonly solution: {
    readonly rootCause: string;
    readonly path: readonly string[];
    readonly mitigation?: string;
    readonly notes?: string;
  };
  readonly debrief: readonly string[];
  /** sha256 of the file's text, so a journal can tell which version it was made from. */
  readonly hash: string;
}
