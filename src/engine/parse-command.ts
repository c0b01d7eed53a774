/** Chat-ops text to Commands, with errors a person under pressure can act on at once. */
import { closest } from '../scenario/did-you-mean';
import { SEVERITIES } from '../scenario/vocabulary';
import { COMMAND_NAMES, COMMAND_USAGE } from './command';
import type { Appointment, Command, CommandError, CommandKind, CommandVocabulary } from './command';
import { ROLES, isRole, normalizeRole } from './roles';
import type { Role } from './roles';
import { limitLength, stripControl } from './sanitize';
import { parseSpokenDuration, splitTimebox } from './timebox';

type Name = Exclude<CommandKind, 'say'>;
type Result = Command | CommandError;
type Parser = (args: string, vocab: CommandVocabulary) => Result;

/** Longest piece of someone's input quoted back in an error, so a pasted log cannot flood the UI. */
const QUOTE_MAX = 40;
/** Most names listed in a suggestion when nothing is close. */
const LIST_MAX = 6;

const TASK_ID_RE = /^(T\d+)[:,.]?$/i;
const DRAFT_ID_RE = /^(D\d+)[:,.]?$/i;
const TRAILING_PUNCT_RE = /[,;:.!?]+$/;
// A name given as an argument ends at a space or at punctuation that ends a clause ("@bob, check ...").
const ARG_NAME_END_RE = /^(?:$|\s|[,;:.!?]+(?:\s|$))/;
// A mention ends where a name could not go on: "@alice." and "@alice's" mention alice; "@alice-ops" does not.
const MENTION_GOES_ON_RE = /^(?:[\p{L}\p{M}\p{N}_-]|\.[\p{L}\p{N}])/u;
const MENTION_PRECEDED_RE = /[\p{L}\p{M}\p{N}_]/u;

const TEXT_NEEDS: Readonly<Record<'poll' | 'object' | 'decide' | 'status' | 'note' | 'todo' | 'draft', string>> = {
  poll: 'a proposal',
  object: 'your objection',
  decide: 'the decision',
  status: 'the update',
  note: 'the timeline entry',
  todo: 'the follow-up item',
  draft: 'the message text',
};

const APPOINTABLE: readonly Role[] = ROLES.filter((r) => r !== 'ic' && r !== 'facilitator');

function fail(error: string, suggestion?: string): CommandError {
  return suggestion === undefined ? { error } : { error, suggestion };
}

function quote(s: string): string {
  return `"${limitLength(s, QUOTE_MAX)}"`;
}

function listSome(label: string, items: readonly string[], show: (s: string) => string = (s) => s): string | undefined {
  if (items.length === 0) return undefined;
  const shown = items.slice(0, LIST_MAX).map(show).join(', ');
  return `${label}: ${shown}${items.length > LIST_MAX ? ', …' : ''}`;
}

function splitFirst(s: string): [string, string] {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(s);
  return m ? [m[1] ?? '', m[2] ?? ''] : ['', ''];
}

function cleanToken(t: string): string {
  return t.replace(TRAILING_PUNCT_RE, '');
}

function findCi(word: string, list: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  return list.find((x) => x.toLowerCase() === w);
}

function isName(s: string): s is Name {
  return (COMMAND_NAMES as readonly string[]).includes(s);
}

/** Finds the longest known name that `text` starts with (case-insensitively), as long as `ends` accepts what follows. */
function longestNameAt(text: string, people: readonly string[], ends: (after: string) => boolean): string | undefined {
  let best: string | undefined;
  for (const p of people) {
    if (p === '' || p.length > text.length || (best !== undefined && p.length <= best.length)) continue;
    if (text.slice(0, p.length).toLowerCase() === p.toLowerCase() && ends(text.slice(p.length))) best = p;
  }
  return best;
}

function unknownPerson(token: string, people: readonly string[]): CommandError {
  const near = closest(token, people);
  return fail(
    `no one called ${quote(token)} is in this drill`,
    near !== undefined ? `did you mean @${near}?` : listSome('people here', people, (p) => `@${p}`),
  );
}

