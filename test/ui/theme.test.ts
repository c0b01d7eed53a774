// Semantic colour tokens, NO_COLOR, and the token for each role.
import { describe, expect, it } from 'vitest';
import { createTheme, noColorRequested, roleToken, type Token } from '../../src/ui/theme';

const TOKENS: Token[] = ['text', 'muted', 'accent', 'heading', 'ok', 'warn', 'bad', 'info', 'ic', 'scribe', 'responder', 'liaison', 'system', 'alert', 'inject', 'me', 'notice'];

describe('theme', () => {
  it('gives no colour for any token without colour', () => {
    const t = createTheme(false);
    expect(t.color).toBe(false);
    for (const token of TOKENS) expect(t.fg(token)).toBeUndefined();
  });

  it('gives a named Ink colour for every token but plain text with colour', () => {
    const t = createTheme(true);
    expect(t.color).toBe(true);
    expect(t.fg('text')).toBeUndefined();
    for (const token of TOKENS.filter((x) => x !== 'text')) expect(t.fg(token)).toMatch(/^[a-z]+(Bright)?$/);
    expect(t.fg('bad')).toBe('red');
    expect(t.fg('ok')).toBe('green');
  });

  it('treats any non-empty NO_COLOR as a request for no colour', () => {
    expect(noColorRequested({ NO_COLOR: '1' })).toBe(true);
    expect(noColorRequested({ NO_COLOR: '0' })).toBe(true);
    expect(noColorRequested({ NO_COLOR: '' })).toBe(false);
    expect(noColorRequested({})).toBe(false);
  });

  it('follows NO_COLOR in the environment by default', () => {
    const before = process.env.NO_COLOR;
    try {
      process.env.NO_COLOR = '1';
      expect(createTheme().color).toBe(false);
      expect(createTheme().fg('bad')).toBeUndefined();
      process.env.NO_COLOR = '';
      expect(createTheme().color).toBe(true);
    } finally {
      if (before === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = before;
    }
  });

  it('maps each role to its token', () => {
    expect(['ic', 'deputy', 'scribe', 'responder', 'customer-liaison', 'internal-liaison', 'facilitator', 'system'].map(roleToken))
      .toEqual(['ic', 'scribe', 'scribe', 'responder', 'liaison', 'liaison', 'system', 'system']);
  });
});
