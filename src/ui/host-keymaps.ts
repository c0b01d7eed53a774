/** Keybindings as data for the team drill's own screens: a participant's lobby and the facilitator's console. */
import type { LineAction } from './line-editor';
import { KEYMAP, wholeItems, type Binding, type UiCommand } from './keymap';

type LineCommand = Extract<UiCommand, 'line.left' | 'line.right' | 'line.home' | 'line.end' | 'line.backspace' | 'line.clear' | 'line.deleteWord'>;
type DrillControl = Extract<UiCommand, 'drill.pause' | 'drill.faster' | 'drill.slower' | 'drill.inject' | 'drill.end' | 'channel.up' | 'channel.down'>;

export type LobbyCommand = 'seat.up' | 'seat.down' | 'seat.take' | 'seat.stand' | 'lobby.leave' | 'line.escape' | LineCommand;
export type ConsoleCommand =
  | 'person.up' | 'person.down' | 'person.stand' | 'console.enter' | 'console.start' | 'console.quit' | 'line.escape' | LineCommand | DrillControl;

const LINE_COMMANDS: readonly LineCommand[] = ['line.left', 'line.right', 'line.home', 'line.end', 'line.backspace', 'line.clear', 'line.deleteWord'];
const from = <C extends UiCommand>(commands: readonly C[]): Binding<C>[] => commands.map((c) => KEYMAP.find((b) => b.command === c) as Binding<C>);
const LINE_EDITING = from(LINE_COMMANDS);
const ESCAPE = { keys: [{ key: 'escape' }], label: 'Esc', description: 'clear the line (or say no)' } as const;

/** A participant's lobby: choose a seat and take it, or type one; stand up; leave. */
export const LOBBY_KEYMAP: readonly Binding<LobbyCommand>[] = [
  { command: 'lobby.leave', keys: [{ ctrl: 'c' }, { char: 'q' }], label: 'q', description: 'leave (q when the line is empty, or ^C)', footer: 'leave' },
  { command: 'seat.up', keys: [{ key: 'up' }], label: '↑', description: 'choose the seat above' },
  { command: 'seat.down', keys: [{ key: 'down' }], label: '↑/↓', description: 'choose the seat below', footer: 'choose' },
  { command: 'seat.take', keys: [{ key: 'return' }], label: 'Enter', description: 'take the chosen seat, or the seat typed', footer: 'take seat' },
  { command: 'seat.stand', keys: [{ ctrl: 'x' }], label: '^X', description: 'stand up (give the seat back)', footer: 'stand up' },
  { command: 'line.escape', ...ESCAPE },
  ...LINE_EDITING,
];

/** The facilitator console before the start: choose a person, seat them by typing a seat, stand them up, start. */
export const CONSOLE_LOBBY_KEYMAP: readonly Binding<ConsoleCommand>[] = [
  { command: 'console.quit', keys: [{ ctrl: 'c' }], label: '^C', description: 'quit the host (asks first)', footer: 'quit' },
  { command: 'person.up', keys: [{ key: 'up' }], label: '↑', description: 'choose the person above' },
  { command: 'person.down', keys: [{ key: 'down' }], label: '↑/↓', description: 'choose the person below', footer: 'person' },
  { command: 'console.enter', keys: [{ key: 'return' }], label: 'Enter', description: 'seat the person in the seat typed; on an empty line, start', footer: 'seat / start' },
  { command: 'person.stand', keys: [{ ctrl: 'x' }], label: '^X', description: 'stand the person up', footer: 'stand up' },
  { command: 'console.start', keys: [{ char: 's' }], label: 's', description: 'start the drill (when the line is empty; asks first)', footer: 'start' },
  { command: 'line.escape', ...ESCAPE },
  ...LINE_EDITING,
];

/** The facilitator console during the drill: the clock, injects, the end, and ad-hoc injects typed as SPEAKER: TEXT. */
export const CONSOLE_DRILL_KEYMAP: readonly Binding<ConsoleCommand>[] = [
  { command: 'console.quit', keys: [{ ctrl: 'c' }], label: '^C', description: 'end the drill and quit the host (asks first)', footer: 'quit' },
  ...from<DrillControl>(['drill.pause', 'drill.faster', 'drill.slower', 'drill.inject', 'drill.end', 'channel.up', 'channel.down']),
  { command: 'console.enter', keys: [{ key: 'return' }], label: 'Enter', description: 'send the ad-hoc inject typed as SPEAKER: TEXT' },
  { command: 'line.escape', ...ESCAPE },
  ...LINE_EDITING,
];

/** The line edit a line command makes. */
export function lineEditFor(command: string): LineAction | undefined {
  const edits: Readonly<Record<LineCommand, LineAction>> = {
    'line.left': { type: 'left' }, 'line.right': { type: 'right' }, 'line.home': { type: 'home' }, 'line.end': { type: 'end' },
    'line.backspace': { type: 'backspace' }, 'line.clear': { type: 'clear' }, 'line.deleteWord': { type: 'deleteWord' },
  };
  return Object.hasOwn(edits, command) ? edits[command as LineCommand] : undefined;
}

/** The footer's key hints for some bindings, whole items only, as many as fit in `cols`. */
export function footerText<C extends string>(bindings: readonly Binding<C>[], cols: number, extra: readonly string[] = []): string {
  return wholeItems([...bindings.filter((b) => b.footer).map((b) => `${b.label} ${b.footer}`), ...extra], cols);
}
