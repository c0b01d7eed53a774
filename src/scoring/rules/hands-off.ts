/** Command staff stay hands-off: RD-07 (IC), RD-08 (Deputy and Scribe). */
import { violation, type Rule } from '../rule';

// Any hands-on work by command staff loses the whole rule: the role is defined by not doing it.
const handsOn = (roles: readonly string[]) => ({ ix }: Parameters<Rule['check']>[0]) => ({
  penalty: ix.events.some((e) => (e.type === 'action.start' || e.type === 'probe.start') && roles.includes(e.role)) ? 1 : 0,
  violations: ix.events
    .filter((e) => roles.includes(e.role))
    .flatMap((e) => (e.type === 'action.start' ? [`ran ${e.data.action}`] : e.type === 'probe.start' ? [`checked ${e.data.probe}`] : [])
      .map((did) => violation(e, `${e.role === 'ic' ? 'the Incident Commander' : `the ${e.role}`} ${did} instead of delegating it`))),
});

export const icHandsOff: Rule = {
  id: 'RD-07', title: 'The IC does no hands-on work (no remediation, graphs or logs)', role: 'ic', severity: 'high',
  source: 'training/incident_commander.md',
  notApplicable: ({ ix }) => (ix.tIc === undefined ? 'nobody took command' : undefined),
  check: handsOn(['ic']),
};

export const staffHandsOff: Rule = {
  id: 'RD-08', title: 'The Deputy and the Scribe do no hands-on work', role: 'scribe', severity: 'medium',
  source: 'training/deputy.md; training/scribe.md',
  notApplicable: ({ scenario }) => (!scenario.roles.some((r) => r === 'deputy' || r === 'scribe') ? 'no deputy or scribe in this drill' : undefined),
  check: handsOn(['deputy', 'scribe']),
};