/** Takes a person (the @ optional) off the front of the arguments. */
function takePerson(args: string, people: readonly string[], name: Name): { person: string; rest: string } | CommandError {
  const s = args.replace(/^@\s*/, '');
  if (s === '') return fail(`/${name} needs a person`, COMMAND_USAGE[name]);
  const person = longestNameAt(s, people, (after) => ARG_NAME_END_RE.test(after));
  if (person === undefined) return unknownPerson(cleanToken(splitFirst(s)[0]), people);
  return { person, rest: s.slice(person.length).replace(/^[,;:.!?]*\s*/, '') };
}

function takeTaskId(args: string): { taskId?: string; rest: string } {
  const [first, rest] = splitFirst(args);
  const m = TASK_ID_RE.exec(first);
  return m?.[1] !== undefined ? { taskId: m[1].toUpperCase(), rest } : { rest: args };
}

function optionalId<K extends string>(key: K, id: string | undefined): { [P in K]?: string } {
  return (id === undefined ? {} : { [key]: id }) as { [P in K]?: string };
}

function parseOneAppointment(args: string, vocab: CommandVocabulary): Appointment | CommandError {
  let who = takePerson(args, vocab.people, 'appoint');
  let roleText: string;
  if (isCommandError(who)) {
    // Also accept the role first ("/appoint scribe @bob"), which people type as often.
    const [first, rest] = splitFirst(args);
    const swapped = first.startsWith('@') || asRole(cleanToken(first)) === undefined
      ? undefined
      : takePerson(rest, vocab.people, 'appoint');
    if (swapped === undefined || isCommandError(swapped)) return who;
    who = swapped;
    roleText = cleanToken(first);
  } else {
    roleText = who.rest.replace(/^(?:as|to|to be)\s+(?:an?\s+|the\s+|our\s+)?/i, '').replace(TRAILING_PUNCT_RE, '').trim();
  }
  if (roleText === '') return fail('/appoint needs a role', COMMAND_USAGE.appoint);
  const role = asRole(roleText);
  if (role === undefined) {
    const near = closest(roleText.toLowerCase().replace(/[\s_]+/g, '-'), APPOINTABLE);
    return fail(`${quote(roleText)} is not a role`, near !== undefined ? `did you mean ${near}?` : listSome('roles', APPOINTABLE));
  }
  if (role === 'ic') return fail(`use /handover @${who.person} to pass command`);
  if (role === 'facilitator') return fail('the facilitator runs the drill and is not a response role');
  return { target: who.person, role };
}

/** "/appoint @dave deputy and @bob scribe": several appointments in one line, each "@name ROLE". */
function parseAppoint(args: string, vocab: CommandVocabulary): Result {
  const appointments: Appointment[] = [];
  for (const part of args.split(/\s*(?:[,;&]|\band\b)\s*(?=@)/i)) {
    const one = parseOneAppointment(part.trim(), vocab);
    if (isCommandError(one)) return one;
    appointments.push(one);
  }
  return { kind: 'appoint', appointments };
}

/** normalizeRole looks words up in a plain object, so "constructor" would come back as a function. */
function asRole(text: string): Role | undefined {
  const r: unknown = normalizeRole(text);
  return typeof r === 'string' && isRole(r) ? r : undefined;
}

function parseSev(args: string): Result {
  const levels = `${SEVERITIES.slice(0, -1).join(', ')} or ${SEVERITIES[SEVERITIES.length - 1] ?? ''}`;
  if (args === '') return fail(`/sev needs a level: ${levels}`, COMMAND_USAGE.sev);
  // "/sev SEV-2 (assume the worst)": the level comes first; what follows is kept as a note.
  const m = /^(?:sev(?:erity)?)?[\s:-]*(\d)(?!\d)[\s,.;:)—–-]*([\s\S]*)$/i.exec(args);
  const level = SEVERITIES.find((s) => s === `SEV-${m?.[1] ?? ''}`);
  if (level === undefined) return fail(`${quote(args)} is not a severity: use ${levels}`, COMMAND_USAGE.sev);
  const note = m?.[2]?.trim() ?? '';
  return note === '' ? { kind: 'sev', level } : { kind: 'sev', level, note };
}

