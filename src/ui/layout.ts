/** Screen layout as pure arithmetic over the terminal size, so it can be tested without rendering. */

export const MIN_COLS = 80;
export const MIN_ROWS = 24;

export interface Layout {
  readonly cols: number;
  readonly rows: number;
  readonly tooSmall: boolean;
  /** Rows of the channel and role panel area. */
  readonly bodyRows: number;
  readonly channelCols: number;
  /** The divider between channel and panel: a space, a line and a space. */
  readonly dividerCols: number;
  readonly panelCols: number;
}

/** The most rows a private hint may take under the command line; the body gives them up while it shows. */
export const MAX_HINT_ROWS = 3;

/** Columns of the divider between channel and panel. */
export const DIVIDER_COLS = 3;

/**
 * The panel takes about a third of the width: at 80 columns it still holds a roster row (name, seat, state) and a
 * metric with its unit and a sparkline; past about 180 columns the channel gets the rest, since lines of chat and
 * logs use width better than a panel of short rows does.
 */
export const PANEL_MIN_COLS = 32;
export const PANEL_MAX_COLS = 60;

/** The panel's columns at a terminal width. */
export function panelWidth(cols: number): number {
  return Math.min(PANEL_MAX_COLS, Math.max(PANEL_MIN_COLS, Math.floor(cols / 3)));
}

/**
 * Splits the screen: header (1), body, command line (1), hint (1, or up to MAX_HINT_ROWS for a long private
 * hint), footer (1), and one row left free: Ink clears and redraws the whole terminal on every render when the
 * output fills every row. The body is the channel, the divider and the panel.
 */
export function computeLayout(cols: number, rows: number, hintRows = 1): Layout {
  const tooSmall = cols < MIN_COLS || rows < MIN_ROWS;
  const bodyRows = Math.max(1, rows - 4 - Math.min(MAX_HINT_ROWS, Math.max(1, hintRows)));
  const panelCols = panelWidth(cols);
  return { cols, rows, tooSmall, bodyRows, channelCols: Math.max(10, cols - panelCols - DIVIDER_COLS), dividerCols: DIVIDER_COLS, panelCols };
}
