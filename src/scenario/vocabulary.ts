/** The closed word lists of the scenario format, kept free of zod so the engine can use them cheaply. */

export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5'] as const;
export const DIFFICULTIES = ['intro', 'medium', 'hard'] as const;
/** Roles a scenario can ask to be filled besides the IC and the responders its services bring. */
export const STAFF_ROLES = ['ic', 'deputy', 'scribe', 'customer-liaison', 'internal-liaison'] as const;
export const INJECT_KINDS = ['customer-report', 'exec-swoop', 'chatter', 'followup', 'question', 'stakeholder'] as const;
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export const TARGET_KEYS = [
  'acknowledge', 'trigger', 'command', 'assemble', 'severity', 'firstStatus',
  'mitigate', 'resolve', 'firstExternal',
] as const;
