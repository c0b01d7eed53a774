/** `firedrill review` on a terminal: the same scorecard screen a drill ends with, until Enter or q. */
import { render, useInput, useStdout } from 'ink';
import { onOutsideStop, type StopSignal } from '../cli/outside-stops';
import type { Scorecard } from '../scoring/types';
import { ScorecardView } from './components/ScorecardView';
import { createTheme } from './theme';

function Review({ card, runDir, onExit }: { readonly card: Scorecard; readonly runDir?: string; readonly onExit: () => void }) {
  const { stdout } = useStdout();
  useInput((input, key) => {
    if (key.return || key.escape || input === 'q' || (key.ctrl && input === 'c')) onExit();
  });
  return <ScorecardView card={card} {...(runDir ? { runDir } : {})} theme={createTheme()} cols={stdout.columns || 80} rows={(stdout.rows || 24) - 1} />;
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
