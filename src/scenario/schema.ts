/** The scenario file format v1 as zod schemas: the edge where YAML becomes typed data. */
import * as z from 'zod';

// zod otherwise compiles each object schema to a function with `new Function` on first use: slower for a
// CLI that parses one file per run, and scenario files should never lead to generated code.
z.config({ jitless: true });
import { DURATION_PATTERN } from './duration';
import { DISPLAY_UNITS, QUANTITY_PATTERN } from './quantity';
import { CLOCK_PATTERN } from './story-clock';
import { DEFAULT_WEIGHT, MAX_WEIGHT } from './judgement';

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

// ---- Format v2 building blocks (each new property carries its own description for editors).
const VARIABLE_PATTERN = '^[a-z][a-z0-9_]*$';
const variableName = z.string({ error: 'expected a variable name' }).max(LIMITS.id, tooLong('a variable name', LIMITS.id))
  .regex(new RegExp(VARIABLE_PATTERN), { error: 'variable names are lower_snake_case, e.g. deleted_objects or email_held' });
const condition = z.string({ error: 'expected a condition such as "deleted_objects > 5000 and not email_held"' })
  .min(1, { error: 'must not be empty' }).max(LIMITS.logText, tooLong('a condition', LIMITS.logText))
  .describe('v2. A condition: NAME OP VALUE joined with and / or, not, parentheses; names are variables, phase, answer.QUESTION or service.metric. E.g. "deleted_objects > 5000 and not email_held", "phase in [degraded, failing]", "checkout-db.disk_used >= 95%".');
const chance = z.number({ error: 'expected a probability between 0 and 1, e.g. 0.3' })
  .gt(0, { error: 'a chance is more than 0 (leave the transition out instead)' }).max(1, { error: 'a chance is at most 1' })
  .describe('v2. When the transition would happen, it happens with this probability (drawn from the drill\'s seed, so a replay is exact).');
const jitter = duration.describe('v2. Moves the time by a seeded amount between minus and plus this much (never before the drill starts).');
const onceSetValue = z.union([
  z.number(), z.boolean(),
  z.strictObject({ add: z.number({ error: 'expected a number to add' }).describe('Added to the variable\'s current value (negative subtracts).') }),
], { error: 'expected a value for the variable: a number, true or false, or { add: N }' });
const phaseSetValue = z.union([
  z.number(), z.boolean(),
  z.strictObject({
    add: z.number({ error: 'expected a number to add' }).describe('Added to the variable\'s current value (negative subtracts).'),
    every: duration.optional().describe('Adds again every this long while the world stays in the phase (first after one interval).'),
  }),
], { error: 'expected a value for the variable: a number, true or false, or { add: N, every: DURATION }' });
const setsOf = <T extends z.ZodType>(value: T) => limitKeys(z.record(variableName, value), 'variables set', LIMITS.fewItems);
/** A text chosen by cases, the first whose condition holds (a case without `if` always holds). */
const casesOf = (what: string) => list(z.strictObject({
  if: condition.optional().describe('This case applies when the condition holds; leave it out for the default case (put it last).'),
  text: text.describe(what),
}), 'cases', LIMITS.fewItems).min(1, { error: 'give at least one case' });
const QUESTION_ANSWER_PATTERN = '^[A-Za-z0-9][A-Za-z0-9 _-]*$';
const answerWord = z.string({ error: 'expected an answer word such as yes' }).max(LIMITS.id, tooLong('an answer', LIMITS.id))
  .regex(new RegExp(QUESTION_ANSWER_PATTERN), { error: 'answers are short words such as yes, no or later' });

const metricSchema = z.strictObject({
  baseline: quantity.describe('Healthy value, e.g. 0.4% or 180ms. Its unit is the metric\'s unit.'),
  noise: quantity.optional().describe('Seeded random wobble around the value, in the same unit.'),
  title: title.optional(),
  // v2 presentation: how values are shown and what the metric is called on screen (described in schema-docs.ts).
  unit: z.enum(DISPLAY_UNITS, { error: `expected a display unit: ${DISPLAY_UNITS.join(', ')} (leave it out for a count)` }).optional(),
  label: z.string({ error: 'expected a short label such as orders/min' }).min(1, { error: 'must not be empty' }).max(LIMITS.id, tooLong('a label', LIMITS.id)).optional(),
});

