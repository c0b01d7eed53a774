/** Starts the full-screen drill on the terminal and guarantees the terminal is restored however it ends. */
import { render } from 'ink';
import type { Outcome } from '../engine/session';
import type { Scorecard } from '../scoring/types';
import { App } from './components/App';
import type { DrillStore } from './drill-store';
import type { Theme } from './theme';

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?25h\x1b[?1049l';

export interface RunAppOptions {
  readonly store: DrillStore;
  readonly theme: Theme;
  /** Starts drill time; resolves with the outcome when the drill ends. */
  readonly start: () => Promise<Outcome>;
  /** Ends the drill now as aborted. */
  readonly abort: () => void;
  /** Scores the ended drill and writes the run folder's files. */
  readonly finish: (outcome: Outcome) => Scorecard;
  readonly runDir: string;
}

/** Runs the app until the user leaves the scorecard screen; returns the outcome. */
export async function runApp(o: RunAppOptions): Promise<Outcome> {
  const stdout = process.stdout;
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
    } catch {
      // stdin may already be closed; the screen still has to come back.
    }
    stdout.write(LEAVE_ALT);
  };
  // Whatever happens (a crash, a signal, process.exit), the terminal leaves raw mode and the alternate screen.
  process.once('exit', restore);
  stdout.write(ENTER_ALT);

  let leave!: () => void;
  const left = new Promise<void>((r) => (leave = r));
  const instance = render(<App store={o.store} theme={o.theme} onAbort={() => o.abort()} onExit={() => leave()} />, {
    exitOnCtrlC: false,
    patchConsole: false,
    incrementalRendering: true,
    maxFps: 20,
  });
  const stopTicker = o.store.startTicker();
  const onSignal = () => o.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  try {
    const outcome = await o.start();
    o.store.finish(o.finish(outcome), o.runDir);
    await left;
    return outcome;
  } finally {
    stopTicker();
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    instance.unmount();
    instance.cleanup();
    restore();
  }
}
