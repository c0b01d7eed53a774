/**
 * Cleaning text that other people wrote before it reaches a terminal, a log or another client: the one sanitiser
 * every output goes through (the UI's text, the CLI's out()/err(), and the characters JSON output escapes).
 */

// String-type sequences (OSC, DCS, SOS, PM, APC) carry a payload up to BEL or ST. An unterminated one
// is dropped to the end of the text: a terminal would swallow the rest anyway, and leaving the
// payload visible would let half of an injection through.
const STRING_SEQ_RE = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
// CSI, 7-bit and 8-bit: parameter bytes, intermediate bytes, then one final byte (if it arrived).
const CSI_RE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*(?:[@-~]|$)/g;
// Every other escape: ESC, optional intermediates, one final byte (or a lone ESC).
const OTHER_ESC_RE = /\u001b[ -/]*[0-~]?/g;
// Line and page breaks become spaces so a chat line cannot fake a second line or a system message.
const BREAK_RE = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029\t]/g;
// The same breaks, for text that may have lines: each becomes one "\n" (a lone CR would let a line overwrite itself).
const LINE_BREAK_RE = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/;
// Remaining C0 and C1 controls and DEL (BEL, backspace, ...), which can rewrite what was drawn.
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/g;
// The same without the tab, which text with lines keeps.
const CONTROL_BUT_TAB_RE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
// BiDi embeddings, overrides and isolates reorder what follows them ("Trojan Source"); zero-width
// space, word joiner and BOM hide inside names. ZWJ/ZWNJ stay: emoji and some scripts need them.
const INVISIBLE_RE = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
// Lone surrogates are not text: they break JSON round-trips and render unpredictably.
const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Every character stripControl acts on (or that starts a sequence it removes), bar the line feed and tab text keeps.
const UNSAFE_CHAR = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200b\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff';
const UNSAFE_TEST_RE = new RegExp(`[${UNSAFE_CHAR}]|${LONE_SURROGATE_RE.source}`);
const UNSAFE_ESCAPE_RE = new RegExp(`[${UNSAFE_CHAR}]|${LONE_SURROGATE_RE.source}`, 'g');

/** The escape sequences (7-bit and 8-bit) removed whole, payload and all, before single characters are. */
function withoutSequences(text: string): string {
  return text.replace(STRING_SEQ_RE, '').replace(CSI_RE, '').replace(OTHER_ESC_RE, '');
}

/** The characters left after the sequences: controls (`controls` says which), invisible reordering, lone surrogates. */
function withoutCharacters(text: string, controls: RegExp): string {
  return text.replace(controls, '').replace(INVISIBLE_RE, '').replace(LONE_SURROGATE_RE, '\uFFFD');
}

/** Removes terminal control sequences and invisible reordering characters so others' text draws as plain, single-line text. */
export function stripControl(text: string): string {
  return withoutCharacters(withoutSequences(text).replace(BREAK_RE, ' '), CONTROL_RE);
}

/**
 * stripControl for text that may have lines and tabs (a command's whole output, a list of problems): every line
 * break becomes "\n" and tabs stay; everything else stripControl removes is removed. Each line is cleaned on its
 * own, so an unterminated OSC or DCS on one line cannot swallow the lines after it.
 */
export function stripControlLines(text: string): string {
  // Most output has nothing to remove: one test instead of a split and a join per line.
  if (!UNSAFE_TEST_RE.test(text)) return text;
  return text.split(LINE_BREAK_RE).map((line) => withoutCharacters(withoutSequences(line), CONTROL_BUT_TAB_RE)).join('\n');
}

/**
 * Writes each character the sanitiser would act on as `\uXXXX`, for JSON text: the document stays exactly
 * equivalent (a JSON string may escape any character) while a terminal showing it draws only text. JSON.stringify
 * escapes C0 controls and lone surrogates itself but leaves DEL, C1 controls (U+009B is a one-byte CSI),
 * line and paragraph separators, BiDi controls and invisible characters raw.
 */
export function escapeUnsafe(jsonText: string): string {
  return jsonText.replace(UNSAFE_ESCAPE_RE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Truncates to at most `max` UTF-16 units (a storage bound), ending in "…", without splitting a character. */
export function limitLength(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  // Cut on grapheme boundaries so an emoji or an accented letter is never split into garbage; count
  // code units, not graphemes, so a pile of combining marks cannot get past the bound.
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}…`;
}