const serviceSchema = z.strictObject({
  id: id('service'),
  title: title.optional(),
  public: title.optional(),
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
  z.literal('hold').describe('v2. Keeps the metric at whatever value it has when the phase is entered (no drift back to baseline).'),
  z.strictObject({
    add: quantity.describe('v2. Added to the metric\'s current value, in its unit (negative subtracts).'),
    every: duration.optional().describe('v2. Adds that much every this long, steadily, while the world stays in the phase.'),
    // Described in schema-docs.ts (phases.*.effects.*.over), with the { to, over } form's.
    over: duration.optional(),
  }),
], { error: 'expected an effect: 12%, x8, { to: 12%, over: 3m }, or (v2) hold or { add: 200, every: 1m }' });

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
    if: condition.optional(),
    chance: chance.optional(),
  }),
], { error: 'expected a phase id, or { to: phase, requires: [ids] }' });
/** v2: where a timer (after: or at:) leads, optionally only sometimes, at a seeded moment, or under a condition. */
const timedTransitionSchema = z.union([
  id('phase'),
  z.strictObject({
    to: id('phase').describe('The phase the world moves to.'),
    if: condition.optional(),
    chance: chance.optional(),
    jitter: jitter.optional(),
  }),
], { error: 'expected a phase id, or (v2) { to: phase, chance: 0.5, jitter: 1m, if: CONDITION }' });
/** v2: where a condition edge (when:) leads. */
const conditionTransitionSchema = z.union([
  id('phase'),
  z.strictObject({ to: id('phase').describe('The phase the world moves to.'), chance: chance.optional() }),
], { error: 'expected a phase id, or (v2) { to: phase, chance: 0.5 }' });

const phaseSchema = z.strictObject({
  description: text.optional().describe('Ground truth for the facilitator; never shown to players.'),
  impact: text.optional().describe('What customers experience in this phase (used by the postmortem).'),
  after: limitKeys(z.record(duration, timedTransitionSchema), 'timers', LIMITS.fewItems).optional().describe('Timers: after this long in the phase, move to that phase.'),
  on: limitKeys(z.record(id('action'), transitionSchema), 'transitions').optional().describe('When a remediation action completes, move to that phase.'),
  effects: limitKeys(z.record(metricRef, effectSchema), 'effects').optional().describe('Metric values in this phase; unmentioned metrics drift back to baseline.'),
  ramp: duration.optional().describe('How long effects take to reach their values (default 1m).'),
  logs: list(logSchema, 'log lines per phase', LIMITS.fewItems).optional(),
  mitigated: z.boolean().optional().describe('Customer impact has stopped in this phase.'),
  resolved: z.boolean().optional().describe('The underlying cause is fixed in this phase.'),
  final: z.boolean().optional().describe('The world stays in this phase; no way out is needed.'),
  at: limitKeys(z.record(duration, timedTransitionSchema), 'clock edges', LIMITS.fewItems).optional()
    .describe('v2. Drill-clock edges: at this drill time (from the start), if the world is in this phase, move to that phase. Re-entering the phase never moves them. E.g. { 20m: surge }.'),
  when: limitKeys(z.record(z.string().min(1).max(LIMITS.logText, tooLong('a condition', LIMITS.logText)), conditionTransitionSchema), 'condition edges', LIMITS.fewItems).optional()
    .describe('v2. Condition edges, checked every 5 s of drill time: when the condition becomes true in this phase, move to that phase. E.g. { "deleted_objects > 50000": data-loss }.'),
  sets: setsOf(phaseSetValue).optional()
    .describe('v2. Variables set on entering the phase: a value, { add: N } once, or { add: N, every: 1m } while the world stays here.'),
  others: z.enum(['baseline', 'hold'], { error: 'expected baseline or hold' }).optional()
    .describe('v2. What metrics this phase does not mention do: drift back to baseline (the default) or hold their current value.'),
  worse: z.boolean().optional()
    .describe('v2. A worse state than the incident had to reach (an outage, data past the backup): the scorecard\'s judgement section shows the time the world spent here.'),
});

