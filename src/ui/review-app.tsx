/** `firedrill review` on a terminal: the same scorecard screen a drill ends with, until Enter or q. */
import { render, useInput, useStdout } from 'ink';
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

/** Shows the scorecard full-screen and resolves when the reader leaves. */
export async function reviewApp(card: Scorecard, runDir?: string): Promise<void> {
  let leave!: () => void;
  const left = new Promise<void>((r) => (leave = r));
  const instance = render(<Review card={card} {...(runDir ? { runDir } : {})} onExit={() => leave()} />, { exitOnCtrlC: false, patchConsole: false });
  await left;
  instance.unmount();
  instance.cleanup();
}
