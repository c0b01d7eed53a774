// The fairness bar on the zone-loss drill: the by-the-book team scores 100, and each single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

const MISTAKES: readonly Mistake[] = [
  {
    family: 'command', rule: 'RD-02', what: 'the deputy, who is the on-call IC, announces in chat that he is taking command',
    add: [{ at: '4:18', by: 'felix', do: 'Felix here, I am the on-call IC, taking command.' }],
  },
  { family: 'mobilize', rule: 'RD-06', what: 'kofi joins without saying what he covers', change: [['kofi', 'Kofi here', '/join']] },
  { family: 'hands-off', rule: 'RD-08', what: 'the deputy inspects the unhealthy host himself', add: [{ at: '6:30', by: 'felix', do: '/check host-check' }] },
  {
    family: 'tasks', rule: 'RD-13', what: 'lars goes quiet past his time box (the deputy and the IC chase it properly)',
    drop: [['lars', '/report T3']],
    add: [
      { at: '13:45', by: 'felix', do: 'IC, be advised: the time box on T3 has run out.' },
      { at: '14:00', by: 'elena', do: 'Lars, where are we on the zone health?' },
      { at: '14:45', by: 'lars', do: '/report T3 our probes see 38% packet loss into and out of eu-west-1b since 14:07 and EBS volumes there stall. Nothing between a and c.' },
    ],
  },
  { family: 'cadence', rule: 'RD-14', what: 'the deputy misses the 20-minute callout', drop: [['felix', 'Elena, 20 minutes']] },
  {
    family: 'freelancing', rule: 'RD-15', what: 'kofi starts the zonal shift himself while only asked what it would take',
    drop: [['kofi', '/run']], add: [{ at: '10:45', by: 'kofi', do: '/run zonal-shift' }],
  },
  {
    family: 'decisions', rule: 'RD-18', what: 'the IC decides the shard-2 takeover without polling',
    drop: [['elena', 'Proposal: Julia']], change: [['elena', 'Hearing none, we', '/decide we promote the shard-2 replica in c']],
  },
  { family: 'scribe', rule: 'RD-30', what: 'the scribe does not note the last assignment', drop: [['greta', '/note T8']] },
  { family: 'comms', rule: 'RD-33', what: 'the customer liaison posts the second update without the IC\'s approval', drop: [['elena', 'D2 approved']] },
  { family: 'ending', rule: 'RD-39', what: 'the postmortem goes to a team instead of one person', change: [['elena', '/postmortem', '/postmortem platform team by next Wednesday']] },
];

fairnessSuite('zone-loss-traffic-shift', MISTAKES);
