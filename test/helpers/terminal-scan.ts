// Finding what a terminal would act on in a program's raw output: escape sequences and control characters the
// program did not write itself (issue 11: text from files and flags must reach the terminal as plain text).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isScalar, parseDocument, visit } from 'yaml';
import type { Scorecard } from '../../src/scoring/types';
import { ROOT } from './cli';
import { scorecardFixture } from './scorecard-fixture';

/**
 * The test payload of issue 11: an OSC 52 clipboard write, an OSC 0 title change, a clear screen, an 8-bit CSI
 * and an 8-bit OSC, a right-to-left override and a lone surrogate.
 */
export const PAYLOAD = '\u001b]52;c;ZXZpbA==\u0007\u001b]0;pwned\u0007\u001b[2J\u009b2J\u009d0;x\u009c\u202e\ud800';
/** The payload for file names and flags: an argument or a path cannot hold a lone surrogate (it arrives as U+FFFD). */
export const NAME_PAYLOAD = PAYLOAD.replace(/[\ud800-\udfff]/g, '');

/** `evil<payload>end`: the words either side show the field was printed, with whatever was between them made inert. */
export const evil = (payload = PAYLOAD): string => `evil${payload}end`;

/** A YAML double-quoted scalar holding `text`, with everything outside printable ASCII written as an escape. */
export function yamlQuoted(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** What the output may contain besides text: nothing, the CLI's own colours (terminal-style.ts), or also what Ink draws a screen with. */
export type Allowed = 'none' | 'palette' | 'ink';

// The eight SGR codes src/cli/terminal-style.ts writes, and nothing else.
const PALETTE_RE = /^\u001b\[(?:1|2|22|31|32|33|36|39)m$/;
// Ink (and chalk inside it): any SGR colour, cursor movement and line erase, cursor visibility, the alternate
// screen and synchronized output. Never an OSC, and never a whole-screen erase: Ink 6.8 does not clear the screen.
const INK_RES = [
  /^\u001b\[[0-9;]*m$/,
  /^\u001b\[\d*[ABCDEFG]$/,
  /^\u001b\[(?:\d+(?:;\d+)?)?H$/,
  /^\u001b\[[012]?K$/,
  /^\u001b\[\?(?:25|1049|2026|2004|1004)[hl]$/,
];

// One token per thing a terminal acts on: a 7-bit escape sequence (CSI, a string sequence up to its terminator, or
// ESC and one character), a C0 control other than tab and line feed, DEL, a C1 control (which includes 8-bit CSI
// and OSC), a BiDi override, embedding, isolate or mark, or a lone surrogate.
const TOKEN_RE = new RegExp([
  '\\u001b\\[[0-?]*[ -/]*[@-~]?',
  '\\u001b[\\]PX^_][\\s\\S]{0,40}?(?:\\u0007|\\u001b\\\\|$)',
  '\\u001b[\\s\\S]?',
  '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]',
  '[\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]',
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])',
  '(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
].join('|'), 'g');

function allowed(token: string, allow: Allowed, tty: boolean): boolean {
  // A pseudo-terminal turns every "\n" into "\r\n" (onlcr), and Ink returns the cursor to the line start.
  if (tty && token === '\r') return true;
  if (allow === 'palette') return PALETTE_RE.test(token);
  if (allow === 'ink') return PALETTE_RE.test(token) || INK_RES.some((re) => re.test(token));
  return false;
}

/**
 * Every escape sequence or control character in `output` that is not allowed, each with a little context, so a
 * failure shows where it was. Raw bytes are checked too: UTF-8 cannot carry a lone surrogate, but its WTF-8 form
 * (ED A0..BF) would be one.
 */
export function foreignControls(output: string | Buffer, allow: Allowed, o: { tty?: boolean } = {}): string[] {
  const found: string[] = [];
  if (Buffer.isBuffer(output)) {
    for (let i = 0; i + 1 < output.length; i++) {
      if (output[i] === 0xed && output[i + 1]! >= 0xa0 && output[i + 1]! <= 0xbf) found.push(`surrogate bytes at ${i}`);
    }
  }
  const text = Buffer.isBuffer(output) ? output.toString('utf8') : output;
  for (const m of text.matchAll(TOKEN_RE)) {
    if (allowed(m[0], allow, o.tty === true)) continue;
    const at = m.index;
    found.push(`${JSON.stringify(m[0])} in ${JSON.stringify(text.slice(Math.max(0, at - 20), at + m[0].length + 20))}`);
  }
  return found;
}

// Scenario keys whose values are free text (ids are lower-case words, so the schema keeps the payload out of them).
const TEXT_KEYS = new Set(['title', 'summary', 'description', 'runbook', 'text', 'impact', 'rootCause']);

/**
 * The intro scenario with the payload in every free text: the title is `Orders evil<payload>end`, and every other
 * title, summary, description, runbook, log line, impact and root cause ends in `evil<payload>end`.
 */
export function hostileScenarioText(): string {
  const doc = parseDocument(readFileSync(join(ROOT, 'scenarios', 'bad-deploy-rollback.yaml'), 'utf8'));
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !TEXT_KEYS.has(String(pair.key.value)) || !isScalar(pair.value) || typeof pair.value.value !== 'string') return;
      pair.value.value = `${pair.value.value}${evil()}`;
    },
  });
  doc.set('title', `Orders ${evil()}`);
  return doc.toString();
}

/** A scorecard with the payload in every text a reader shows: scenario, rule ids and titles, names, notes, strengths, deductions. */
export function hostileScorecard(): Scorecard {
  const card = scorecardFixture();
  const e = (s: string) => `${s}${evil()}`;
  return {
    ...card,
    scenario: { ...card.scenario, id: e(card.scenario.id), title: e(card.scenario.title) },
    seed: e(card.seed),
    rules: card.rules.map((r) => ({
      ...r, id: e(r.id), title: e(r.title),
      violations: r.violations.map((v) => ({ ...v, actor: e(v.actor), evidence: { ...v.evidence, note: e(v.evidence.note) } })),
    })),
    participants: card.participants.map((p) => ({
      ...p, name: e(p.name), strengths: p.strengths.map(e), violations: p.violations.map((v) => ({ ...v, rule: e(v.rule), note: e(v.note) })),
    })),
    scribe: { ...card.scribe, missed: card.scribe.missed.map((m) => ({ ...m, actor: e(m.actor), text: e(m.text) })) },
    deductions: card.deductions.map((d) => ({ ...d, what: e(d.what) })),
    drill: { ...card.drill, rootCause: e(card.drill.rootCause), postmortemOwner: e('alice'), todos: card.drill.todos.map(e) },
  };
}
