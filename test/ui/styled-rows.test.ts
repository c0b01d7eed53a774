import { describe, expect, it } from 'vitest';
import { padRow, rowText, rowWidth, sideBySide, wrapRows } from '../../src/ui/styled-rows';

describe('styled rows', () => {
  it('wraps text under a lead, hanging later rows under the first word', () => {
    const rows = wrapRows('Every task goes to one named person, never can someone', 24, { token: 'text' }, { text: '  RD-09 ', token: 'muted' });
    expect(rows.map(rowText)).toEqual(['  RD-09 Every task goes', '        to one named', '        person, never', '        can someone']);
    expect(rows[0]![0]).toEqual({ text: '  RD-09 ', token: 'muted' });
    for (const r of rows) expect(rowWidth(r)).toBeLessThanOrEqual(24);
  });

  it('pads a row to a width, or cuts it with an ellipsis, counting wide characters as two columns', () => {
    expect(rowText(padRow([{ text: 'ab' }, { text: 'cd' }], 6))).toBe('abcd  ');
    expect(rowText(padRow([{ text: 'abc' }, { text: 'defgh' }], 6))).toBe('abcde…');
    expect(rowWidth(padRow([{ text: '日本語です' }], 7))).toBe(7);
    expect(rowText(padRow([{ text: '👍🏽👍🏽👍🏽' }], 5))).toBe('👍🏽👍🏽…');
  });

  it('sets two columns side by side, the shorter one padded with blank rows', () => {
    const rows = sideBySide([[{ text: 'left' }]], [[{ text: 'r1' }], [{ text: 'r2' }]], 6).map(rowText);
    expect(rows).toEqual(['left    r1', '        r2']);
  });
});
