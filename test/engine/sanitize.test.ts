import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeUnsafe, limitLength, stripControl, stripControlLines } from '../../src/engine/sanitize';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;
const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSAFE_RE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

describe('stripControl', () => {
  it('leaves ordinary text alone, including accents, CJK and emoji sequences', () => {
    const s = 'café déjà vu 日本語 🔥 👩‍🚒 👍🏽 — "quoted" & <tags>';
    expect(stripControl(s)).toBe(s);
  });

  it('removes SGR colour codes', () => {
    expect(stripControl(`${ESC}[31mred${ESC}[0m and ${ESC}[1;38;5;196mbold${ESC}[m`)).toBe('red and bold');
  });

  it('removes cursor movement, screen clearing and private modes', () => {
    expect(stripControl(`a${ESC}[2J${ESC}[H${ESC}[10;20Hb${ESC}[3A${ESC}[?25l${ESC}[?1049hc`)).toBe('abc');
  });

  it('removes OSC 52 clipboard writes, terminated by BEL or ST', () => {
    expect(stripControl(`${ESC}]52;c;cm0gLXJmIH4=${BEL}safe`)).toBe('safe');
    expect(stripControl(`x${ESC}]52;c;cm0gLXJmIH4=${ST}y`)).toBe('xy');
  });

  it('removes window title changes and hyperlinks', () => {
    expect(stripControl(`${ESC}]0;pwned${BEL}hi`)).toBe('hi');
    expect(stripControl(`${ESC}]2;pwned${ST}hi`)).toBe('hi');
    expect(stripControl(`${ESC}]8;;https://evil.example${ST}click${ESC}]8;;${ST}`)).toBe('click');
  });

  it('drops an unterminated OSC to the end rather than showing its payload', () => {
    expect(stripControl(`hi${ESC}]0;rest of the title`)).toBe('hi');
  });

  it('removes DCS, APC and PM strings', () => {
    expect(stripControl(`a${ESC}Pq#0;2;0;0;0${ST}b${ESC}_apc${ST}c${ESC}^pm${BEL}d`)).toBe('abcd');
  });

  it('removes other escape sequences and a lone ESC', () => {
    expect(stripControl(`${ESC}cA${ESC}7B${ESC}8C${ESC}(0D${ESC}=E${ESC}`)).toBe('ABCDE');
  });

  it('removes the bell, backspace, DEL and other C0 controls', () => {
    expect(stripControl(`ding${BEL}!`)).toBe('ding!');
    expect(stripControl('abc\b\b\bxyz')).toBe('abcxyz');
    expect(stripControl('a\u0000b\u007fc\u001ad')).toBe('abcd');
  });

  it('turns tabs and line breaks into spaces so chat stays on one line', () => {
    expect(stripControl('a\tb')).toBe('a b');
    expect(stripControl('hello\r\n[system] you are now IC')).toBe('hello [system] you are now IC');
    expect(stripControl('a\rb\nc\u2028d\u2029e\u000bf\u000cg')).toBe('a b c d e f g');
  });

  it('removes C1 controls, including 8-bit CSI and OSC with their payloads', () => {
    expect(stripControl('\u009b31mX')).toBe('X');
    expect(stripControl('a\u009d0;title\u009cb')).toBe('ab');
    expect(stripControl('a\u0080b\u0090payload\u009cc')).toBe('abc');
  });

  it('removes BiDi overrides, embeddings, isolates and marks', () => {
    expect(stripControl('user\u202Efdp.exe')).toBe('userfdp.exe');
    expect(stripControl('\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069h\u200Ei\u200Fj\u061Ck')).toBe('abcdefghijk');
  });

  it('removes zero-width spaces and BOMs but keeps joiners', () => {
    expect(stripControl('\uFEFFal\u200Bice\u2060')).toBe('alice');
    expect(stripControl('👩\u200D🚒 \u200C')).toBe('👩\u200D🚒 \u200C');
  });

  it('replaces lone surrogates', () => {
    expect(stripControl('a\uD83Db')).toBe('a\uFFFDb');
    expect(stripControl('a\uDE00b')).toBe('a\uFFFDb');
  });

  it('leaves no control or reordering character behind, and is idempotent', () => {
    const unit = fc.oneof(
      fc.constantFrom(ESC, '[', ']', '\\', BEL, '\u009b', '\u009c', '\u009d', '\r', '\n', '\t', '\u202E', '\uD83D', '\uDE00', ';', 'm', '0', '9'),
      fc.string({ maxLength: 1, unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) => {
        const once = stripControl(s);
        expect(once).not.toMatch(UNSAFE_RE);
        expect(once).not.toMatch(LONE_SURROGATE_RE);
        expect(stripControl(once)).toBe(once);
      }),
    );
  });
});

