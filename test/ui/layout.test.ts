// Screen layout arithmetic at the supported sizes and below the minimum.
import { describe, expect, it } from 'vitest';
import { computeLayout, MIN_COLS, MIN_ROWS } from '../../src/ui/layout';

describe('computeLayout', () => {
  it('needs at least 80×24', () => {
    expect([MIN_COLS, MIN_ROWS]).toEqual([80, 24]);
  });

  it('lays out 80×24 with a narrow panel', () => {
    expect(computeLayout(80, 24)).toEqual({ cols: 80, rows: 24, tooSmall: false, bodyRows: 19, channelCols: 47, panelCols: 32 });
  });

  it('lays out 100×30', () => {
    expect(computeLayout(100, 30)).toEqual({ cols: 100, rows: 30, tooSmall: false, bodyRows: 25, channelCols: 61, panelCols: 38 });
  });

  it('lays out 120×40 with the widest panel', () => {
    expect(computeLayout(120, 40)).toEqual({ cols: 120, rows: 40, tooSmall: false, bodyRows: 35, channelCols: 75, panelCols: 44 });
  });

  it('is too small one column or one row under the minimum', () => {
    expect(computeLayout(79, 24).tooSmall).toBe(true);
    expect(computeLayout(80, 23).tooSmall).toBe(true);
    expect(computeLayout(70, 20).tooSmall).toBe(true);
  });

  it('never returns a body or channel that is empty or negative', () => {
    expect(computeLayout(0, 0)).toMatchObject({ tooSmall: true, bodyRows: 1, channelCols: 10 });
  });

  it('gives a long private hint up to three rows, taken from the body', () => {
    expect(computeLayout(80, 24, 2).bodyRows).toBe(18);
    expect(computeLayout(80, 24, 3).bodyRows).toBe(17);
    expect(computeLayout(80, 24, 9).bodyRows).toBe(17);
    expect(computeLayout(80, 24, 0).bodyRows).toBe(19);
    expect(computeLayout(100, 30, 3)).toMatchObject({ bodyRows: 23, channelCols: 61, panelCols: 38 });
  });

  it('fills every row and column it is given', () => {
    for (const [c, r] of [[80, 24], [99, 30], [100, 30], [119, 33], [120, 40], [200, 60]] as const) {
      const l = computeLayout(c, r);
      // header + body + command line + hint + footer, and the last row left free (Ink redraws everything when the output fills the screen).
      expect(1 + l.bodyRows + 3 + 1).toBe(r);
      expect(l.channelCols + 1 + l.panelCols).toBe(c);
    }
  });
});
