/** The ? overlay: every key and every chat-ops command, generated from the keymap and command usage. */
import { Box, Text } from 'ink';
import { COMMAND_NAMES, COMMAND_USAGE } from '../../engine/command';
import { KEYMAP } from '../keymap';
import type { Theme } from '../theme';

interface Props {
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
}

export function HelpOverlay({ theme, cols, rows }: Props) {
  const keys = KEYMAP.map((b) => `${b.label.padEnd(6)} ${b.description}`);
  const cmds = COMMAND_NAMES.map((c) => COMMAND_USAGE[c]);
  const half = Math.floor(cols / 2) - 1;
  const body = rows - 2;
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      <Text bold color={theme.fg('heading')}>Help — Esc or ? to close</Text>
      <Box>
        <Box flexDirection="column" width={half}>
          {keys.slice(0, body).map((k) => <Text key={k} wrap="truncate">{k}</Text>)}
        </Box>
        <Box flexDirection="column" width={cols - half}>
          {cmds.slice(0, body).map((c) => <Text key={c} wrap="truncate" color={theme.fg('accent')}>{c}</Text>)}
        </Box>
      </Box>
    </Box>
  );
}
