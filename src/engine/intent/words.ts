/**
 * Words as people type them, reduced to comparable tokens: lower case, phrasal verbs joined
 * ("roll orders-api back" → rollback), verbs mapped to a few canonical groups, and light stemming,
 * so "reverting", "reverted" and "revert" meet, and short words such as DNS or DB are kept.
 */

/** What a verb does to a system; an action's verbs and the verbs people type meet here. */
export type VerbGroup =
  | 'revert' | 'restart' | 'failover' | 'shift' | 'stop' | 'enable' | 'delete' | 'flush' | 'scale' | 'replay'
  | 'rotate' | 'reissue' | 'warm' | 'fix' | 'raise' | 'exclude' | 'resume' | 'deploy' | 'rollout' | 'snapshot'
  | 'replace' | 'capture' | 'check';

/** One token of text. */
export interface Token {
  /** The stem used for matching ("revert", "dn", "2.13.2"). */
  readonly stem: string;
  /** Verb groups this word belongs to, if it is a verb. */
  readonly verbs: readonly VerbGroup[];
  /** Whether a "not", "don't" or "instead of" just before it negates it. */
  readonly negated: boolean;
  /** A possessive ("the attacker's instances"): it qualifies the word after it, which is what is meant. */
  readonly modifier?: boolean;
}

// Phrasal verbs whose particle may come after the object ("roll orders-api back", "fail the cards over").
// The words in between may not cross into another clause or verb.
const BETWEEN = String.raw`((?:(?!and\b|then\b|or\b|but\b|report\b|come\b|check\b|look\b|get\b)[\w.:/@'-]+\s+){0,4}?)`;
const PHRASAL: readonly (readonly [RegExp, string])[] = [
  [new RegExp(String.raw`\broll(?:s|ed|ing)?\s+${BETWEEN}back\b`, 'g'), 'rollback $1'],
  [new RegExp(String.raw`\broll(?:s|ed|ing)?\s+${BETWEEN}out\b`, 'g'), 'rollout $1'],
  [new RegExp(String.raw`\bfail(?:s|ed|ing)?\s+${BETWEEN}over\b`, 'g'), 'failover $1'],
  [new RegExp(String.raw`\b(?:turn|switch|flip)(?:s|ed|ing)?\s+${BETWEEN}on\b`, 'g'), 'enable $1'],
  [new RegExp(String.raw`\b(?:turn|switch|shut)(?:s|ed|ing)?\s+${BETWEEN}(?:off|down)\b`, 'g'), 'stop $1'],
  [new RegExp(String.raw`\b(?:switch|cut)(?:es|s|ed|ing)?\s+${BETWEEN}over\b`, 'g'), 'failover $1'],
  [new RegExp(String.raw`\b(?:switch|go|move|change)(?:es|s|ed|ing)?\s+${BETWEEN}back\b`, 'g'), 'revert $1'],
  [new RegExp(String.raw`\bback(?:s|ed|ing)?\s+${BETWEEN}out\b`, 'g'), 'revert $1'],
  [new RegExp(String.raw`\btak(?:e|es|ing|en)\s+${BETWEEN}out\b`, 'g'), 'exclude $1'],
  [new RegExp(String.raw`\bwarm(?:s|ed|ing)?\s+${BETWEEN}up\b`, 'g'), 'warm $1'],
  [new RegExp(String.raw`\bscal(?:e|es|ed|ing)\s+${BETWEEN}(?:out|up)\b`, 'g'), 'scale $1'],
  [new RegExp(String.raw`\bbreak(?:s|ing)?\s+${BETWEEN}down\b`, 'g'), 'breakdown $1'],
  [/\blook(?:s|ed|ing)?\s+(?:at|into|in)\b/g, 'check'],
  [/\bdig(?:s|ging)?\s+(?:into|in)\b/g, 'check'],
  [/\bload\s+balanc(?:er|ers|ing)\b/g, 'lb'],
  [/\bfeature\s+flags?\b/g, 'flag'],
  [/\bhealth\s*checks?\b/g, 'healthcheck'],
  [/\bre-(?=[a-z])/g, 're'],
];

