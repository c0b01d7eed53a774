// The channel as rows: each no wider than the channel, words kept whole, and the window a scroll position shows,
// which never holds more rows than the screen has and stops at the first row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelLine } from '../../src/ui/channel';
import { channelRows, channelWindow, lineRows } from '../../src/ui/channel-rows';
import { textWidth } from '../../src/ui/text-width';

const line = (seq: number, text: string, kind: ChannelLine['kind'], who = 'alice'): ChannelLine => ({ seq, atMs: seq * 1000, who, role: 'ic', kind, text });
const drawn = (r: { time: string; speaker: string; text: string }): string => r.time + r.speaker + r.text;

describe('lineRows', () => {
  it('puts the time and speaker on the first row, and indents the rest under the time', () => {
    expect(lineRows(line(3, 'we should do this by the book and keep going', 'chat'), 30).map(drawn)).toEqual([
      '00:03 alice: we should do this',
      '      by the book and keep',
      '      going',
    ]);
    expect(lineRows(line(3, 'Drill speed is now 2x.', 'system'), 30).map(drawn)).toEqual(['00:03 Drill speed is now 2x.']);
  });

  it('starts a word on the next row rather than splitting it beside a long speaker', () => {
    const rows = lineRows(line(6, '[customer-report] Support is getting calls: checkout hangs', 'inject', 'Jonas (Customer Support)'), 45);
    expect(rows.map(drawn)).toEqual([
      '00:06 Jonas (Customer Support): ',
      '      [customer-report] Support is getting',
      '      calls: checkout hangs',
    ]);
  });

  it('cuts a speaker name that would leave the first row no room', () => {
    const rows = lineRows(line(1, 'hi', 'chat', 'x'.repeat(80)), 45);
    expect(drawn(rows[0]!)).toBe(`00:01 ${'x'.repeat(26)}…: hi`);
    expect(rows).toHaveLength(1);
  });

  it('never draws a row wider than the channel, for any text, speaker and width', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '日', '👍🏽', 'e\u0301', '-', '\n');
    fc.assert(fc.property(fc.string({ unit, maxLength: 200 }), fc.string({ unit: fc.constantFrom('z', 'ö', '漢'), minLength: 1, maxLength: 40 }),
      fc.integer({ min: 10, max: 160 }), fc.constantFrom<ChannelLine['kind']>('chat', 'system', 'inject'), (text, who, cols, kind) => {
        for (const r of lineRows(line(1, text, kind, who), cols)) expect(textWidth(drawn(r)), drawn(r)).toBeLessThanOrEqual(cols);
      }));
  });
});

describe('channelWindow', () => {
  const lines = (n: number, text = 'message') => Array.from({ length: n }, (_, i) => line(i + 1, `${text} ${i + 1}`, 'chat'));

  it('follows the newest rows when not scrolled', () => {
    const w = channelWindow(lines(30), 45, 5, 0);
    expect(w.rows.map((r) => r.text)).toEqual(['message 26', 'message 27', 'message 28', 'message 29', 'message 30']);
    expect([w.scroll, w.atTop]).toEqual([0, false]);
  });

  it('scrolled back, leaves the last row for the notice', () => {
    const w = channelWindow(lines(30), 45, 5, 10);
    expect(w.rows.map((r) => r.text)).toEqual(['message 17', 'message 18', 'message 19', 'message 20']);
    expect([w.scroll, w.atTop]).toEqual([10, false]);
  });

  it('stops at the first row: scrolling further shows the same top, never blank rows', () => {
    const top = channelWindow(lines(30), 45, 5, 26);
    expect(top.rows.map((r) => r.text)).toEqual(['message 1', 'message 2', 'message 3', 'message 4']);
    expect([top.scroll, top.atTop]).toEqual([26, true]);
    expect(channelWindow(lines(30), 45, 5, 255)).toEqual(top);
  });

  it('does not scroll a channel that fits on the screen', () => {
    expect(channelWindow(lines(3), 45, 5, 40)).toEqual({ rows: channelRows(lines(3), 45), scroll: 0, atTop: true });
  });

  it('is the slice of all rows it stands for, no taller than the screen, for any lines, width, height and scroll', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.string({ maxLength: 300 }), fc.constantFrom<ChannelLine['kind']>('chat', 'system', 'result', 'inject')), { maxLength: 60 }),
      fc.integer({ min: 20, max: 160 }), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 0, max: 400 }),
      (texts, cols, height, scroll) => {
        const ls = texts.map(([t, k], i) => line(i + 1, t.replace(/\n{3,}/g, '\n'), k));
        const all = channelRows(ls, cols);
        const w = channelWindow(ls, cols, height, scroll);
        const most = all.length <= height ? 0 : all.length - (height - 1);
        expect(w.scroll).toBe(Math.min(scroll, most));
        const shownRows = w.scroll > 0 ? height - 1 : height;
        const end = all.length - w.scroll;
        const want = all.slice(Math.max(0, end - shownRows), end);
        expect(w.rows.map((r) => r.key)).toEqual(want.map((r) => r.key));
        expect(w.rows.length + (w.scroll > 0 ? 1 : 0)).toBeLessThanOrEqual(height);
        expect(w.atTop).toBe(all.length === 0 || w.rows[0]?.key === all[0]?.key);
      },
    ), { numRuns: 300 });
  });

  it('wraps only the lines on screen: a 20,000-line channel draws its last rows without wrapping the rest', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => line(i + 1, `line ${i} `.repeat(30), 'chat'));
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) channelWindow(many, 60 + (i % 2), 20, 0);
    const perDraw = (performance.now() - t0) / 50;
    expect(channelWindow(many, 60, 20, 0).rows.at(-1)?.key).toMatch(/^20000:/);
    expect(perDraw).toBeLessThan(5);
  });
});
