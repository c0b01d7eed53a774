/** The letter grade for a score, shared by the team's score and each participant's own. */
import type { Grade } from './types';

/** The letter for a score. */
export function grade(score: number): Grade {
  return score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : score >= 60 ? 'D' : 'F';
}
