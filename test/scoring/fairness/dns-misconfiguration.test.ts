// The fairness bar on the bad internal DNS record: the by-the-book team scores 100, and each single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

const MISTAKES: readonly Mistake[] = [
  {
    family: 'command', rule: 'RD-05', what: 'the IC only names the scribe three and a half minutes after taking command',
    drop: [['leo', '/appoint @zoe scribe']], add: [{ at: '7:00', by: 'leo', do: '/appoint @zoe scribe' }],
  },
  { family: 'mobilize', rule: 'RD-06', what: 'kai talks before checking in', add: [{ at: '8:25', by: 'kai', do: 'cart-api looks fine from my side, traffic is just low' }] },
  { family: 'hands-off', rule: 'RD-08', what: 'the scribe runs dig on cart.internal herself', add: [{ at: '8:00', by: 'zoe', do: '/check dns-lookup' }] },
  { family: 'tasks', rule: 'RD-09', what: 'the IC asks "can someone" watch the storefront errors', add: [{ at: '11:40', by: 'leo', do: 'Can someone keep an eye on the storefront errors while the revert runs?' }] },
  {
    family: 'cadence', rule: 'RD-21', what: 'the first status update goes out before any severity is declared',
    drop: [['leo', '/sev']],
    change: [
      ['leo', 'Status: SEV-2. Add to cart', 'Status: add to cart fails for a growing share of customers since about 10:01, support has twelve tickets. Cause unknown, Hana is looking at the storefront, due 10:09. Next update 10:15.'],
      ['zoe', '/note Leo IC, Zoe scribe. Severity SEV-2.', '/note Leo IC, Zoe scribe.'],
    ],
    add: [{ at: '5:40', by: 'leo', do: '/sev SEV-2' }],
  },
  { family: 'freelancing', rule: 'RD-15', what: 'kai restarts the cart-api pods "to be safe" while checking them', add: [{ at: '9:30', by: 'kai', do: '/run restart-cart-api' }] },
  {
    family: 'decisions', rule: 'RD-18', what: 'the IC goes ahead with the cache flush without polling',
    drop: [['leo', '/poll flush']], change: [['leo', '/decide flush', 'Let\'s go ahead and flush the DNS caches.']],
  },
  { family: 'scribe', rule: 'RD-30', what: 'the scribe writes nothing about the flush decision and its assignment', drop: [['zoe', '/note Decision: polled on flushing']] },
  { family: 'ending', rule: 'RD-39', what: 'no postmortem owner is named', drop: [['leo', '/postmortem']] },
];

// comms: no rule of the family applies here: no customer liaison (RD-33/34/35/36 need one or a public post), and
// Malik's "what is the ETA?" is a stakeholder question, not an executive swoop (RD-27).
fairnessSuite('dns-misconfiguration', MISTAKES);
