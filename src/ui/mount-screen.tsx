/**
 * Ink on a terminal that is not this process's own (an SSH session's streams): one screen per terminal, each with
 * its own size and keyboard, none touching process.stdin, process.stdout or the process's signals.
 */
import { render } from 'ink';
import type { ReactElement } from 'react';

/** Into the alternate screen, cursor home: the shell's screen comes back untouched when the screen leaves. */
export const ENTER_ALT = '\x1b[?1049h\x1b[H';
/** The cursor shown again and the alternate screen left. */
export const LEAVE_ALT = '\x1b[?25h\x1b[?1049l';

/** The streams a screen draws on and reads keys from: Ink-ready (columns, rows, isTTY, 'resize'; setRawMode). */
export interface ScreenStreams {
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
}

export interface MountedScreen {
  /** Takes the screen down and gives the terminal its own screen back (the cursor shown); safe to call twice. */
  unmount(): void;
  /** Resolves once the screen is down: unmounted, or Ink stopped by itself (a render error included). */
  readonly done: Promise<void>;
}

const writable = (s: NodeJS.WriteStream): boolean => !s.destroyed && !s.writableEnded && (s.writable ?? true);

/**
 * Redraws a second, at most, per screen. Ink holds a redraw back until 1000/MAX_FPS ms after the last one: at 30 a
 * typed character waited up to 33 ms behind the frame a chat line had just drawn (echo p90 37 ms in an in-process
 * bench of 20 screens, 4 ms at 60). Events reach a screen already coalesced (DrillStore), so this adds no frames.
 */
export const MAX_FPS = 60;

/** Mounts an Ink element on a terminal's streams, in its alternate screen; redraws coalesce to at most MAX_FPS a second. */
export function mountScreen(element: ReactElement, streams: ScreenStreams): MountedScreen {
  const { stdout, stdin } = streams;
  if (writable(stdout)) stdout.write(ENTER_ALT);
  // stderr goes to the same terminal: the process's own stderr belongs to the host's terminal, not this person's.
  const instance = render(element, {
    stdout, stdin, stderr: stdout, exitOnCtrlC: false, patchConsole: false, incrementalRendering: true, maxFps: MAX_FPS,
  });
  let finished = false;
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  const finish = (): void => {
    if (finished) return;
    finished = true;
    try {
      instance.unmount();
      instance.cleanup();
    } finally {
      if (writable(stdout)) stdout.write(LEAVE_ALT);
      resolve();
    }
  };
  // Ink stopping by itself (a render error) takes the screen down too. Its exit promise is read once, here, so the
  // error never becomes an unhandled rejection of the host. Ink adds a 'beforeExit' listener to the process for
  // it (and removes it on unmount): one per screen is expected, so the eleventh person's screen must not make Node
  // print a listener-leak warning over the facilitator's console.
  process.setMaxListeners(Math.max(process.getMaxListeners(), process.listenerCount('beforeExit') + 11));
  instance.waitUntilExit().then(finish, finish);
  return { unmount: finish, done };
}
