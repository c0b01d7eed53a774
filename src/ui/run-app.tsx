/** Starts the full-screen drill on the terminal and guarantees the terminal is restored however it ends. */
import { render } from 'ink';
import { stripControlLines } from '../engine/sanitize';
import type { Outcome } from '../engine/state/drill-state';
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
  /** Last words after a crash: close the journal so everything so far is on disk. */
  readonly onCrash: () => void;
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
    maxFps: 30,
  });
  const stopTicker = o.store.startTicker();
  // A signal ends the drill as aborted and leaves without waiting for a key: nobody may be there to press it.
  let signalled = false;
  const onSignal = () => {
    signalled = true;
    o.abort();
  };
  // A bug anywhere: the screen comes back first, so the message is readable, and the journal is closed.
  const onCrash = (err: unknown) => {
    restore();
    process.stderr.write(stripControlLines(`firedrill: internal error (this is a bug, please report it); the journal so far is in ${o.runDir}\n${(err as Error)?.stack ?? String(err)}\n`));
    try {
      o.onCrash();
    } finally {
      process.exit(2);
    }
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  let uiError: unknown;
  instance.waitUntilExit().catch((e: unknown) => {
    uiError = e;
    o.abort();
  });
  try {
    const outcome = await o.start();
    if (uiError) throw uiError;
    o.store.finish(o.finish(outcome), o.runDir);
    if (!signalled) await left;
    return outcome;
  } finally {
    stopTicker();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    instance.unmount();
    instance.cleanup();
    restore();
  }
}
