/**
 * What people mean when they type naturally in the incident chat: a promised fix time, an answer to
 * an executive swoop, an acknowledgement, a claim of command, a poll, a decision, a status update...
 * Each reader is generous to everyday wording but says "no" when unsure, because a scorer that
 * credits or blames the wrong line does more harm than one that misses a rare phrasing.
 * Pure and deterministic.
 */
import { stripControl } from '../sanitize';
import { escapeRe } from './escape-re';

/** Text as typed, made comparable: no control characters, straight quotes, single spaces. Case is kept so slices read as typed. */
function clean(text: string): string {
  return stripControl(text)
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

const isQuestion = (t: string): boolean => /\?[\s?!.]*$/.test(t);
/** The sentence up to `index`, where an "if" that makes what follows conditional would sit. */
const sentenceBefore = (t: string, index: number): string => t.slice(0, index).split(/[.;!?](?:\s|$)/).pop() ?? '';
/** The clause up to `index`, where a negation or hedge of what follows would sit ("this isn't a SEV-1, it's a SEV-2"). */
const clauseBefore = (t: string, index: number): string => sentenceBefore(t, index).split(/,\s|\s(?:but|so|and)\s/).pop() ?? '';
const NEGATION = /\b(?:not|never|no\s+longer)\b|n't\b/i;
const CONDITIONAL = /\b(?:if|unless|whether|once|when|should\s+we)\b/i;
/** Whether a match at `index` is negated, hedged by `hedge` in its clause, or made conditional in its sentence. */
const hedged = (t: string, index: number, hedge: RegExp): boolean => hedge.test(clauseBefore(t, index)) || CONDITIONAL.test(sentenceBefore(t, index));

// ---- Amounts of time: digits or the words people type ("ten", "a couple of", "half an hour").
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const WORD_VALUES = new Map<string, number>([
  ...ONES.map((w, i): [string, number] => [w, i]),
  ...ONES.slice(1, 10).flatMap((w, i): [string, number][] => [[`twenty-${w}`, 21 + i], [`twenty ${w}`, 21 + i]]),
  ['thirty', 30], ['forty', 40], ['forty-five', 45], ['forty five', 45], ['sixty', 60], ['ninety', 90],
  ['a couple of', 2], ['a couple', 2], ['couple of', 2], ['a few', 3], ['few', 3],
  ['half an', 0.5], ['half a', 0.5], ['half', 0.5], ['an', 1], ['a', 1],
]);
// A compact pattern for the same words: every long alternation is compiled (and tiered up) in each short-lived
// CLI process, and the words were once spelled out 60 ways. Longer forms come first within each group.
const UNITS_WORD = 'one|two|three|four|five|six|seven|eight|nine';
const WORD_NUM = String.raw`(?:twenty|thirty|forty|sixty|ninety)(?:[\s-]+(?:${UNITS_WORD}))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|zero|${UNITS_WORD}|ten|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|half(?:\s+an?)?|an?`;
const NUM = String.raw`(?:\d+(?:\.\d+)?|(?<![\w-])(?:${WORD_NUM})(?![\w-]))`;
// One-letter units only right after digits ("20m", "2h"), or "a m" would read as "am".
const UNIT = String.raw`(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|(?<=\d\s?)[smhd])(?!\w)`;
const RANGE_TO = String.raw`\s*(?:-|–|to|or)\s*`;
const AMOUNT = String.raw`${NUM}(?:${RANGE_TO}${NUM})?[\s-]*${UNIT}`;

function numberOf(word: string): number {
  const w = word.toLowerCase().replace(/[\s-]+/g, ' ');
  if (/^\d/.test(w)) return Number.parseFloat(w);
  // "twenty three": tens and ones.
  const [tens, ones] = w.split(' ');
  const compound = ones !== undefined && WORD_VALUES.has(tens ?? '') && (WORD_VALUES.get(tens!) ?? 0) >= 20 ? (WORD_VALUES.get(tens!) ?? 0) + (WORD_VALUES.get(ones) ?? Number.NaN) : undefined;
  return compound ?? WORD_VALUES.get(w) ?? Number.NaN;
}

function unitMs(unit: string): number {
  const u = unit.toLowerCase();
  return u.startsWith('s') ? 1000 : u.startsWith('h') ? 3_600_000 : u.startsWith('d') ? 86_400_000 : 60_000;
}

// ---- 1. Promised fix times (RD-35).
const CLOCK = String.raw`(?:\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\d{1,2}:\d{2}(?:\s*(?:utc|gmt|[a-z]{1,3}t)\b)?|noon|midday|midnight)`;
const DAYPART = String.raw`(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+)?(?:day|today|hour|morning|afternoon)|eod|cob|eob|tonight|tomorrow(?:\s+morning)?|this\s+(?:morning|afternoon|evening)|later\s+today)`;
const SOON = String.raw`(?:the\s+)?(?:next\s+)?(?:hour|half[\s-]+hour|few\s+(?:minutes|hours)|couple\s+(?:of\s+)?(?:minutes|hours))\b`;
const ABOUT = String.raw`(?:(?:the\s+next|about|around|roughly|approx(?:imately|\.)?|~|less\s+than|no\s+more\s+than|under|another|just|only|at\s+most)\s*)*`;
// Only forward-looking prepositions: "for the last 30 minutes", "since 14:05" and "at 14:05" are the past.
const FUTURE_TIME = new RegExp(String.raw`\b(?:(?:in|within|inside(?:\s+of)?|over\s+the\s+next)\s+${ABOUT}(?:${AMOUNT}|${SOON})|(?:by|before|no\s+later\s+than)\s+${ABOUT}(?:${CLOCK}|${DAYPART}))`, 'gi');
const ETA = new RegExp(String.raw`\beta\b\s*(?:(?:for|to|on)\s+(?:a\s+|the\s+)?(?:fix|resolution|recovery|restoration)\s*)?(?:is\s+|of\s+|[:=-]\s*)?${ABOUT}(?:${AMOUNT}|${CLOCK}|${DAYPART}|${SOON})`, 'i');
// "back" in "check back", "get back to you" or "back with an update" promises a message, not a fix.
const FIX_WORD = /\b(?:fix(?:ed|es|ing)?|resolv(?:e|ed|es|ing)|resolution|restor(?:e|ed|es|ing|ation)|recover(?:ed|s|y|ing)?|solved|mitigat(?:ed|ion)|(?<!\b(?:check|come|get|report|circle|call|write|ring|getting|coming|checking|reporting)\s)back(?!\s+(?:to\s+you|with|in\s+touch))|up\s+and\s+running|operational|working\s+(?:again|normally|properly|as\s+(?:normal|expected|usual))|(?:be|get\s+(?:it|them|things|everything))\s+working(?!\s+on)|normal\s+service|resum(?:e|ed|es|ing)|available\s+again|running\s+again|(?:fully\s+)?functional)\b/gi;
// Words of the next-update cadence, which the process asks for: a time after them is not a fix time.
const CADENCE = /\b(?:updates?|updated|updating|post(?:ed|ing)?|let\s+you\s+know|keep\s+you|inform|notify|hear\s+from\s+us|(?:check|come|get|report|circle)\s+back|more\s+(?:info|information|details)|further\s+(?:info|information|details)|communicat\w*|news|status\s+page)\b/i;
const PAST = /\b(?:was|were|been|had|got|took)\s+(?:\w+\s+)?$/i;
const FORWARD = /^[\s,]*(?:[\w']+\s+){0,3}?(?:will|'ll|should|shall|expect\w*|anticipat\w*|hope\w*|aim\w*|plan\w*|going\s+to|gonna)\b/i;
const PHRASE_BREAK = /[;!?]|(?<!\bapprox)\.(?=\s|$)|:(?!\d)|,|(?<!\bup)\s(?:and|but|so|while|then)\s|\s[—–-]\s/i;

function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(re)) last = m as RegExpExecArray;
  return last;
}

