/**
 * Keybindings as data for the screens after a drill and around its channel: the scorecard (the end of `run`, and
 * `review`), the final channel behind it, and the full view of one channel entry.
 */
import type { Binding } from './keymap';

export type ScorecardCommand = 'card.leave' | 'card.channel' | 'card.up' | 'card.down' | 'card.pageUp' | 'card.pageDown' | 'card.top' | 'card.bottom';
export type FinalChannelCommand = 'final.leave' | 'final.scorecard' | 'final.up' | 'final.down' | 'final.detail';
export type DetailCommand = 'detail.close' | 'detail.older' | 'detail.newer' | 'detail.pageUp' | 'detail.pageDown';

/** The scorecard: scroll it, go back to the final channel (after a drill), leave. */
export const SCORECARD_KEYMAP: readonly Binding<ScorecardCommand>[] = [
  { command: 'card.leave', keys: [{ key: 'return' }, { char: 'q' }, { ctrl: 'c' }], label: 'Enter/q', description: 'leave', footer: 'leave' },
  { command: 'card.channel', keys: [{ key: 'tab' }, { char: 'c' }], label: 'Tab', description: 'back to the final channel (after a drill)', footer: 'final channel' },
  { command: 'card.up', keys: [{ key: 'up' }, { char: 'k' }], label: '↑', description: 'scroll up a row' },
  { command: 'card.down', keys: [{ key: 'down' }, { char: 'j' }], label: '↑/↓', description: 'scroll down a row', footer: 'scroll' },
  { command: 'card.pageUp', keys: [{ key: 'pageUp' }, { char: 'b' }], label: 'PgUp', description: 'scroll up a page' },
  { command: 'card.pageDown', keys: [{ key: 'pageDown' }, { char: ' ' }], label: 'PgUp/PgDn', description: 'scroll down a page', footer: 'page' },
  { command: 'card.top', keys: [{ key: 'home' }, { char: 'g' }], label: 'Home', description: 'to the top' },
  { command: 'card.bottom', keys: [{ key: 'end' }, { char: 'G' }], label: 'Home/End', description: 'to the end', footer: 'top/end' },
];

/** The final channel behind the scorecard: scroll it, open an entry in full, back to the scorecard, leave. */
export const FINAL_CHANNEL_KEYMAP: readonly Binding<FinalChannelCommand>[] = [
  { command: 'final.scorecard', keys: [{ key: 'tab' }, { char: 's' }, { key: 'escape' }], label: 'Tab', description: 'back to the scorecard', footer: 'scorecard' },
  { command: 'final.leave', keys: [{ char: 'q' }, { ctrl: 'c' }], label: 'q', description: 'leave', footer: 'leave' },
  { command: 'final.up', keys: [{ key: 'pageUp' }, { key: 'up' }], label: 'PgUp', description: 'scroll the channel back' },
  { command: 'final.down', keys: [{ key: 'pageDown' }, { key: 'down' }], label: 'PgUp/PgDn', description: 'scroll the channel forward', footer: 'scroll' },
  { command: 'final.detail', keys: [{ ctrl: 'g' }, { key: 'return' }], label: '^G', description: 'open the newest entry in full', footer: 'full entry' },
];

/** One channel entry in full: step to older and newer entries, scroll a long one, close. */
export const DETAIL_KEYMAP: readonly Binding<DetailCommand>[] = [
  { command: 'detail.close', keys: [{ key: 'escape' }, { ctrl: 'g' }, { char: 'q' }], label: 'Esc', description: 'close', footer: 'close' },
  { command: 'detail.older', keys: [{ key: 'up' }, { key: 'left' }], label: '↑', description: 'the entry before' },
  { command: 'detail.newer', keys: [{ key: 'down' }, { key: 'right' }], label: '↑/↓', description: 'the entry after', footer: 'older/newer' },
  { command: 'detail.pageUp', keys: [{ key: 'pageUp' }], label: 'PgUp', description: 'scroll the entry up' },
  { command: 'detail.pageDown', keys: [{ key: 'pageDown' }], label: 'PgUp/PgDn', description: 'scroll the entry down', footer: 'scroll' },
];
