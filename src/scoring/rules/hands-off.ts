/** Command staff stay hands-off: RD-07 (IC), RD-08 (Deputy and Scribe). */
import { violation, type Rule } from '../rule';

// Any hands-on work by command staff loses the whole rule: the role is defined by not doing it.
const handsOn = (roles: readonly string[]) => ({ ix }: Parameters<Rule['check']>[0]) => {
  const work = [...ix.of('action.start'), ...ix.of('probe.start')].filter((e) => roles.includes(e.role)).sort((a, b) => a.seq - b.seq);
  const who = (role: string) => (role === 'ic' ? 'the Incident Commander' : `the ${role}`);
  return {
    penalty: work.length ? 1 : 0,
    violations: work.map((e) => violation(e, `${who(e.role)} ${e.type === 'action.start' ? `ran ${e.data.action}` : `checked ${e.data.probe}`} instead of delegating it`)),
  };
};

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
