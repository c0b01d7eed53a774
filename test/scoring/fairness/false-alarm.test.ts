// The fairness bar on the 3 a.m. false alarm: the by-the-book team scores 100, and each single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

const MISTAKES: readonly Mistake[] = [
  { family: 'command', rule: 'RD-01', what: 'the IC types a bare /ic and never says who she is', change: [['mei', '/ic', '/ic']] },
  { family: 'mobilize', rule: 'RD-06', what: 'the scribe starts taking notes without checking in', drop: [['jonah', '/join']] },
  { family: 'hands-off', rule: 'RD-07', what: 'the IC looks at the sign-in graphs herself', add: [{ at: '3:10', by: 'mei', do: '/check real-user-traffic' }] },
  { family: 'tasks', rule: 'RD-11', what: 'sam starts on his task without acknowledging it', drop: [['sam', 'wilco']] },
  {
    family: 'cadence', rule: 'RD-21', what: 'the first status update goes out before any severity is declared',
    drop: [['mei', '/sev']],
    change: [
      ['jonah', '/note Mei IC', '/note Mei IC, Jonah scribe.'],
      ['mei', 'Status: SEV-2 for now.', 'Status: the login synthetic check fails from one location; support has no sign-in complaints. Sam is checking real sign-ins and the check history, due 03:17. Next update in ten minutes.'],
      ['jonah', '/note Status: SEV-2, one check', '/note Status: one check location failing, no customer reports, Sam due 03:17'],
    ],
    add: [{ at: '5:10', by: 'mei', do: '/sev SEV-2' }, { at: '5:25', by: 'jonah', do: '/note SEV-2 declared' }],
  },
  {
    family: 'freelancing', rule: 'RD-16', what: 'lucia joins from the API team before anyone paged or asked her',
    drop: [['lucia', 'Hi, Lucia']],
    add: [{ at: '5:00', by: 'lucia', do: "Lucia from the API team here, saw the login alert, joining in case it's ours" }],
  },
  { family: 'scribe', rule: 'RD-30', what: 'the scribe does not note the first status update', drop: [['jonah', '/note Status: SEV-2, one check']] },
  { family: 'ending', rule: 'RD-39', what: 'the IC resolves but never ends the call', drop: [['mei', '/end']] },
];

// decisions: RD-18 cannot apply: the only major action here, failing auth-db over, is a red herring that a
// by-the-book team never proposes, and pausing a probe location is not major.
// comms: no rule of the family applies: no customer liaison (Femi's note goes to the IC, who asks for no post),
// nothing is posted publicly, and no executive swoops in.
fairnessSuite('false-alarm', MISTAKES);
