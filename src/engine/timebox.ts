/**
 * The time box an Incident Commander puts on an assigned task ("check the logs, report back in 5"),
 * read the many ways people type it and taken out of the task text.
 */

/** A task's text with its time box taken out. */
export interface TimeboxSplit {
  /** The task without the time-box phrase, trimmed, with no dangling punctuation, "and report back" or "please". */
  readonly task: string;
  /** The time box in milliseconds; null when there is none (0 is returned as given: the caller rejects it). */
  readonly timeboxMs: number | null;
  /** A phrase that looks like a time box but could not be read (e.g. "back in a bit", "report back soon", "in a jiffy"), so the IC can be told. */
  readonly unread?: string;
}

/** How {@link parseSpokenDuration} reads what it is given. */
export interface DurationOptions {
  /** Read a lone number ("5", "five", "a few") as minutes, as people mean it after "in" or "back in". */
  readonly bareMinutes?: boolean;
}

const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

// Maps, not object literals, so "constructor" or "__proto__" typed by someone is never a unit or a number.
const UNIT_MS: ReadonlyMap<string, number> = new Map([
  ['ms', 1],
  ['s', SECOND], ['sec', SECOND], ['secs', SECOND], ['second', SECOND], ['seconds', SECOND],
  ['m', MINUTE], ['min', MINUTE], ['mins', MINUTE], ['minute', MINUTE], ['minutes', MINUTE],
  ['h', HOUR], ['hr', HOUR], ['hrs', HOUR], ['hour', HOUR], ['hours', HOUR],
]);
/** Units only written straight after digits: "five m" or "a s" is nobody's way of writing a duration. */
const LETTER_UNITS: ReadonlySet<string> = new Set(['ms', 's', 'm', 'h']);

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'] as const;
const TENS: ReadonlyMap<string, number> = new Map([['twenty', 20], ['thirty', 30], ['forty', 40], ['fourty', 40], ['fifty', 50]]);
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ...ONES.map((w, i) => [w, i] as const),
  ...TEENS.map((w, i) => [w, 10 + i] as const),
  ...TENS,
  // Sixty closes the range people use for minutes; ninety is here for "ninety seconds".
  ['sixty', 60], ['ninety', 90],
]);
/** "a couple of minutes" is two, as everyone reads it. */
const COUPLE = 2;
/** "a few minutes" is three: the smallest count that is more than "a couple", so a late report is never excused by reading it generously. */
const FEW = 3;

/** Longest text read as a duration; longer input is a sentence, not a duration, and is never scanned. */
const DURATION_MAX_CHARS = 60;
/** Most words a duration phrase takes ("a quarter of an hour and twenty five minutes" is nine). */
const PHRASE_MAX_WORDS = 10;
/** A bare number after "in" above this many minutes is a year, a count or a status code, not a time box ("errors in 2024"). */
const BARE_MINUTES_MAX = 120;

const DIGITS_RE = /^\d+(?:\.\d+)?$/;

interface Quantity {
  readonly value: number;
  readonly end: number;
  /** Written as a word rather than digits. */
  readonly word: boolean;
  /** A lone "a" or "an", which needs a unit after it to mean anything. */
  readonly article: boolean;
}

interface Part {
  readonly ms: number;
  readonly unit: number;
  readonly end: number;
}

function readQuantity(words: readonly string[], i: number): Quantity | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  if (DIGITS_RE.test(w)) return { value: Number(w), end: i + 1, word: false, article: false };
  const hasArticle = w === 'a' || w === 'an';
  const j = hasArticle ? i + 1 : i;
  const next = words[j];
  if (next === 'couple') return { value: COUPLE, end: words[j + 1] === 'of' ? j + 2 : j + 1, word: true, article: false };
  if (next === 'few') return { value: FEW, end: j + 1, word: true, article: false };
  if (hasArticle) return { value: 1, end: i + 1, word: true, article: true };
  const n = NUMBER_WORDS.get(w);
  if (n === undefined) return undefined;
  const ones = TENS.has(w) ? NUMBER_WORDS.get(words[i + 1] ?? '') : undefined;
  if (ones !== undefined && ones >= 1 && ones <= 9) return { value: n + ones, end: i + 2, word: true, article: false };
  return { value: n, end: i + 1, word: true, article: false };
}

