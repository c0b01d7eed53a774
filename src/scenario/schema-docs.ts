/**
 * Editor help for the scenario JSON Schema that the zod schema does not carry: descriptions of the properties it
 * leaves undescribed, examples, defaults, and a description for each value of the closed word lists. Taken from the
 * authoring guide (scenarios/README.md); json-schema.ts applies it. A property the zod schema already describes
 * gets only examples, a default or `more` (a sentence added to that description) here, so no text is written twice.
 */
import type { DIFFICULTIES, INJECT_KINDS, LOG_LEVELS, SEVERITIES, STAFF_ROLES, TARGET_KEYS } from './vocabulary';

/** Help for one place in a scenario file. */
export interface PropertyHelp {
  readonly description?: string;
  /** A sentence added to the zod schema's own description. */
  readonly more?: string;
  readonly examples?: readonly unknown[];
  readonly default?: unknown;
  /** One description per value of an enum, in any order (json-schema.ts writes them in the enum's order). */
  readonly values?: Readonly<Record<string, string>>;
}

const ID_TEXT = 'lower-case words joined by "-" (or "_"), starting with a letter';

const DIFFICULTY: Record<(typeof DIFFICULTIES)[number], string> = {
  intro: 'One clear fault, few services, one red herring.',
  medium: 'Several services, a wrong move that makes it worse, more roles.',
  hard: 'Several faults, misleading signals, sub-teams.',
};
const SEVERITY: Record<(typeof SEVERITIES)[number], string> = {
  'SEV-1': 'Critical: many customers hurt, public notification and executives involved. A major incident.',
  'SEV-2': 'A critical system problem hurting many customers\' use of the product. A major incident.',
  'SEV-3': 'Stability or minor customer-facing problems the owners must look at now; may become SEV-2.',
  'SEV-4': 'Minor problems that need action but do not affect customers\' use of the product.',
  'SEV-5': 'Cosmetic issues or bugs that do not affect using the product: a ticket, no page.',
};
const ROLE: Record<(typeof STAFF_ROLES)[number], string> = {
  ic: 'Incident Commander: runs the response and makes the decisions.',
  deputy: 'Deputy: backs up the IC, calls out elapsed time and expired time boxes.',
  scribe: 'Scribe: keeps the timeline and records follow-ups.',
  'customer-liaison': 'Customer Liaison: drafts and posts public updates.',
  'internal-liaison': 'Internal Liaison: keeps internal stakeholders informed.',
};
const INJECT_KIND: Record<(typeof INJECT_KINDS)[number], string> = {
  'customer-report': 'A customer or Support reports symptoms; trains sizing up impact and public posts.',
  'exec-swoop': 'An executive pushes ("just restart everything"); trains the IC offering command or deferring.',
  chatter: 'Colleagues speculating on the channel, maybe a red herring or a clue; trains keeping order.',
  followup: 'A "we should ..." remark; trains the Scribe recording follow-ups (/todo).',
  question: 'A direct question that needs a decision; trains the IC deciding promptly.',
  stakeholder: 'An internal stakeholder asks for status or an ETA; trains status updates.',
};
const LOG_LEVEL: Record<(typeof LOG_LEVELS)[number], string> = {
  debug: 'Detail only a developer reads.',
  info: 'Normal operation.',
  warn: 'Something is off but still working.',
  error: 'A request or job failed.',
};
const TARGET: Record<(typeof TARGET_KEYS)[number], string> = {
  acknowledge: 'Alert fires → the page is acknowledged (process default 5m).',
  trigger: 'Alert fires → someone triggers the major-incident response (default 5m).',
  command: 'Response triggered → an IC announces they are in command (default 5m).',
  assemble: 'Response triggered → staff named and the needed responders joined (default 10m).',
  severity: 'IC in command → first severity declared (default 5m).',
  firstStatus: 'IC in command → first status update.',
  mitigate: 'Alert fires → the world reaches a mitigated: true phase.',
  resolve: 'Alert fires → the IC declares the incident resolved (/resolve) once the world is mitigated.',
  firstExternal: 'Call starts → first public post (default 5m).',
};

