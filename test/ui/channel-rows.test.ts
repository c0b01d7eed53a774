// The channel draws only the rows on screen, wrapping only the newest lines it needs: the same rows as wrapping
// the whole channel and slicing it, for any lines, width, height and scroll.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelLine } from '../../src/ui/channel';
import { channelRows, visibleRows } from '../../src/ui/components/Channel';

const line = (seq: number, text: string, kind: ChannelLine['kind']): ChannelLine => ({ seq, atMs: seq * 1000, who: 'alice', role: 'ic', kind, text });

describe('visibleRows', () => {
  it('equals the slice of all rows it stands for', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.string({ maxLength: 300 }), fc.constantFrom<ChannelLine['kind']>('chat', 'system', 'result', 'inject')), { maxLength: 60 }),
      fc.integer({ min: 20, max: 160 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 400 }),
      (texts, cols, rows, scroll) => {
        const lines = texts.map(([t, k], i) => line(i + 1, t.replace(/\n{3,}/g, '\n'), k));
        const all = channelRows(lines, cols);
        const end = Math.max(0, all.length - scroll);
        const want = all.slice(Math.max(0, end - rows), end);
        expect(visibleRows(lines, cols, rows, scroll).map((r) => [r.key, r.prefix, r.text])).toEqual(want.map((r) => [r.key, r.prefix, r.text]));
      },
    ), { numRuns: 300 });
  });

  it('wraps only the lines on screen: a 20,000-line channel draws its last rows without wrapping the rest', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => line(i + 1, `line ${i} `.repeat(30), 'chat'));
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) visibleRows(lines, 60 + (i % 2), 20, 0);
    const perDraw = (performance.now() - t0) / 50;
    expect(visibleRows(lines, 60, 20, 0).at(-1)?.key).toMatch(/^20000:/);
    expect(perDraw).toBeLessThan(5);
  });
});
