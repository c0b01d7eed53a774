import { describe, expect, it } from 'vitest';
import { ganttTime, mermaidBlock, mermaidText } from '../../src/scoring/mermaid';

describe('mermaidText', () => {
  it('leaves plain names and ids as they are', () => {
    expect(mermaidText('disk-filling')).toBe('disk-filling');
    expect(mermaidText('Zoë took command (IC)')).toBe('Zoë took command (IC)');
  });

  it("writes every character Mermaid reads as syntax as Mermaid's own entity code", () => {
    expect(mermaidText('a: b; c # d')).toBe('a#58; b#59; c #35; d');
    expect(mermaidText('"quoted" `code` <b> [x] {y} 50%% a|b')).toBe('#34;quoted#34; #96;code#96; #60;b#62; #91;x#93; #123;y#125; 50#37;#37; a#124;b');
  });

  it('makes one line of text with no control sequences, however the text was written', () => {
    const out = mermaidText('evil\n```\n\u001b[2J%%{init}%%\r\nsection pwned :crit, 00:00:00, 99:00:00');
    // What is left once Mermaid's entity codes are taken out holds nothing it reads as syntax.
    expect(out.replace(/#\d+;/g, '')).not.toMatch(/[\n\r\u001b`:;#%"]/);
    expect(out).not.toContain('%%');
    expect(out.startsWith('evil #96;#96;#96;')).toBe(true);
  });

  it('cuts long text to the limit with an ellipsis, by character', () => {
    expect(mermaidText('é'.repeat(100), 10)).toBe(`${'é'.repeat(9)}…`);
    expect(Array.from(mermaidText('x'.repeat(500))).length).toBe(60);
  });
});

describe('ganttTime and mermaidBlock', () => {
  it('writes drill time as HH:mm:ss', () => {
    expect(ganttTime(0)).toBe('00:00:00');
    expect(ganttTime(3 * 60_000 + 5_000)).toBe('00:03:05');
    expect(ganttTime(2 * 3_600_000 + 61_000)).toBe('02:01:01');
    expect(ganttTime(-5)).toBe('00:00:00');
  });

  it('fences lines as a mermaid block', () => {
    expect(mermaidBlock(['gantt'])).toEqual(['```mermaid', 'gantt', '```']);
  });
});
