// The fairness bar on the intro drill: the by-the-book team scores 100, and each single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

const MISTAKES: readonly Mistake[] = [
  { family: 'command', rule: 'RD-01', what: 'the IC announces only "I\'m IC"', change: [['alice', '/ic', "/ic I'm IC"]] },
  { family: 'mobilize', rule: 'RD-06', what: 'dan talks before saying who he is', add: [{ at: '5:05', by: 'dan', do: 'storefront looks slow from here too' }] },
  { family: 'hands-off', rule: 'RD-07', what: 'the IC looks at the database herself', add: [{ at: '6:00', by: 'alice', do: '/check orders-db-health' }] },
  { family: 'tasks', rule: 'RD-10', what: 'the first task has no time box', change: [['alice', '/assign @carol check', '/assign @carol check the orders-api logs and the deploy history']] },
  { family: 'cadence', rule: 'RD-21', what: 'the first status update goes out before any severity', drop: [['alice', '/sev']], add: [{ at: '4:45', by: 'alice', do: '/sev SEV-2' }] },
  { family: 'freelancing', rule: 'RD-15', what: 'carol starts the rollback before it is assigned to her', drop: [['carol', '/run']], add: [{ at: '7:22', by: 'carol', do: '/run rollback-orders-api' }] },
  { family: 'decisions', rule: 'RD-18', what: 'the IC decides the rollback without polling', drop: [['alice', '/poll']] },
  { family: 'scribe', rule: 'RD-30', what: 'the scribe does not note the decision', drop: [['bob', '/note Polled on']] },
  { family: 'ending', rule: 'RD-39', what: 'no postmortem owner is named', drop: [['alice', '/postmortem']] },
];

// comms: no rule of the family applies here (no customer liaison, no executive swoop), so no mistake is possible.
fairnessSuite('bad-deploy-rollback', MISTAKES);
