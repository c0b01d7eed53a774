import { describe, expect, it } from 'vitest';
import { cutToWidth, graphemes, textWidth } from '../../src/ui/text-width';

describe('text width by grapheme', () => {
  it('keeps a skin-toned emoji and a decomposed accent whole', () => {
    expect(graphemes('a👍🏽e\u0301!')).toEqual(['a', '👍🏽', 'e\u0301', '!']);
  });
  it('counts wide characters as two columns and combining marks as none', () => {
    expect(textWidth('日本')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('👍🏽')).toBe(2);
  });
  it('cuts to a width without splitting a grapheme', () => {
    expect(cutToWidth('ab👍🏽cd', 3)).toEqual({ text: 'ab', width: 2 });
    expect(cutToWidth('ab👍🏽cd', 4)).toEqual({ text: 'ab👍🏽', width: 4 });
    expect(cutToWidth('Zoë', 10)).toEqual({ text: 'Zoë', width: 3 });
    expect(cutToWidth('abc', 0)).toEqual({ text: '', width: 0 });
  });
});

describe('graphemes of long text', () => {
  it('keeps graphemes whole across the windows the text is read in', () => {
    const family = '👨‍👩‍👧‍👦';
    for (const lead of ['', 'a', 'ab', 'abc']) {
      const text = lead + family.repeat(200);
      expect(graphemes(text)).toEqual([...lead, ...Array<string>(200).fill(family)]);
    }
    expect(graphemes('x'.repeat(1000) + 'e\u0301')).toHaveLength(1001);
  });

  it('reads a 200,000-character line in linear time', () => {
    const text = 'ab👍🏽 '.repeat(40_000);
    const t0 = performance.now();
    expect(graphemes(text)).toHaveLength(160_000);
    expect(cutToWidth(text, 10)).toEqual({ text: 'ab👍🏽 ab👍🏽 ', width: 10 });
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
