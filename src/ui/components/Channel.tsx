/** The incident channel: chat, system lines, alerts, pages and injects, newest at the bottom, with scrollback. */
import { Box, Text } from 'ink';
import type { LineKind } from '../channel';
import { channelWindow } from '../channel-rows';
import type { DrillStore } from '../drill-store';
import { fit } from '../fit';
import { useChannel } from '../hooks/use-drill';
import { roleToken, type Theme, type Token } from '../theme';

interface Props {
  readonly store: DrillStore;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
  /** Rows scrolled back from the newest line (drawn no further back than the first). */
  readonly scroll: number;
}

const KIND_TOKEN: Readonly<Record<LineKind, Token>> = {
  chat: 'text', system: 'muted', alert: 'alert', page: 'warn', inject: 'inject', error: 'bad', result: 'info',
  status: 'heading', note: 'scribe', command: 'accent',
};

/** What the last row says while scrolled back: how far, and whether this is the top. */
export function scrollNotice(scroll: number, atTop: boolean): string {
  return `-- ${atTop ? 'top; ' : ''}${scroll} rows back; PgDn to return --`;
}

/**
 * The channel as the viewer sees it, newest at the bottom. Exactly `rows` rows, each no wider than `cols`: Ink
 * shrinks the rows of an overfull column to fit, drawing two in the same place, so one more row than fits left a
 * longer row's tail behind a shorter one (`Drill speed is now 2x.y the book.`).
 */
export function Channel({ store, theme, cols, rows, scroll }: Props) {
  const shown = channelWindow(useChannel(store), cols, rows, scroll);
  return (
    <Box flexDirection="column" width={cols} height={rows} overflow="hidden" flexShrink={0}>
      {shown.rows.map((r) => (
        <Text key={r.key} wrap="truncate">
          <Text color={theme.fg('muted')}>{r.time}</Text>
          {r.speaker ? <Text color={theme.fg(store.speakers.includes(r.line.who) ? 'me' : roleToken(r.line.role))}>{r.speaker}</Text> : null}
          <Text color={theme.fg(KIND_TOKEN[r.line.kind])}>{r.text}</Text>
        </Text>
      ))}
      {shown.scroll > 0 ? <Text color={theme.fg('warn')}>{fit(scrollNotice(shown.scroll, shown.atTop), cols).trimEnd()}</Text> : null}
    </Box>
  );
}
