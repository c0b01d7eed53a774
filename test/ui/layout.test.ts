// Screen layout arithmetic at the supported sizes and below the minimum.
import { describe, expect, it } from 'vitest';
import { computeLayout, DIVIDER_COLS, MIN_COLS, MIN_ROWS, PANEL_MAX_COLS, PANEL_MIN_COLS, panelWidth } from '../../src/ui/layout';

describe('computeLayout', () => {
  it('needs at least 80×24', () => {
    expect([MIN_COLS, MIN_ROWS]).toEqual([80, 24]);
  });

  it('lays out 80×24 with the narrowest panel', () => {
    expect(computeLayout(80, 24)).toEqual({ cols: 80, rows: 24, tooSmall: false, bodyRows: 19, channelCols: 45, dividerCols: 3, panelCols: 32 });
  });

  it('lays out 100×30', () => {
    expect(computeLayout(100, 30)).toEqual({ cols: 100, rows: 30, tooSmall: false, bodyRows: 25, channelCols: 64, dividerCols: 3, panelCols: 33 });
  });

  it('lays out 120×40 with a third of the width for the panel', () => {
    expect(computeLayout(120, 40)).toEqual({ cols: 120, rows: 40, tooSmall: false, bodyRows: 35, channelCols: 77, dividerCols: 3, panelCols: 40 });
  });

  it('lays out 200×50 with the widest panel, the channel taking the rest', () => {
    expect(computeLayout(200, 50)).toEqual({ cols: 200, rows: 50, tooSmall: false, bodyRows: 45, channelCols: 137, dividerCols: 3, panelCols: 60 });
  });

  it('grows the panel with the width, about a third, between its minimum and maximum', () => {
    let last = 0;
    for (let cols = MIN_COLS; cols <= 400; cols++) {
      const p = panelWidth(cols);
      expect(p).toBeGreaterThanOrEqual(last);
      expect(p).toBe(Math.min(PANEL_MAX_COLS, Math.max(PANEL_MIN_COLS, Math.floor(cols / 3))));
      last = p;
    }
    expect([panelWidth(80), panelWidth(150), panelWidth(180), panelWidth(400)]).toEqual([32, 50, 60, 60]);
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
    expect(computeLayout(100, 30, 3)).toMatchObject({ bodyRows: 23, channelCols: 64, panelCols: 33 });
  });

  it('fills every row and column it is given', () => {
    for (const [c, r] of [[80, 24], [99, 30], [100, 30], [119, 33], [120, 40], [200, 50], [200, 60], [300, 80]] as const) {
      const l = computeLayout(c, r);
      // header + body + command line + hint + footer, and the last row left free (Ink redraws everything when the output fills the screen).
      expect(1 + l.bodyRows + 3 + 1).toBe(r);
      expect(l.channelCols + DIVIDER_COLS + l.panelCols).toBe(c);
      expect(l.dividerCols).toBe(DIVIDER_COLS);
    }
  });
});
