/**
 * The prompt, the line being typed with its cursor, and under it one line of help for the command being typed,
 * or the speaker's private hint (up to three rows) until they type.
 *   alice (ic)> /assign @carol check web-logs in 5m_
 *   /assign @name TASK in Nm — IC gives one person a task with a time box
 */
import { Box, Text } from 'ink';
import type { LineState } from '../line-editor';
import { roleToken, type Theme, type Token } from '../theme';

interface Props {
  readonly speaker: string;
  readonly role: string;
  readonly line: LineState;
  readonly hint: string;
  /** The speaker's private hint, already wrapped (hintRows); shown instead of the help while there is one. */
  readonly notice?: readonly string[];
  readonly theme: Theme;
  readonly cols: number;
  /** A prompt of the screen's own instead of "speaker (role)> " (the lobby and the host console), in this colour. */
  readonly prompt?: { readonly text: string; readonly token: Token };
}

/** The command line and the hint row(s) under it. */
export function CommandLine({ speaker, role, line, hint, notice = [], theme, cols, prompt: own }: Props) {
  const prompt = own?.text ?? `${speaker} (${role})> `;
  const room = Math.max(10, cols - prompt.length - 1);
  // Keep the cursor in view on long lines by showing the tail.
  const start = Math.max(0, line.cursor - room + 1);
  const visible = line.text.slice(start, start + room);
  const cur = line.cursor - start;
  return (
    <Box flexDirection="column" width={cols}>
      <Text wrap="truncate">
        <Text color={theme.fg(own?.token ?? roleToken(role))} bold>{prompt}</Text>
        <Text>{visible.slice(0, cur)}</Text>
        <Text inverse>{visible[cur] ?? ' '}</Text>
        <Text>{visible.slice(cur + 1)}</Text>
      </Text>
      {notice.length
        ? notice.map((row, i) => <Text key={i} color={theme.fg('notice')} wrap="truncate">{row}</Text>)
        : <Text color={theme.fg('muted')} wrap="truncate">{hint}</Text>}
    </Box>
  );
}
