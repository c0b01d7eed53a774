// Word wrapping of channel text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/ui/text-width';
import { clipToWidth, wrapText } from '../../src/ui/wrap';

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

  it('moves a word that does not fit to the next row whole, never breaking it where it would fit a row', () => {
    expect(wrapText('see [customer-report] now', 20)).toEqual(['see', '[customer-report]', 'now']);
    // A narrow first row (after a long speaker's name) is left empty rather than cut "[customer-repor" / "t]".
    expect(wrapText('[customer-report] Support is getting calls', 39, 15)).toEqual(['', '[customer-report] Support is getting', 'calls']);
  });

  it('breaks a word longer than a whole row between graphemes', () => {
    expect(wrapText('ab https://example.com/a/very/long/path end', 10)).toEqual(['ab', 'https://ex', 'ample.com/', 'a/very/lon', 'g/path end']);
    expect(wrapText('👍🏽👍🏽👍🏽👍🏽', 5)).toEqual(['👍🏽👍🏽', '👍🏽👍🏽']);
    expect(wrapText('漢字テキスト', 5)).toEqual(['漢字', 'テキ', 'スト']);
    expect(wrapText('e\u0301e\u0301e\u0301', 2)).toEqual(['e\u0301e\u0301', 'e\u0301']);
  });

  it('returns the text unwrapped for a width of zero or less', () => {
    expect(wrapText('a b c', 0)).toEqual(['a b c']);
  });

  it('breaks at the last of several spaces, keeping the others on the row', () => {
    expect(wrapText('aaaa  bbbb', 5)).toEqual(['aaaa ', 'bbbb']);
    expect(wrapText('aaa   bbbb', 4)).toEqual(['aaa ', ' bbb', 'b']);
  });

  it('never makes a row wider than its width and loses only break spaces', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'c', '日', '👍🏽'), maxLength: 80 }), fc.integer({ min: 2, max: 20 }), fc.integer({ min: 2, max: 20 }), (text, w, first) => {
      const rows = wrapText(text, w, first);
      rows.forEach((r, i) => expect(textWidth(r)).toBeLessThanOrEqual(i === 0 ? first : w));
      expect(rows.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }));
  });

  it('keeps every word that fits a row on one row', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '日'), minLength: 1, maxLength: 6 }), { maxLength: 20 }), fc.integer({ min: 12, max: 30 }), fc.integer({ min: 1, max: 30 }), (words, w, first) => {
      const rows = wrapText(words.join(' '), w, first);
      expect(rows.flatMap((r) => r.split(' ')).filter((x) => x !== '')).toEqual(words);
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

  it('wraps a pasted line of 100,000 emoji and wide characters in linear time', () => {
    const text = '日本👍🏽e\u0301 '.repeat(20_000);
    const t0 = performance.now();
    const rows = wrapText(text, 80);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(rows.every((r) => textWidth(r) <= 80)).toBe(true);
    expect(rows.join(' ').trimEnd()).toBe(text.trimEnd());
  });
});

describe('clipToWidth', () => {
  it('leaves a short text alone and cuts a long one to one column more than the width, by grapheme', () => {
    expect(clipToWidth('short', 10)).toBe('short');
    expect(clipToWidth('abcdefghijkl', 5)).toBe('abcdef');
    expect(clipToWidth('ab👍🏽cdefgh', 3)).toBe('ab👍🏽');
    expect(clipToWidth('x'.repeat(1_000_000), 80)).toHaveLength(81);
  });
});
