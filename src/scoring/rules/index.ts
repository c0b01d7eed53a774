/** Every discipline rule, in the order of incident-process.md §4. */
import type { Rule } from '../rule';
import { deputyCallouts, severityDiscipline, severityMatchesImpact, statusCadence } from './cadence';
import { announceCommand, handoverProtocol, icFatigue, nameStaff, oneCommander } from './command';
import { approvedPosts, externalTiming, handleSwoop, noPromises, relayCustomerReports } from './comms';
import { pollBeforeMajor } from './decisions';
import { endCleanly } from './ending';
import { ackOwnPage, noFreelancing, noSelfDispatch, ownTasksOnly } from './freelancing';
import { icHandsOff, staffHandsOff } from './hands-off';
import { scribeNotes, scribeTodos } from './scribe';
import { pageAnIc, identifyFirst } from './mobilize';
import { icFollowsUp, namedOwner, reportOrExtend, spanOfControl, taskAcknowledged, timeBox } from './tasks';

export const RULES: readonly Rule[] = [
  announceCommand, oneCommander, pageAnIc, nameStaff, identifyFirst, icHandsOff, staffHandsOff, namedOwner, timeBox, taskAcknowledged,
  icFollowsUp, reportOrExtend, deputyCallouts, noFreelancing, noSelfDispatch, ownTasksOnly, pollBeforeMajor,
  spanOfControl, handoverProtocol, statusCadence, severityDiscipline, severityMatchesImpact, icFatigue, handleSwoop, scribeNotes, scribeTodos, approvedPosts,
  externalTiming, noPromises, relayCustomerReports, ackOwnPage, endCleanly,
];
