/** A titled block of single-line rows inside the role panel. */
import { Box, Text } from 'ink';
import { fit } from '../fit';
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
}

/** The title and its rows, each cut to the width with "…" (measured by grapheme), rows indented by one column. */
export function PanelSection({ title, rows, theme, width }: Props) {
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text bold color={theme.fg('heading')}>{fit(title, width).trimEnd()}</Text>
      {rows.map((r, i) => (
        <Text key={i} color={theme.fg(r.token ?? 'text')}>{` ${fit(r.text, width - 1).trimEnd()}`}</Text>
      ))}
    </Box>
  );
}