// The issue 11 payload: OSC 52, OSC 0, a clear screen, 8-bit CSI and OSC, a right-to-left override, a lone surrogate.
const PAYLOAD = `${ESC}]52;c;ZXZpbA==${BEL}${ESC}]0;pwned${BEL}${ESC}[2J\u009b2J\u009d0;x\u009c\u202e\ud800`;
// What text with lines may still hold: line feeds and tabs, nothing else from UNSAFE_RE.
const UNSAFE_BUT_LINES_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

describe('stripControlLines', () => {
  it('cleans every line as stripControl does and keeps the lines and tabs', () => {
    expect(stripControlLines(`title: evil${PAYLOAD}end\n\tnext line\n`)).toBe('title: evil\uFFFDend\n\tnext line\n');
  });

  it('makes every kind of line break one line feed, so no line can overwrite another', () => {
    expect(stripControlLines('a\r\nb\rc\u000bd\u000ce\u0085f\u2028g\u2029h')).toBe('a\nb\nc\nd\ne\nf\ng\nh');
  });

  it('ends an unterminated string sequence at the end of its line, not of the text', () => {
    expect(stripControlLines(`one${ESC}]0;title\ntwo\nthree`)).toBe('one\ntwo\nthree');
  });

  it('returns clean text as it is', () => {
    const s = 'firedrill: Orders fail (bad-deploy-rollback)\n  outcome     resolved\n\tcafé 🔥\n';
    expect(stripControlLines(s)).toBe(s);
  });

  it('leaves nothing a terminal acts on but line feeds and tabs, and is idempotent', () => {
    const unit = fc.oneof(
      fc.constantFrom(ESC, '[', ']', '\\', BEL, '\u009b', '\u009c', '\u009d', '\u0085', '\r', '\n', '\t', '\u2028', '\u202E', '\uD83D', '\uDE00', ';', 'm', '0'),
      fc.string({ maxLength: 1, unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) => {
        const once = stripControlLines(s);
        expect(once).not.toMatch(UNSAFE_BUT_LINES_RE);
        expect(once).not.toMatch(LONE_SURROGATE_RE);
        expect(stripControlLines(once)).toBe(once);
        // One line in, the same as stripControl but for the tabs.
        if (!/[\r\n\u000b\u000c\u0085\u2028\u2029]/.test(s)) expect(once.replace(/\t/g, ' ')).toBe(stripControl(s));
      }),
    );
  });
});

describe('escapeUnsafe', () => {
  it('escapes in JSON what JSON.stringify leaves raw: DEL, C1 controls, BiDi controls, separators and invisibles', () => {
    const json = escapeUnsafe(JSON.stringify({ t: `a${PAYLOAD}\u007f\u2028\u2066\u200b\ufeffb` }));
    expect(json).toBe(String.raw`{"t":"a\u001b]52;c;ZXZpbA==\u0007\u001b]0;pwned\u0007\u001b[2J\u009b2J\u009d0;x\u009c\u202e\ud800\u007f\u2028\u2066\u200b\ufeffb"}`);
  });

  it('keeps the document exactly equivalent and leaves nothing a terminal acts on', () => {
    const unit = fc.oneof(fc.constantFrom(ESC, BEL, '\u009b', '\u009d', '\u202E', '\uD800', '\uDE00', '\u2028', '\n'), fc.string({ maxLength: 1, unit: 'binary' }));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit, maxLength: 8 }), fc.string({ unit, maxLength: 30 })), (value) => {
        const json = escapeUnsafe(JSON.stringify(value, null, 2));
        expect(JSON.parse(json)).toEqual(value);
        expect(json).not.toMatch(UNSAFE_BUT_LINES_RE);
        expect(json).not.toMatch(LONE_SURROGATE_RE);
      }),
    );
  });
});

describe('limitLength', () => {
  it('returns short text unchanged', () => {
    expect(limitLength('hello', 5)).toBe('hello');
    expect(limitLength('', 0)).toBe('');
  });

  it('truncates with an ellipsis inside the limit', () => {
    expect(limitLength('hello world', 8)).toBe('hello w…');
    expect(limitLength('hello world', 7)).toBe('hello…');
  });

  it('handles tiny limits', () => {
    expect(limitLength('hello', 1)).toBe('…');
    expect(limitLength('hello', 0)).toBe('');
    expect(limitLength('hello', -3)).toBe('');
  });

  it('never splits a surrogate pair or an emoji sequence', () => {
    expect(limitLength('🔥🔥🔥', 4)).toBe('🔥…');
    expect(limitLength('ab👩‍🚒cd', 6)).toBe('ab…');
    expect(limitLength('e\u0301e\u0301e\u0301', 4)).toBe('e\u0301…');
  });

  it('bounds the size even for one huge grapheme', () => {
    expect(limitLength(`a${'\u0300'.repeat(1000)}b`, 10)).toBe('…');
  });

  it('always fits the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 0, max: 50 }), (s, max) => {
        const out = limitLength(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(LONE_SURROGATE_RE);
        if (s.length <= max) expect(out).toBe(s);
      }),
    );
  });
});
