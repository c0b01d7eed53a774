/** What ends a command from outside the program: the stop signals, and a terminal that has gone away. */
import { constants } from 'node:os';

/** The signals that stop a command: Ctrl+C or `kill -INT`, `kill` (SIGTERM), and a closed terminal (SIGHUP). */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** The exit code of a process a signal stopped, as a shell reports it: 128 + the signal's number (SIGINT 130, SIGTERM 143, SIGHUP 129). */
export function signalExitCode(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

const ignoreSignal = (): void => undefined;

export interface OutsideStopOptions {
  /**
   * The terminal a screen reads keys from. Its input ending is a closed terminal even when no SIGHUP comes: a
   * process started in the background, or whose shell was killed (tmux kill-server), loses its terminal silently,
   * and a screen waiting for a key would otherwise wait for ever on a terminal nobody can type into.
   */
  readonly terminal?: NodeJS.ReadableStream;
}

/**
 * Calls `stop` once, for the first stop signal, or with SIGHUP when the terminal's input ends. From then on later
 * signals are ignored until the process exits: the files being written are not cut short by a second signal (a
 * closing terminal may send two). Returns what stops watching; signals get Node's default handling again unless
 * one already came.
 */
export function onOutsideStop(stop: (signal: StopSignal) => void, o: OutsideStopOptions = {}): () => void {
  let stopped = false;
  const onSignal = (signal: StopSignal): void => {
    if (stopped) return;
    stopped = true;
    for (const s of STOP_SIGNALS) process.on(s, ignoreSignal);
    stop(signal);
  };
  const onTerminalGone = (): void => onSignal('SIGHUP');
  // A hung-up terminal's input ends ('end', then 'close'); reading it may also fail with EIO.
  const terminalEvents = ['end', 'close', 'error'] as const;
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  for (const e of terminalEvents) o.terminal?.on(e, onTerminalGone);
  return () => {
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
    for (const e of terminalEvents) o.terminal?.off(e, onTerminalGone);
  };
}