/** Verb words and their groups. A word may belong to more than one group. Keys are words; stems are made at load. */
const VERB_WORDS: Readonly<Record<string, readonly VerbGroup[]>> = {
  revert: ['revert'], rollback: ['revert'], undo: ['revert'], downgrade: ['revert'],
  restart: ['restart'], reboot: ['restart'], bounce: ['restart'], recycle: ['restart'], cycle: ['restart'], reload: ['restart'], kick: ['restart'],
  failover: ['failover'], promote: ['failover'], switch: ['failover', 'shift'], flip: ['failover', 'enable'],
  shift: ['shift'], route: ['shift'], reroute: ['shift'], redirect: ['shift'], divert: ['shift'], move: ['shift'], drain: ['shift'],
  evacuate: ['shift'], park: ['shift'],
  stop: ['stop'], pause: ['stop'], halt: ['stop'], suspend: ['stop'], disable: ['stop'], deactivate: ['stop'], freeze: ['stop'], kill: ['stop'],
  revoke: ['stop'], block: ['stop'], cancel: ['stop'], quarantine: ['stop'], isolate: ['stop'],
  enable: ['enable'], activate: ['enable'],
  delete: ['delete'], terminate: ['delete'], destroy: ['delete'], wipe: ['delete'], remove: ['delete', 'exclude'],
  flush: ['flush'], clear: ['flush'], purge: ['flush'], invalidate: ['flush'],
  scale: ['scale'], double: ['scale'], triple: ['scale'],
  replay: ['replay'], republish: ['replay'], resend: ['replay'], requeue: ['replay'], reprocess: ['replay'], redrive: ['replay'],
  retry: ['replay'], publish: ['replay'],
  rotate: ['rotate'], regenerate: ['rotate'], rekey: ['rotate'],
  reissue: ['reissue'], renew: ['reissue'], issue: ['reissue'],
  warm: ['warm'], prewarm: ['warm'], prime: ['warm'], preload: ['warm'], refill: ['warm'],
  fix: ['fix'], repair: ['fix'], mend: ['fix'], patch: ['fix'], correct: ['fix'],
  raise: ['raise'], increase: ['raise'], bump: ['raise'], extend: ['raise'], lengthen: ['raise'],
  exclude: ['exclude'], cordon: ['exclude'], evict: ['exclude'],
  resume: ['resume'], restore: ['resume'], unpause: ['resume'], reenable: ['resume'],
  deploy: ['deploy', 'rollout'], release: ['deploy', 'rollout'], ship: ['deploy', 'rollout'], build: ['deploy'],
  rollout: ['rollout'],
  snapshot: ['snapshot'], backup: ['snapshot'],
  replace: ['replace'],
  capture: ['capture'], settle: ['capture'],
  check: ['check'], inspect: ['check'], investigate: ['check'], review: ['check'], examine: ['check'], tail: ['check'], search: ['check'],
  grep: ['check'], dig: ['check'], analyse: ['check'], analyze: ['check'], query: ['check'], list: ['check'], diagnose: ['check'],
  debug: ['check'], triage: ['check'], breakdown: ['check'], explore: ['check'], monitor: ['check'], watch: ['check'], verify: ['check'],
  confirm: ['check'], test: ['check'], trace: ['check'], profile: ['check'], look: ['check'], see: ['check'], find: ['check'],
};

/** Verbs that change a system without naming how ("fix it", "sort it out"): they make a task a remediation. */
const GENERIC_REMEDIATION_WORDS = ['fix', 'repair', 'mitigate', 'remediate', 'resolve', 'recover', 'restore', 'sort', 'handle', 'solve', 'deal', 'address', 'stabilise', 'stabilize'];

/** Word stems that mean the same thing for matching (keys and values are words). */
const SYNONYM_WORDS: Readonly<Record<string, string>> = {
  database: 'db', databases: 'db', postgres: 'db', postgresql: 'db', certificate: 'cert', certs: 'cert', configuration: 'config',
  configure: 'config', alb: 'lb', elb: 'lb', errors: 'error', '5xx': 'error', '500s': 'error', logging: 'log', logs: 'log',
  graphs: 'dashboard', graph: 'dashboard', dashboards: 'dashboard', vm: 'instance', vms: 'instance', machine: 'host', box: 'host',
  pods: 'pod', nodes: 'node',
};

/** Words that carry no meaning for linking. */
const STOP_WORDS = `
a an the to of on in at for from and or with by all every each it its is are was were be been being this that these those
our we us you your i me my he she they them their his her there here what which who whom whose when where why how please
now then so than too very just also any some someone none no not yes ok okay let lets will would can could should
shall may might must do does did done doing go going goes gone get gets got make makes ahead proceed proceeding
strong objection objections object proposal propose proposed decide decided decision hear hearing heard agree
everyone anyone somebody anybody nobody up out over off into onto about again back down new old previous
current last most recent latest one two three four five six ten min mins minute minutes m s sec secs
second seconds hour hours h time box timebox report please come back thanks thank team folks guys people need needs want wants
like think thought maybe probably guess sure fine good great right left done via per as if but because since until
while though although still already yet only even more less much many few other another same such own
`.split(/\s+/).filter(Boolean);

// Words that turn the meaning of the next word or two around ("don't restart", "instead of rolling back").
const NEGATORS: ReadonlySet<string> = new Set(['not', "don't", 'dont', 'never', 'without', 'instead', 'rather', "didn't", "doesn't", "won't", 'avoid', 'no']);

const VERSION_RE = /^v?\d+(?:\.\d+)+$/;

