/** The incident channel: chat, system lines, alerts, pages and injects, newest at the bottom, with scrollback. */
import { Box, Text } from 'ink';
import { formatClock } from '../../scenario/duration';
import type { ChannelLine, LineKind } from '../channel';
import type { DrillStore } from '../drill-store';
import { useChannel } from '../hooks/use-drill';
import { roleToken, type Theme, type Token } from '../theme';
import { wrapText } from '../wrap';

interface Props {
  readonly store: DrillStore;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
  /** Rows scrolled back from the newest line. */
  readonly scroll: number;
}

const KIND_TOKEN: Readonly<Record<LineKind, Token>> = {
  chat: 'text', system: 'muted', alert: 'alert', page: 'warn', inject: 'inject', error: 'bad', result: 'info',
  status: 'heading', note: 'scribe', command: 'accent',
};

interface Row {
  readonly key: string;
  readonly prefix: string;
  readonly text: string;
  readonly line: ChannelLine;
  readonly first: boolean;
}

/** Wraps lines into screen rows; the time and speaker prefix only on each line's first row. */
export function channelRows(lines: readonly ChannelLine[], cols: number): Row[] {
  const rows: Row[] = [];
  for (const l of lines) {
    const speaker = l.kind === 'system' || l.kind === 'alert' || l.kind === 'page' ? '' : `${l.who}: `;
    const prefix = `${formatClock(l.atMs)} ${speaker}`;
    const rest = Math.max(10, cols - 6);
    const parts = l.text.split('\n').flatMap((p, i) => wrapText(p, rest, i === 0 ? Math.max(10, cols - prefix.length) : rest));
    parts.forEach((p, i) => rows.push({ key: `${l.seq}:${i}`, prefix: i === 0 ? prefix : '      ', text: p, line: l, first: i === 0 }));
  }
  return rows;
}

export function Channel({ store, theme, cols, rows, scroll }: Props) {
  const lines = useChannel(store);
  const all = channelRows(lines, cols);
  const end = Math.max(0, all.length - scroll);
  const shown = all.slice(Math.max(0, end - rows), end);
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      {shown.map((r) => (
        <Text key={r.key} wrap="truncate">
          <Text color={theme.fg('muted')}>{r.first ? r.prefix.slice(0, 6) : r.prefix}</Text>
          {r.first && r.prefix.length > 6 ? <Text color={theme.fg(store.speakers.includes(r.line.who) ? 'me' : roleToken(r.line.role))}>{r.prefix.slice(6)}</Text> : null}
          <Text color={theme.fg(KIND_TOKEN[r.line.kind])}>{r.text}</Text>
        </Text>
      ))}
      {scroll > 0 ? <Text color={theme.fg('warn')}>{`-- ${scroll} rows back; PgDn to return --`}</Text> : null}
    </Box>
  );
}
