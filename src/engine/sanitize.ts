/** Cleaning text that other people wrote before it reaches a terminal, a log or another client. */

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
// Remaining C0 and C1 controls and DEL (BEL, backspace, ...), which can rewrite what was drawn.
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/g;
// BiDi embeddings, overrides and isolates reorder what follows them ("Trojan Source"); zero-width
// space, word joiner and BOM hide inside names. ZWJ/ZWNJ stay: emoji and some scripts need them.
const INVISIBLE_RE = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
// Lone surrogates are not text: they break JSON round-trips and render unpredictably.
const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes terminal control sequences and invisible reordering characters so others' text draws as plain, single-line text. */
export function stripControl(text: string): string {
  return text
    .replace(STRING_SEQ_RE, '')
    .replace(CSI_RE, '')
    .replace(OTHER_ESC_RE, '')
    .replace(BREAK_RE, ' ')
    .replace(CONTROL_RE, '')
    .replace(INVISIBLE_RE, '')
    .replace(LONE_SURROGATE_RE, '\uFFFD');
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
