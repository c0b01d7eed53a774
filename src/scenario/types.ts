/** The scenario as the engine, scoring and tools use it: resolved, with times in milliseconds. */
import type { Expr } from './expression';
import type { DisplayUnit, UnitFamily } from './quantity';
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
  /** v2: the unit values are shown in (`unit:`, or a rate baseline's own unit); absent: the family's usual unit. */
  readonly unit?: DisplayUnit;
  /** v2: the short name shown for it on the metric panel and in probe readings (absent: its name). */
  readonly label?: string;
  /** v2: a count whose baseline is a whole number (customers, objects, connections) is shown as one: 16, not 16.3. */
  readonly whole?: boolean;
}

export interface Service {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly metrics: readonly Metric[];
  /** v2: the name customers know it by (`public:`), for status-page and customer updates. */
  readonly publicName?: string;
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
  /**
   * `set` puts the metric at `value`; `multiply` puts it at baseline × `value`. v2: `hold` keeps the value the metric
   * has on entry; `add` adds `value` to it, once (over `overMs`) or every `everyMs` while the phase lasts.
   */
  readonly kind: 'set' | 'multiply' | 'hold' | 'add';
  readonly value: number;
  readonly overMs: number;
  /** v2 `add` only: adds `value` every this long, steadily. */
  readonly everyMs?: number;
}

/** A v2 condition: its text as written and its parsed form. */
export interface Condition {
  readonly text: string;
  readonly expr: Expr;
}

/** A v2 scenario variable: a number (a count) or a flag, with its start value. */
export interface Variable {
  readonly name: string;
  readonly initial: number | boolean;
}

/** A value a variable can hold while a drill runs: an answer variable (answer.ID) holds the answer's text. */
export type VariableValue = number | boolean | string;

/** A v2 change to a variable: set it, or add to it (once, or every `everyMs` while a phase lasts). */
export type VariableChange =
  | { readonly name: string; readonly kind: 'set'; readonly value: number | boolean }
  | { readonly name: string; readonly kind: 'add'; readonly value: number; readonly everyMs?: number };

/** A v2 text chosen by case: the first whose condition holds (none: always). */
export interface TextCase {
  readonly if?: Condition;
  readonly text: string;
}

/** v2 extras on a transition: it happens only when `if` holds, and then only with probability `chance`. */
export interface EdgeTerms {
  readonly if?: Condition;
  readonly chance?: number;
}

/** v2: a drill-clock edge of a phase: at `atMs` from the drill start, if the world is in the phase, go to `to`. */
export interface ClockEdge extends EdgeTerms {
  readonly atMs: number;
  readonly to: string;
  readonly jitterMs?: number;
}

/** v2: a condition edge of a phase: when `when` becomes true while in the phase, go to `to`. */
export interface ConditionEdge {
  readonly when: Condition;
  readonly to: string;
  readonly chance?: number;
}

/** v2: what an inject's time counts from. */
export type InjectAnchor = { readonly kind: 'start' } | { readonly kind: 'phase'; readonly phase: string } | { readonly kind: 'mitigation' };

export interface LogGenerator {
  readonly service: string;
  readonly level: LogLevel;
  readonly everyMs: number;
  readonly text: string;
}

export interface TimerEdge extends EdgeTerms {
  readonly afterMs: number;
  readonly to: string;
  /** v2: the delay moves by a seeded amount in [-jitterMs, +jitterMs]. */
  readonly jitterMs?: number;
}

export interface ActionEdge extends EdgeTerms {
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
  /** v2: drill-clock edges. */
  readonly at?: readonly ClockEdge[];
  /** v2: condition edges, in the order written. */
  readonly when?: readonly ConditionEdge[];
  /** v2: variables set on entry. */
  readonly sets?: readonly VariableChange[];
  /** v2: what unmentioned metrics do (v1: baseline). */
  readonly others?: 'baseline' | 'hold';
  /** v2: a worse state than the incident had to reach; the scorecard shows time spent here. */
  readonly worse?: boolean;
}

/** v2: how an author judged a wrong action (scenario/judgement.ts has the defaults). */
export type JudgedKind = 'harmful' | 'red-herring';

export interface Action {
  readonly id: string;
  readonly service: string;
  readonly title: string;
  readonly takesMs: number;
  readonly major: boolean;
  readonly result?: string;
  readonly redHerring: boolean;
  /** v2: result texts by case (then `result` is absent). */
  readonly results?: readonly TextCase[];
  /** v2: variables set on completion. */
  readonly sets?: readonly VariableChange[];
  /** v2: the phases in which /run may start it. */
  readonly phases?: readonly string[];
  /** v2: what a refused /run says. */
  readonly unavailable?: string;
  /** v2: marked harmful or redHerring, with the points taking it costs (v1's redHerring is not scored). */
  readonly judged?: { readonly kind: JudgedKind; readonly weight: number; readonly why?: string };
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
  /** v2: what the probe shows, by case (then `reveals` is empty). */
  readonly cases?: readonly TextCase[];
}

export interface Inject {
  /** When it comes due: from the drill start, or (v2) from its anchor. */
  readonly atMs: number;
  readonly kind: InjectKind;
  readonly from: string;
  readonly text: string;
  readonly phase?: string;
  /** v2: what atMs counts from (absent: the drill start). */
  readonly anchor?: InjectAnchor;
  /** v2: it happens only in one of these phases (`phase` becomes a list of one). */
  readonly phases?: readonly string[];
  /** v2: it happens only if this holds when it comes due. */
  readonly if?: Condition;
  readonly sets?: readonly VariableChange[];
  readonly jitterMs?: number;
  /** v2: its name; a question with an id can be answered. */
  readonly id?: string;
  /** v2, questions: the answers /answer accepts (free text when absent) and the by-the-book one. */
  readonly answers?: readonly string[];
  readonly expected?: string;
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
  /** The format version of the file (absent: 1). v2 runs journal variables, skipped injects and answers. */
  readonly version?: 1 | 2;
  /** v2: the scenario's variables with their start values. */
  readonly variables?: readonly Variable[];
  /** v2: the story's time of day at drill start (`clock:`), in milliseconds after midnight. */
  readonly clockMs?: number;
  /** sha256 of the file's text, so a journal can tell which version it was made from. */
  readonly hash: string;
}
