/** RD-39: end cleanly — resolve after mitigation, end the call, name one postmortem owner with a due date. */
import { violation, type Rule } from '../rule';
import type { Violation } from '../types';

/** Time to close a call by the book: a last status update, resolve, name the postmortem owner, end. */
const CLOSING_MS = 3 * 60_000;

export const endCleanly: Rule = {
  id: 'RD-39', title: 'End cleanly: resolve, end the call, and name a postmortem owner with a due date', role: 'ic', severity: 'medium',
  source: 'training/incident_commander.md; after/after_an_incident.md',
  notApplicable: ({ ix }) => {
    if (ix.tMitigated === undefined) return 'customer impact never stopped, so there was nothing to close';
    if (ix.tIc === undefined) return 'nobody took command';
    // Closing takes a last status, /resolve, /postmortem and /end; a drill that stopped within minutes of the
    // impact stopping (or of this IC taking command) left no time for it.
    const from = Math.max(ix.tMitigated, ix.icStints.at(-1)?.from ?? 0);
    if (!ix.first('call.end') && ix.tEnd - from < CLOSING_MS) return 'the drill ended too soon after the impact stopped to close the call';
    return undefined;
  },
  check: ({ ix }) => {
    const last = ix.events[ix.events.length - 1]!;
    const ic = ix.icStints.at(-1)?.name ?? 'nobody';
    const out: Violation[] = [];
    if (ix.tResolved === undefined) out.push(violation(last, 'the incident was mitigated but never resolved (/resolve)', ic));
    if (!ix.first('call.end')) out.push(violation(last, 'the call was never ended (/end)', ic));
    const pm = ix.of('pm.assign').at(-1);
    if (!pm) out.push(violation(last, 'no postmortem owner was named (/postmortem @name by DATE)', ic));
    else if (Array.isArray(pm.data.owners) && pm.data.owners.length > 1) out.push(violation(pm, `the postmortem went to ${pm.data.owners.map(String).join(' and ')}; one named owner is accountable for it`));
    // One owner with a due date (after/post_mortem_process.md); the IC is told at once when the date is missing.
    else if (!pm.data.due) out.push(violation(pm, `${pm.data.owner} owns the postmortem but no due date was given (/postmortem @${pm.data.owner} by DATE)`));
    return { violations: out, penalty: out.length / 3 };
  },
};
