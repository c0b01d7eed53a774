/** Rows of coloured pieces, one Text per row: rows are fitted before they get here (src/ui/styled-rows.ts). */
import { Box, Text } from 'ink';
import type { StyledRow } from '../styled-rows';
import type { Theme } from '../theme';

interface Props {
  readonly rows: readonly StyledRow[];
  readonly theme: Theme;
  readonly width: number;
  /** Rows the block takes on screen: the rows shown, then blank. */
  readonly height?: number;
}

/** The rows, each on its own screen row. */
export function StyledLines({ rows, theme, width, height }: Props) {
  return (
    <Box flexDirection="column" width={width} {...(height === undefined ? {} : { height })}>
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate">
          {row.length === 0 ? ' ' : row.map((s, j) => <Text key={j} bold={s.bold ?? false} color={s.token ? theme.fg(s.token) : undefined}>{s.text}</Text>)}
        </Text>
      ))}
    </Box>
  );
}
