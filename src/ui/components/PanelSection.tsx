/** A titled block of single-line rows inside the role panel. */
import { Box, Text } from 'ink';
import type { Theme, Token } from '../theme';

export interface PanelRow {
  readonly text: string;
  readonly token?: Token;
}

interface Props {
  readonly title: string;
  readonly rows: readonly PanelRow[];
  readonly theme: Theme;
  readonly width: number;
  readonly empty?: string;
}

export function PanelSection({ title, rows, theme, width, empty }: Props) {
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={theme.fg('heading')} wrap="truncate">{title}</Text>
      {rows.length === 0 && empty ? <Text color={theme.fg('muted')} wrap="truncate">{` ${empty}`}</Text> : null}
      {rows.map((r, i) => (
        <Text key={i} color={theme.fg(r.token ?? 'text')} wrap="truncate">{` ${r.text}`}</Text>
      ))}
    </Box>
  );
}
