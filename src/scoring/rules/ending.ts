/** RD-39: end cleanly — resolve after mitigation, end the call, name one postmortem owner. */
import { violation, type Rule } from '../rule';
import type { Violation } from '../types';

export const endCleanly: Rule = {
  id: 'RD-39', title: 'End cleanly: resolve, end the call, and name a postmortem owner', role: 'ic', severity: 'medium',
  source: 'training/incident_commander.md; after/after_an_incident.md',
  notApplicable: ({ ix }) => (ix.tMitigated === undefined ? 'customer impact never stopped, so there was nothing to close' : ix.tIc === undefined ? 'nobody took command' : undefined),
  check: ({ ix }) => {
    const last = ix.events[ix.events.length - 1]!;
    const ic = ix.icStints.at(-1)?.name ?? 'nobody';
    const out: Violation[] = [];
    if (ix.tResolved === undefined) out.push(violation(last, 'the incident was mitigated but never resolved (/resolve)', ic));
    if (!ix.first('call.end')) out.push(violation(last, 'the call was never ended (/end)', ic));
    if (!ix.first('pm.assign')) out.push(violation(last, 'no postmortem owner was named (/postmortem @name)', ic));
    return { violations: out, penalty: out.length / 3 };
  },
};
