/** RD-18: poll for strong objections before every major action, and pause before deciding. */
import { badPollWording } from '../../engine/intent/phrases';
import type { EventOf } from '../../engine/events';
import { formatDuration } from '../../scenario/duration';
import { icAt, PARAMS } from '../journal-index';
import { violation, type Rule } from '../rule';
import type { Violation } from '../types';

/** A major action the IC stands behind: run on an assignment, after a decision, or by the IC. */
function ordered(e: EventOf<'action.start'>): boolean {
  return e.data.major && (e.data.taskId !== null || e.data.decisionId !== null || e.role === 'ic');
}

export const pollBeforeMajor: Rule = {
  id: 'RD-18', title: 'Poll for strong objections before every major action', role: 'ic', severity: 'high',
  source: 'training/incident_commander.md; before/call_etiquette.md',
  notApplicable: ({ ix }) => (ix.of('action.start').some(ordered) ? undefined : 'no major action was run on the IC\'s order'),
  check: ({ ix }) => {
    const bySeq = new Map(ix.of('decision').map((e) => [e.data.id, e]));
    const polls = new Map(ix.of('poll.open').map((e) => [e.data.id, e]));
    const out: Violation[] = [];
    // A responder's freelanced major action is theirs (RD-15), not a decision the IC skipped.
    const majors = ix.of('action.start').filter(ordered);
    for (const a of majors) {
      const decision = a.data.decisionId ? bySeq.get(a.data.decisionId) : undefined;
      const poll = decision?.data.pollId ? polls.get(decision.data.pollId) : undefined;
      // The IC who ordered it (by the task) skipped the poll, even if command changed hands before it ran.
      const orderedBy = a.role === 'ic' ? a.actor : ix.of('task.assign').find((t) => t.data.id === a.data.taskId)?.actor;
      if (!decision) out.push(violation(a, `${a.data.action} is a major action and ran without a recorded decision`, orderedBy ?? icAt(ix, a.atMs) ?? a.actor));
      else if (!poll) out.push(violation(decision, `decided on ${a.data.action} without polling for strong objections`));
      else if (decision.atMs - poll.atMs < PARAMS.POLL_PAUSE) out.push(violation(decision, `decided ${formatDuration(decision.atMs - poll.atMs)} after the poll, too soon for anyone to object`));
      else if (badPollWording(poll.data.proposal)) out.push(violation(poll, 'asked "does everyone agree?" instead of asking for strong objections'));
    }
    return { violations: out, penalty: majors.length ? out.length / majors.length : 0 };
  },
};
