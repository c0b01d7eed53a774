// The fairness bar on the expired-certificate drill: the by-the-book team scores 100, and each single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

const MISTAKES: readonly Mistake[] = [
  { family: 'command', rule: 'RD-01', what: 'the IC announces herself as "IC" only', change: [['maya', 'Hi all', 'Hi all, Maya here, I will be IC.']] },
  { family: 'mobilize', rule: 'RD-06', what: 'the customer liaison starts drafting without saying who she is', drop: [['ines', 'Ines from']] },
  { family: 'hands-off', rule: 'RD-07', what: 'the IC runs openssl against the certificate herself', add: [{ at: '3:45', by: 'maya', do: '/check cert-check' }] },
  {
    family: 'tasks', rule: 'RD-09', what: 'the IC asks "can someone" to confirm the traffic is back',
    change: [
      ['maya', '/assign @sam', 'Can someone confirm public-api traffic is back to normal? Back in 5 please'],
      ['sam', '/report T3', 'public-api traffic is back to about 2,300 requests a second, errors and latency normal'],
      ['leo', '/note T3', '/note sam confirms public-api traffic is back'],
    ],
  },
  {
    family: 'cadence', rule: 'RD-21', what: 'the first status update goes out before the severity is declared',
    drop: [['maya', '/sev'], ['leo', '/note SEV-1']],
    add: [{ at: '4:00', by: 'maya', do: '/sev SEV-1' }, { at: '4:15', by: 'leo', do: '/note SEV-1 declared' }],
  },
  { family: 'freelancing', rule: 'RD-15', what: 'kai restarts nginx on the edge while only asked to check the certificate', add: [{ at: '4:30', by: 'kai', do: '/run restart-edge' }] },
  {
    family: 'decisions', rule: 'RD-18', what: 'the IC asks "everyone OK with that?" instead of for strong objections',
    change: [['maya', 'Thanks Kai. Proposal', '/poll Kai issues a new certificate by hand and reloads it on every edge node. Everyone OK with that?']],
  },
  { family: 'scribe', rule: 'RD-30', what: 'the scribe does not note the second status update', drop: [['leo', '/note Status: mitigated']] },
  {
    family: 'comms', rule: 'RD-35', what: 'the second status page post promises a fix time',
    change: [['ines', '/draft Since', '/draft Since 09:00 UTC, new connections to our API, web dashboard and mobile apps fail with a certificate error. We have found the cause and expect everything to be working again within 15 minutes.']],
  },
  { family: 'ending', rule: 'RD-39', what: 'the IC resolves and names an owner but never ends the call', drop: [['maya', '/end']] },
];

fairnessSuite('tls-cert-expired', MISTAKES);