function isAndAHalf(words: readonly string[], i: number): boolean {
  return words[i] === 'and' && words[i + 1] === 'a' && words[i + 2] === 'half';
}

function wordUnit(w: string | undefined): number | undefined {
  return w === undefined || LETTER_UNITS.has(w) ? undefined : UNIT_MS.get(w);
}

/** "half an hour", "a half hour", "half a minute". */
function readHalf(words: readonly string[], i: number): Part | undefined {
  let j = i;
  if ((words[j] === 'a' || words[j] === 'one') && words[j + 1] === 'half') j++;
  if (words[j] !== 'half') return undefined;
  j++;
  if (words[j] === 'a' || words[j] === 'an') j++;
  const unit = wordUnit(words[j]);
  return unit === undefined ? undefined : { ms: unit / 2, unit, end: j + 1 };
}

/** "a quarter of an hour", "quarter hour", "three quarters of an hour". */
function readQuarter(words: readonly string[], i: number): Part | undefined {
  let j = i;
  let quarters = 1;
  const first = words[j];
  const second = words[j + 1];
  if ((first === 'a' || first === 'one' || first === 'three') && (second === 'quarter' || second === 'quarters')) {
    quarters = first === 'three' ? 3 : 1;
    j++;
  }
  if (words[j] !== 'quarter' && words[j] !== 'quarters') return undefined;
  j++;
  if (words[j] === 'of') j++;
  if (words[j] === 'a' || words[j] === 'an') j++;
  return wordUnit(words[j]) === HOUR ? { ms: (quarters * HOUR) / 4, unit: HOUR, end: j + 1 } : undefined;
}

function readPart(words: readonly string[], i: number): Part | undefined {
  const special = readHalf(words, i) ?? readQuarter(words, i);
  if (special !== undefined) return special;
  const q = readQuantity(words, i);
  if (q === undefined) return undefined;
  let j = q.end;
  let half = 0;
  if (isAndAHalf(words, j)) {
    half = 0.5;
    j += 3;
  }
  const w = words[j];
  const unit = q.word ? wordUnit(w) : UNIT_MS.get(w ?? '');
  if (unit === undefined) return undefined;
  j++;
  if (half === 0 && isAndAHalf(words, j)) {
    half = 0.5;
    j += 3;
  }
  return { ms: (q.value + half) * unit, unit, end: j };
}

/** Splits text into the words the duration grammar reads: "1h30m" → 1 h 30 m, "twenty-five" → twenty five, "hour," → hour ,. */
function durationWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/,/g, ' , ')
    .replace(/(?<=[\p{L}\d])-(?=[\p{L}\d])/gu, ' ')
    .replace(/(?<=\d)(?=\p{L})|(?<=\p{L})(?=\d)/gu, ' ')
    .trim()
    .split(/\s+/);
}

