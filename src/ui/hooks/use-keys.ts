/** The drill's keyboard: the confirm prompts, the scorecard screen, and what each UI command of keymap.ts does. */
import { useInput, type Key } from 'ink';
import { useRef, type Dispatch, type SetStateAction } from 'react';
import type { DrillStore } from '../drill-store';
import { keysOf } from '../key-chunks';
import { bindingsFor, commandFor, type Controls, type UiCommand } from '../keymap';
import { noteOldest } from '../note-oldest';
import type { CommandLine } from './use-command-line';

// Keys that leave the speaker's private hint up: they do not type, so the hint has not been answered yet.
const KEEPS_HINT: ReadonlySet<UiCommand> = new Set<UiCommand>([
  'app.quit', 'app.help', 'app.redraw', 'drill.pause', 'drill.faster', 'drill.slower', 'drill.inject', 'drill.end',
  'speaker.next', 'channel.up', 'channel.down', 'scribe.noteOldest', 'channel.detail',
]);

/** What the keys act on, as of this render. */
export interface KeyTargets {
  readonly store: DrillStore;
  readonly line: CommandLine;
  readonly help: boolean;
  readonly setHelp: Dispatch<SetStateAction<boolean>>;
  readonly setScroll: Dispatch<SetStateAction<number>>;
  /** Rows of the channel on screen (a page key scrolls by nearly that many). */
  readonly bodyRows: number;
  readonly onAbort: () => void;
  readonly onExit: () => void;
  /** Whose keys these are (default the facilitator's, as in `run`). */
  readonly controls?: Controls;
  /** A participant confirmed leaving: the drill goes on without them, their seat kept. */
  readonly onLeave?: () => void;
  /** Erases the terminal and draws the screen whole (Ctrl+L). */
  readonly repaint?: () => void;
  /** A channel entry is open in full: its view has the keys (DetailView), all but Ctrl+C. */
  readonly detail?: boolean;
  /** Opens the newest channel entry on screen in full. */
  readonly openDetail?: () => void;
}

/**
 * Handles every key of every read for the screen showing. A read can hold several keys (see key-chunks.ts), and
 * each acts on what the keys before it did: the screen is read from the store and the help from a ref, not from
 * this render, so Ctrl+C Ctrl+C in one read asks and then confirms, as two reads would.
 */
export function useKeys(t: KeyTargets): void {
  const help = useRef(t.help);
  help.current = t.help;
  const setHelp: Dispatch<SetStateAction<boolean>> = (v) => {
    help.current = typeof v === 'function' ? v(help.current) : v;
    t.setHelp(help.current);
  };
  useInput((input, key) => {
    for (const k of keysOf(input, key)) oneKey({ ...t, help: help.current, setHelp }, k.input, k.key);
  });
}

/** One key, on the screen showing now. */
function oneKey(t: KeyTargets, input: string, key: Key): void {
  const screen = t.store.screen;
  // The end screen (EndScreen: the scorecard and the final channel) has keys of its own.
  if (screen === 'ended') return;
  if (screen === 'confirm-quit' || screen === 'confirm-end') {
    if (input.toLowerCase() === 'y' || (key.ctrl && input === 'c')) (t.controls === 'participant' ? (t.onLeave ?? t.onExit) : t.onAbort)();
    else if (input.toLowerCase() === 'n' || key.escape) t.store.setScreen('drill');
    return;
  }
  drillKey(t, input, key);
}

/** A key on the drill screen: a bound command, or text for the command line. */
function drillKey(t: KeyTargets, input: string, key: Key): void {
  const { store, line, help } = t;
  const cmd = commandFor(input, key, bindingsFor(t.controls ?? 'facilitator'));
  // While the help is open, keys close it or quit; nothing is typed into the hidden line.
  if (help && cmd !== 'app.help' && cmd !== 'overlay.close' && cmd !== 'app.quit') return;
  if (t.detail && cmd !== 'app.quit') return;
  if (cmd === 'app.help' && line.text() !== '') {
    store.dismissHint(store.speaker);
    line.edit({ type: 'insert', text: input });
    return;
  }
  const types = cmd ? !KEEPS_HINT.has(cmd) && !(cmd === 'overlay.close' && help) : input !== '' && !key.ctrl && !key.meta;
  if (types) store.dismissHint(store.speaker);
  if (cmd) commandActions(t)[cmd]();
  else if (input && !key.ctrl && !key.meta) line.type(input);
}

/** What each UI command does; keymap.ts says which keys mean which command. */
function commandActions({ store, line, help, setHelp, setScroll, bodyRows, repaint, openDetail }: KeyTargets): Record<UiCommand, () => void> {
  const page = (): number => Math.max(1, bodyRows - 2);
  return {
    'app.quit': () => store.setScreen('confirm-quit'),
    'drill.end': () => store.setScreen('confirm-end'),
    'app.help': () => setHelp((h) => !h),
    'app.redraw': () => (repaint ?? (() => store.changed()))(),
    'drill.pause': () => store.togglePause(),
    'drill.faster': () => store.scaleSpeed(2),
    'drill.slower': () => store.scaleSpeed(0.5),
    'drill.inject': () => store.client.control({ kind: 'inject-now' }),
    'speaker.next': () => store.nextSpeaker(),
    'scribe.noteOldest': () => noteOldest(store, line),
    'channel.up': () => setScroll((x) => x + page()),
    'channel.down': () => setScroll((x) => Math.max(0, x - page())),
    'channel.detail': () => openDetail?.(),
    'overlay.close': () => (help ? setHelp(false) : line.edit({ type: 'clear' })),
    'line.submit': () => line.submit(),
    'line.complete': () => line.complete(),
    'line.historyUp': () => line.edit({ type: 'historyUp' }),
    'line.historyDown': () => line.edit({ type: 'historyDown' }),
    'line.clear': () => line.edit({ type: 'clear' }),
    'line.deleteWord': () => line.edit({ type: 'deleteWord' }),
    'line.left': () => line.edit({ type: 'left' }),
    'line.right': () => line.edit({ type: 'right' }),
    'line.home': () => line.edit({ type: 'home' }),
    'line.end': () => line.edit({ type: 'end' }),
    'line.backspace': () => line.edit({ type: 'backspace' }),
  };
}
