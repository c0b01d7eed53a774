/** The facilitator console on the host's own terminal, given back (raw mode off, the screen restored) however it ends. */
import { render } from 'ink';
import { HostConsole } from './components/HostConsole';
import type { HostConsoleModel } from './host-models';
import { takeTerminal } from './run-app';
import type { Theme } from './theme';

/** The model as the console sees it, with its quit also ending the console. */
function quitting(model: HostConsoleModel, onQuit: () => void): HostConsoleModel {
  return {
    subscribe: (fn) => model.subscribe(fn),
    phase: () => model.phase(),
    joinLines: () => model.joinLines(),
    lobby: () => model.lobby(),
    assign: (name, choice) => model.assign(name, choice),
    parseSeat: (text) => model.parseSeat(text),
    start: () => model.start(),
    store: () => model.store(),
    people: () => model.people(),
    say: (speaker, text) => model.say(speaker, text),
    quit: () => {
      model.quit();
      onQuit();
    },
  };
}

/**
 * Runs the console on process.stdin/stdout until the facilitator quits (model.quit() has been called by then) or
 * `stopped` settles (the host quit for another reason: a signal); rejects if the console itself fails. Signals are
 * the caller's (src/cli/outside-stops.ts).
 */
export async function runHostConsole(model: HostConsoleModel, theme: Theme, stopped?: Promise<unknown>): Promise<void> {
  const restore = takeTerminal();
  try {
    let quit!: () => void;
    const quitted = new Promise<void>((r) => (quit = r));
    const instance = render(<HostConsole model={quitting(model, () => quit())} theme={theme} />, {
      exitOnCtrlC: false, patchConsole: false, incrementalRendering: true, maxFps: 30,
    });
    try {
      await Promise.race([quitted, instance.waitUntilExit(), ...(stopped ? [stopped.then(() => undefined)] : [])]);
    } finally {
      instance.unmount();
      instance.cleanup();
    }
  } finally {
    restore();
  }
}
