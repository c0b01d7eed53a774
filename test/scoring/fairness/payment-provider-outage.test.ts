// The fairness bar on the card-provider outage: the by-the-book team scores 100, and each single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

const MISTAKES: readonly Mistake[] = [
  {
    family: 'command', rule: 'RD-05', what: 'the IC names the scribe only three and a half minutes after taking command',
    change: [['nora', '/appoint @ben scribe and', '/appoint @lucy customer liaison']],
    add: [{ at: '7:35', by: 'nora', do: '/appoint @ben scribe' }],
  },
  { family: 'mobilize', rule: 'RD-06', what: 'omar joins the call without saying what he covers', change: [['omar', '/join', '/join']] },
  { family: 'hands-off', rule: 'RD-08', what: "the scribe looks at Northwind's status page himself", add: [{ at: '6:20', by: 'ben', do: '/check provider-status' }] },
  { family: 'tasks', rule: 'RD-11', what: 'omar never acknowledges his first task', drop: [['omar', 'wilco']] },
  {
    family: 'cadence', rule: 'RD-22', what: 'the IC calls it SEV-3 although almost nobody can pay, and never raises it',
    change: [
      ['nora', "We're treating this as SEV-2.", "We're treating this as SEV-3."],
      ['nora', 'Status: SEV-2.', 'Status: SEV-3. Card payments fail at checkout since about 14:02, roughly a quarter of attempts. Cause unknown, Omar is investigating. Lucy is drafting the first status page post. Next update in 10 minutes.'],
      ['ben', '/note Severity SEV-2', '/note Severity SEV-3'],
      ['ben', '/note Status: SEV-2', '/note Status: SEV-3, about a quarter of card payments failing, cause unknown, Omar investigating'],
      ['nora', 'Update: SEV-2, mitigated.', 'Update: SEV-3, mitigated. Deferred payments are on, orders are saved as payment pending and checkout errors are back to normal. Northwind is still down; held payments get captured once they recover. Next update in 10 minutes.'],
    ],
  },
  { family: 'freelancing', rule: 'RD-15', what: 'omar rolls checkout-api back on his own while he investigates', add: [{ at: '6:30', by: 'omar', do: '/run rollback-checkout-api' }] },
  {
    family: 'decisions', rule: 'RD-18', what: 'the IC asks "Everyone OK with that?" instead of for strong objections',
    change: [['nora', 'Proposal: turn on deferred payments', '/poll turn on deferred payments, so checkout saves orders as payment pending and we authorise them once Northwind is back. Everyone OK with that?']],
  },
  { family: 'scribe', rule: 'RD-31', what: 'the scribe does not write down the follow-up about capturing the held payments', drop: [['ben', '/todo Capture']] },
  {
    family: 'comms', rule: 'RD-35', what: 'the second status page update promises payments back within 30 minutes',
    change: [['lucy', '/draft Update:', '/draft Update: our payment provider is having an outage. Checkout now saves your order and confirms the payment later by email. We expect card payments to be back to normal within 30 minutes. Next update within 20 minutes.']],
  },
  { family: 'ending', rule: 'RD-39', what: 'no postmortem owner is named', drop: [['nora', '/postmortem']] },
];

fairnessSuite('payment-provider-outage', MISTAKES);
