// The fairness bar on the two-hour memory-leak drill (with a handover): the by-the-book team scores 100, and each
// single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

const MISTAKES: readonly Mistake[] = [
  { family: 'command', rule: 'RD-25', what: 'the deputy takes over command without announcing it', drop: [['tariq', 'This is Tariq']] },
  { family: 'mobilize', rule: 'RD-06', what: 'xavier comments before saying who he is', add: [{ at: '9:00', by: 'xavier', do: 'seeing slow product pages on storefront too' }] },
  { family: 'hands-off', rule: 'RD-08', what: 'the deputy pulls up the memory graph himself', add: [{ at: '11:00', by: 'tariq', do: '/check memory-trend' }] },
  {
    family: 'tasks', rule: 'RD-10', what: 'the heap dump gets "report back when you have something" instead of a time box',
    change: [['rosa', '/assign @wei take a heap dump', '/assign @wei take a heap dump from the fullest pod, out of rotation, and find what holds the memory. Report back when you have something']],
  },
  {
    family: 'cadence', rule: 'RD-21', what: 'the IC lowers the severity while the restart holds, before the fix',
    add: [{ at: '30:30', by: 'rosa', do: 'The restart stopped the impact for now, so we are lowering this to SEV-3.' }],
  },
  {
    family: 'freelancing', rule: 'RD-15', what: 'wei starts the full rollout as soon as the canary looks good, before anyone decided',
    drop: [['wei', '/run rollout']], add: [{ at: '53:10', by: 'wei', do: '/run rollout-hotfix' }],
  },
  {
    family: 'decisions', rule: 'RD-18', what: 'the IC polls the restart but decides the rollout without a poll',
    drop: [['rosa', 'Proposal: Wei rolls']], change: [['rosa', 'Hearing no objections', '/decide roll the hotfix out in stages to every pod']],
  },
  { family: 'scribe', rule: 'RD-31', what: 'the scribe lets the remark about migrations go by without a TODO', drop: [['uma', '/todo use expand']] },
  { family: 'comms', rule: 'RD-27', what: 'the IC gives in to the VP instead of offering command or deferring him', change: [['rosa', 'Victor,', 'Victor, understood, we will look into rolling back.']] },
  { family: 'ending', rule: 'RD-39', what: 'the postmortem goes to two people', change: [['tariq', '/postmortem', '/postmortem @wei and @xavier by Friday']] },
];

fairnessSuite('memory-leak-slow-burn', MISTAKES);
