/** RD-39: end cleanly — resolve after mitigation, end the call, name one postmortem owner with a due date. */
import { violation, type Rule } from '../rule';
import type { Violation } from '../types';

export const endCleanly: Rule = {
  id: 'RD-39', title: 'End cleanly: resolve, end the call, and name a postmortem owner with a due date', role: 'ic', severity: 'medium',
  source: 'training/incident_commander.md; after/after_an_incident.md',
  notApplicable: ({ ix }) => (ix.tMitigated === undefined ? 'customer impact never stopped, so there was nothing to close' : ix.tIc === undefined ? 'nobody took command' : undefined),
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
    else if (!pm.data.due) out.push(violation(pm, `${String(pm.data.owner)} owns the postmortem but no due date was given (/postmortem @${String(pm.data.owner)} by DATE)`));
    return { violations: out, penalty: out.length / 3 };
  },
};