/** The phrase of a public post that promises when the problem will be fixed ("back up in 10 mins", "ETA 20 min"), if any. */
export function promisedFixTime(text: string): string | undefined {
  const t = clean(text);
  const eta = ETA.exec(t);
  if (eta) return eta[0].trim();
  // A fix word, then a time, in one phrase: "should be back within the hour".
  for (const phrase of t.split(PHRASE_BREAK)) {
    for (const m of phrase.matchAll(FUTURE_TIME)) {
      const before = phrase.slice(0, m.index);
      if (CADENCE.test(before)) continue;
      const fix = lastMatch(FIX_WORD, before);
      if (fix && !PAST.test(before.slice(0, fix.index))) return phrase.slice(fix.index, m.index + m[0].length).trim().replace(/^be\s+/i, '');
    }
  }
  // A time that opens the sentence, then a future fix: "Within the hour, service should be restored".
  for (const sentence of t.split(/[.;!?](?:\s|$)/)) {
    for (const m of sentence.matchAll(FUTURE_TIME)) {
      if (sentence.slice(0, m.index).trim().split(/\s+/).filter(Boolean).length > 2) continue;
      const after = sentence.slice(m.index + m[0].length);
      const fix = FORWARD.test(after) ? new RegExp(FIX_WORD.source, 'i').exec(after) : null;
      if (fix && !CADENCE.test(after.slice(0, fix.index))) return sentence.slice(m.index, m.index + m[0].length + fix.index + fix[0].length).trim();
    }
  }
  return undefined;
}

const HOSTNAME = /\b[a-z]+-[a-z0-9-]+-\d+\b/g;
// Cloud regions and zones ("eu-west-1", "us-east-2b") are public names, not internal hosts.
const REGION = /^(?:us|eu|ap|sa|ca|me|af|il|cn)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d+[a-z]?$/;

/** An internal host name in a public message ("db-primary-1"), if any; cloud regions do not count. */
export function hostIn(text: string): string | undefined {
  return [...clean(text).matchAll(HOSTNAME)].map((m) => m[0]).find((h) => !REGION.test(h));
}

