/**
 * The scorecard screen: the end of a drill in `run`, and `firedrill review` on a terminal. Whose score and how it
 * ended stay at the top; the rest scrolls (src/ui/scorecard-rows.ts builds it), with the keys and where you are
 * along the bottom.
 *   You, Scribe: 45 (F) · team 96 (A)
 *   resolved — Orders fail during the lunchtime rush
 *   METRICS                                 time  target
 *   ✓ Time to acknowledge                  00:40   05:00
 *       from the first page (the first alert) to the first acknowledgement
 *   Enter/q leave  Tab final channel  ↑/↓ scroll  PgUp/PgDn page            rows 1–18 of 52
 */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { Scorecard } from '../../scoring/types';
import { SCORECARD_KEYMAP, type ScorecardCommand } from '../end-keymaps';
import { footerText } from '../host-keymaps';
import { scorecardDoc, type ScorecardDoc } from '../scorecard-rows';
import { textWidth } from '../text-width';
import type { Theme } from '../theme';
import { StyledLines } from './StyledLines';

export { headlineRows } from '../scorecard-rows';

interface Props {
  readonly card: Scorecard;
  /** The people at this screen, whose own scores lead. */
  readonly you?: readonly string[];
  readonly runDir?: string;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
  /** The first body row shown (the parent keeps it; see scorecardScroll). */
  readonly top?: number;
  /** There is a final channel to go back to (after a drill; not in `review`). */
  readonly channel?: boolean;
}

/** How far the body scrolls: rows per page, and the last first row. */
export interface ScorecardScroll {
  readonly page: number;
  readonly max: number;
}

function scrollOf(doc: ScorecardDoc, rows: number): ScorecardScroll {
  const page = Math.max(1, rows - doc.head.length - 1);
  return { page, max: Math.max(0, doc.body.length - page) };
}

/** The scroll limits of the scorecard screen at this size, for the parent that keeps the position. */
export function scorecardScroll(card: Scorecard, opts: { you?: readonly string[]; runDir?: string }, cols: number, rows: number): ScorecardScroll {
  return scrollOf(scorecardDoc(card, opts, cols), rows);
}

/** Where a scroll key takes the first body row. */
export function scrolled(command: ScorecardCommand, top: number, { page, max }: ScorecardScroll): number {
  const to = command === 'card.up' ? top - 1 : command === 'card.down' ? top + 1
    : command === 'card.pageUp' ? top - Math.max(1, page - 1) : command === 'card.pageDown' ? top + Math.max(1, page - 1)
    : command === 'card.top' ? 0 : command === 'card.bottom' ? max : top;
  return Math.min(max, Math.max(0, to));
}

const NOBODY: readonly string[] = [];

/** The scorecard screen, fitted to cols × rows, scrolled to `top`. */
export function ScorecardView({ card, you = NOBODY, runDir, theme, cols, rows, top = 0, channel = false }: Props) {
  const doc = useMemo(() => scorecardDoc(card, { you, ...(runDir === undefined ? {} : { runDir }) }, cols), [card, you, runDir, cols]);
  const { page, max } = scrollOf(doc, rows);
  const first = Math.min(max, Math.max(0, top));
  const shown = doc.body.slice(first, first + page);
  const where = doc.body.length > page ? `rows ${first + 1}–${first + shown.length} of ${doc.body.length}` : '';
  const bindings = SCORECARD_KEYMAP.filter((b) => channel || b.command !== 'card.channel');
  const keys = footerText(bindings, Math.max(0, cols - (where ? textWidth(where) + 3 : 0)));
  const gap = where ? ' '.repeat(Math.max(3, cols - textWidth(keys) - textWidth(where))) : '';
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      <StyledLines rows={doc.head} theme={theme} width={cols} />
      <StyledLines rows={shown} theme={theme} width={cols} height={page} />
      <Text color={theme.fg('muted')} wrap="truncate">{`${keys}${gap}${where}`}</Text>
    </Box>
  );
}
