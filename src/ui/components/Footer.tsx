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
  // In hot-seat mode the speaker key comes first: on a narrow screen it matters most.
  const items = KEYMAP.filter((b) => b.footer && (hotSeat || b.command !== 'speaker.next'))
    .sort((a, b) => Number(b.command === 'speaker.next') - Number(a.command === 'speaker.next'))
    .map((b) => `${b.label} ${b.footer}`);
  // Whole items only: a hint cut mid-word reads as a different key.
  let text = '';
  for (const item of ['^C quit', ...items]) {
    const next = text ? `${text}  ${item}` : item;
    if (next.length > cols) break;
    text = next;
  }
  return <Text color={theme.fg('muted')} wrap="truncate">{text}</Text>;
}
