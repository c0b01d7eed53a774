// The fairness bar on the Friday dinner peak: the by-the-book team scores 100, and each single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

const MISTAKES: readonly Mistake[] = [
  {
    family: 'command', rule: 'RD-01', what: 'the IC announces the title without her name',
    change: [['amara', '/ic', '/ic I am the Incident Commander. Lots of teams paged, so one voice at a time please.']],
  },
  { family: 'mobilize', rule: 'RD-06', what: 'zoe starts on the network changes before saying who she is', add: [{ at: '13:20', by: 'zoe', do: '/check network-changes' }] },
  { family: 'hands-off', rule: 'RD-08', what: 'the deputy checks the kafka cluster himself', add: [{ at: '9:00', by: 'lars', do: '/check kafka-cluster-health' }] },
  {
    family: 'tasks', rule: 'RD-13', what: 'hana lets the replay time box run out without a word and reports late',
    drop: [['hana', 'nearly done'], ['hana', '/report T8']],
    add: [{ at: '30:10', by: 'hana', do: '/report T8 replay done: every publish_failed order went out, oldest first, and dispatch is sending them to restaurants flagged priority.' }],
  },
  { family: 'cadence', rule: 'RD-14', what: 'the deputy misses the 20-minute callout', drop: [['lars', 'IC, be advised: 20 minutes']] },
  { family: 'freelancing', rule: 'RD-17', what: "kofi digs into the checkout breakdown that is hana's task, without asking her", add: [{ at: '8:40', by: 'kofi', do: '/check checkout-breakdown' }] },
  {
    family: 'decisions', rule: 'RD-18', what: 'the IC decides the route rollback without polling',
    drop: [['amara', 'Proposal: roll back the route-table step']],
    change: [['amara', 'Hearing none, let\'s do it.', 'Decision: we roll back the CHG-8812 route step.']],
  },
  { family: 'scribe', rule: 'RD-31', what: "the scribe does not write down Ana's follow-up as a TODO", drop: [['yuki', '/todo']] },
  { family: 'comms', rule: 'RD-33', what: 'the customer liaison posts the second update without the IC\'s approval', drop: [['amara', 'Good to post.']] },
  { family: 'ending', rule: 'RD-39', what: 'the IC names a postmortem owner but no due date', change: [['amara', '/postmortem', '/postmortem @hana']] },
];

fairnessSuite('multi-team-complex', MISTAKES);