function readDuration(words: readonly string[], bareMinutes: boolean): number | undefined {
  if (bareMinutes) {
    const q = readQuantity(words, 0);
    if (q !== undefined && !q.article && q.end === words.length) return q.value * MINUTE;
  }
  let total = 0;
  let lastUnit = 0;
  let i = 0;
  while (i < words.length) {
    if (i > 0) {
      if (words[i] === ',') i++;
      if (words[i] === 'and') i++;
      // "1h30" and "1 hour 30": after hours, a last number without a unit is minutes.
      const w = words[i];
      if (lastUnit === HOUR && i === words.length - 1 && w !== undefined && DIGITS_RE.test(w)) return Math.round(total + Number(w) * MINUTE);
    }
    const part = readPart(words, i);
    if (part === undefined) return undefined;
    total += part.ms;
    lastUnit = part.unit;
    i = part.end;
  }
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

/** Sums "5m", "5 min", "1h 30m", "90 seconds", "five minutes", "half an hour"; undefined when the text is anything else. */
export function parseSpokenDuration(text: string, options: DurationOptions = {}): number | undefined {
  const s = text.trim();
  if (s === '' || s.length > DURATION_MAX_CHARS) return undefined;
  return readDuration(durationWords(s), options.bareMinutes === true);
}

// Finding the time box in a task.

interface Token {
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** Lower case, without the punctuation that ends a clause. */
  readonly word: string;
}

/** Words that put a duration right after them as a time box. */
interface Trigger {
  readonly words: readonly string[];
  /** A lone number after it means minutes ("back in 5"). */
  readonly bare: boolean;
  /** "a second", "a minute" after it are idioms for "soon" ("in a sec", "give it a minute"), not durations. */
  readonly idioms: boolean;
  /** It may open the task ("in 5m, check the logs"); "take 5 minutes to ..." at the start is the task itself. */
  readonly leads: boolean;
}

const IN = { bare: true, idioms: true, leads: true };
const BOX = { bare: true, idioms: false, leads: true };
const GIVE = { bare: false, idioms: true, leads: false };
const PLAIN = { bare: false, idioms: false, leads: false };
const trigger = (phrase: string, kind: Omit<Trigger, 'words'>): Trigger => ({ words: phrase.split(' '), ...kind });
// Longest first, so "in the next" wins over "in". "for the next 5 minutes" is deliberately absent: it
// describes how long to do something ("watch p99 for the next 5 minutes") and stays in the task.
const TRIGGERS: readonly Trigger[] = [
  trigger('in the next', IN),
  trigger('within the next', IN),
  trigger('in under', IN),
  trigger('time box of', BOX),
  trigger('timebox of', BOX),
  trigger('time-box of', BOX),
  trigger('timeboxed to', BOX),
  trigger('time-boxed to', BOX),
  trigger('time boxed to', BOX),
  trigger('time box', BOX),
  trigger('timebox', BOX),
  trigger('time-box', BOX),
  trigger('give it', GIVE),
  trigger('give me', GIVE),
  trigger('you have', PLAIN),
  trigger("you've got", PLAIN),
  trigger('in', IN),
  trigger('within', IN),
  trigger('for', { ...PLAIN, leads: true }),
  trigger('take', PLAIN),
  trigger('max', PLAIN),
].sort((a, b) => b.words.length - a.words.length);

/** Words between a trigger and its duration that change nothing: "in ~5m", "in like 10 minutes". */
const QUALIFIERS: ReadonlySet<string> = new Set(['about', 'around', 'roughly', 'approx', 'approximately', '~', 'max', 'like']);
/** "5m timebox": the duration comes first. */
const NAMED_AFTER: readonly (readonly string[])[] = [['time', 'box'], ['timebox'], ['time-box']];
/**
 * Words that make a following duration part of the task when no trigger word comes between:
 * "in the last 5m", "slower than 2s", "set the TTL to 5m", "latency over 5 minutes", "the 5m dashboard".
 */
const NOT_TIMEBOX_AFTER: ReadonlySet<string> = new Set([
  'last', 'past', 'previous', 'prior', 'first', 'next', 'every', 'each', 'per', 'over', 'under', 'than', 'above',
  'below', 'to', 'at', 'of', 'from', 'since', 'after', 'before', 'until', 'till', 'about', 'around', 'approx',
  'approximately', 'nearly', 'almost', 'roughly', 'least', 'most', 'exceeds', 'exceeding', 'exceeded', 'is', 'are',
  'was', 'were', 'be', 'been', 'equals', 'the', 'a', 'an', 'this', 'that', 'another', 'extra', 'wait', 'sleep',
  'delay', 'timeout', 'ttl', 'interval', 'window', 'latency', 'lag', 'p50', 'p75', 'p90', 'p95', 'p99', 'p999',
  'plus', 'by', 'like', 'takes', 'taking', 'took', 'lasting', 'lasted', '~', '=', '<', '>', '<=', '>=',
]);
/** Courtesies after a time box ("in 5m please", ", thanks"), dropped before looking for it. */
const POLITE: ReadonlySet<string> = new Set(['please', 'pls', 'plz', 'thanks', 'thx', 'ty', 'cheers', 'tia', 'kthx']);
/** "500s" and "404s" are far more often HTTP status codes than time boxes. */
const STATUS_CODES_RE = /^~?[1-5]\d\ds$/i;
/** Milliseconds are thresholds ("slower than 500ms"), never a time box. */
const MILLIS_RE = /(?:^|[\d\s])ms\b/i;
/** "in a sec", "in a minute": idioms for "soon", reported as unread rather than taken as 1s or 1m. */
const IDIOM_RE = /^an?\s+(?:secs?|seconds?|mins?|minutes?)$/i;
const CLAUSE_END_CHAR = /[.,;:!?]/;
/** A token ending a clause, or a dash on its own, separates a bare duration from the task before it. */
const SEPARATED_RE = /[,;:—–-]$|^[—–-]+$/;
const NO_LETTERS_RE = /^[^\p{L}\p{N}]+$/u;

// Dangling pieces left at the end of a task once the time box is out. "then report" stays: a "then"
// clause is a step the IC spelled out ("watch p99 for 5m then report"), not a restatement of the box.
// A full stop counts too, once something after it is gone: "check the logs. Back in 5" leaves "check the logs".
const TRAILING_SEP_CHAR = /[\s,;:—–&.-]/;
const LEADING_SEP_RE = /^[\s,;:—–&-]+/u;
const DANGLING_WORD_RE = /\s+(?:and|then|&)$/i;
const POLITE_TAIL_RE = /(?:^|[\s,;:])(?:please|pls|plz|kindly|thanks|thx|cheers|thank\s+you)$/i;
const REPORT_TAIL_RE = /\s(?:(?:and|&)\s+)?(?:report\s+back(?:\s+to\s+me)?|get\s+back\s+to\s+me|let\s+me\s+know|update\s+me|keep\s+me\s+posted)$/i;
// A dash counts only with spaces round it, so "fall-back" keeps its "back".
const SHORT_REPORT_TAIL_RE = /(?:\s+(?:and|&)\s+|\s*[,;:]\s*|[.!?]\s+|\s+[—–-]+\s+)(?:report|come\s+back|check\s+back|back)$/i;
/** How much of the end of a task the tail patterns look at: enough for any of them, and it keeps a long run of spaces from costing quadratic time. */
const TAIL_WINDOW = 200;

// Phrases that try to give a time box but name no duration. "soon", "shortly" and "later" count only
// after "back" or "report": on their own they are as often part of the task ("certs that expire soon").
// "quickly", "now" and "right away" say how urgent, not when to report, so they are left alone.
// A bare "back" or "report" must open a clause, or "roll back soon" would lose its "back" and "write
// the report asap" its "report".
const CLAUSE_OPEN = String.raw`(?<=(?:^|[,;:—–-]|\band|\bthen)\s*)`;
const REPORTISH = String.raw`(?:(?:(?:i['’]?ll|you['’]?ll|will)\s+)?be\s+back|(?:report|get|come|check|circle)\s+back(?:\s+to\s+me)?|${CLAUSE_OPEN}(?:back(?:\s+to\s+me)?|report)|let\s+me\s+know|update\s+me)`;
const VAGUE_IN = String.raw`in\s+(?:a\s+(?:little\s+|short\s+)?(?:bit|while|sec|secs|second|moment|min|minute|mo|jiffy|tick)|no\s+time|due\s+course)`;
const ASAP = String.raw`(?:asap|a\.s\.a\.p\.?|as\s+soon\s+as\s+(?:possible|you\s+can))`;
const CLOCK = String.raw`by\s+(?:t\s*\+\s*\d+\s*(?:m|mins?|minutes?)?|\d{1,2}:\d{2}(?:\s*(?:am|pm|utc|z))?|\d{1,2}\s*(?:am|pm))`;
const VAGUE_END_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_-])(` +
    [
      String.raw`${REPORTISH}\s+(?:soon|soonish|shortly|later)`,
      String.raw`(?:${REPORTISH}\s+)?${ASAP}`,
      String.raw`(?:${REPORTISH}\s+)?(?<!\bonce\s+)${VAGUE_IN}`,
      String.raw`(?:${REPORTISH}\s+)?${CLOCK}`,
      String.raw`give\s+(?:it|me|this)\s+a\s+(?:bit|while|sec|second|moment|min|minute)`,
    ].join('|') +
    ')$',
  'iu',
);
const VAGUE_START_RE = new RegExp(String.raw`^(${ASAP}|${VAGUE_IN})(?![\p{L}\p{N}_-])[\s,;:—–-]*`, 'iu');

const PAREN_RE = /[([]([^()[\]]{1,60})[)\]]/g;
const PAREN_PREFIX_RE = /^(?:(in|within|time[\s-]?box(?:ed)?(?:\s+(?:of|to))?)\b|(?:max|about|around|approx|roughly)\b\.?|~|:)\s*/i;
const PAREN_SUFFIX_RE = /\s*\b(?:time[\s-]?box|max)$/i;

function tokenize(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({
    raw: m[0],
    start: m.index,
    end: m.index + m[0].length,
    word: trimEndOf(m[0].toLowerCase(), CLAUSE_END_CHAR),
  }));
}

// A loop rather than /[...]+$/, which takes quadratic time on a long run of those characters.
function trimEndOf(s: string, char: RegExp): string {
  let end = s.length;
  while (end > 0 && char.test(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

/** Where `re` (anchored at the end) matches in the last TAIL_WINDOW characters of `s`, as an index into `s`. */
function tailMatch(s: string, re: RegExp): number | undefined {
  const offset = Math.max(0, s.length - TAIL_WINDOW);
  const m = re.exec(s.slice(offset));
  return m === null ? undefined : offset + m.index;
}

/** Removes what the time box leaves dangling at the end of a task. */
function cleanTask(text: string): string {
  let t = text.trim();
  for (;;) {
    let next = trimEndOf(t, TRAILING_SEP_CHAR);
    for (const re of [DANGLING_WORD_RE, POLITE_TAIL_RE]) next = next.slice(0, tailMatch(next, re) ?? next.length);
    const report = tailMatch(next, REPORT_TAIL_RE) ?? tailMatch(next, SHORT_REPORT_TAIL_RE);
    if (report !== undefined && !/\bthen$/i.test(next.slice(Math.max(0, report - 10), report).trimEnd())) next = next.slice(0, report);
    if (next === t) return t;
    t = next;
  }
}

/** The number of tokens left once trailing courtesies and stray punctuation are dropped. */
function contentEnd(tokens: readonly Token[]): number {
  let n = tokens.length;
  for (;;) {
    const last = tokens[n - 1];
    if (last === undefined) return n;
    if (POLITE.has(last.word) || NO_LETTERS_RE.test(last.raw)) n--;
    else if (last.word === 'you' && tokens[n - 2]?.word === 'thank') n -= 2;
    // "in 5 min or so": the hedge changes nothing about when to report.
    else if (last.word === 'so' && tokens[n - 2]?.word === 'or') n -= 2;
    else return n;
  }
}

function wordsMatch(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  return at >= 0 && words.every((w, k) => tokens[at + k]?.word === w);
}

/** The phrase tokens [from, to) spell, with a leading "~" and the clause-ending punctuation of the last one dropped. */
function phraseOf(tokens: readonly Token[], from: number, to: number): string {
  return tokens.slice(from, to).map((t, k) => (k === to - from - 1 ? trimEndOf(t.raw, CLAUSE_END_CHAR) : t.raw)).join(' ').replace(/^~/, '');
}

interface Found {
  readonly from: number;
  readonly to: number;
  readonly ms: number;
  /** Read only because a lone number counts as minutes. */
  readonly bare: boolean;
  readonly phrase: string;
}

function readAt(tokens: readonly Token[], from: number, to: number): Found | undefined {
  const phrase = phraseOf(tokens, from, to);
  if (phrase.length > DURATION_MAX_CHARS) return undefined;
  const ms = parseSpokenDuration(phrase);
  if (ms !== undefined) return { from, to, ms, bare: false, phrase };
  const minutes = parseSpokenDuration(phrase, { bareMinutes: true });
  return minutes === undefined ? undefined : { from, to, ms: minutes, bare: true, phrase };
}

/** The longest duration ending just before token `end`; only the longest, so "the last 1h 30m" is never read as "30m". */
function durationEndingAt(tokens: readonly Token[], end: number): Found | undefined {
  for (let k = Math.min(PHRASE_MAX_WORDS, end); k >= 1; k--) {
    const found = readAt(tokens, end - k, end);
    if (found !== undefined) return found;
  }
  return undefined;
}

function durationStartingAt(tokens: readonly Token[], start: number): Found | undefined {
  for (let k = Math.min(PHRASE_MAX_WORDS, tokens.length - start); k >= 1; k--) {
    const found = readAt(tokens, start, start + k);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether a duration could be a time box at all, whatever surrounds it. */
function plausible(phrase: string): boolean {
  return !MILLIS_RE.test(phrase) && !phrase.split(/\s+/).some((w) => STATUS_CODES_RE.test(w));
}

/** Whether a duration after `trig` is a time box; "in a sec"-style idioms are not, and are left to the vague-phrase check. */
function acceptsAfter(trig: Trigger, found: Found): boolean {
  if (trig.idioms && IDIOM_RE.test(found.phrase)) return false;
  return !found.bare || (trig.bare && found.ms <= BARE_MINUTES_MAX * MINUTE);
}

function triggerEndingAt(tokens: readonly Token[], end: number): { trig: Trigger; from: number } | undefined {
  let at = end;
  while (at > 0 && QUALIFIERS.has(tokens[at - 1]?.word ?? '')) at--;
  // The farthest trigger wins, so "in max 5m" takes "in" and "max" with it; "max 5m" alone is its own trigger.
  for (; at <= end; at++) {
    const from = at;
    const trig = TRIGGERS.find((t) => wordsMatch(tokens, from - t.words.length, t.words));
    if (trig !== undefined) return { trig, from: from - trig.words.length };
  }
  return undefined;
}

function namedEndingAt(tokens: readonly Token[], end: number): number {
  return NAMED_AFTER.find((w) => wordsMatch(tokens, end - w.length, w))?.length ?? 0;
}

function namedStartingAt(tokens: readonly Token[], start: number): number {
  return NAMED_AFTER.find((w) => wordsMatch(tokens, start, w))?.length ?? 0;
}

/** A time box at the end: "check the logs and report back in 5 minutes, thanks", "check logs 5min", "..., 5m timebox". */
function fromEnd(text: string, tokens: readonly Token[], n: number): TimeboxSplit | undefined {
  const named = namedEndingAt(tokens, n);
  const found = durationEndingAt(tokens, n - named) ?? (named > 0 ? durationEndingAt(tokens, n) : undefined);
  if (found === undefined || !plausible(found.phrase)) return undefined;
  const taskUpTo = (i: number): TimeboxSplit => ({ task: cleanTask(text.slice(0, tokens[i]?.start ?? 0)), timeboxMs: found.ms });
  if (named > 0 && found.to === n - named) {
    if (found.bare) return undefined;
    // "with a 5m timebox": the article and "with" belong to the time box.
    let from = found.from;
    if (tokens[from - 1]?.word === 'a' || tokens[from - 1]?.word === 'an') from--;
    if (tokens[from - 1]?.word === 'with') from--;
    return taskUpTo(from);
  }
  const before = triggerEndingAt(tokens, found.from);
  if (before !== undefined) return acceptsAfter(before.trig, found) ? taskUpTo(before.from) : undefined;
  if (found.bare) return undefined;
  const prev = tokens[found.from - 1];
  if (prev !== undefined && !SEPARATED_RE.test(prev.raw)) {
    // Without a trigger word or a comma, only digits count: "check the logs half an hour" is not a time box.
    if (NOT_TIMEBOX_AFTER.has(prev.word) || !/^\d/.test(found.phrase)) return undefined;
  }
  return taskUpTo(found.from);
}

/** A time box at the start: "in 5 minutes, check the logs", "timebox 5m: restart the api", "5 min: check the disk". */
function fromStart(text: string, tokens: readonly Token[]): TimeboxSplit | undefined {
  const trig = TRIGGERS.find((t) => t.leads && wordsMatch(tokens, 0, t.words));
  let start = trig?.words.length ?? 0;
  if (trig !== undefined) while (QUALIFIERS.has(tokens[start]?.word ?? '')) start++;
  const found = durationStartingAt(tokens, start);
  if (found === undefined || !plausible(found.phrase)) return undefined;
  const named = namedStartingAt(tokens, found.to);
  const rest = found.to + named;
  const restToken = tokens[rest];
  if (restToken === undefined) return undefined;
  if (trig !== undefined ? !acceptsAfter(trig, found) : found.bare) return undefined;
  if (trig === undefined && named === 0) {
    // Unannounced, only "5m: ..." or "5m - ..." reads as a time box; "5 pods ..." never parses anyway.
    const last = tokens[found.to - 1];
    if (!/[,:—–-]$/.test(last?.raw ?? '') && !/^[—–-]+$/.test(restToken.raw)) return undefined;
  }
  return { task: cleanTask(text.slice(restToken.start).replace(LEADING_SEP_RE, '')), timeboxMs: found.ms };
}

/** A time box in brackets anywhere: "check the logs (5 min) and restart", "[in 10]". */
function fromBrackets(text: string): TimeboxSplit | undefined {
  for (const m of text.matchAll(PAREN_RE)) {
    let inner = (m[1] ?? '').trim();
    let bareOk = false;
    for (let p = PAREN_PREFIX_RE.exec(inner); p !== null && p[0] !== ''; p = PAREN_PREFIX_RE.exec(inner)) {
      if (p[1] !== undefined) bareOk = true;
      inner = inner.slice(p[0].length);
    }
    if (PAREN_SUFFIX_RE.test(inner)) bareOk = true;
    inner = inner.replace(PAREN_SUFFIX_RE, '').trim();
    const ms = parseSpokenDuration(inner);
    const minutes = ms ?? (bareOk ? parseSpokenDuration(inner, { bareMinutes: true }) : undefined);
    if (minutes === undefined || !plausible(inner) || IDIOM_RE.test(inner)) continue;
    if (ms === undefined && minutes > BARE_MINUTES_MAX * MINUTE) continue;
    const before = text.slice(0, m.index).trimEnd();
    const after = text.slice(m.index + m[0].length).trimStart();
    const joined = before === '' || after === '' || /^[,;:.!?]/.test(after) ? `${before}${after}` : `${before} ${after}`;
    return { task: cleanTask(joined.replace(LEADING_SEP_RE, '')), timeboxMs: minutes };
  }
  return undefined;
}

/** A phrase that tries to be a time box and names no duration: "back in a bit", "report back soon", "asap". */
function vague(text: string, tokens: readonly Token[], n: number): TimeboxSplit | undefined {
  const last = tokens[n - 1];
  if (last !== undefined) {
    const core = trimEndOf(text.slice(0, last.end), CLAUSE_END_CHAR);
    const at = tailMatch(core, VAGUE_END_RE);
    if (at !== undefined) return { task: cleanTask(core.slice(0, at)), timeboxMs: null, unread: core.slice(at) };
  }
  const s = VAGUE_START_RE.exec(text.trimStart());
  if (s?.[1] !== undefined) return { task: cleanTask(text.trimStart().slice(s[0].length)), timeboxMs: null, unread: s[1] };
  return undefined;
}

// Brackets go first because they are unambiguous; then the end, where most people put a time box;
// then the start. A lone number after "in", "within" or "back in" means minutes. Durations that
// describe the task stay in it: "errors in the last 5m", "slower than 500ms", "look for 500s".
/** Takes the time box out of an assigned task, from its end ("back in 5"), its start ("in 5m, ...") or brackets ("(5 min)"). */
export function splitTimebox(text: string): TimeboxSplit {
  const tokens = tokenize(text);
  const n = contentEnd(tokens);
  return fromBrackets(text)
    ?? fromEnd(text, tokens, n)
    ?? fromStart(text, tokens)
    ?? vague(text, tokens, n)
    ?? { task: text.trim(), timeboxMs: null };
}
