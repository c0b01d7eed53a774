/** Keybindings as data: every UI command, its keys and its description (the help overlay and footer read this). */
import type { Key } from 'ink';
import { textWidth } from './text-width';

export type UiCommand =
  | 'app.quit' | 'app.help' | 'app.redraw'
  | 'drill.pause' | 'drill.faster' | 'drill.slower' | 'drill.inject' | 'drill.end'
  | 'speaker.next' | 'scribe.noteOldest'
  | 'channel.up' | 'channel.down' | 'channel.detail'
  | 'line.submit' | 'line.complete' | 'line.historyUp' | 'line.historyDown' | 'line.clear' | 'line.deleteWord'
  | 'line.left' | 'line.right' | 'line.home' | 'line.end' | 'line.backspace' | 'overlay.close';

/** A key: a named key or a Ctrl+letter. */
export type KeySpec = { readonly ctrl: string } | { readonly key: 'return' | 'tab' | 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'escape' | 'backspace' } | { readonly char: string };

/** Whose keys a drill screen has: the facilitator's (run, the host console) or a participant's (a seat over SSH). */
export type Controls = 'facilitator' | 'participant';

export interface Binding<C extends string = UiCommand> {
  readonly command: C;
  readonly keys: readonly KeySpec[];
  readonly label: string;
  readonly description: string;
  /** The footer's short name for it; bindings without one stay out of the footer. */
  readonly footer?: string;
  /** Only these roles see it in the footer (a key the others have no use for is noise there). */
  readonly footerRoles?: readonly string[];
  /** A facilitator's control of the drill: a participant's screen neither has nor advertises it. */
  readonly facilitator?: boolean;
}

export const KEYMAP: readonly Binding[] = [
  { command: 'app.quit', keys: [{ ctrl: 'c' }], label: '^C', description: 'end the drill (asks first)' },
  { command: 'app.help', keys: [{ char: '?' }], label: '?', description: 'show or hide this help (when the command line is empty)', footer: 'help' },
  { command: 'app.redraw', keys: [{ ctrl: 'l' }], label: '^L', description: 'redraw the screen' },
  { command: 'drill.pause', keys: [{ ctrl: 'p' }], label: '^P', description: 'pause or resume the drill clock (facilitator)', footer: 'pause', facilitator: true },
  { command: 'drill.faster', keys: [{ ctrl: 'f' }], label: '^F', description: 'double the speed (facilitator)', footer: 'faster', facilitator: true },
  { command: 'drill.slower', keys: [{ ctrl: 's' }], label: '^S', description: 'halve the speed (facilitator)', footer: 'slower', facilitator: true },
  { command: 'drill.inject', keys: [{ ctrl: 't' }], label: '^T', description: 'fire the next scripted inject now (facilitator)', footer: 'inject', facilitator: true },
  { command: 'drill.end', keys: [{ ctrl: 'e' }], label: '^E', description: 'end the drill now (facilitator; asks first)', footer: 'end', facilitator: true },
  { command: 'speaker.next', keys: [{ ctrl: 'n' }], label: '^N', description: 'switch who is speaking (hot-seat)', footer: 'next speaker' },
  {
    command: 'scribe.noteOldest', keys: [{ ctrl: 'o' }], label: '^O', description: 'start a note for the oldest event not yet noted; again for the next (scribe)',
    footer: 'note oldest', footerRoles: ['scribe'],
  },
  { command: 'channel.up', keys: [{ key: 'pageUp' }], label: 'PgUp', description: 'scroll the channel back' },
  { command: 'channel.down', keys: [{ key: 'pageDown' }], label: 'PgDn', description: 'scroll the channel forward' },
  {
    command: 'channel.detail', keys: [{ ctrl: 'g' }], label: '^G',
    description: 'open the newest channel entry in full (the newest on screen when scrolled back); ↑/↓ older and newer entries, Esc closes',
  },
  { command: 'line.submit', keys: [{ key: 'return' }], label: 'Enter', description: 'send the command or chat line' },
  { command: 'line.complete', keys: [{ key: 'tab' }], label: 'Tab', description: 'complete a command, @name, probe or action' },
  { command: 'line.historyUp', keys: [{ key: 'up' }], label: 'Up', description: 'previous line from history' },
  { command: 'line.historyDown', keys: [{ key: 'down' }], label: 'Down', description: 'next line from history' },
  { command: 'line.clear', keys: [{ ctrl: 'u' }], label: '^U', description: 'clear the line' },
  { command: 'line.deleteWord', keys: [{ ctrl: 'w' }], label: '^W', description: 'delete the word before the cursor' },
  { command: 'line.left', keys: [{ key: 'left' }], label: 'Left', description: 'move the cursor left' },
  { command: 'line.right', keys: [{ key: 'right' }], label: 'Right', description: 'move the cursor right' },
  { command: 'line.home', keys: [{ key: 'home' }, { ctrl: 'a' }], label: 'Home', description: 'start of the line' },
  { command: 'line.end', keys: [{ key: 'end' }], label: 'End', description: 'end of the line' },
  { command: 'line.backspace', keys: [{ key: 'backspace' }], label: 'Bksp', description: 'delete the character before the cursor' },
  { command: 'overlay.close', keys: [{ key: 'escape' }], label: 'Esc', description: 'close the help, or clear the line' },
];

