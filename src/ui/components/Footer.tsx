/** The key hints along the bottom, read from the keymap. */
import { Text } from 'ink';
import { stripControl } from '../../engine/sanitize';
import { bindingsFor, wholeItems, type Binding, type Controls } from '../keymap';
import type { Theme } from '../theme';

interface Props {
  readonly theme: Theme;
  readonly cols: number;
  readonly hotSeat: boolean;
  /** The speaker's role: some keys are shown only to the role that uses them. */
  readonly role?: string;
  /** Whose keys to advertise (default the facilitator's). */
  readonly controls?: Controls;
  /** Who Ctrl+N hands the keyboard to (hot-seat): the footer names them, "^N → carol". */
  readonly next?: string;
}

/** The key hints along the bottom for this speaker: the hot-seat key, then their role's keys, then the rest. */
export function Footer({ theme, cols, hotSeat, role, controls = 'facilitator', next }: Props) {
  // On a narrow screen the items on the right are dropped: the speaker key and the role's own keys matter most.
  const rank = (b: Binding): number => (b.command === 'speaker.next' ? 0 : b.footerRoles ? 1 : 2);
  const items = bindingsFor(controls).filter((b) => b.footer && (hotSeat || b.command !== 'speaker.next') && (!b.footerRoles || (role !== undefined && b.footerRoles.includes(role))))
    .sort((a, b) => rank(a) - rank(b))
    .map((b) => (b.command === 'speaker.next' && next !== undefined ? `${b.label} → ${stripControl(next)}` : `${b.label} ${b.footer}`));
  const text = wholeItems([controls === 'participant' ? '^C leave' : '^C quit', ...items], cols);
  return <Text color={theme.fg('muted')} wrap="truncate">{text}</Text>;
}
