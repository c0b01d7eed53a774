/**
 * The prompt, the line being typed with its cursor, and under it one line of help for the command being typed,
 * or the speaker's private hint (up to three rows) until they type.
 *   alice (ic)> /assign @carol check web-logs in 5m_
 *   /assign @name TASK in Nm — IC gives one person a task with a time box
 */
import { Box, Text } from 'ink';
import type { LineState } from '../line-editor';
import { graphemes, textWidth } from '../text-width';
import { roleToken, type Theme, type Token } from '../theme';

/** What the rows under the prompt say, which sets their colour: a private hint, an error, or Tab's candidates. */
export type NoticeTone = 'hint' | 'error' | 'help';

const TONE_TOKEN: Readonly<Record<NoticeTone, Token>> = { hint: 'notice', error: 'bad', help: 'muted' };

/**
 * The part of the line on screen: the cursor's grapheme, as much before it as fits in `room` columns, then as much
 * after it. Measured in columns, so a wide character or 👍🏽 is never cut and the cursor sits where it is drawn.
 */
export function lineWindow(line: LineState, room: number): { before: string; at: string; after: string } {
  const rest = graphemes(line.text.slice(line.cursor, line.cursor + room * 16));
  const at = rest[0] ?? ' ';
  let left = Math.max(0, room - textWidth(at));
  let before = '';
  const head = line.text.slice(0, line.cursor);
  // Only the end of the text before the cursor can show: segment that much (16 code units a column is more than any
  // real grapheme takes, so a cut made there is never drawn), not a whole pasted page on every keypress.
  const tail = graphemes(head.slice(Math.max(0, head.length - room * 16)));
  for (let i = tail.length - 1; i >= 0; i--) {
    const w = textWidth(tail[i]!);
    if (w > left) break;
    before = tail[i]! + before;
    left -= w;
  }
  let after = '';
  for (const g of rest.slice(1)) {
    const w = textWidth(g);
    if (w > left) break;
    after += g;
    left -= w;
  }
  return { before, at, after };
}

interface Props {
  readonly speaker: string;
  readonly role: string;
  readonly line: LineState;
  readonly hint: string;
  /** The speaker's private hint, already wrapped (hintRows); shown instead of the help while there is one. */
  readonly notice?: readonly string[];
  /** What the notice is (default a hint): an error is drawn as one, candidates as help. */
  readonly noticeTone?: NoticeTone;
  /** A moment's cue on its own row above the rest ("Now speaking: bob (scribe)"), in the speaker's colour, inverse. */
  readonly cue?: string;
  readonly theme: Theme;
  readonly cols: number;
  /** A prompt of the screen's own instead of "speaker (role)> " (the lobby and the host console), in this colour. */
  readonly prompt?: { readonly text: string; readonly token: Token };
}

/** The command line and the hint row(s) under it. */
export function CommandLine({ speaker, role, line, hint, notice = [], noticeTone = 'hint', cue, theme, cols, prompt: own }: Props) {
  const prompt = own?.text ?? `${speaker} (${role})> `;
  // One column stays free at the end, so the cursor cell never wraps.
  const room = Math.max(10, cols - textWidth(prompt) - 1);
  const { before, at, after } = lineWindow(line, room);
  return (
    <Box flexDirection="column" width={cols}>
      <Text wrap="truncate">
        <Text color={theme.fg(own?.token ?? roleToken(role))} bold>{prompt}</Text>
        <Text>{before}</Text>
        <Text inverse>{at}</Text>
        <Text>{after}</Text>
      </Text>
      {cue ? <Text color={theme.fg(roleToken(role))} bold inverse wrap="truncate">{` ${cue} `}</Text> : null}
      {notice.length
        ? notice.map((row, i) => <Text key={i} color={theme.fg(TONE_TOKEN[noticeTone])} wrap="truncate">{row}</Text>)
        : <Text color={theme.fg('muted')} wrap="truncate">{hint}</Text>}
    </Box>
  );
}
