/** The line between the channel and the panel: a muted "│" with a space either side, the body's full height. */
import { Box, Text } from 'ink';
import { DIVIDER_COLS } from '../layout';
import type { Theme } from '../theme';

interface Props {
  readonly theme: Theme;
  readonly rows: number;
}

/** A vertical divider `rows` high; drawn as a character, so it shows with NO_COLOR too. */
export function Divider({ theme, rows }: Props) {
  return (
    <Box width={DIVIDER_COLS} height={rows} flexShrink={0} paddingLeft={1}>
      <Text color={theme.fg('muted')}>{Array.from({ length: Math.max(0, rows) }, () => '│').join('\n')}</Text>
    </Box>
  );
}
