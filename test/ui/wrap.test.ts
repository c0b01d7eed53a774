// Word wrapping of channel text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/ui/wrap';

describe('wrapText', () => {
  it('leaves text that fits alone', () => {
    expect(wrapText('short', 10)).toEqual(['short']);
    expect(wrapText('exactly10!', 10)).toEqual(['exactly10!']);
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('breaks at the last space that fits and drops that space', () => {
    expect(wrapText('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
    expect(wrapText('aaaa bbbb cccc', 9)).toEqual(['aaaa bbbb', 'cccc']);
  });

  it('cuts a word longer than the width', () => {
    expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('uses a different width for the first row', () => {
    expect(wrapText('one two three four', 10, 4)).toEqual(['one', 'two three', 'four']);
  });

  it('returns the text unwrapped for a width of zero or less', () => {
    expect(wrapText('a b c', 0)).toEqual(['a b c']);
  });

  it('breaks at the last of several spaces, keeping the others on the row', () => {
    expect(wrapText('aaaa  bbbb', 5)).toEqual(['aaaa ', 'bbbb']);
    expect(wrapText('aaa   bbbb', 4)).toEqual(['aaa ', ' bbb', 'b']);
  });

  it('never makes a row wider than its width and loses only break spaces', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'c'), maxLength: 80 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), (text, w, first) => {
      const rows = wrapText(text, w, first);
      rows.forEach((r, i) => expect(r.length).toBeLessThanOrEqual(i === 0 ? first : w));
      expect(rows.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }));
  });
});

describe('wrapText on huge text', () => {
  it('wraps a pasted megabyte in linear time, with and without spaces', () => {
    for (const text of ['x'.repeat(1_000_000), 'word '.repeat(200_000)]) {
      const t0 = performance.now();
      const rows = wrapText(text, 80);
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(rows.join('').replace(/ /g, '').length).toBe(text.replace(/ /g, '').length);
      expect(rows.every((r) => r.length <= 80)).toBe(true);
    }
  });
});
