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
