// The fairness bar on the Friday-peak cache stampede: the by-the-book team scores 100, and each single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

const MISTAKES: readonly Mistake[] = [
  {
    family: 'command', rule: 'RD-05', what: 'the IC names the scribe at once but the deputy only five minutes later',
    change: [['nadia', '/appoint', '/appoint @owen scribe']],
    add: [{ at: '9:35', by: 'nadia', do: '/appoint @lena deputy' }],
  },
  { family: 'mobilize', rule: 'RD-06', what: 'sofia talks before saying who she is', add: [{ at: '4:55', by: 'sofia', do: 'catalog-db CPU is pinned at 100% here too' }] },
  { family: 'hands-off', rule: 'RD-08', what: 'the deputy checks the database hardware herself after Oskar\'s guess', add: [{ at: '7:20', by: 'lena', do: '/check db-hardware' }] },
  {
    family: 'tasks', rule: 'RD-13', what: 'raj lets the warm-up time box run out without asking for more time; the IC has to chase him',
    drop: [['raj', 'need 2 more minutes'], ['raj', '/report warm-up']],
    change: [['nadia', 'Thanks raj, take', 'raj, your time box on the warm-up is up, where are we?']],
    add: [{ at: '18:25', by: 'raj', do: '/report warm-up finished, hit ratio back to 97%, catalog-db at normal load' }],
  },
  { family: 'cadence', rule: 'RD-14', what: 'the deputy misses the 10-minute callout', drop: [['lena', 'IC, be advised: 10 minutes']] },
  {
    family: 'freelancing', rule: 'RD-15', what: 'raj starts the cache warm-up on his own right after coalescing is on',
    drop: [['raj', '/run warm-cache']], add: [{ at: '12:30', by: 'raj', do: '/run warm-cache' }],
  },
  {
    family: 'decisions', rule: 'RD-18', what: 'the IC asks "does everyone agree?" instead of asking for strong objections',
    change: [['nadia', 'Thanks both. Proposal', 'Thanks both. Proposal: turn on request coalescing in catalog-api with the cache.coalesce_misses flag. Does everyone agree?']],
  },
  { family: 'scribe', rule: 'RD-31', what: 'the scribe does not write Ana\'s follow-up down as a TODO', drop: [['owen', '/todo Keep request coalescing']] },
  { family: 'comms', rule: 'RD-27', what: 'the IC lets the VP\'s "double the servers" go unanswered', drop: [['nadia', 'Henrik,']] },
  { family: 'ending', rule: 'RD-39', what: 'the IC makes the catalog team, not one person, own the postmortem', change: [['nadia', '/postmortem', '/postmortem @catalog-team by Wednesday']] },
];

fairnessSuite('cache-stampede', MISTAKES);
