/**
 * Whose score: a person who played the scribe wants their own result first ("You, scribe: 45 (F) ·
 * team 96 (A)"), and a bot's mistakes are not theirs. The end screen, `review` and scorecard.md all
 * lead with these lines.
 */
import { roleTitle } from './labels';
import type { ParticipantResult, Scorecard } from './types';

/** The people who played (bots aside), in cast order. */
export function humans(card: Scorecard): ParticipantResult[] {
  return card.participants.filter((p) => p.kind === 'human');
}

function roles(p: ParticipantResult): string {
  // Someone who never took up their seat (an IC on call who never took command) is named by the seat.
  if (p.roles.length === 0) return p.seat ? `${roleTitle(p.seat)} on call` : 'no role';
  return p.roles.map((r) => roleTitle(r)).join(' and ');
}

function mark(score: number | null, grade: string | null): string {
  return score === null ? 'not scored' : `${score} (${grade ?? '?'})`;
}

/**
 * The headline: each human's own score, then the team's. `you` names the people at this screen, who are
 * called "You"; without it (a review of someone else's run) everyone is named.
 */
export function headline(card: Scorecard, you: readonly string[] = []): string {
  if (card.notScored !== undefined || card.score === null) return `Not scored: ${card.notScored ?? 'there was no response to judge'}`;
  const team = `team ${mark(card.score, card.grade)}`;
  const people = humans(card);
  const shown = you.length ? people.filter((p) => you.includes(p.name)) : people;
  const own = shown.map((p) => `${you.length === 1 && you[0] === p.name ? 'You' : p.name}, ${roles(p)}: ${mark(p.score, p.grade)}`);
  return [...own, team].join(' · ');
}

/** Violations charged to bots, listed apart from the people's own. */
export function botViolations(card: Scorecard): { name: string; rule: string; atMs: number; note: string }[] {
  return card.participants.filter((p) => p.kind === 'bot').flatMap((p) => p.violations.map((v) => ({ name: p.name, ...v })));
}

/** Violations charged to people (not bots), by rule id, in rule order. */
export function humanViolations(card: Scorecard): { name: string; rule: string; atMs: number; note: string }[] {
  return humans(card).flatMap((p) => p.violations.map((v) => ({ name: p.name, ...v })));
}
