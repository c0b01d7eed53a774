/** The Scribe's record: RD-30 key events noted within the window, RD-31 follow-ups written as TODOs. */
import { formatClock } from '../../scenario/duration';
import { dueInDrill, PARAMS, scribeAt } from '../journal-index';
import { violation, type Rule } from '../rule';
import { ledgerOf, notedInTime, scribeCoverage } from '../scribe-coverage';

const noScribe: Rule['notApplicable'] = ({ ix }) => (ix.scribes.size === 0 ? 'nobody held the scribe role' : undefined);
const ROLE_KINDS = new Set(['decision', 'assignment', 'status'] as const);

export const scribeNotes: Rule = {
  id: 'RD-30', title: 'The Scribe logs every decision, assignment and status update promptly', role: 'scribe', severity: 'high',
  source: 'before/different_roles.md; training/scribe.md', notApplicable: noScribe,
  check: ({ ix }) => {
    const cov = scribeCoverage(ix, ROLE_KINDS);
    return {
      violations: cov.missed.map((k) => violation(k.event, `the ${k.kind} ${k.ref} at T+${formatClock(k.event.atMs)} was not noted within ${PARAMS.SCRIBE_WINDOW / 60_000} minutes`, scribeAt(ix, k.event.atMs))),
      penalty: cov.total ? cov.missed.length / cov.total : 0,
    };
  },
};

export const scribeTodos: Rule = {
  id: 'RD-31', title: 'The Scribe records follow-ups as TODOs', role: 'scribe', severity: 'medium',
  source: 'training/scribe.md; during/during_an_incident.md',
  notApplicable: (ctx) => noScribe!(ctx) ?? (ctx.ix.of('inject').some((e) => e.data.kind === 'followup') ? undefined : 'nobody raised a follow-up'),
  check: ({ ix }) => {
    // A remark made before there was a call to note it on, or too late in the drill to be due, is nobody's miss.
    const callFrom = Math.min(ix.tTrigger ?? Infinity, ix.tIc ?? Infinity);
    const followups = ledgerOf(ix).filter((k) => k.kind === 'followup' && k.event.atMs >= callFrom && (k.notedAt !== undefined || dueInDrill(ix, k.dueAt, k.event.atMs)));
    if (followups.length === 0) return { violations: [] };
    const missed = followups.filter((f) => !notedInTime(f));
    return { violations: missed.map((f) => violation(f.event, `"${f.text}" was not written down as a TODO`, scribeAt(ix, f.event.atMs))), penalty: missed.length / followups.length };
  },
};