const actionSchema = z.strictObject({
  id: id('action'),
  service: id('service'),
  title,
  takes: duration.describe('How long the action runs before it completes.'),
  major: z.boolean().optional().describe('Needs an IC poll for strong objections first.'),
  result: z.union([text, casesOf('What the responder sees when the action completes in this case.')], { error: 'expected text, or (v2) a list of { if: CONDITION, text } cases' }).optional()
    .describe('What the responder sees when it completes. v2: a list of cases, the first whose if: holds (as the world was when the action finished), e.g. [{ if: "phase = deleting", text: ... }, { text: ... }].'),
  redHerring: z.boolean().optional(),
  sets: setsOf(onceSetValue).optional().describe('v2. Variables the action sets when it completes, e.g. { email_held: true } or { restores: { add: 1 } }.'),
  phases: list(id('phase'), 'phases', LIMITS.fewItems).min(1, { error: 'list at least one phase' }).optional()
    .describe('v2. The action can only be started while the world is in one of these phases; /run is refused otherwise.'),
  unavailable: text.optional().describe('v2. What /run says when the action cannot run now (outside its phases). Never name a phase: players must not learn it.'),
  harmful: z.boolean().optional()
    .describe('v2. A wrong action that makes things worse: taking it costs its weight in points, and the scorecard\'s judgement section names it.'),
  weight: z.number({ error: `expected a whole number of points from 0 to ${MAX_WEIGHT}` })
    .int({ error: `weight is points: a whole number from 0 to ${MAX_WEIGHT}` })
    .min(0, { error: `weight is points: a whole number from 0 to ${MAX_WEIGHT}` }).max(MAX_WEIGHT, { error: `weight is points: a whole number from 0 to ${MAX_WEIGHT}` }).optional()
    .describe(`v2. Points taking this harmful or red-herring action costs the team score (0 to ${MAX_WEIGHT}); default ${DEFAULT_WEIGHT.harmful} for harmful, ${DEFAULT_WEIGHT['red-herring']} for a red herring.`),
  why: text.optional().describe('v2. Why the harmful or red-herring action is wrong, in a sentence: the scorecard shows it beside the action.'),
}).superRefine((a, ctx) => {
  // A red herring looks right and does no good; a harmful action does damage. One action is one of the two.
  if (a.harmful === true && a.redHerring === true) ctx.addIssue({ code: 'custom', path: ['harmful'], message: 'an action is harmful (it makes things worse) or a red herring (it looks right and does no good), not both' });
  for (const key of ['weight', 'why'] as const) {
    if (a[key] !== undefined && a.harmful !== true && a.redHerring !== true) ctx.addIssue({ code: 'custom', path: [key], message: `${key}: belongs to an action marked harmful: true or redHerring: true` });
  }
});

const probeSchema = z.strictObject({
  id: id('probe'),
  service: id('service'),
  title,
  takes: duration.optional(),
  reveals: z.union([text, limitKeys(z.record(z.string().max(LIMITS.id, tooLong('a phase id', LIMITS.id)), text), 'phases'), casesOf('What the probe shows in this case.')], { error: 'expected text, or a map from phase id (or default) to text, or (v2) a list of { if: CONDITION, text } cases' })
    .describe('What the probe shows: one text, or per phase with a default. v2: a list of cases, the first whose if: holds.'),
  shows: list(metricRef, 'metrics shown', LIMITS.fewItems).optional().describe('Metrics whose current values the probe prints.'),
  logs: z.boolean().optional().describe('Whether the probe prints the service\'s recent log lines.'),
  clue: z.boolean().optional(),
  redHerring: z.boolean().optional(),
});

