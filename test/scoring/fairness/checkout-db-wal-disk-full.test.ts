// The fairness bar on the full WAL volume at peak: the by-the-book team scores 100, and each single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

const MISTAKES: readonly Mistake[] = [
  { family: 'command', rule: 'RD-01', what: 'the IC takes command without saying "Incident Commander"', change: [['marcus', '/ic', '/ic Marcus here, taking command']] },
  { family: 'mobilize', rule: 'RD-06', what: 'kofi joins without saying what he covers', change: [['kofi', 'Kofi, DBA on-call', '/join']] },
  { family: 'hands-off', rule: 'RD-07', what: 'the IC checks the WAL archiver himself after Mia\'s remark', add: [{ at: '18:25', by: 'marcus', do: '/check archiver-status' }] },
  { family: 'tasks', rule: 'RD-10', what: 'the archiver check goes to kofi without a time box', change: [['marcus', '/assign @kofi check the WAL archiving', '/assign @kofi check the WAL archiving on db-2']] },
  {
    family: 'cadence', rule: 'RD-22', what: 'the IC declares SEV-3 ("most checkouts still go through") and raises it only nine minutes later',
    change: [
      ['marcus', '/sev', '/sev SEV-3 for now, most checkouts still go through'],
      ['yuki', '/note Roles:', '/note Roles: Marcus IC, Tomas deputy, Yuki scribe, Grace customer liaison. SEV-3 declared.'],
      ['marcus', '/status SEV-2. About one', '/status SEV-3. About one checkout in eight fails and the rest are slow, since about 12:23. Support has calls, some charged without confirmation. Cause unknown, Ben is looking at checkout-api, due 11:20. First status page post being drafted. Next update in 10 min.'],
      ['yuki', '/note Status: SEV-2, 1 in 8', '/note Status: SEV-3, 1 in 8 checkouts failing, cause unknown, Ben investigating, first post being drafted'],
    ],
    add: [
      { at: '15:00', by: 'marcus', do: 'Upgrading to SEV-2: checkout has been failing at peak for over ten minutes.' },
      { at: '15:20', by: 'yuki', do: '/note Severity raised to SEV-2' },
    ],
  },
  {
    family: 'freelancing', rule: 'RD-15', what: 'kofi repairs the archiver on his own after finding the old key',
    drop: [['kofi', '/run fix-archiving']], add: [{ at: '21:00', by: 'kofi', do: '/run fix-archiving' }],
  },
  {
    family: 'decisions', rule: 'RD-18', what: 'the IC announces the failover five seconds after asking for objections',
    drop: [['marcus', 'Hearing no objections']],
    add: [{ at: '11:35', by: 'marcus', do: "Hearing no objections, we're proceeding with the failover to db-2." }],
  },
  { family: 'scribe', rule: 'RD-31', what: 'the scribe does not write Sam\'s "rebuild db-1" down as a TODO', drop: [['yuki', '/todo Rebuild']] },
  {
    family: 'comms', rule: 'RD-35', what: 'the first public post promises a fix time',
    change: [['grace', '/draft Checkout issues', '/draft Checkout issues: we are investigating reports of slow and failing checkouts. We expect checkout to be working again within 30 minutes. Next update within 20 minutes.']],
  },
  { family: 'ending', rule: 'RD-39', what: 'the IC resolves but never ends the call', drop: [['marcus', '/end']] },
];

fairnessSuite('checkout-db-wal-disk-full', MISTAKES);