/** A light English stemmer: plural, -ing, -ed, -ly, -ment, -ion, a final e, doubled consonants. Same word in, same stem out. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'ing', 'edly', 'ed', 'ly', 'ment', 'ion']) {
    // A suffix comes off only when a real stem is left ("ring", "seed" and "only" stay).
    const keep = suffix === 'ly' ? 4 : 3;
    if (w.endsWith(suffix) && w.length - suffix.length >= keep) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz|ff)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4 && !/[aeiou]y$/.test(w)) w = `${w.slice(0, -1)}i`;
  return w;
}

const SYNONYMS: ReadonlyMap<string, string> = new Map(Object.entries(SYNONYM_WORDS).map(([k, v]) => [stem(k), stem(v)]));

function canonical(s: string): string {
  return SYNONYMS.get(s) ?? s;
}

/** The stem of a single word as the tokenizer makes it. */
export function stemOf(word: string): string {
  return canonical(stem(word));
}

const VERB_STEMS: ReadonlyMap<string, readonly VerbGroup[]> = new Map(Object.entries(VERB_WORDS).map(([k, v]) => [stemOf(k), v]));
const STOP: ReadonlySet<string> = new Set(STOP_WORDS.flatMap((w) => [w, stem(w)]));

/** Stems of verbs that change a system without naming how ("fix it", "sort it out"). */
export const GENERIC_REMEDIATION: ReadonlySet<string> = new Set(GENERIC_REMEDIATION_WORDS.map(stemOf));

/** The verb groups of a stem (none for a word that is not a verb). */
export function verbGroupsOf(stemmed: string): readonly VerbGroup[] {
  return VERB_STEMS.get(stemmed) ?? [];
}

/** Lower-cases and joins phrasal verbs so a verb and its particle become one word. */
export function normalizePhrases(text: string): string {
  let t = ` ${text.toLowerCase().replace(/[’`]/g, "'")} `;
  for (const [re, to] of PHRASAL) t = t.replace(re, to);
  return t;
}

function splitWord(raw: string): string[] {
  // "orders-api" is a word of its own and also its parts; "v2.13.2" stays whole.
  const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (w === '') return [];
  if (VERSION_RE.test(w)) return [w.replace(/^v/, '')];
  const parts = w.split(/[-_/.:]+/).filter(Boolean);
  return parts.length > 1 ? [w, ...parts] : [w];
}

// Clause breaks: punctuation followed by a space (not the dots of "v2.13.2") and joining words.
const CLAUSE_RE = /[.;:!?,]+(?=\s|$)|[()[\]{}"]|\s(?:and|then|but|or|also|plus|&)\s/g;

/** The clauses of a text ("check the logs, then roll back" has two), each as its tokens. */
export function clauses(text: string): Token[][] {
  return questionedClauses(text).map((c) => c.tokens);
}

// A clause that asks ("whether it can be paused", "what a failover would take") is about finding out.
const QUESTION_RE = /^\s*(?:whether|if|what|how|which|when|why|who|is|are|can|could|would|should)\b/;

/** The clauses of a text with whether each one asks a question rather than gives an order. */
export function questionedClauses(text: string): { tokens: Token[]; question: boolean }[] {
  return normalizePhrases(text).split(CLAUSE_RE)
    .map((c) => ({ tokens: tokensOf(c), question: QUESTION_RE.test(c) }))
    .filter((c) => c.tokens.length > 0);
}

/** Tokens of one clause, in order, with stop words dropped and verbs marked. */
function tokensOf(clause: string): Token[] {
  const out: Token[] = [];
  let negateLeft = 0;
  for (const raw of clause.split(/[\s|*=+<>]+/)) {
    if (raw === '') continue;
    if (NEGATORS.has(raw.replace(/[^a-z']/g, ''))) {
      negateLeft = 2;
      continue;
    }
    const negated = negateLeft > 0;
    if (negateLeft > 0) negateLeft--;
    for (const piece of splitWord(raw)) {
      const s = canonical(stem(piece));
      if (STOP.has(piece) || STOP.has(s) || s.length === 0) continue;
      // Bare small numbers are durations and counts, not names of things.
      if (/^\d{1,2}$/.test(s)) continue;
      // People give orders in the imperative; "restarts", "releases" and "changes" are things to look at.
      const plural = /[^s]s$/.test(piece) && piece.length > 3;
      const modifier = /'s$/.test(raw.replace(/[^\w']+$/, ''));
      out.push({ stem: s, verbs: plural ? [] : verbGroupsOf(s), negated, ...(modifier ? { modifier } : {}) });
    }
  }
  return out;
}

/** Every token of a text. */
export function tokenize(text: string): Token[] {
  return clauses(text).flat();
}

/** The content stems of a text (verbs included, negated words left out), for comparing two texts word by word. */
export function contentStems(text: string): Set<string> {
  return new Set(tokenize(text).filter((t) => !t.negated).map((t) => t.stem));
}
