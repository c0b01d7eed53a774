/** The shape of a discipline rule: what it checks, whom it concerns, where the process says so. */
import type { JournalEvent, JournalHeader } from '../engine/journal';
import type { Role } from '../engine/roles';
import type { Scenario } from '../scenario/types';
import type { JournalIndex } from './journal-index';
import type { Violation } from './types';

export interface ScoringContext {
  readonly scenario: Scenario;
  readonly header: JournalHeader;
  readonly ix: JournalIndex;
}

export interface RuleCheck {
  readonly violations: Violation[];
  /** Things the process advises against that cannot be judged fairly from what was typed: shown, never scored. */
  readonly advisories?: Violation[];
  /** Share of the weight lost (0..1); by default half per violation, capped at all of it. */
  readonly penalty?: number;
}

export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly role: Role | 'all';
  readonly severity: 'high' | 'medium' | 'low';
  /** The PagerDuty incident-response page (repo path) the rule comes from. */
  readonly source: string;
  /** Returns why the rule cannot apply to this drill, or undefined when it does. */
  notApplicable?(ctx: ScoringContext): string | undefined;
  check(ctx: ScoringContext): RuleCheck;
}

/** A violation pointing at the journal event that shows it. */
export function violation(e: JournalEvent, note: string, actor = e.actor): Violation {
  return { atMs: e.atMs, actor, evidence: { seq: e.seq, type: e.type, note } };
}

/** Weight of a rule by severity. */
export const WEIGHT = { high: 3, medium: 2, low: 1 } as const;