const SINCE_PATTERN = '^(?:mitigation|phase:[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*)$';
const injectSchema = z.strictObject({
  // Described in schema-docs.ts (injects[].at).
  at: duration.optional(),
  kind: z.enum(INJECT_KINDS, { error: `expected one of ${INJECT_KINDS.join(', ')}` }),
  from: title,
  text,
  phase: id('phase').optional().describe('Only happens if the world is in this phase at that time.'),
  after: duration.optional().describe('v2. How long after the since: moment the inject comes due.'),
  since: z.string({ error: 'expected phase:ID or mitigation' }).regex(new RegExp(SINCE_PATTERN), { error: 'expected phase:ID (the first time the world enters that phase) or mitigation (the first time it is mitigated)' }).optional()
    .describe('v2. What after: counts from: phase:ID (the first time the world enters that phase) or mitigation (the first time the world enters a mitigated phase).'),
  phases: list(id('phase'), 'phases', LIMITS.fewItems).min(1, { error: 'list at least one phase' }).optional()
    .describe('v2. Only happens if the world is in one of these phases when it comes due; otherwise it is journalled as skipped.'),
  if: condition.optional().describe('v2. Only happens if this condition holds when it comes due; otherwise it is journalled as skipped.'),
  sets: setsOf(onceSetValue).optional().describe('v2. Variables set when the inject happens.'),
  jitter: jitter.optional(),
  id: id('inject').optional().describe('v2. A name for the inject; a question needs one to be answered (/answer ID yes) and tested (answer.ID = yes).'),
  answers: list(answerWord, 'answers', LIMITS.fewItems).min(2, { error: 'give at least two answers, or leave answers out for free text' }).optional()
    .describe('v2, questions only. The answers /answer accepts, e.g. [yes, no]; free text when absent.'),
  expected: answerWord.optional().describe('v2, questions only. The by-the-book answer: what well-run bots answer; careless bots answer otherwise, or late.'),
}).superRefine((inj, ctx) => {
  if (inj.at === undefined && inj.after === undefined) ctx.addIssue({ code: 'custom', path: ['at'], message: 'missing required key "at" (or, in v2, after: with since:)' });
  if (inj.at !== undefined && inj.after !== undefined) ctx.addIssue({ code: 'custom', path: ['after'], message: 'give at: (from the drill start) or after: with since:, not both' });
  if (inj.after !== undefined && inj.since === undefined) ctx.addIssue({ code: 'custom', path: ['after'], message: 'after: needs since: phase:ID or since: mitigation' });
  if (inj.since !== undefined && inj.after === undefined && inj.at !== undefined) ctx.addIssue({ code: 'custom', path: ['since'], message: 'since: goes with after: DURATION, not with at:' });
  if (inj.phase !== undefined && inj.phases !== undefined) ctx.addIssue({ code: 'custom', path: ['phases'], message: 'give phase: or phases:, not both' });
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
  // Described in schema-docs.ts, with each version's meaning.
  schema: z.enum(['firedrill/v1', 'firedrill/v2'], { error: 'expected schema: firedrill/v1 or firedrill/v2' }),
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
  variables: limitKeys(z.record(variableName, z.union([z.number(), z.boolean()], { error: 'expected a start value: a number or true/false' })), 'variables').optional()
    .describe('v2. Scenario variables with their start values: numbers (counts) and flags (true/false). Actions, phases and injects set them; conditions test them.'),
  clock: z.string({ error: 'expected a time of day such as "09:40" (quote it)' }).regex(new RegExp(CLOCK_PATTERN), { error: 'expected a time of day HH:MM on the 24-hour clock, such as "09:40"' }).optional(),
});

/** The scenario as written in YAML, after schema checks but before references are resolved. */
export type RawScenario = z.infer<typeof scenarioSchema>;
export type RawPhase = z.infer<typeof phaseSchema>;
export type RawEffect = z.infer<typeof effectSchema>;
export type RawTransition = z.infer<typeof transitionSchema>;
export type RawTimedTransition = z.infer<typeof timedTransitionSchema>;
export type RawConditionTransition = z.infer<typeof conditionTransitionSchema>;
export type Severity = (typeof SEVERITIES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type InjectKind = (typeof INJECT_KINDS)[number];
export type TargetKey = (typeof TARGET_KEYS)[number];
