/** Every discipline rule, in the order of incident-process.md §4. */
import type { Rule } from '../rule';
import { deputyCallouts, severityDiscipline, statusCadence } from './cadence';
import { announceCommand, icFatigue, nameStaff, oneCommander } from './command';
import { approvedPosts, externalTiming, handleSwoop, noPromises } from './comms';
import { pollBeforeMajor } from './decisions';
import { endCleanly } from './ending';
import { ackOwnPage, noFreelancing, noSelfDispatch, ownTasksOnly } from './freelancing';
import { icHandsOff, staffHandsOff } from './hands-off';
import { scribeNotes, scribeTodos } from './scribe';
import { icFollowsUp, namedOwner, reportOrExtend, taskAcknowledged, timeBox } from './tasks';

export const RULES: readonly Rule[] = [
  announceCommand, oneCommander, nameStaff, icHandsOff, staffHandsOff, namedOwner, timeBox, taskAcknowledged,
  icFollowsUp, reportOrExtend, deputyCallouts, noFreelancing, noSelfDispatch, ownTasksOnly, pollBeforeMajor,
  statusCadence, severityDiscipline, icFatigue, handleSwoop, scribeNotes, scribeTodos, approvedPosts,
  externalTiming, noPromises, ackOwnPage, endCleanly,
];
