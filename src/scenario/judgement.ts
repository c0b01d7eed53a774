/** Format v2's judged actions: what an author may mark harmful or a red herring, and what taking one costs by default. */
import type { Action, JudgedKind } from './types';

/** Points a judged action costs when its weight is not given: a red herring wastes time, a harmful action does damage. */
export const DEFAULT_WEIGHT: Readonly<Record<JudgedKind, number>> = { 'red-herring': 3, harmful: 8 };

/** The most points one judged action may cost (and, in scoring, all of them together). */
export const MAX_WEIGHT = 30;

/** The words the scorecard uses for each kind. */
export const JUDGED_KIND_TITLE: Readonly<Record<JudgedKind, string>> = { 'red-herring': 'red herring', harmful: 'harmful' };

/** Whether bots and lint should treat an action as a wrong move: a red herring (v1 and v2) or (v2) harmful. */
export function isWrongMove(a: Action): boolean {
  return a.redHerring || a.judged?.kind === 'harmful';
}
