/** The scenario file format v1 as zod schemas: the edge where YAML becomes typed data. */
import * as z from 'zod';

// zod otherwise compiles each object schema to a function with `new Function` on first use: slower for a
// CLI that parses one file per run, and scenario files should never lead to generated code.
z.config({ jitless: true });
import { DURATION_PATTERN } from './duration';
import { QUANTITY_PATTERN } from './quantity';

/** Ids: lower-case words joined by "-" or "_" (the JSON Schema also uses it for names that must be phase ids). */
export const ID_PATTERN = '^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$';
const METRIC_REF_PATTERN = '^[a-z][a-z0-9-]*\\.[a-z][a-z0-9_]*$';

import { DIFFICULTIES, INJECT_KINDS, LOG_LEVELS, SEVERITIES, STAFF_ROLES, TARGET_KEYS } from './vocabulary';

export { DIFFICULTIES, INJECT_KINDS, LOG_LEVELS, SEVERITIES, STAFF_ROLES, TARGET_KEYS } from './vocabulary';

/**
 * Length limits. Far above any real scenario (the longest library title is 166 characters, the longest text
 * about 900), and low enough that no screen, print or report has to cope with a megabyte in one field.
 */
export const LIMITS = {
  /** Characters in an id or a metric name. */
  id: 64,
  /** Characters in a title, a name (inject `from`) or an alert condition. */
  title: 200,
  /** Characters in a log line template. */
  logText: 500,
  /** Characters in a text: summary, description, impact, result, reveals, inject text, root cause, notes, debrief. */
  text: 4000,
  /**
   * Entries in a list or map of things: services, teams, alerts, phases, actions, probes, injects, solution
   * steps. A library scenario has at most a dozen; generated ones (the lint benchmark's 5,000-phase chain) may
   * have thousands, and the 1 MiB file cap bounds them anyway.
   */
  items: 10_000,
  /** Entries in a small list or map: tags, roles, a phase's logs and timers, debrief points, requires, shows, a service's metrics. */
  fewItems: 100,
} as const;

const tooLong = (what: string, max: number) => ({
  error: (issue: { input?: unknown }) => `is ${typeof issue.input === 'string' ? issue.input.length : 'too many'} characters long; ${what} may be at most ${max}`,
});
const tooMany = (what: string, max: number) => ({ error: `at most ${max} ${what}` });
/** A list of at most `max` entries. */
const list = <T extends z.ZodType>(item: T, what: string, max: number = LIMITS.items) => z.array(item).max(max, tooMany(what, max));
/** A map of at most `max` entries (the JSON Schema cannot say this; validate does). */
const limitKeys = <T extends z.ZodType<Record<string, unknown>>>(map: T, what: string, max: number = LIMITS.items) =>
  map.refine((m) => Object.keys(m).length <= max, tooMany(what, max));

const id = (what: string) =>
  z.string({ error: `expected ${what} id (a string)` })
    .max(LIMITS.id, tooLong(`an id`, LIMITS.id))
    .regex(new RegExp(ID_PATTERN), { error: `${what} ids are lower-case words joined by "-", e.g. checkout-db` });
const duration = z.string({ error: 'expected a duration such as 90s, 5m or 1h30m' })
  .regex(new RegExp(DURATION_PATTERN), { error: 'expected a duration such as 90s, 5m, 1h30m or 2:40' });
const QUANTITY_ERROR = 'expected a quantity such as 0.4%, 180ms, 2s, 1.5GB, 1200rps or a number';
// The message is on the string branch too: when the value is a string, zod reports that branch's issue, not the union's.
const quantity = z.union([
  z.number(),
  z.string().regex(new RegExp(QUANTITY_PATTERN), { error: QUANTITY_ERROR }),
], { error: QUANTITY_ERROR });
const textOf = (what: string, max: number) =>
  z.string({ error: 'expected text' }).min(1, { error: 'must not be empty' }).max(max, tooLong(what, max));
/** A title or name: one line on a screen. */
const title = textOf('a title', LIMITS.title);
/** A paragraph: a briefing, a description, what a probe reveals. */
const text = textOf('a text', LIMITS.text);
const metricRef = z.string({ error: 'expected a metric reference service.metric' })
  .regex(new RegExp(METRIC_REF_PATTERN), { error: 'expected service.metric, e.g. checkout-api.error_rate' });

const metricSchema = z.strictObject({
  baseline: quantity.describe('Healthy value, e.g. 0.4% or 180ms. Its unit is the metric\'s unit.'),
  noise: quantity.optional().describe('Seeded random wobble around the value, in the same unit.'),
  title: title.optional(),
});

const serviceSchema = z.strictObject({
  id: id('service'),
  title: title.optional(),
  owner: id('team').describe('The team whose on-call owns this service and is paged for it.'),
  metrics: limitKeys(
    z.record(z.string().max(LIMITS.id, tooLong('a metric name', LIMITS.id)).regex(/^[a-z][a-z0-9_]*$/, { error: 'metric names are lower_snake_case' }), metricSchema),
    'metrics per service', LIMITS.fewItems,
  ).optional(),
});

