/** The scenario file format v1 as zod schemas: the edge where YAML becomes typed data. */
import * as z from 'zod';

// zod otherwise compiles each object schema to a function with `new Function` on first use: slower for a
// CLI that parses one file per run, and scenario files should never lead to generated code.
z.config({ jitless: true });
import { DURATION_PATTERN } from './duration';
import { QUANTITY_PATTERN } from './quantity';

const ID_PATTERN = '^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$';
const METRIC_REF_PATTERN = '^[a-z][a-z0-9-]*\\.[a-z][a-z0-9_]*$';

import { DIFFICULTIES, INJECT_KINDS, LOG_LEVELS, SEVERITIES, STAFF_ROLES, TARGET_KEYS } from './vocabulary';

export { DIFFICULTIES, INJECT_KINDS, LOG_LEVELS, SEVERITIES, STAFF_ROLES, TARGET_KEYS } from './vocabulary';

const id = (what: string) =>
  z.string({ error: `expected ${what} id (a string)` })
    .regex(new RegExp(ID_PATTERN), { error: `${what} ids are lower-case words joined by "-", e.g. checkout-db` });
const duration = z.string({ error: 'expected a duration such as 90s, 5m or 1h30m' })
  .regex(new RegExp(DURATION_PATTERN), { error: 'expected a duration such as 90s, 5m, 1h30m or 2:40' });
const QUANTITY_ERROR = 'expected a quantity such as 0.4%, 180ms, 2s, 1.5GB, 1200rps or a number';
// The message is on the string branch too: when the value is a string, zod reports that branch's issue, not the union's.
const quantity = z.union([
  z.number(),
  z.string().regex(new RegExp(QUANTITY_PATTERN), { error: QUANTITY_ERROR }),
], { error: QUANTITY_ERROR });
const text = z.string({ error: 'expected text' }).min(1, { error: 'must not be empty' });
const metricRef = z.string({ error: 'expected a metric reference service.metric' })
  .regex(new RegExp(METRIC_REF_PATTERN), { error: 'expected service.metric, e.g. checkout-api.error_rate' });

const metricSchema = z.strictObject({
  baseline: quantity.describe('Healthy value, e.g. 0.4% or 180ms. Its unit is the metric\'s unit.'),
  noise: quantity.optional().describe('Seeded random wobble around the value, in the same unit.'),
  title: text.optional(),
});

const serviceSchema = z.strictObject({
  id: id('service'),
  title: text.optional(),
  owner: id('team').describe('The team whose on-call owns this service and is paged for it.'),
  metrics: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'metric names are lower_snake_case' }), metricSchema).optional(),
});

const teamSchema = z.strictObject({
  id: id('team'),
  title: text.optional(),
});

const alertSchema = z.strictObject({
  id: id('alert'),
  title: text.optional(),
  when: z.string({ error: 'expected a condition such as "checkout-api.error_rate > 5% for 1m"' })
    .describe('service.metric OP value for DURATION, where OP is >, >=, < or <='),
  pages: id('team'),
  urgency: z.enum(['high', 'low']).optional(),
  runbook: text.optional(),
});

const effectValue = z.union([
  quantity,
  z.string().regex(/^x\d+(?:\.\d+)?$/),
], { error: 'expected an effect: a value such as 12% or 900ms, or a multiplier of the baseline such as x8' });
const effectSchema = z.union([
  effectValue,
  z.strictObject({ to: effectValue, over: duration.optional() }),
], { error: 'expected an effect: 12%, x8, or { to: 12%, over: 3m }' });

const logSchema = z.strictObject({
  service: id('service'),
  level: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }),
  every: duration,
  text: text.describe('A log line; {host}, {requestId}, {user} and the other placeholders are filled by a seeded generator.'),
});

const transitionSchema = z.union([
  id('phase'),
  z.strictObject({
    to: id('phase'),
    requires: z.array(id('action or probe')).optional()
      .describe('Actions or probes that must have completed earlier for this transition to happen.'),
  }),
], { error: 'expected a phase id, or { to: phase, requires: [ids] }' });

