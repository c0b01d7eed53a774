/** Human names for roles and metrics, shared by the scorecard, the postmortem and the terminal review. */
import { ROLES, type Role } from '../engine/roles';
import type { MetricKey } from './types';

/** Role titles as PagerDuty's process names them; `all` is a rule every participant must keep. */
export const ROLE_TITLES: Readonly<Record<Role | 'all', string>> = {
  ic: 'Incident Commander',
  deputy: 'Deputy',
  scribe: 'Scribe',
  responder: 'Responder',
  'customer-liaison': 'Customer Liaison',
  'internal-liaison': 'Internal Liaison',
  facilitator: 'Facilitator',
  all: 'Everyone',
};

/** The order roles are listed in: command staff first, then responders and liaisons, then rules for all. */
export const ROLE_ORDER: readonly (Role | 'all')[] = [...ROLES, 'all'];

/** The title of a role, falling back to the raw text for a role this version does not know. */
export function roleTitle(role: string): string {
  return Object.hasOwn(ROLE_TITLES, role) ? ROLE_TITLES[role as Role | 'all'] : role;
}

/** What each metric measures, in words. */
export const METRIC_TITLES: Readonly<Record<MetricKey, string>> = {
  timeToAcknowledge: 'Time to acknowledge',
  timeToTrigger: 'Time to trigger the response',
  timeToCommand: 'Time to command',
  timeToAssemble: 'Time to assemble',
  timeToSeverity: 'Time to declare severity',
  timeToFirstStatus: 'Time to first status update',
  statusUpdateMaxGap: 'Longest gap between status updates',
  timeToMitigate: 'Time to mitigate',
  timeToResolve: 'Time to resolve',
  timeToFirstExternal: 'Time to first external post',
  externalUpdateMaxGap: 'Longest gap between external posts',
};

/** Metrics whose absence (null: it never happened) is itself a failure of the response, not just a missing figure. */
export const LIFECYCLE_METRICS: readonly MetricKey[] = ['timeToAcknowledge', 'timeToCommand', 'timeToMitigate', 'timeToResolve'];

/**
 * Where each metric starts and stops, as src/scoring/metrics.ts measures it (the definitions of
 * incident-process.md §3.3): "Time to severity 00:00" reads as a bug unless the reader knows it counts from
 * command, and severity was declared as command was taken.
 */
export const METRIC_SPANS: Readonly<Record<MetricKey, string>> = {
  timeToAcknowledge: 'from the first page (the first alert) to the first acknowledgement',
  timeToTrigger: 'from the first alert to the incident response being triggered',
  timeToCommand: 'from the response being triggered to someone taking command',
  timeToAssemble: 'from the trigger until the staff roles are named and every paged responder has joined',
  timeToSeverity: 'from command being taken to the first severity declared',
  timeToFirstStatus: 'from command being taken to the first status update',
  statusUpdateMaxGap: 'the longest stretch without a status update, from command to resolution (or the end)',
  timeToMitigate: 'from the first alert to the customer impact stopping',
  timeToResolve: 'from the first alert to the incident being resolved',
  timeToFirstExternal: 'from command being taken to the first post to customers',
  externalUpdateMaxGap: 'the longest stretch between posts to customers, from the first to resolution (or the end)',
};