const teamSchema = z.strictObject({
  id: id('team'),
  title: title.optional(),
});

const alertSchema = z.strictObject({
  id: id('alert'),
  title: title.optional(),
  when: z.string({ error: 'expected a condition such as "checkout-api.error_rate > 5% for 1m"' }).max(LIMITS.title, tooLong('a condition', LIMITS.title))
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
  text: textOf('a log line', LIMITS.logText).describe('A log line; {host}, {requestId}, {user} and the other placeholders are filled by a seeded generator.'),
});

const transitionSchema = z.union([
  id('phase'),
  z.strictObject({
    to: id('phase'),
    requires: list(id('action or probe'), 'requirements', LIMITS.fewItems).optional()
      .describe('Actions or probes that must have completed earlier for this transition to happen.'),
  }),
], { error: 'expected a phase id, or { to: phase, requires: [ids] }' });

const phaseSchema = z.strictObject({
  description: text.optional().describe('Ground truth for the facilitator; never shown to players.'),
  impact: text.optional().describe('What customers experience in this phase (used by the postmortem).'),
  after: limitKeys(z.record(duration, id('phase')), 'timers', LIMITS.fewItems).optional().describe('Timers: after this long in the phase, move to that phase.'),
  on: limitKeys(z.record(id('action'), transitionSchema), 'transitions').optional().describe('When a remediation action completes, move to that phase.'),
  effects: limitKeys(z.record(metricRef, effectSchema), 'effects').optional().describe('Metric values in this phase; unmentioned metrics drift back to baseline.'),
  ramp: duration.optional().describe('How long effects take to reach their values (default 1m).'),
  logs: list(logSchema, 'log lines per phase', LIMITS.fewItems).optional(),
  mitigated: z.boolean().optional().describe('Customer impact has stopped in this phase.'),
  resolved: z.boolean().optional().describe('The underlying cause is fixed in this phase.'),
  final: z.boolean().optional().describe('The world stays in this phase; no way out is needed.'),
});

const actionSchema = z.strictObject({
  id: id('action'),
  service: id('service'),
  title,
  takes: duration.describe('How long the action runs before it completes.'),
  major: z.boolean().optional().describe('Needs an IC poll for strong objections first.'),
  result: text.optional().describe('What the responder sees when it completes.'),
  redHerring: z.boolean().optional(),
});

const probeSchema = z.strictObject({
  id: id('probe'),
  service: id('service'),
  title,
  takes: duration.optional(),
  reveals: z.union([text, limitKeys(z.record(z.string().max(LIMITS.id, tooLong('a phase id', LIMITS.id)), text), 'phases')], { error: 'expected text, or a map from phase id (or default) to text' })
    .describe('What the probe shows: one text, or per phase with a default.'),
  shows: list(metricRef, 'metrics shown', LIMITS.fewItems).optional().describe('Metrics whose current values the probe prints.'),
  logs: z.boolean().optional().describe('Whether the probe prints the service\'s recent log lines.'),
  clue: z.boolean().optional(),
  redHerring: z.boolean().optional(),
});

const injectSchema = z.strictObject({
  at: duration,
  kind: z.enum(INJECT_KINDS, { error: `expected one of ${INJECT_KINDS.join(', ')}` }),
  from: title,
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
  path: list(id('action or probe'), 'steps').min(1, { error: 'the solution path needs at least one step' }),
  mitigation: text.optional(),
  notes: text.optional(),
});

/** The whole scenario file. */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  schema: z.literal('firedrill/v1', { error: 'expected schema: firedrill/v1' }),
  id: id('scenario'),
  title,
  summary: text.optional().describe('The briefing players see when the drill starts.'),
  difficulty: z.enum(DIFFICULTIES, { error: `expected one of ${DIFFICULTIES.join(', ')}` }),
  tags: list(id('tag'), 'tags', LIMITS.fewItems).optional(),
  duration: duration.describe('The drill\'s hard stop, in drill time.'),
  roles: list(z.enum(STAFF_ROLES, { error: `expected one of ${STAFF_ROLES.join(', ')}` }), 'roles', LIMITS.fewItems).optional()
    .describe('Staff roles the drill expects besides responders (default: ic, scribe).'),
  expects: expectsSchema,
  teams: list(teamSchema, 'teams').optional(),
  services: list(serviceSchema, 'services').min(1, { error: 'a scenario needs at least one service' }),
  alerts: list(alertSchema, 'alerts').optional(),
  initial: id('phase').optional(),
  phases: limitKeys(z.record(id('phase'), phaseSchema), 'phases'),
  actions: list(actionSchema, 'actions').optional(),
  probes: list(probeSchema, 'probes').optional(),
  injects: list(injectSchema, 'injects').optional(),
  solution: solutionSchema,
  debrief: list(text, 'debrief points', LIMITS.fewItems).optional(),
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