const phaseSchema = z.strictObject({
  description: text.optional().describe('Ground truth for the facilitator; never shown to players.'),
  impact: text.optional().describe('What customers experience in this phase (used by the postmortem).'),
  after: z.record(duration, id('phase')).optional().describe('Timers: after this long in the phase, move to that phase.'),
  on: z.record(id('action'), transitionSchema).optional().describe('When a remediation action completes, move to that phase.'),
  effects: z.record(metricRef, effectSchema).optional().describe('Metric values in this phase; unmentioned metrics drift back to baseline.'),
  ramp: duration.optional().describe('How long effects take to reach their values (default 1m).'),
  logs: z.array(logSchema).optional(),
  mitigated: z.boolean().optional().describe('Customer impact has stopped in this phase.'),
  resolved: z.boolean().optional().describe('The underlying cause is fixed in this phase.'),
  final: z.boolean().optional().describe('The world stays in this phase; no way out is needed.'),
});

const actionSchema = z.strictObject({
  id: id('action'),
  service: id('service'),
  title: text,
  takes: duration.describe('How long the action runs before it completes.'),
  major: z.boolean().optional().describe('Needs an IC poll for strong objections first.'),
  result: text.optional().describe('What the responder sees when it completes.'),
  redHerring: z.boolean().optional(),
});

const probeSchema = z.strictObject({
  id: id('probe'),
  service: id('service'),
  title: text,
  takes: duration.optional(),
  reveals: z.union([text, z.record(z.string(), text)], { error: 'expected text, or a map from phase id (or default) to text' })
    .describe('What the probe shows: one text, or per phase with a default.'),
  shows: z.array(metricRef).optional().describe('Metrics whose current values the probe prints.'),
  logs: z.boolean().optional().describe('Whether the probe prints the service\'s recent log lines.'),
  clue: z.boolean().optional(),
  redHerring: z.boolean().optional(),
});

const injectSchema = z.strictObject({
  at: duration,
  kind: z.enum(INJECT_KINDS, { error: `expected one of ${INJECT_KINDS.join(', ')}` }),
  from: text,
  text,
  phase: id('phase').optional().describe('Only happens if the world is in this phase at that time.'),
});

const expectsSchema = z.strictObject({
  severity: z.enum(SEVERITIES, { error: `expected one of ${SEVERITIES.join(', ')}` }),
  targets: z.partialRecord(z.enum(TARGET_KEYS), duration).optional(),
  statusEvery: duration.optional(),
  externalEvery: duration.optional(),
});

const solutionSchema = z.strictObject({
  rootCause: text,
  path: z.array(id('action or probe')).min(1, { error: 'the solution path needs at least one step' }),
  mitigation: text.optional(),
  notes: text.optional(),
});

/** The whole scenario file. */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  schema: z.literal('firedrill/v1', { error: 'expected schema: firedrill/v1' }),
  id: id('scenario'),
  title: text,
  summary: text.optional().describe('The briefing players see when the drill starts.'),
  difficulty: z.enum(DIFFICULTIES, { error: `expected one of ${DIFFICULTIES.join(', ')}` }),
  tags: z.array(id('tag')).optional(),
  duration: duration.describe('The drill\'s hard stop, in drill time.'),
  roles: z.array(z.enum(STAFF_ROLES, { error: `expected one of ${STAFF_ROLES.join(', ')}` })).optional()
    .describe('Staff roles the drill expects besides responders (default: ic, scribe).'),
  expects: expectsSchema,
  teams: z.array(teamSchema).optional(),
  services: z.array(serviceSchema).min(1, { error: 'a scenario needs at least one service' }),
  alerts: z.array(alertSchema).optional(),
  initial: id('phase').optional(),
  phases: z.record(id('phase'), phaseSchema),
  actions: z.array(actionSchema).optional(),
  probes: z.array(probeSchema).optional(),
  injects: z.array(injectSchema).optional(),
  solution: solutionSchema,
  debrief: z.array(text).optional(),
});

/** The scenario as written in YAML, after schema checks but before references are resolved. */
export type RawScenario = z.infer<typeof scenarioSchema>;
export type RawPhase = z.infer<typeof phaseSchema>;
export type RawEffect = z.infer<typeof effectSchema>;
export type RawTransition = z.infer<typeof transitionSchema>;
export type Severity = (typeof SEVERITIES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type InjectKind = (typeof INJECT_KINDS)[number];
export type TargetKey = (typeof TARGET_KEYS)[number];
