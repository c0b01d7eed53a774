/** `firedrill review` on a terminal: the same scorecard screen a drill ends with, scrolling, until Enter or q. */
import { render, useInput } from 'ink';
import { useState } from 'react';
import { onOutsideStop, type StopSignal } from '../cli/outside-stops';
import type { Scorecard } from '../scoring/types';
import { ScorecardView, scorecardScroll, scrolled } from './components/ScorecardView';
import { TooSmall } from './components/TooSmall';
import { SCORECARD_KEYMAP } from './end-keymaps';
import { useTerminalSize } from './hooks/use-terminal-size';
import { commandIn } from './keymap';
import { MIN_COLS, MIN_ROWS } from './layout';
import { createTheme, type Theme } from './theme';

interface ReviewProps {
  readonly card: Scorecard;
  readonly runDir?: string;
  readonly onExit: () => void;
  readonly theme?: Theme;
}

/** The review screen: the scorecard, scrolled by its keys; Esc also leaves (there is nothing behind it). */
export function Review({ card, runDir, onExit, theme = createTheme() }: ReviewProps) {
  const { cols, rows } = useTerminalSize();
  const [top, setTop] = useState(0);
  const small = cols < MIN_COLS || rows < MIN_ROWS;
  useInput((input, key) => {
    if (small) return;
    const cmd = commandIn(SCORECARD_KEYMAP, input, key);
    if (cmd === 'card.leave' || key.escape) onExit();
    else if (cmd && cmd !== 'card.channel') setTop((t) => scrolled(cmd, t, scorecardScroll(card, runDir ? { runDir } : {}, cols, rows - 1)));
  });
  if (small) return <TooSmall cols={cols} rows={rows} theme={theme} note="q leaves." leave={onExit} />;
  return <ScorecardView card={card} {...(runDir ? { runDir } : {})} theme={theme} cols={cols} rows={rows - 1} top={top} />;
}

/**
 * Shows the scorecard full-screen until the reader leaves, a stop signal comes or the terminal goes away; resolves
 * with the signal, if one ended it (a lost terminal counts as SIGHUP), once the terminal has been given back.
 */
export async function reviewApp(card: Scorecard, runDir?: string): Promise<{ readonly signal?: StopSignal }> {
  let leave!: (signal?: StopSignal) => void;
  const left = new Promise<StopSignal | undefined>((r) => (leave = r));
  const stopWatching = onOutsideStop(leave, { terminal: process.stdin });
  const instance = render(<Review card={card} {...(runDir ? { runDir } : {})} onExit={() => leave()} />, { exitOnCtrlC: false, patchConsole: false });
  try {
    const signal = await left;
    return signal ? { signal } : {};
  } finally {
    stopWatching();
    // Unmounting takes the terminal out of raw mode and shows the cursor again.
    instance.unmount();
    instance.cleanup();
  }
}
