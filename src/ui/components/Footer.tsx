/** The key hints along the bottom, read from the keymap. */
import { Text } from 'ink';
import { KEYMAP } from '../keymap';
import type { Theme } from '../theme';

interface Props {
  readonly theme: Theme;
  readonly cols: number;
  readonly hotSeat: boolean;
}

export function Footer({ theme, cols, hotSeat }: Props) {
  const items = KEYMAP.filter((b) => b.footer && (hotSeat || b.command !== 'speaker.next'))
    .map((b) => `${b.label} ${b.footer}`);
  return <Text color={theme.fg('muted')} wrap="truncate">{['^C quit', ...items].join('  ').slice(0, cols)}</Text>;
}
