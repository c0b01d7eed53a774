// The one way the CLI prints: text from files and flags is cleaned, the program's own colours are kept.
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/cli/output';
import { inertJson, inertJsonLine } from '../../src/cli/terminal-json';
import { terminalStyle } from '../../src/cli/terminal-style';
import { PAYLOAD } from '../helpers/terminal-scan';

describe('printable', () => {
  it('cleans text with lines: escape sequences, controls, BiDi overrides and lone surrogates go; lines and tabs stay', () => {
    expect(printable(`a${PAYLOAD}b\n\tc\r\n`)).toBe('a\uFFFDb\n\tc\n');
  });

  it('keeps the colour codes of the style that coloured the text, when it is on, and cleans what is between them', () => {
    const st = terminalStyle(true);
    const text = `${st.heading('Title')} ${st.dim(`(${PAYLOAD})`)} ${st.bad('✗')}`;
    expect(printable(text, st)).toBe('\u001b[1mTitle\u001b[22m \u001b[2m(\uFFFD)\u001b[22m \u001b[31m✗\u001b[39m');
  });

  it('drops every colour code when no style (or a style that is off) coloured the text', () => {
    const on = terminalStyle(true);
    expect(printable(on.bad('x'))).toBe('x');
    expect(printable(on.bad('x'), terminalStyle(false))).toBe('x');
  });

  it('keeps only the palette\'s own codes: anything else that looks like styling is removed', () => {
    const st = terminalStyle(true);
    expect(printable(`${st.ok('ok')}\u001b[8mhidden\u001b[0m\u001b[38;2;1;2;3mx`, st)).toBe('\u001b[32mok\u001b[39mhiddenx');
  });
});

describe('JSON output', () => {
  it('escapes what a terminal would act on and parses back to the same value', () => {
    const value = { title: `a${PAYLOAD}b`, list: ['\u0085', '\u2028'] };
    for (const json of [inertJson(value), inertJsonLine(value)]) {
      expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]|[\ud800-\udfff]/);
      expect(JSON.parse(json)).toEqual(value);
    }
    expect(inertJsonLine(value)).not.toContain('\n');
  });
});