/** Bindings the help shows on one row, as "Up/Down  previous or next line from history", to keep the list short. */
export const HELP_PAIRS: readonly { readonly first: UiCommand; readonly second: UiCommand; readonly description: string }[] = [
  { first: 'drill.faster', second: 'drill.slower', description: 'double or halve the speed (facilitator)' },
  { first: 'channel.up', second: 'channel.down', description: 'scroll the channel back or forward' },
  { first: 'line.historyUp', second: 'line.historyDown', description: 'previous or next line from history' },
  { first: 'line.left', second: 'line.right', description: 'move the cursor left or right' },
  { first: 'line.home', second: 'line.end', description: 'start or end of the line' },
];

/** The help's rows for the keys: one per binding, a pair sharing one row. */
export function helpKeyRows(bindings: readonly Binding[] = KEYMAP): { readonly label: string; readonly description: string }[] {
  const rows: { label: string; description: string }[] = [];
  for (const b of bindings) {
    if (HELP_PAIRS.some((p) => p.second === b.command && bindings.some((x) => x.command === p.first))) continue;
    const pair = HELP_PAIRS.find((p) => p.first === b.command);
    const second = pair && bindings.find((x) => x.command === pair.second);
    rows.push(pair && second ? { label: `${b.label}/${second.label}`, description: pair.description } : { label: b.label, description: b.description });
  }
  return rows;
}

const KEY_FIELDS: Readonly<Record<string, keyof Key>> = {
  return: 'return', tab: 'tab', up: 'upArrow', down: 'downArrow', left: 'leftArrow', right: 'rightArrow', pageUp: 'pageUp',
  pageDown: 'pageDown', home: 'home', end: 'end', escape: 'escape', backspace: 'backspace',
};

function matches(spec: KeySpec, input: string, key: Key): boolean {
  if ('ctrl' in spec) return key.ctrl && input.toLowerCase() === spec.ctrl;
  if ('char' in spec) return !key.ctrl && !key.meta && input === spec.char;
  const field = KEY_FIELDS[spec.key];
  // Terminals send DEL for Backspace, which Ink reports as delete.
  if (spec.key === 'backspace') return key.backspace || key.delete;
  return field !== undefined && key[field] === true;
}

/** The UI command a keypress means, if any (first binding wins). */
export function commandFor(input: string, key: Key, bindings: readonly Binding[] = KEYMAP): UiCommand | undefined {
  return commandIn(bindings, input, key);
}

/** The command a keypress means in any screen's bindings, if any (first binding wins). */
export function commandIn<C extends string>(bindings: readonly Binding<C>[], input: string, key: Key): C | undefined {
  return bindings.find((b) => b.keys.some((k) => matches(k, input, key)))?.command;
}

/** The drill screen's bindings for these controls: a participant's lack the facilitator's. */
export function bindingsFor(controls: Controls): readonly Binding[] {
  if (controls === 'facilitator') return KEYMAP;
  return KEYMAP.filter((b) => !b.facilitator).map((b) => (b.command === 'app.quit' ? { ...b, description: 'leave the drill (asks first; your seat is kept)' } : b));
}

/** Footer items joined two spaces apart, whole items only, as many as fit in `cols`: a hint cut mid-word reads as another key. */
export function wholeItems(items: readonly string[], cols: number): string {
  let text = '';
  for (const item of items) {
    const next = text ? `${text}  ${item}` : item;
    if (textWidth(next) > cols) break;
    text = next;
  }
  return text;
}
