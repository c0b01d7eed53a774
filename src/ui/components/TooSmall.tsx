/**
 * Every screen below the minimum size (80×24) says so, the same way, wrapped to whatever room there is; a question
 * waiting for an answer (Ctrl+C's "End the drill? (y/n)") comes first, so it is never drawn off screen.
 *   End the drill? (y/n) — the journal and scorecard are kept either way
 *   The terminal is 70×20: make the terminal at least 80×24.
 *   The drill keeps running. Ctrl+C asks to end it.
 */
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { stripControl } from '../../engine/sanitize';
import { MIN_COLS, MIN_ROWS } from '../layout';
import type { Theme } from '../theme';
import { wrapText } from '../wrap';

interface Props {
  readonly cols: number;
  readonly rows: number;
  readonly theme: Theme;
  /** What carries on meanwhile and which keys still work ("The drill keeps running. Ctrl+C asks to end it."). */
  readonly note?: string;
  /** A question the screen behind is asking now (its own keys answer it). */
  readonly prompt?: string;
  /**
   * For a screen whose keys stop while it is too small: Ctrl+C asks this question here, and y answers it (n or Esc
   * takes it back), so quitting never needs a bigger terminal.
   */
  readonly quit?: { readonly question: string; readonly onYes: () => void };
  /** For a screen that is only waiting to be left (the scorecard): q, Enter or Ctrl+C leaves at once. */
  readonly leave?: () => void;
}

/** The words every too-small screen leads with. */
export function tooSmallMessage(cols: number, rows: number): string {
  return `The terminal is ${cols}×${rows}: make the terminal at least ${MIN_COLS}×${MIN_ROWS}.`;
}

/** The message, the note and any waiting question, wrapped to the terminal and cut to its rows. */
export function TooSmall({ cols, rows, theme, note, prompt, quit, leave }: Props) {
  const [asking, setAsking] = useState(false);
  useInput((input, key) => {
    if (leave) {
      if (input === 'q' || key.return || (key.ctrl && input === 'c')) leave();
      return;
    }
    if (!quit) return;
    if (!asking) {
      if (key.ctrl && input === 'c') setAsking(true);
      return;
    }
    if (input.toLowerCase() === 'y' || (key.ctrl && input === 'c')) quit.onYes();
    else if (input.toLowerCase() === 'n' || key.escape) setAsking(false);
  }, { isActive: quit !== undefined || leave !== undefined });
  const question = prompt ?? (asking ? quit?.question : undefined);
  const width = Math.max(1, cols);
  const wrap = (text: string) => wrapText(stripControl(text), width);
  const lines = [
    ...(question ? wrap(question).map((text) => ({ text, token: 'notice' as const, bold: true })) : []),
    ...wrap(tooSmallMessage(cols, rows)).map((text) => ({ text, token: 'warn' as const, bold: false })),
    ...(note ? wrap(note).map((text) => ({ text, token: 'muted' as const, bold: false })) : []),
  ];
  // One row stays free, as on every screen (Ink redraws the whole terminal when the output fills it).
  const shown = lines.slice(0, Math.max(1, rows - 1));
  return (
    <Box flexDirection="column" width={width}>
      {shown.map((l, i) => <Text key={i} bold={l.bold} color={theme.fg(l.token)} wrap="truncate">{l.text}</Text>)}
    </Box>
  );
}