// ---- 2. Executive swoop answers (RD-27).
const OFFERS_COMMAND = /\b(?:take|taking|assume|want|have|like)\s+(?:over\s+)?(?:the\s+)?(?:incident\s+)?command\b|\btake\s+over\s+(?:as\s+)?(?:the\s+)?(?:ic|incident\s+commander)\b|\bhand\s+(?:you\s+|it\s+)?(?:over|command)\b|\bwelcome\s+to\s+(?:take|run|lead)\b|\b(?:want|like)\s+to\s+(?:be|become)\s+(?:the\s+)?(?:ic|incident\s+commander)\b|\b(?:want|like)\s+to\s+(?:run|lead)\s+(?:the\s+|this\s+)?(?:call|incident|response|bridge)\b/i;
const DEFLECTS = [
  /\b(?:keep|hold|save)\s+(?:(?:your|the|all|any|those|these|further|other)\s+)*(?:comments?|questions?|feedback|thoughts|concerns|discussion|remarks)\b/i,
  /\b(?:until|till|til|to|for|at)\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:call|incident|bridge|meeting)\b|\b(?:until|till|til|to|at)\s+the\s+end\b(?!\s+of\b)/i,
  /\bafter\s+(?:the|this)\s+(?:call|incident|bridge)\b/i,
  /\b(?:talk|discuss|chat|speak|catch\s+up|sync|debrief|follow\s+up|circle\s+back)\b[^.;]{0,30}?\b(?:afterwards|later|offline)\b/i,
  /\b(?:incident|service|recovery|fixing\s+(?:this|it))\s+(?:comes?|goes|is)\s+first\b|\b(?:takes|has|gets)\s+priority\b/i,
  /\bstakeholders?\b|\b(?:updates?|status|exec|executive|leadership|business)\s+(?:channel|room|bridge|thread)\b|\bbrief\s+(?:you|them|leadership)\b/i,
  /\bnot\s+both\b|\b(?:don't|do\s+not|won't|will\s+not|can't|cannot)\s+(?:discuss|debate|argue(?:\s+about)?|talk\s+about|negotiate)\s+(?:the\s+)?severity\b/i,
  /\btreat(?:ing)?\s+(?:this|it)\s+as\s+(?:a\s+)?sev/i,
  /\bi\s+hear\s+you\b|\btake\s+(?:this|that|it)\s+(?:to|offline|elsewhere|outside)\b|\bstop\s+interrupting\b/i,
  // Promising to report back later, or saying not now: "I'll update you when it's done", "Wendy will keep you posted".
  /\bkeep\s+you\s+(?:posted|updated|informed|in\s+the\s+loop)\b|\b(?:i'll|i\s+will|we'll|we\s+will)\s+(?:update|brief|debrief|call|ping|get\s+back\s+to)\s+you\b|\b(?:full\s+|proper\s+)?(?:briefing|debrief)\b|\bnot\s+now\b|\bonce\s+we(?:'re|\s+are)\s+(?:through|done|out\s+of)\b/i,
  // Declining the demand: "we won't pull everyone in", "we will not guess a time".
  /\b(?:won't|will\s+not|can't|cannot|not\s+going\s+to)\s+(?:pull|bring|add|page|drag|guess|speculate|promise|give\s+(?:you\s+)?(?:a|an|any)\s+(?:time|eta))\b/i,
];

/** Whether an IC or liaison message answers an executive swoop: offers command or deflects it until after the call. */
export function answersSwoop(text: string): boolean {
  const t = clean(text);
  return OFFERS_COMMAND.test(t) || DEFLECTS.some((re) => re.test(t));
}

// ---- 3. Acknowledgements (RD-11).
const SOFT = String.raw`(?:ok(?:ay)?|kk?|yes|yep|yup|yeah|ya|sure(?:\s+thing)?|alright|all\s+right|right|affirmative|cool|great|no\s+problem|np|10-4|👍)`;
const CLEAR_ACK = String.raw`(?:wilco|acked|ack'?d|acknowledged|understood|roger(?:\s+that)?|on\s+it|will\s+do|copy\s+that|copied|gotcha|doing\s+it(?:\s+now)?)`;
// "ack the alert", "copy the logs" and "got it working" are not acknowledgements, so these need a break after them.
const BARE_ACK = String.raw`(?:ack|copy|rog|got\s+it)`;
const ACK = new RegExp(String.raw`^(?:@[\w.-]+[\s,:]*|[a-z][\w.-]*:\s*)?(?:${SOFT}[\s,.!—–-]+)*(?:(?:i'm|im|i\s+am|we're|we\s+are)\s+)?(?:${CLEAR_ACK}(?![\w'])|${BARE_ACK}(?=\s*(?:$|[,.!:;—–-]|t\d+\b|that\b|👍)))(.*)$`, 'i');
const SOFT_ONLY = new RegExp(String.raw`^(?:${SOFT}[\s,.!]*)+(?:(?:thanks|thank\s+you|thx|ty)[\s.!]*)?$`, 'i');
/** A few words may follow ("understood, restarting orders-api now, back in 5"); a report is longer. */
const MAX_ACK_TAIL_WORDS = 6;

// ACK reads an ASCII name in the opening address; a name in another alphabet ("@Zoë wilco", engine/person-name.ts) is
// taken off first. Only then: an ASCII line is read exactly as before, so recorded drills replay the same.
const OTHER_ALPHABET_ADDRESS = /^(?:@[\p{L}\p{M}\p{N}_.-]+[\s,:]*|\p{L}[\p{L}\p{M}\p{N}_.-]*:\s*)/u;

/** The line without an opening address to a name written outside ASCII. */
function withoutOtherAlphabetAddress(t: string): string {
  const m = OTHER_ALPHABET_ADDRESS.exec(t);
  return m && /[^\x00-\x7f]/.test(m[0]) ? t.slice(m[0].length) : t;
}

/** Whether a chat line is a short acknowledgement of an assignment ("wilco", "ok, on it", "ack T1"). */
export function isAcknowledgement(text: string): boolean {
  const t = withoutOtherAlphabetAddress(clean(text));
  if (t === '' || isQuestion(t)) return false;
  if (SOFT_ONLY.test(t)) return true;
  const tail = ACK.exec(t)?.[1];
  if (tail === undefined) return false;
  const words = tail.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length <= MAX_ACK_TAIL_WORDS && !/\b(?:can't|cannot|can\s+not|unable|won't|couldn't|busy)\b/i.test(tail);
}

// ---- 4 and 5. Claims of command (RD-01, RD-02).
const TITLE = String.raw`(?:incident[\s-]+commander|incident\s+command|ic)(?![\w'-])`;
const CLAIMS = [
  new RegExp(String.raw`\b(?:i\s+am|i'm|im|i'll\s+be|i\s+will\s+be|i\s+shall\s+be|i'm\s+going\s+to\s+be|i\s+become|i've\s+become)\s+(?:(?:now|currently|still|officially|acting\s+as)\s+)?(?:the\s+|your\s+)?(?:acting\s+|new\s+)?${TITLE}`, 'i'),
  /\b(?:i\s+am|i'm|im|i'll|i\s+will|i|i've|i\s+have)\s+(?:now\s+|officially\s+)?(?:taking|take|assuming|assume|have|hold|holding|got|in)\s+(?:over\s+)?(?:the\s+)?(?:incident\s+)?command\b/i,
  // Without a subject only at the start of a clause: "dave here, taking command"; "bob is taking command" is someone else.
  new RegExp(String.raw`(?:^|[,.;:!—–-]\s*|\bhere\s+)(?:now\s+)?(?:taking|assuming)\s+(?:over\s+)?(?:(?:the\s+)?(?:incident\s+)?command\b|as\s+(?:the\s+)?${TITLE})`, 'i'),
  new RegExp(String.raw`(?:\bi\s+am|\bi'm|\bim|\bi'll\s+be|\bi\s+will\s+be|\bi)\s+(?:now\s+)?taking\s+over\s+as\s+(?:the\s+)?${TITLE}`, 'i'),
  new RegExp(String.raw`^(?:(?:hi|hey|hello|all|ok)[,!.]?\s+)?(?:this\s+is\s+[\w.-]+|[\w.-]+\s+here)[,.:]?\s+(?:(?:and\s+)?(?:i'm|i\s+am)\s+)?(?:as\s+)?(?:(?:the|your)\s+(?:acting\s+)?${TITLE}|incident[\s-]+commander\b)`, 'i'),
];

/** Whether someone announces, in the first person, that they take or hold command. */
export function claimsCommand(text: string): boolean {
  if (!/command|\bic\b|incident/i.test(text)) return false;
  const t = clean(text);
  if (isQuestion(t)) return false;
  return CLAIMS.some((re) => {
    const m = re.exec(t);
    return m !== null && !hedged(t, m.index, NEGATION);
  });
}

/** Whether an announcement gives the person's name and the full title "Incident Commander", not just "IC". */
export function namesFullTitle(text: string, name: string): boolean {
  const t = clean(text);
  const n = name.trim();
  return n !== '' && /\bincident[\s-]+commander\b/i.test(t) && new RegExp(String.raw`(?<![\w-])${escapeRe(n)}(?![\w-])`, 'i').test(t);
}

// ---- 6, 7 and 8. Polls and decisions (RD-18).
const OBJECTION_ASK = /\b(?:any|are\s+there(?:\s+any)?|is\s+there(?:\s+any|\s+an?)?|(?:do|does)\s+(?:anyone|anybody|any\s+one|you|we|y'all|you\s+all)\s+have(?:\s+any|\s+an?)?|(?:anyone|anybody)\s+(?:have|got)(?:\s+any|\s+an?)?)\s+(?:(?:strong|major|serious|real|big|last|final|other|more)\s+)*objections?\b/i;
const OBJECT_ASK = /\b(?:anyone|anybody|any\s+one|any\s+of\s+you|you\s+all|y'all)\s+(?:(?:strongly|seriously|still)\s+)?object\b|\bif\s+(?:anyone|anybody|you)\s+(?:strongly\s+)?(?:objects?|disagrees?|ha(?:s|ve)\s+(?:an?\s+|any\s+)?(?:strong\s+)?objections?)\b|\b(?:shout|speak\s+up|speak\s+now)\b[^.?!]{0,25}\b(?:object|objections?|disagree)\b/i;
// "I didn't hear any objections" and "I don't have any objections" report a poll's outcome.
const REPORTED = /(?:n't|\bnot|\bno|\bwithout|\bhear\w*|\bheard)\s+(?:\w+\s+)?$/i;

/** Whether the IC asks for strong objections ("Any strong objections?", "does anyone strongly object?"). */
export function looksLikePoll(text: string): boolean {
  if (!/object/i.test(text)) return false;
  const t = clean(text);
  const m = OBJECTION_ASK.exec(t);
  if (m && !REPORTED.test(t.slice(0, m.index))) return true;
  if (OBJECT_ASK.test(t)) return true;
  return t.split(/(?<=[.!?])\s+/).some((s) => /^(?:any\s+)?(?:strong\s+)?objections?\s*\?/i.test(s));
}

const EVERYONE = String.raw`(?:every\s*(?:one|body)|(?:we|you)\s+all|y'?all|all\s+of\s+(?:you|us)|the\s+team|people)`;
const CONSENT = String.raw`(?:agree|agreed|ok|okay|good|happy|fine|on\s*board|aligned|in\s+agreement|cool|comfortable|alright|all\s+right)`;
const ASKS_AGREEMENT = [
  new RegExp(String.raw`\b${EVERYONE}\b(?:\s+\w+){0,2}?\s+${CONSENT}\b`, 'i'),
  new RegExp(String.raw`(?:^|[^\w\s]\s*|\b(?:we|you)\s+)all\s+${CONSENT}\b`, 'i'),
  new RegExp(String.raw`\b(?:sounds?|looks?|that|this|everything)\s+(?:good|ok|okay|fine|right|alright)(?:\s+(?:to|for|with))?\s+${EVERYONE}\b`, 'i'),
  new RegExp(String.raw`\b(?:do|does|are)\s+we\s+(?:all\s+)?${CONSENT}\b|^(?:all\s+)?agreed\s*\?`, 'i'),
];

/** Whether the IC asks for agreement ("does everyone agree?") instead of for strong objections. */
export function badPollWording(text: string): boolean {
  const t = clean(text);
  // Only a question asks: "we all agree it's DNS" is a statement.
  if (!t.includes('?') && !/^(?:does|do|is|are|can|would)\b/i.test(t)) return false;
  return ASKS_AGREEMENT.some((re) => re.test(t));
}

const DECISIONS = [
  /\bhearing\s+(?:no|none|nothing)\b|\b(?:heard|hear)\s+(?:none|no\s+(?:strong\s+)?objections?)\b|\bno\s+(?:(?:strong|major)\s+)?objections?\s+(?:heard|raised|received)\b|\bno\s+(?:strong\s+)?objections?\b[^?]*\b(?:proceed\w*|go(?:ing)?\s+ahead|moving\s+(?:ahead|forward))\b/i,
  /^(?:(?:ok(?:ay)?|so|alright|right)[,.]?\s+)?(?:final\s+)?decision(?:\s+made)?\s*[:—–-]|\b(?:decided|(?:the|my)\s+decision\s+is(?!\s+(?:yours|theirs|up\s+to|pending|still))|i\s+decide)\b/i,
  /\b(?:we're|we\s+are|we'll|we\s+will|we\s+shall|i'm|i\s+am|let's|lets|let\s+us)\s+(?:now\s+|going\s+to\s+)?(?:proceed(?:ing)?|go(?:ing)?\s+ahead|mov(?:e|ing)\s+(?:ahead|forward)|go(?:ing)?\s+with)\b|\blet's\s+do\s+(?:it|this|that|the)\b|^(?:(?:ok(?:ay)?|so|alright)[,.]?\s+)?(?:proceeding|going\s+ahead|moving\s+ahead|moving\s+forward)\b/i,
];
// Every decision phrasing has one of these words; most chat has none, and the long patterns are left unrun.
const DECISION_WORDS = /hear|objection|decision|decide|proceed|ahead|forward|going\s+with|go\s+with|let'?s|let\s+us/i;
const HEDGE = /\b(?:might|may|maybe|perhaps|possibly|probably|could|would|not|never|yet\s+to)\b|n't\b/i;

/** Whether the IC announces a decision ("Hearing no objections, we're proceeding with the rollback"). */
export function looksLikeDecision(text: string): boolean {
  if (!DECISION_WORDS.test(text)) return false;
  const t = clean(text);
  if (isQuestion(t)) return false;
  return DECISIONS.some((re) => {
    const m = re.exec(t);
    return m !== null && !hedged(t, m.index, HEDGE);
  });
}

// ---- 9. Status updates (RD-20).
const LEAD_IN = String.raw`(?:(?:ok(?:ay)?|so|alright|right|all|everyone|folks|team)[,.!]?\s+)?`;
const STATUS_LABEL = new RegExp(String.raw`^${LEAD_IN}(?:(?:quick|brief|short|another|latest|current|interim|ic|incident|sev[\s-]*\d)\s+)*(?:status(?:\s+(?:update|report))?|update|sit\s*-?\s*rep|situation(?:\s+(?:report|update))?|summary|recap)(?:\s+(?:at|as\s+of)\s+\d{1,2}:\d{2})?(?:\s+for\s+(?:everyone|all|the\s+(?:call|team|room)|stakeholders))?\s*(?::|[—–]|\s-\s|\.\s)\s*`, 'i');
const WHERE_WE_ARE = new RegExp(String.raw`^(?:(?:while|as)\s+[^:]{1,80}?,\s*)?${LEAD_IN}(?:here\s+is|here's|heres|this\s+is)\s+(?:where\s+we\s+are|where\s+things\s+stand|the\s+(?:current\s+)?(?:status|situation|state\s+of\s+play|latest)|an?\s+(?:quick\s+|brief\s+)?(?:status\s+)?update)\s*(?:[:,.—–]|\s-)?\s*`, 'i');

// A short first sentence before the label: "Thanks Kofi. Status: ...", "OK everyone, quick update: ...".
const PREAMBLE = /^(?:(?:thanks?|thank\s+you|ty|cheers|great|good|nice|ok(?:ay)?|right|alright|all\s+right)\b[^.!:]{0,30}[.!,]\s+|(?:ok(?:ay)?|so|alright|right)[,.!]?\s+(?:everyone|all|folks|team)[,.!]?\s+)/i;

/** The body of an IC status update ("Status: SEV-2, ..."), without its label; undefined for anything else. */
export function statusUpdateText(text: string): string | undefined {
  if (!/status|update|sit\s*-?\s*rep|situation|summary|recap|where\s+(?:we\s+are|things\s+stand)|latest/i.test(text)) return undefined;
  const whole = clean(text);
  const t = whole.replace(PREAMBLE, '');
  const m = STATUS_LABEL.exec(t) ?? WHERE_WE_ARE.exec(t);
  if (!m) return undefined;
  const body = t.slice(m[0].length).trim();
  // "Update: where are we on T1?" asks for an update rather than giving one.
  if (!/[\p{L}\p{N}]/u.test(body) || (isQuestion(body) && !/[.;]\s/.test(body))) return undefined;
  return body;
}

// ---- 10. Severity (RD-20, RD-27).
type Severity = 'SEV-1' | 'SEV-2' | 'SEV-3' | 'SEV-4' | 'SEV-5';
const LEVEL = String.raw`([1-5]|one|two|three|four|five)(?![\w-])`;
const SEV = String.raw`sev(?:erity)?[\s-]*(?:level\s*)?${LEVEL}`;
const DECLARES = [
  new RegExp(String.raw`\b(?:this\s+is|this's|it\s+is|it's|its|that\s+is|that's)\s+(?:(?:now|officially|definitely|clearly)\s+)?(?:an?\s+)?${SEV}`, 'i'),
  new RegExp(String.raw`\bwe(?:'re|\s+are)\s+(?:now\s+)?(?:at|in)\s+(?:an?\s+)?${SEV}`, 'i'),
  new RegExp(String.raw`\b(?:treat|treating|handle|handling|run|running)\s+(?:this|it)\s+as\s+(?:an?\s+)?${SEV}`, 'i'),
  new RegExp(String.raw`\b(?:declar(?:e|ed|ing)|call(?:ing)?)\s+(?:(?:this|it)\s+)?(?:as\s+)?(?:an?\s+)?${SEV}`, 'i'),
  new RegExp(String.raw`\bsev(?:erity)?\s*(?:is\s+(?:now\s+)?|=\s*|:\s*)(?:an?\s+)?(?:sev(?:erity)?[\s-]*)?${LEVEL}`, 'i'),
  new RegExp(String.raw`\b(?:upgrad|rais|bump|escalat|downgrad|lower|mov|chang|sett?|reduc|dropp?)(?:e|es|ed|ing|s)?\s+(?:(?:this|it|the\s+(?:incident|severity|sev)|severity|sev)\s+)?(?:from\s+(?:an?\s+)?sev(?:erity)?[\s-]*\w+\s+)?(?:to|as)\s+(?:an?\s+)?${SEV}`, 'i'),
  new RegExp(String.raw`\bwe(?:'ve|\s+have)\s+(?:got\s+)?an?\s+${SEV}`, 'i'),
  new RegExp(String.raw`\b${SEV}\s+(?:declared|confirmed)\b`, 'i'),
  // The level alone, opening the line and said as a fact: "Severity 1, we assume the worst."
  new RegExp(String.raw`^(?:(?:ok(?:ay)?|right|so)[,.]?\s+)?${SEV}\s*(?:[,.;:!—–]|\s-\s|$)`, 'i'),
];
const LEVEL_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
const SEV_HEDGE = /\b(?:might|may|maybe|could|perhaps|possibly|probably|not|never|was|were|last)\b|n't\b/i;

/** The severity an IC declares ("we're treating this as SEV 1", "upgrading to SEV-1"); undefined for questions and guesses. */
export function declaredSeverity(text: string): Severity | undefined {
  if (!/sev/i.test(text)) return undefined;
  const t = clean(text);
  if (isQuestion(t)) return undefined;
  for (const re of DECLARES) {
    const m = re.exec(t);
    if (!m || hedged(t, m.index, SEV_HEDGE)) continue;
    const raw = (m[1] ?? '').toLowerCase();
    const n = LEVEL_WORDS[raw] ?? Number(raw);
    if (n >= 1 && n <= 5) return `SEV-${n}` as Severity;
  }
  return undefined;
}

// ---- 11. Draft approval (RD-33).
const APPROVES = /\b(?:approved?|approving)\b|\blgtm\b|\bship\s+it\b|\b(?:ok(?:ay)?|fine|good|clear(?:ed)?|free)\s+to\s+(?:post|publish|send|go(?:\s+out)?|ship)\b|\bgo\s+(?:ahead|for\s+it)\s*(?:and|,)?\s*(?:post|publish|send)\b|\b(?:post|publish|send)\s+(?:it|that|this|d\d+)\b|\bgreen\s+light\b|^(?:that's|thats|this\s+is|it's|d\d+\s+(?:is|looks)|(?:the\s+)?draft(?:\s+d?\d+)?\s+(?:is|looks)|looks?)\s+(?:good|fine|great)\b/i;
// "not approved", "I'll approve it once...", "needs to be approved": not an approval yet.
const NOT_YET = /(?:\b(?:not|never|no|won't|will|'ll|once|when|if|can|could|should|would|needs?(?:\s+to)?|to\s+be|be|been|pending|awaiting|waiting(?:\s+for)?|for|hold|wait|before|until|unless)|n't)\s+(?:[\w']+\s+)?$/i;
const HOLD = /\b(?:don't|dont|do\s+not|hold\s+off|wait|not\s+yet)\b[^.]*\b(?:post|publish|send)\b|\bbut\b[^.]*\b(?:change|fix|edit|tweak|reword|remove|add|drop|update)\b/i;

/** Whether the IC approves a customer-liaison draft ("D1 approved", "LGTM, post it", "ok to post"). */
export function approvesDraft(text: string): boolean {
  const t = clean(text);
  if (isQuestion(t) || HOLD.test(t)) return false;
  const m = APPROVES.exec(t);
  return m !== null && !NOT_YET.test(t.slice(0, m.index));
}

// ---- 12. Asking for more time (RD-13).
const QTY = String.raw`(?<a>${NUM})(?:${RANGE_TO}(?<b>${NUM}))?`;
const MORE_TIME = [
  new RegExp(String.raw`${QTY}\s*(?:more|extra|additional)[\s-]*(?<u>${UNIT})`, 'i'),
  new RegExp(String.raw`\banother\s+(?:${QTY}[\s-]*)?(?<u>${UNIT})`, 'i'),
  new RegExp(String.raw`${QTY}[\s-]*(?<u>${UNIT})\s+(?:more|extra|longer)\b`, 'i'),
  new RegExp(String.raw`\b(?:more\s+time|extension|extend(?:\s+(?:it|this|that|t\d+|the\s+(?:time\s*box|timer|task)))?)\b[^.?!]{0,25}?${QTY}[\s-]*(?<u>${UNIT})`, 'i'),
  new RegExp(String.raw`\b(?:need|needs|could\s+use|can\s+(?:i|we)\s+(?:have|get)|could\s+(?:i|we)\s+(?:have|get)|may\s+(?:i|we)\s+have|give\s+(?:me|us)|gimme)\s+(?:(?:about|around|roughly|~)\s*)?${QTY}[\s-]*(?<u>${UNIT})`, 'i'),
];
// "it took 5 more minutes than planned", "for another 10 minutes of errors": durations, not requests.
const NOT_REQUEST_BEFORE = /\b(?:took|lasted|spent|wasted|after|for|over|last|past|every)\s+(?:\w+\s+)?$/i;
const NOT_REQUEST_AFTER = /^\s+(?:ago|of|than|later|earlier)\b/i;

/** The extra time a responder asks for, in ms ("need 5 more minutes" → 300000); undefined when they ask for none. */
export function moreTimeMs(text: string): number | undefined {
  if (!/more|another|extra|additional|longer|extension|extend|need|give|gimme|have|get/i.test(text)) return undefined;
  const t = clean(text);
  for (const re of MORE_TIME) {
    const m = re.exec(t);
    const g = m?.groups;
    // "give me a sec" is a pause, not an estimate.
    if (!m || !g?.u || (/^s/i.test(g.u) && (!g.a || /^an?$/i.test(g.a))) || NOT_REQUEST_BEFORE.test(t.slice(0, m.index)) || NOT_REQUEST_AFTER.test(t.slice(m.index + m[0].length))) continue;
    const n = Math.max(g.a ? numberOf(g.a) : 1, g.b ? numberOf(g.b) : 0);
    if (Number.isFinite(n) && n > 0) return Math.round(n * unitMs(g.u));
  }
  return undefined;
}

// ---- 13. "Can someone..." (RD-09).
const ANYONE = String.raw`(?:some\s*(?:one|body)|any\s*(?:one|body)|some\s+of\s+you|one\s+of\s+you)`;
const ASKS_GROUP = [
  // "Can anyone hear me?" is a sound check and "will anyone else be joining?" a roll call, not tasks.
  new RegExp(String.raw`\b(?:can|could|would|will|may|might)\s+${ANYONE}\b(?!(?:\s+else)?\s+(?:hear|see\s+my|see\s+me|read\s+me|be)\b)`, 'i'),
  new RegExp(String.raw`\b${ANYONE}\s+(?:please|pls|plz|pretty\s+please)\b|\bneed\s+${ANYONE}\s+to\b|\bany\s+volunteers?\b`, 'i'),
  new RegExp(String.raw`^(?:(?:ok(?:ay)?|so|alright|please)[,.]?\s+)*some\s*(?:one|body)\s+(?:needs?\s+to|should|must|has\s+to|go|grab|take|check|look|restart|page|call|ping|investigate|dig|get|find|pull|open|run|roll|fail|handle|own|start|stop|kill|deploy|revert|escalate|contact|reach|verify|confirm|try)\b`, 'i'),
  new RegExp(String.raw`\bany\s*(?:one|body)\s+(?:able|free|available|willing|around|got\s+time|have\s+time|want|wanna)\s+(?:to\b|for\b)`, 'i'),
  /\bwho(?:'s|\s+is)?\s+(?:can|could|will|wants\s+to|is\s+able\s+to|is\s+free\s+to|has\s+time\s+to|able\s+to|free\s+to|volunteers?)\b(?!\s+(?:hear|see)\b)/i,
];

/** Whether the IC hands work to the room instead of a named person ("can someone check the logs?"). */
export function asksSomeone(text: string): boolean {
  const t = clean(text);
  return ASKS_GROUP.some((re) => re.test(t));
}

// ---- 14. Introductions (RD-06).
const COVERS = /\bi\s+(?:cover|own|support|run|look\s+after|handle|maintain|work\s+on|am\s+responsible\s+for)\b|\b(?:i'm|i\s+am|im)\s+(?:here\s+)?from\b|\b(?:joining|joined|dialing\s+in|dialed\s+in|on\s+the\s+(?:call|bridge))\s+(?:from|for|representing|on\s+behalf\s+of)\b|\b(?:i'm|i\s+am|im)\s+(?:the\s+|an?\s+)?(?:(?!(?:\w+ing|for|to|with|at|in|from|of|by|about|not|just|still|sure)\b)[\w-]+\s+){0,2}?(?:on[\s-]?call|oncall|dba|sre|engineer|lead|owner|manager|liaison|scribe|deputy|dev|developer|expert|sme|support)\b/i;

/** Whether a person joining says who they are or what they cover ("Hi, carol here from orders-api"). */
export function identifiesSelf(text: string, name: string): boolean {
  const t = clean(text);
  if (COVERS.test(t)) return true;
  const n = name.trim();
  if (n === '') return false;
  const who = String.raw`@?${escapeRe(n)}`;
  return new RegExp(String.raw`\b(?:this\s+is|it's|its|i'm|i\s+am|im|my\s+name\s+is|name's)\s+${who}(?![\w'-])|(?<![\w-])${who}\s+(?:\([^)]{1,40}\)\s+)?(?:here|from|on\s+(?:call|the)|with|joining|joined|for|representing|checking\s+in|dialing\s+in)\b|^(?:(?:hi|hey|hello|morning|afternoon|evening|all|folks|everyone)[\s,!.]*)*${who}\s*[,:—–-]`, 'i').test(t);
}

// ---- 15. Deputy callouts (RD-14).
const SPAN = String.raw`${NUM}[\s-]*(?:minutes?|mins?|hours?|hrs?|(?<=\d)[mh])`;
const ELAPSED = new RegExp(String.raw`\b${SPAN}[\s-]+(?:mark|elapsed|gone|passed|since\s+(?:the\s+)?(?:start|page|paged|alert|incident|call|trigger|triggered|response)|into\s+(?:the|this)\s+(?:incident|call|response)|in(?=\s*(?:$|[,.;:!—–-]|now\b|so\s+far|and\b|so\b)))|\bwe(?:'re|\s+are)\s+(?:now\s+)?(?:at|past|over)\s+(?:the\s+)?${SPAN}|\btime\s*check\b|\bt\s*\+\s*\d+|\b(?:elapsed|incident)\s+time\b`, 'i');
const TIMER = /\b(?:minutes?|mins?)\b[^.!?]{0,40}?\b(?:are|is)\s+up\b|\boverdue\b|\bpast\s+(?:his|her|their|the|its)\s+(?:time\s*-?\s*box|deadline|timer)\b|\btimer\b[^.!?]{0,40}?\b(?:is\s+up|up|done|out)\b|\b(?:time\s*-?\s*box(?:es)?|timer|time)\b[^.!?]{0,30}?\b(?:run\s+out|ran\s+out|expired|elapsed|lapsed)\b|\b(?:time\s*-?\s*box|timer|time)(?:'s|\s+is|\s+has\s+been)\s+up\b|\b(?:t\d+|task)\b[^.!?]{0,20}?\b(?:overdue|past\s+due|due\s+now|now\s+due|is\s+due(?!\s+in\b))/i;

/** Whether a deputy's line calls out elapsed incident time or an expired task time box. */
export function deputyCallout(text: string): boolean {
  const t = clean(text);
  return ELAPSED.test(t) || TIMER.test(t);
}

// ---- 16. Addressing the IC (RD-24, RD-36).
/** Whether a chat line is addressed to the IC: their name or "IC" opens it, closes it, or an @mention is anywhere. */
export function addressesIncidentCommander(text: string, icName: string | undefined): boolean {
  const t = clean(text);
  const n = icName?.trim() ? escapeRe(icName.trim()) : undefined;
  if (new RegExp(String.raw`@(?:ic${n ? `|${n}` : ''})(?![\w-])`, 'i').test(t)) return true;
  const who = String.raw`(?:${n ? `${n}|` : ''}ic|incident[\s-]+commander|commander)`;
  // "alice is busy" and "the ic is busy" talk about the IC, so the name must be set off by punctuation.
  const opens = new RegExp(String.raw`^(?:(?:hey|hi|ok|okay|so|fyi)[,\s]+)?${who}(?![\w-])\s*(?:[,:;!?—–]|\s-\s)`, 'i');
  const closes = new RegExp(String.raw`,\s*${who}\s*[.!?]*$`, 'i');
  return opens.test(t) || closes.test(t);
}
