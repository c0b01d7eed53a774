// The fairness bar on the leaked CI key: the by-the-book team scores 100, and each single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

const MISTAKES: readonly Mistake[] = [
  {
    family: 'command', rule: 'RD-02', what: 'the security on-call tries to take command from the IC without a handover',
    add: [{ at: '5:30', by: 'sofia', do: "/ic This is Sofia, I'm taking command, it's a security incident" }],
  },
  {
    family: 'mobilize', rule: 'RD-06', what: 'tariq chimes in before saying who he is',
    add: [{ at: '7:50', by: 'tariq', do: 'I think I know where that key came from, someone pushed a new repo this morning' }],
  },
  { family: 'hands-off', rule: 'RD-07', what: 'the IC lists the unknown instances herself', add: [{ at: '5:20', by: 'grace', do: '/check instance-inventory' }] },
  { family: 'tasks', rule: 'RD-09', what: 'the IC asks "can someone" check the export job', add: [{ at: '7:15', by: 'grace', do: 'Can someone check whether that export job is ours?' }] },
  {
    family: 'cadence', rule: 'RD-21', what: 'the first status update goes out before any severity is declared',
    drop: [['grace', 'This is a SEV-1'], ['hugo', '/note SEV-1 declared']],
    change: [['grace', "Here's where we are:", "Here's where we are: possible compromise of the production cloud account. GuardDuty reports crypto mining on instances we did not launch. Sofia is digging in. Nothing goes outside this room; Ines handles stakeholders. Next update in 10 minutes."]],
    add: [
      { at: '4:25', by: 'grace', do: 'This is a SEV-1: possible compromise of the production account.' },
      { at: '4:35', by: 'hugo', do: '/note SEV-1 declared, codename Blue Heron' },
    ],
  },
  {
    family: 'freelancing', rule: 'RD-38', what: "sofia acknowledges the spend alarm that paged marco",
    drop: [['marco', '/ack']],
    add: [{ at: '4:25', by: 'sofia', do: '/ack' }],
  },
  {
    family: 'decisions', rule: 'RD-18', what: 'the IC decides seven seconds after asking for objections',
    drop: [['grace', 'No objections heard']],
    add: [{ at: '7:12', by: 'grace', do: "No objections heard, we're proceeding with both." }],
  },
  { family: 'scribe', rule: 'RD-30', what: 'the scribe does not note the decision to stop the instances', drop: [['hugo', '/note Polled on stopping']] },
  { family: 'comms', rule: 'RD-27', what: "the IC leaves the CFO's \"just delete them\" unanswered", drop: [['grace', 'Frank,']] },
  { family: 'ending', rule: 'RD-39', what: 'the IC resolves and names a postmortem owner but never ends the call', drop: [['grace', '/end']] },
];

// scribe: RD-31 cannot apply here: the follow-up remarks come only while the attack is contained but its
// evidence not yet preserved, and a by-the-book team images the disks before they are due.
fairnessSuite('leaked-credentials', MISTAKES);
