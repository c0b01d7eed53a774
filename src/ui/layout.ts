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
  readonly panelCols: number;
}

/** The most rows a private hint may take under the command line; the body gives them up while it shows. */
export const MAX_HINT_ROWS = 3;

/**
 * Splits the screen: header (1), body, command line (1), hint (1, or up to MAX_HINT_ROWS for a long private
 * hint), footer (1), and one row left free: Ink clears and redraws the whole terminal on every render when the
 * output fills every row.
 */
export function computeLayout(cols: number, rows: number, hintRows = 1): Layout {
  const tooSmall = cols < MIN_COLS || rows < MIN_ROWS;
  const bodyRows = Math.max(1, rows - 4 - Math.min(MAX_HINT_ROWS, Math.max(1, hintRows)));
  const panelCols = cols >= 120 ? 44 : cols >= 100 ? 38 : 32;
  return { cols, rows, tooSmall, bodyRows, channelCols: Math.max(10, cols - panelCols - 1), panelCols };
}
