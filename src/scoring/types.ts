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
