/** Starts the full-screen drill on the terminal and guarantees the terminal is restored however it ends. */
import { render } from 'ink';
import { onOutsideStop, type StopSignal } from '../cli/outside-stops';
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
  /** Last words after a crash: end the drill and write the run folder, as far as it can. */
  readonly onCrash: () => void | Promise<void>;
  readonly runDir: string;
  /** No bell when a seat at this terminal is paged (`run --quiet`). */
  readonly quiet?: boolean;
}


export interface RunAppResult {
  readonly outcome: Outcome;
  /** The signal that stopped the app, if one did. */
  readonly signal?: StopSignal;
}

/** Takes the terminal into the alternate screen; returns what gives it back (raw mode off, the screen restored), once. */
export function takeTerminal(): () => void {
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
    } catch {
      // stdin may already be closed; the screen still has to come back.
    }
    process.stdout.write(LEAVE_ALT);
  };
  // Whatever happens (a crash, a signal, process.exit), the terminal leaves raw mode and the alternate screen.
  process.once('exit', restore);
  process.stdout.write(ENTER_ALT);
  return restore;
}

/** Runs the app until the user leaves the scorecard screen or a signal stops it; returns the outcome and the signal. */
export async function runApp(o: RunAppOptions): Promise<RunAppResult> {
  const restore = takeTerminal();

  let leave!: () => void;
  const left = new Promise<void>((r) => (leave = r));
  const instance = render(<App store={o.store} theme={o.theme} onAbort={() => o.abort()} onExit={() => leave()} quiet={o.quiet ?? false} />, {
    exitOnCtrlC: false,
    patchConsole: false,
    incrementalRendering: true,
    maxFps: 30,
  });
  const stopTicker = o.store.startTicker();
  // A signal, or the terminal going away, ends the drill as aborted and leaves without waiting for a key: nobody may
  // be there to press it. That holds on the scorecard screen too, after the drill has ended by itself.
  let signal: StopSignal | undefined;
  const stopWatching = onOutsideStop((sig) => {
    signal = sig;
    o.abort();
    leave();
  }, { terminal: process.stdin });
  // A bug anywhere: the UI stops and the screen comes back first, so the message is readable; the drill ends and
  // its run folder is written; then the process exits 2.
  let crashed = false;
  const onCrash = (err: unknown) => {
    if (crashed) return;
    crashed = true;
    try {
      stopTicker();
      instance.unmount();
    } catch {
      // The UI may be what broke; the terminal is restored below either way.
    }
    restore();
    process.stderr.write(stripControlLines(`firedrill: internal error (this is a bug, please report it); the drill is saved in ${o.runDir} as far as it got\n${(err as Error)?.stack ?? String(err)}\n`));
    Promise.resolve()
      .then(o.onCrash)
      .catch(() => undefined)
      .finally(() => process.exit(2));
  };
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
    await left;
    return { outcome, ...(signal ? { signal } : {}) };
  } finally {
    stopTicker();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    stopWatching();
    instance.unmount();
    instance.cleanup();
    restore();
  }
}
