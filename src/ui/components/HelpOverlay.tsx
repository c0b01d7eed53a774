/** The ? overlay: every key and every chat-ops command, generated from the keymap and command usage, in columns. */
import { Box, Text } from 'ink';
import { COMMAND_NAMES, COMMAND_USAGE } from '../../engine/command';
import { bindingsFor, helpKeyRows, type Controls } from '../keymap';
import type { Theme } from '../theme';

interface Props {
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
  /** Whose keys to list (default the facilitator's). */
  readonly controls?: Controls;
}

const GAP = 2;

/** Every key and command, in as many columns as the rows need. */
export function HelpOverlay({ theme, cols, rows, controls = 'facilitator' }: Props) {
  const keys = helpKeyRows(bindingsFor(controls));
  const labelWidth = Math.max(...keys.map((k) => k.label.length));
  const items = [
    { text: 'KEYS', head: true }, ...keys.map((k) => ({ text: `${k.label.padEnd(labelWidth)} ${k.description}`, head: false })),
    { text: 'COMMANDS', head: true }, ...COMMAND_NAMES.map((c) => ({ text: COMMAND_USAGE[c], head: false })),
  ];
  const per = Math.max(1, rows - 1);
  const ncols = Math.ceil(items.length / per);
  const width = Math.max(10, Math.floor((cols - GAP * (ncols - 1)) / ncols));
  const columns = Array.from({ length: ncols }, (_, i) => items.slice(i * per, (i + 1) * per));
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      <Text bold color={theme.fg('heading')}>Help — Esc or ? to close</Text>
      <Box>
        {columns.map((col, i) => (
          <Box key={i} flexDirection="column" width={width} marginRight={i < ncols - 1 ? GAP : 0}>
            {col.map((it) => <Text key={it.text} bold={it.head} wrap="truncate" color={theme.fg(it.head ? 'heading' : 'text')}>{it.text}</Text>)}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