/** Help by place, written as a path into the file: `.key`, `[]` for a list item, `.*` for any entry of a map. */
export const SCHEMA_HELP: Readonly<Record<string, PropertyHelp>> = {
  $schema: { description: 'The JSON Schema for editors that read a $schema key; firedrill ignores it.' },
  schema: {
    description: 'The format version.',
    values: {
      'firedrill/v1': 'Phases, timers from entering a phase, effects, probes, actions and injects at drill times.',
      'firedrill/v2': 'v1 plus variables, conditions, drill-clock and condition edges, result cases, questions and seeded variation (docs/scenario-format-v2.md).',
    },
    examples: ['firedrill/v1', 'firedrill/v2'],
  },
  id: { description: `The scenario's id, ${ID_TEXT}; scorecards and the history record it. Use the file name without .yaml.`, examples: ['checkout-db-wal-disk-full'] },
  title: { description: 'One line shown to players and in scorecards. Name the symptom, not the cause.', examples: ['Checkout database runs out of WAL disk during peak'] },
  summary: { more: 'Say what they can see, never the cause.' },
  difficulty: { description: 'How hard the drill is.', values: DIFFICULTY },
  tags: { description: 'Free labels for finding scenarios.', default: [], examples: [['database', 'deploy']] },
  duration: { examples: ['45m', '30m'] },
  roles: { default: ['ic', 'scribe'], examples: [['ic', 'scribe', 'customer-liaison']] },
  'roles[]': { values: ROLE },
  expects: { description: 'What a good response looks like; scoring compares the drill against it.' },
  'expects.severity': { description: 'The severity a good IC declares. SEV-1 and SEV-2 are major incidents.', values: SEVERITY },
  'expects.targets': { description: 'Time targets by name; a target left out uses the process default or is not checked.', default: {}, examples: [{ acknowledge: '5m', command: '3m', mitigate: '25m' }] },
  ...Object.fromEntries(Object.entries(TARGET).map(([k, d]) => [`expects.targets.${k}`, { description: d, examples: ['5m'] }])),
  'expects.statusEvery': { description: 'The longest acceptable gap between IC status updates (default 10m).', examples: ['10m'] },
  'expects.externalEvery': { description: 'The longest acceptable gap between public posts (default 20m); set it when the drill has a customer-liaison.', examples: ['20m'] },
  teams: { description: 'Teams that can be paged; needed only for a title or a team that owns no service. Every service owner is a team.', default: [] },
  'teams[].id': { description: `The team's id, ${ID_TEXT}.`, examples: ['dba'] },
  'teams[].title': { description: 'Display name (default: the id).', examples: ['Database administrators'] },
  services: { description: 'The systems in the drill, at least one; each brings responders (the owning team\'s on-call).' },
  'services[].id': { description: `The service's id, ${ID_TEXT}; used in metric refs, logs, actions and probes.`, examples: ['checkout-db'] },
  'services[].title': { description: 'Display name (default: the id).', examples: ['Checkout PostgreSQL'] },
  'services[].owner': { examples: ['dba'] },
  'services[].metrics': { description: 'The service\'s metrics by name.', default: {}, examples: [{ error_rate: { baseline: '0.4%', noise: '0.1%' } }] },
  'services[].metrics.*': { description: 'A metric: its healthy baseline (which sets its unit), noise and title.' },
  'services[].metrics.*.baseline': { more: 'It is 0 or more; a percentage is at most 100%.', examples: ['0.4%', '180ms', '1200rps', '1.5GB', 85] },
  'services[].metrics.*.noise': { more: 'It is 0 or more; a percentage is at most 100%.', default: 0, examples: ['0.1%', '20ms'] },
  'services[].metrics.*.title': { description: 'What the metric means, in a sentence, for whoever reads the file; screens show the metric\'s name (v2: its label).', examples: ['pg_wal volume used'] },
  'services[].metrics.*.unit': {
    description: 'v2. The unit values are shown in, on the metric panel and in probe readings; it must fit the baseline\'s kind (a percentage, a time, a size, a rate). Default: a rate is shown in the unit its baseline is written in (600/min per minute), other kinds in their usual unit (ms up to 10 s, then s; MB up to 1 GB, then GB). Leave it out for a count. Values are still kept, compared and journalled in base units.',
    examples: ['/min', 's', 'GB'],
    values: {
      '%': 'A percentage, e.g. 12.5%.', ms: 'Milliseconds, e.g. 180ms.', s: 'Seconds, e.g. 0.18s or 12s.', KB: 'Kilobytes, e.g. 512KB.',
      MB: 'Megabytes, e.g. 1536MB.', GB: 'Gigabytes, e.g. 1.5GB.', TB: 'Terabytes, e.g. 0.2TB.',
      rps: 'Per second, written rps (requests per second), e.g. 850rps.', '/s': 'Per second, e.g. 25/s.', '/min': 'Per minute, e.g. 600/min.',
    },
  },
  'services[].metrics.*.label': { description: 'v2. A short name shown for the metric instead of its name, on the metric panel and in probe readings (at most 64 characters).', examples: ['orders/min', 'photos deleted'] },
  'services[].public': { description: 'v2. The name customers know this service by; the customer liaison bot\'s status-page updates use it. Without any public name in a v2 file they say "our service", never an internal title.', examples: ['Checkout', 'Photos'] },
  clock: { description: 'v2. The story\'s time of day when the drill starts, HH:MM on the 24-hour clock (quote it). Log lines, the channel and the drill screen\'s clock then show the story\'s time of day (09:45:12) instead of drill time; scores and timelines still count from the start (T+05:12).', examples: ['09:40'] },
  alerts: { description: 'Alerts that page a team when a metric crosses a threshold.', default: [] },
  'alerts[].id': { description: `The alert's id, ${ID_TEXT}.`, examples: ['checkout-5xx'] },
  'alerts[].title': { description: 'The page\'s title (default: the id).', examples: ['checkout-api 5xx rate above 5%'] },
  'alerts[].when': { more: 'Quote it. The value is in the metric\'s unit, 0 or more (a percentage at most 100%).', examples: ['checkout-api.error_rate > 5% for 1m', 'web.requests < 100rps for 5m'] },
  'alerts[].pages': { description: 'The team whose on-call is paged: a service owner or a team under teams.', examples: ['payments'] },
  'alerts[].urgency': { description: 'How the page is delivered.', default: 'high', values: { high: 'High urgency: wakes someone up.', low: 'Low urgency: does not wake anyone.' } },
  'alerts[].runbook': { description: 'A link or a hint shown with the page.', examples: ['https://runbooks.example.com/checkout-api/5xx'] },
  initial: { description: 'The phase the world starts in (default: the first phase in the file).', examples: ['steady'] },
  phases: { description: 'The story: a state machine of phases by id. The world starts in the first one (or initial).' },
  'phases.*': { description: 'A phase: its metric effects, log lines, and the timers and actions that move the world on.' },
  'phases.*.after': { examples: [{ '2m': 'disk-filling' }] },
  'phases.*.after.*': { description: 'The phase the timer leads to.' },
  'phases.*.on': { more: 'Each entry is a phase id, or { to: phase, requires: [ids] }.', examples: [{ 'failover-db': 'failed-over' }] },
  'phases.*.on.*': { description: 'The phase this action leads to, or { to, requires }.' },
  'phases.*.on.*.to': { description: 'The phase the action leads to.', examples: ['failed-over'] },
  'phases.*.on.*.requires': { default: [], examples: [['archiver-status']] },
  'phases.*.effects': { more: 'A value is 0 or more (a percentage at most 100%); a multiplier such as x8 scales the baseline.', examples: [{ 'checkout-api.error_rate': '12%', 'checkout-db.latency_p99': 'x8' }] },
  'phases.*.effects.*': { description: 'A value in the metric\'s unit (12%), a multiplier of its baseline (x8), or { to, over } for a ramp of its own.', examples: ['12%', 'x8', { to: '99.6%', over: '5m' }] },
  'phases.*.effects.*.to': { description: 'The value the metric ramps to: a quantity in its unit, 0 or more (a percentage at most 100%), or a multiplier such as x8.', examples: ['99.6%', 'x8'] },
  'phases.*.effects.*.over': { description: 'How long this metric takes to get there, or (v2, with add:) how long the one addition takes; default: the phase\'s ramp.', examples: ['5m'] },
  'phases.*.others': { values: { baseline: 'Metrics this phase does not mention drift back to their baseline (v1\'s behaviour).', hold: 'Metrics this phase does not mention keep the value they have when the phase is entered.' } },
  'phases.*.worse': { default: false },
  'phases.*.ramp': { default: '1m', examples: ['0s', '3m'] },
  'phases.*.logs': { description: 'Log lines the services emit while the world is in this phase.', default: [] },
  'phases.*.logs[].service': { description: 'The service that logs the line.', examples: ['checkout-db'] },
  'phases.*.logs[].level': { description: 'The log level.', values: LOG_LEVEL },
  'phases.*.logs[].every': { description: 'How often a line is emitted (1s or more).', examples: ['5s', '30s'] },
  'phases.*.logs[].text': { examples: ['{host} rejected request {requestId}: invalid upstream config'] },
  'phases.*.mitigated': { default: false },
  'phases.*.resolved': { default: false },
  'phases.*.final': { default: false },
  actions: { description: 'Remediations responders start with /run ACTION.', default: [] },
  'actions[].id': { description: `What players type after /run, ${ID_TEXT}; must differ from every probe id.`, examples: ['failover-db'] },
  'actions[].service': { description: 'The service it acts on; its responders can run it.', examples: ['checkout-db'] },
  'actions[].title': { description: 'What players see: start with the verb and name the thing it acts on.', examples: ['Promote replica db-2 to primary'] },
  'actions[].takes': { examples: ['2m', '30s'] },
  'actions[].major': { default: false },
  'actions[].result': { more: 'It is the same in every phase.' },
  'actions[].redHerring': { description: 'A plausible but wrong action: it does nothing, or (through an on: entry) makes things worse. v2: taking it costs its weight (default 3 points), named in the scorecard\'s judgement section.', default: false },
  'actions[].harmful': { default: false },
  'actions[].weight': { examples: [10, 0] },
  'actions[].why': { examples: ['The database was healthy; restarting it under load dropped every connection.'] },
  probes: { description: 'Diagnostics responders run with /check PROBE.', default: [] },
  'probes[].id': { description: `What players type after /check, ${ID_TEXT}; must differ from every action id.`, examples: ['db-disk'] },
  'probes[].service': { description: 'The service it looks at.', examples: ['checkout-db'] },
  'probes[].title': { description: 'What players see in the list of checks.', examples: ['Check disk usage on the checkout database'] },
  'probes[].takes': { description: 'How long the check takes.', default: '30s', examples: ['30s', '1m'] },
  'probes[].reveals': { examples: ['The pg_wal volume (50 GB) is 6% used.', { default: 'Disk 6% used.', 'disk-filling': 'Disk over 98% full.' }] },
  'probes[].reveals.default': { description: 'What the probe shows in every phase not named here.' },
  'probes[].reveals.*': { description: 'What the probe shows in that phase.' },
  'probes[].shows': { default: [], examples: [['checkout-db.wal_disk_used']] },
  'probes[].logs': { default: false },
  'probes[].clue': { description: 'This probe points towards the cause (ground truth for the facilitator and the debrief).', default: false },
  'probes[].redHerring': { description: 'This probe looks at a plausible suspect and rules it out; a probe cannot be both clue and redHerring.', default: false },
  injects: { description: 'Scripted people: each posts a message at a set drill time.', default: [] },
  'injects[].at': { description: 'Drill time from the start of the drill (not of the phase); it keeps that time whatever the phases do. v2: or give after: and since: instead.', examples: ['12m', '2:40'] },
  'injects[].kind': { description: 'What kind of person and message this is.', values: INJECT_KIND },
  'injects[].from': { description: 'Who says it.', examples: ['Dana (VP Engineering)', 'Priya (Customer Support)'] },
  'injects[].text': { description: 'The message.', examples: ['Can we just restart everything?'] },
  'injects[].phase': { examples: ['failed-over'] },
  solution: { description: 'The ground truth: by-the-book bots follow path; the debrief shows all of it.' },
  'solution.rootCause': { description: 'What really went wrong, in a sentence or three.' },
  'solution.path': { description: 'The ideal steps in order: the probes that find the cause, then the actions that fix it.', examples: [['db-disk', 'failover-db']] },
  'solution.mitigation': { description: 'How the impact is stopped, in a sentence.' },
  'solution.notes': { description: 'For the facilitator: why the red herrings are wrong, alternative good paths.' },
  debrief: { description: 'Questions for the review after the drill, about decisions and process.', default: [], examples: [['Who decided to roll back, and was there a poll?']] },
};

/** What the names of a user-named map are, by the map's path. */
export const NAME_HELP: Readonly<Record<string, string>> = {
  phases: `A phase id: ${ID_TEXT}.`,
  'services[].metrics': 'A metric name: lower_snake_case, e.g. error_rate.',
  'phases.*.after': 'A duration in this phase, e.g. 2m.',
  'phases.*.on': 'The id of an action (/run) whose completion moves the world.',
  'phases.*.effects': 'A metric ref service.metric, e.g. checkout-api.error_rate.',
  'probes[].reveals': 'A phase id, or default.',
  variables: 'A variable name (v2): lower_snake_case, e.g. deleted_objects; not phase, answer, and, or, not, in, true or false.',
  'phases.*.at': 'A drill time from the start of the drill (v2), e.g. 20m.',
  'phases.*.when': 'A condition (v2), e.g. "disk_used > 95%" or "email_held and phase = surge".',
  'phases.*.sets': 'The name of a variable (v2) declared under variables:.',
  'actions[].sets': 'The name of a variable (v2) declared under variables:.',
  'injects[].sets': 'The name of a variable (v2) declared under variables:.',
};