// Words that hand a task to nobody in particular (RD-09 records them instead of refusing the line).
const GROUP_RE = /^(?:someone|somebody|anyone|anybody|everyone|everybody|all of you|all|the team|team|whoever|y'all|folks)\b[,:]?\s*/i;
// Between two owners: "@erin and @dave", "@erin, @dave", "@erin & dave".
const OWNER_SEP_RE = /^(?:(?:,|&|\+|and|plus)\s*)+(?=\S)/i;

/** The owners at the front of an assignment: "@erin and @dave look at DNS" gives erin and dave. */
function takeOwners(args: string, people: readonly string[], name: Name = 'assign'): { owners: string[]; rest: string } | CommandError {
  const first = takePerson(args, people, name);
  if (isCommandError(first)) return first;
  const owners = [first.person];
  let rest = first.rest;
  for (;;) {
    const sep = OWNER_SEP_RE.exec(rest)?.[0] ?? '';
    const after = rest.slice(sep.length);
    // Another owner needs an @ or a word such as "and" before the name: "@carol bob's logs" is a task.
    if (sep === '' && !after.startsWith('@')) break;
    const next = after.replace(/^@\s*/, '');
    const person = longestNameAt(next, people, (tail) => ARG_NAME_END_RE.test(tail));
    if (person === undefined) break;
    if (!owners.includes(person)) owners.push(person);
    rest = next.slice(person.length).replace(/^[,;:.!?]*\s*/, '');
  }
  return { owners, rest };
}

function parseAssign(args: string, vocab: CommandVocabulary): Result {
  const group = GROUP_RE.exec(args);
  const isGroup = group !== null && longestNameAt(args.replace(/^@/, ''), vocab.people, (tail) => ARG_NAME_END_RE.test(tail)) === undefined;
  const who = isGroup ? { owners: [] as string[], rest: args.slice(group[0].length) } : takeOwners(args, vocab.people);
  if (isCommandError(who)) return who;
  const { task, timeboxMs, unread } = splitTimebox(who.rest);
  if (timeboxMs === 0) return fail('a time box must be longer than zero', COMMAND_USAGE.assign);
  const forWhom = isGroup ? group[0].trim().replace(/[,:]$/, '') : who.owners.map((o) => `@${o}`).join(' and ');
  if (task === '') return fail(`/assign needs a task for ${forWhom}`, COMMAND_USAGE.assign);
  return {
    kind: 'assign', owners: who.owners, task, timeboxMs,
    ...(isGroup ? { group: group[0].trim().replace(/[,:]$/, '').toLowerCase() } : {}),
    ...(unread !== undefined ? { unreadTimebox: unread } : {}),
  };
}

// "/postmortem @carol by Friday": what follows the name, when it says when the write-up is due.
const DUE_RE = /^(?:(?:by|due|before|on|for|within|in|until)\b[:\s]*)?((?:(?:next|this|end of|eod|eow|tomorrow|today|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|\d)[\s\S]*)$/i;

function parsePostmortem(args: string, vocab: CommandVocabulary): Result {
  const who = takeOwners(args, vocab.people, 'postmortem');
  if (isCommandError(who)) return who;
  const due = DUE_RE.exec(who.rest.trim())?.[1]?.replace(TRAILING_PUNCT_RE, '').trim();
  return {
    kind: 'postmortem', owner: who.owners[0]!, ...(who.owners.length > 1 ? { owners: who.owners } : {}), ...(due ? { due } : {}),
  };
}

/** "/more 5m", "/more T3 10 min", "/more 2m T5 the new key is in": an estimate, a task, and perhaps why. */
function parseMore(args: string): Result {
  const words = args === '' ? [] : args.split(/\s+/);
  let taskId: string | undefined;
  const firstId = TASK_ID_RE.exec(words[0] ?? '')?.[1];
  if (firstId !== undefined) {
    taskId = firstId.toUpperCase();
    words.shift();
  }
  if (words.length === 0) return fail('/more needs an estimate, e.g. /more 5m', COMMAND_USAGE.more);
  // The estimate is the longest run of leading words that reads as a duration ("/more 5" means five minutes).
  let ms: number | undefined;
  let used = 0;
  for (let n = Math.min(4, words.length); n >= 1 && ms === undefined; n--) {
    const found = parseSpokenDuration(words.slice(0, n).join(' ').replace(/[,.;:]+$/, ''), { bareMinutes: true });
    if (found !== undefined) [ms, used] = [found, n];
  }
  if (ms === undefined || ms <= 0) {
    const phrase = words.join(' ');
    return fail(`${quote(phrase)} is not an estimate`, 'e.g. /more 5m or /more T3 10 min');
  }
  // What follows may name the task ("on T5") and say why; the reason is for the channel, the id for the task.
  const laterId = taskId ?? words.slice(used).map((w) => TASK_ID_RE.exec(w.replace(/^on$/i, ''))?.[1]).find((x) => x !== undefined);
  return { kind: 'more', ms, ...optionalId('taskId', laterId?.toUpperCase()) };
}

function parseReport(args: string): Result {
  const { taskId, rest } = takeTaskId(args);
  if (rest === '') return fail('/report needs what you found', COMMAND_USAGE.report);
  return { kind: 'report', text: rest, ...optionalId('taskId', taskId) };
}

function parseDraftRef(kind: 'approve' | 'post', args: string): Result {
  if (args === '') return { kind };
  const [first] = splitFirst(args);
  const id = DRAFT_ID_RE.exec(first)?.[1];
  if (id === undefined) return fail(`${quote(first)} is not a draft id`, `draft ids look like D1: /${kind} D1`);
  return { kind, draftId: id.toUpperCase() };
}

function parseSystemTarget(kind: 'check' | 'run', args: string, vocab: CommandVocabulary): Result {
  const [own, other, noun, otherNoun, otherKind] =
    kind === 'check'
      ? [vocab.probes, vocab.actions, 'probe', 'an action', 'run']
      : [vocab.actions, vocab.probes, 'action', 'a probe', 'check'];
  const article = kind === 'check' ? 'a' : 'an';
  if (args === '') return fail(`/${kind} needs ${article} ${noun}`, listSome(`${noun}s`, own) ?? COMMAND_USAGE[kind]);
  const token = cleanToken(splitFirst(args)[0]);
  // "/check db disk" for "db-disk": ids are kebab-case, people type spaces.
  const joined = cleanToken(args).replace(/\s+/g, '-');
  const hit = findCi(token, own) ?? findCi(joined, own);
  if (hit !== undefined) return kind === 'check' ? { kind, probe: hit } : { kind, action: hit };
  const cross = findCi(token, other) ?? findCi(joined, other);
  if (cross !== undefined) return fail(`"${cross}" is ${otherNoun}: use /${otherKind} ${cross}`);
  const near = closest(token, own);
  return fail(
    `unknown ${noun} ${quote(token)}`,
    near !== undefined ? `did you mean /${kind} ${near}?` : (listSome(`${noun}s`, own) ?? `this drill has no ${noun}s`),
  );
}

/** "/answer hold-email yes" or "/answer yes": a question id first when it names an asked question, then the answer. */
function parseAnswer(args: string, vocab: CommandVocabulary): Result {
  if (args === '') return fail('/answer needs an answer, e.g. /answer yes', listSome('questions asked', vocab.questions ?? []) ?? COMMAND_USAGE.answer);
  const [first, rest] = splitFirst(args);
  const question = findCi(cleanToken(first), vocab.questions ?? []);
  if (question === undefined) return { kind: 'answer', text: args };
  if (rest === '') return fail(`/answer ${question} needs the answer, e.g. /answer ${question} yes`, COMMAND_USAGE.answer);
  return { kind: 'answer', question, text: rest };
}

function parsePage(args: string, vocab: CommandVocabulary): Result {
  if (args === '') return fail('/page needs a team', listSome('teams', vocab.teams) ?? COMMAND_USAGE.page);
  const token = cleanToken(splitFirst(args.replace(/^@/, ''))[0]);
  const team = findCi(token, vocab.teams);
  if (team !== undefined) return { kind: 'page', team };
  const near = closest(token, vocab.teams);
  return fail(
    `unknown team ${quote(token)}`,
    near !== undefined ? `did you mean /page ${near}?` : (listSome('teams', vocab.teams) ?? 'this drill has no teams to page'),
  );
}

function textCommand(kind: keyof typeof TEXT_NEEDS): Parser {
  return (args) => {
    if (args === '') return fail(`/${kind} needs ${TEXT_NEEDS[kind]}`, COMMAND_USAGE[kind]);
    return kind === 'poll' ? { kind, proposal: args } : { kind, text: args };
  };
}

const PARSERS: { readonly [K in Name]: Parser } = {
  ack: (args) => ({ kind: 'ack', ...optionalId('taskId', takeTaskId(args).taskId) }),
  trigger: (args) => ({ kind: 'trigger', text: args }),
  join: (args) => ({ kind: 'join', text: args }),
  ic: (args) => ({ kind: 'ic', text: args }),
  appoint: parseAppoint,
  sev: parseSev,
  assign: parseAssign,
  wilco: (args) => ({ kind: 'wilco', ...optionalId('taskId', takeTaskId(args).taskId) }),
  report: parseReport,
  more: parseMore,
  check: (args, vocab) => parseSystemTarget('check', args, vocab),
  run: (args, vocab) => parseSystemTarget('run', args, vocab),
  poll: textCommand('poll'),
  object: textCommand('object'),
  decide: textCommand('decide'),
  status: textCommand('status'),
  note: textCommand('note'),
  todo: textCommand('todo'),
  draft: textCommand('draft'),
  approve: (args) => parseDraftRef('approve', args),
  post: (args) => parseDraftRef('post', args),
  page: parsePage,
  handover: (args, vocab) => {
    const who = takePerson(args, vocab.people, 'handover');
    return isCommandError(who) ? who : { kind: 'handover', target: who.person };
  },
  resolve: () => ({ kind: 'resolve' }),
  end: () => ({ kind: 'end' }),
  postmortem: parsePostmortem,
  answer: parseAnswer,
};

function unknownCommand(word: string): CommandError {
  const lower = word.toLowerCase();
  // Edit distance alone reads "/hand" as /end and misses "/acknowledge": a unique command the word
  // begins comes first, then the nearest spelling, then a command the word starts with.
  const starts = lower.length >= 3 ? COMMAND_NAMES.filter((c) => c.startsWith(lower)) : [];
  const within = COMMAND_NAMES.filter((c) => lower.startsWith(c)).sort((a, b) => b.length - a.length);
  const near = (starts.length === 1 ? starts[0] : undefined) ?? (closest(lower, COMMAND_NAMES) as Name | undefined) ?? within[0];
  return fail(
    `unknown command ${quote(`/${word}`)}`,
    near !== undefined ? `did you mean /${near}? (${COMMAND_USAGE[near]})` : 'type /help for the list',
  );
}

/** Parses one line typed by a person, a bot or a script; anything not starting with "/" is chat. */
export function parseCommand(text: string, vocab: CommandVocabulary): Command | CommandError {
  const line = stripControl(text).trim();
  if (line === '') return fail('nothing to send');
  if (!line.startsWith('/')) return { kind: 'say', text: line };
  // "//" sends the rest as chat, so "/var/log is full" can be said without being read as a command.
  if (line.startsWith('//')) return { kind: 'say', text: line.slice(1) };
  const [word, args] = splitFirst(line.slice(1));
  if (word === '') return fail('type a command name right after "/"', 'type /help for the list');
  const name = word.toLowerCase();
  return isName(name) ? PARSERS[name](args, vocab) : unknownCommand(word);
}

/** Tells a parse failure from a command; accepts anything so network input can be checked too. */
export function isCommandError(x: unknown): x is CommandError {
  return typeof x === 'object' && x !== null && typeof (x as { error?: unknown }).error === 'string';
}

/** Canonical names @mentioned in text, so pages and highlights reach the right person whatever the case. */
export function mentionsIn(text: string, people: readonly string[]): string[] {
  const s = stripControl(text);
  const found: string[] = [];
  // Two characters past the longest name are enough to see whether a name goes on.
  const window = Math.max(0, ...people.map((p) => p.length)) + 2;
  for (const m of s.matchAll(/@/g)) {
    // "bob@example.com" is an address, not a mention.
    if (m.index > 0 && MENTION_PRECEDED_RE.test(s[m.index - 1] ?? '')) continue;
    const near = s.slice(m.index + 1, m.index + 1 + window);
    const name = longestNameAt(near, people, (after) => !MENTION_GOES_ON_RE.test(after));
    if (name !== undefined && !found.includes(name)) found.push(name);
  }
  return found;
}
