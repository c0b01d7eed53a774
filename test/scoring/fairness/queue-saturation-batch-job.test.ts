// The fairness bar on the queue-saturation drill: the by-the-book team scores 100, and each single mistake costs its rule.
import { fairnessSuite, type Mistake } from './team';

// Every line the IC types about severity, when the team takes the incident for a SEV-3.
const calledSev3: Mistake['change'] = [
  ['nina', 'We', 'We are treating this as SEV-3: invoice e-mails are late but nothing is failing outright.'],
  ['nina', 'Status: SEV-2. Invoice', 'Status: SEV-3. Invoice e-mails and webhooks are arriving late, cause unknown. Lena is finding out where the time goes. Next update in 10 minutes.'],
  ['nina', '/status SEV-2.', '/status SEV-3. Cause: the data team\'s invoice backfill is flooding the shared default queue, so user e-mails wait behind over a million export jobs. Plan: pause the backfill, then move its queued jobs off the default queue. Newsletter on hold. Next update in 10.'],
  ['nina', 'Status: SEV-2, mitigated', 'Status: SEV-3, mitigated. Backfill paused, its jobs parked on the bulk broker, the user backlog is draining. Lena is watching delivery times. Next update in 10 minutes.'],
  ['omar', '/note Severity', '/note Severity SEV-3'],
  ['omar', '/note Status: SEV-2', '/note Status: SEV-3, e-mails and webhooks late, cause unknown'],
];

const MISTAKES: readonly Mistake[] = [
  {
    family: 'command', rule: 'RD-05', what: 'the IC names the scribe only after getting the investigation going',
    drop: [['nina', '/appoint']], add: [{ at: '9:10', by: 'nina', do: '/appoint @omar scribe' }],
  },
  { family: 'mobilize', rule: 'RD-06', what: 'sofia asks a question before saying who she is', add: [{ at: '12:30', by: 'sofia', do: 'which backfill? we have a few running' }] },
  { family: 'hands-off', rule: 'RD-08', what: 'the scribe looks at the database himself', add: [{ at: '10:30', by: 'omar', do: '/check billing-db-load' }] },
  { family: 'tasks', rule: 'RD-11', what: 'raj never acknowledges the move of the export jobs', drop: [['raj', 'on it']] },
  { family: 'cadence', rule: 'RD-22', what: 'the IC calls it a SEV-3 and keeps it there', change: calledSev3 },
  {
    family: 'freelancing', rule: 'RD-15', what: 'sofia pauses her backfill while she was only asked whether it can be paused',
    drop: [['sofia', '/run']], add: [{ at: '14:00', by: 'sofia', do: '/run pause-backfill' }],
  },
  {
    family: 'decisions', rule: 'RD-18', what: 'the IC announces the decision five seconds after asking for objections',
    drop: [['nina', 'Hearing none']], add: [{ at: '17:55', by: 'nina', do: "Hearing none, we're moving the export jobs to the bulk broker." }],
  },
  {
    family: 'scribe', rule: 'RD-31', what: 'the scribe writes the data team\'s follow-up as a plain note, not a TODO',
    change: [['omar', '/todo resume', '/note data wants to resume the backfill later from its checkpoint on the bulk broker, rate limited']],
  },
  {
    family: 'comms', rule: 'RD-27', what: 'the IC argues with the VP instead of offering command or deferring her comments',
    change: [['nina', 'Carla,', 'Carla, the backfill is what is breaking the e-mails. It has to stop, sorry.']],
  },
  { family: 'ending', rule: 'RD-39', what: 'the postmortem owner gets no due date', change: [['nina', '/postmortem', '/postmortem @sofia']] },
];

fairnessSuite('queue-saturation-batch-job', MISTAKES);
