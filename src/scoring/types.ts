/** The scorecard: the contract keys of scorecard.json (../shared/design/architecture.md) and their parts. */
import type { Role } from '../engine/roles';
import type { Outcome } from '../engine/session';

/** A timing against its target; null in the scorecard when the thing never happened. */
export interface MetricResult {
  readonly ms: number;
  readonly targetMs: number;
  readonly met: boolean;
}

export const METRIC_KEYS = [
  'timeToAcknowledge', 'timeToTrigger', 'timeToCommand', 'timeToAssemble', 'timeToSeverity',
  'timeToFirstStatus', 'statusUpdateMaxGap', 'timeToMitigate', 'timeToResolve',
  'timeToFirstExternal', 'externalUpdateMaxGap',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface Violation {
  readonly atMs: number;
  readonly actor: string;
  /** The journal event that shows it, and a sentence saying what went wrong. */
  readonly evidence: { readonly seq: number; readonly type: string; readonly note: string };
}

export type RuleStatus = 'passed' | 'violated' | 'not-applicable';

export interface RuleResult {
  readonly id: string;
  readonly title: string;
  readonly role: Role | 'all';
  /** How much the rule matters: high rules weigh 3, medium 2, low 1. */
  readonly severity: 'high' | 'medium' | 'low';
  readonly weight: number;
  /** The PagerDuty incident-response page the rule comes from. */
  readonly source: string;
  readonly status: RuleStatus;
  /** Why a rule did not apply. */
  readonly reason?: string;
  /** Share of the rule's weight lost, 0..1. */
  readonly penalty: number;
  readonly violations: readonly Violation[];
  /** Advice that is shown but not scored (the scorecard says so). */
  readonly advisories?: readonly Violation[];
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface ParticipantResult {
  readonly name: string;
  /** The seat they came to play; absent in scorecards written before it was recorded. */
  readonly seat?: Role;
  readonly roles: readonly Role[];
  readonly kind: 'human' | 'bot';
  /** Their own score: 100 less what their own violations cost; null when the drill was not scored. */
  readonly score: number | null;
  readonly grade: Grade | null;
  readonly violations: readonly { readonly rule: string; readonly atMs: number; readonly note: string }[];
  readonly strengths: readonly string[];
}

export interface TimelineEntry {
  readonly atMs: number;
  readonly actor: string;
  readonly role: string;
  readonly kind: string;
  readonly text: string;
}

/** v2: a harmful or red-herring action someone took (started), and what it cost. */
export interface JudgedAction {
  readonly action: string;
  readonly title: string;
  readonly kind: 'harmful' | 'red-herring';
  /** When it was started (drill time). */
  readonly atMs: number;
  /** Who ran it, as journalled, and whether a person or a bot. */
  readonly actor: string;
  readonly actorKind: 'human' | 'bot';
  /** Whoever asked for it: the one who assigned the task it ran under, else who made the decision naming it; null when nobody did. */
  readonly orderedBy: string | null;
  /** Whether it finished before the drill ended. */
  readonly completed: boolean;
  /** The phase its completion moved the world to, if it moved it. */
  readonly led: string | null;
  /** Points it cost the team score (its weight, unless the cap on judgement was reached). */
  readonly points: number;
  /** The author's reason it is wrong. */
  readonly why?: string;
  /** The journal event (action.start) that shows it. */
  readonly seq: number;
}

/** v2: one stay of the world in a worse phase: marked worse by the author, or reached because of a judged action. */
export interface WorsePhaseStay {
  readonly phase: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly ms: number;
  /** The judged action that put the world there, and who ran it; both null when the world got there otherwise. */
  readonly action: string | null;
  readonly actor: string | null;
}

/** v2 scorecards only: wrong moves, kept apart from role discipline. */
export interface Judgement {
  readonly actions: readonly JudgedAction[];
  /** Points lost to them, at most the cap. */
  readonly points: number;
  readonly worsePhases: readonly WorsePhaseStay[];
  /** Time in worse phases, all told (shown, not scored: it already costs through time to mitigate). */
  readonly worseMs: number;
}

export interface Deduction {
  readonly what: string;
  readonly points: number;
}

export interface Scorecard {
  readonly scenario: { readonly id: string; readonly title: string; readonly hash: string };
  readonly seed: string;
  readonly version: string;
  readonly outcome: Outcome;
  /** The team's score; null when the drill ended before there was a response to judge (see notScored). */
  readonly score: number | null;
  readonly grade: Grade | null;
  /** Why the drill was not scored, when it was not. */
  readonly notScored?: string;
  readonly metrics: Readonly<Record<MetricKey, MetricResult | null>>;
  readonly rules: readonly RuleResult[];
  /** v2 scenarios only (absent from a v1 scenario's scorecard): harmful and red-herring actions taken, and time in worse phases. */
  readonly judgement?: Judgement;
  readonly participants: readonly ParticipantResult[];
  readonly scribe: { readonly coverage: number | null; readonly noted: number; readonly total: number; readonly missed: readonly TimelineEntry[] };
  readonly timeline: readonly TimelineEntry[];
  /** Where the points went: one line per metric or rule that cost points. */
  readonly deductions: readonly Deduction[];
  readonly drill: {
    readonly durationMs: number;
    readonly endedAtMs: number;
    /** Metrics that do not apply to this drill (their value is null for that reason, not because it never happened). */
    readonly metricsNotApplicable: readonly MetricKey[];
    readonly severityMinutes: Readonly<Record<string, number>>;
    /** The severity the scenario's impact calls for (expects.severity). */
    readonly expectedSeverity?: string;
    readonly rootCause: string;
    readonly postmortemOwner: string | null;
    /** When the postmortem is due, as the IC said it. */
    readonly postmortemDue?: string | null;
    readonly todos: readonly string[];
  };
}
