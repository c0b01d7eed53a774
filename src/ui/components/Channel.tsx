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

/** One line's screen rows at a width; the time and speaker prefix only on its first row. */
function lineRows(l: ChannelLine, cols: number): Row[] {
  const speaker = l.kind === 'system' || l.kind === 'alert' || l.kind === 'page' ? '' : `${l.who}: `;
  const prefix = `${formatClock(l.atMs)} ${speaker}`;
  const rest = Math.max(10, cols - 6);
  const parts = l.text.split('\n').flatMap((p, i) => wrapText(p, rest, i === 0 ? Math.max(10, cols - prefix.length) : rest));
  return parts.map((p, i) => ({ key: `${l.seq}:${i}`, prefix: i === 0 ? prefix : '      ', text: p, line: l, first: i === 0 }));
}

// A line never changes once said, so its rows are wrapped once per width (a screen redraws every drill second).
const wrapped = new WeakMap<ChannelLine, { readonly cols: number; readonly rows: Row[] }>();

function cachedRows(l: ChannelLine, cols: number): Row[] {
  const hit = wrapped.get(l);
  if (hit?.cols === cols) return hit.rows;
  const rows = lineRows(l, cols);
  wrapped.set(l, { cols, rows });
  return rows;
}

/** Wraps lines into screen rows; the time and speaker prefix only on each line's first row. */
export function channelRows(lines: readonly ChannelLine[], cols: number): Row[] {
  return lines.flatMap((l) => cachedRows(l, cols));
}

/**
 * The rows on screen: `rows` of them, `scroll` rows back from the newest. Only the newest lines that reach that far
 * are wrapped, so a redraw costs what is shown, not the whole channel.
 */
export function visibleRows(lines: readonly ChannelLine[], cols: number, rows: number, scroll: number): Row[] {
  const tail: Row[][] = [];
  let count = 0;
  for (let i = lines.length - 1; i >= 0 && count < rows + scroll; i--) {
    const r = cachedRows(lines[i]!, cols);
    tail.push(r);
    count += r.length;
  }
  const all = tail.reverse().flat();
  const end = Math.max(0, all.length - scroll);
  return all.slice(Math.max(0, end - rows), end);
}

/** The channel as the viewer sees it, newest at the bottom. */
export function Channel({ store, theme, cols, rows, scroll }: Props) {
  const shown = visibleRows(useChannel(store), cols, rows, scroll);
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
