/**
 * One channel entry in full, in place of the channel and panel: the panels abbreviate, this never does. ↑/↓ step
 * to older and newer entries, PgUp/PgDn scroll a long one, Esc closes.
 *   ENTRY 41 of 57 · 12:40 carol (responder) · check result
 *   db-disk: WAL volume 100% full
 *   Logs:
 *     12:39 ERROR could not write to WAL segment 0000000100000A3F000000C2: no space left on device
 *   Esc close  ↑/↓ older/newer  PgUp/PgDn scroll                         rows 1–12 of 30
 */
import { Box, Text, useInput } from 'ink';
import { useMemo, useState } from 'react';
import type { ChannelLine } from '../channel';
import { entryDetail } from '../detail-text';
import type { DrillStore } from '../drill-store';
import { DETAIL_KEYMAP } from '../end-keymaps';
import { footerText } from '../host-keymaps';
import { useChannel } from '../hooks/use-drill';
import { commandIn } from '../keymap';
import { wrapRows, type StyledRow } from '../styled-rows';
import { textWidth } from '../text-width';
import type { Theme } from '../theme';
import { clipToWidth } from '../wrap';
import { StyledLines } from './StyledLines';

interface Props {
  readonly store: DrillStore;
  /** The entry shown: an index into the channel's lines. */
  readonly index: number;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
  /** Show another entry (older or newer). */
  readonly onSelect: (index: number) => void;
  readonly onClose: () => void;
}

// A pasted megabyte is still one entry: wrapped, it stops after this many rows (the rest is in the journal).
const MAX_ROWS = 2000;

/** An entry's rows at a width: its text wrapped at spaces, each of its lines on its own rows. */
export function detailRows(line: ChannelLine, store: Pick<DrillStore, 'events'>, cols: number): { heading: string; rows: StyledRow[] } {
  const event = store.events.find((e) => e.seq === line.seq);
  const detail = entryDetail(line, event);
  const rows: StyledRow[] = [];
  for (const text of detail.lines) {
    if (rows.length >= MAX_ROWS) break;
    rows.push(...wrapRows(clipToWidth(text, MAX_ROWS * cols), cols, { token: 'text' }));
  }
  return { heading: detail.heading, rows: rows.slice(0, MAX_ROWS) };
}

/** The selected entry, whole, scrolled to its own position; its keys are DETAIL_KEYMAP. */
export function DetailView({ store, index, theme, cols, rows, onSelect, onClose }: Props) {
  const lines = useChannel(store);
  const i = Math.min(lines.length - 1, Math.max(0, index));
  const line = lines[i];
  // The text's own scroll position, kept per entry: stepping to another entry starts at its top.
  const [scroll, setScroll] = useState({ index: i, top: 0 });
  const top = scroll.index === i ? scroll.top : 0;
  const detail = useMemo(() => (line ? detailRows(line, store, cols) : undefined), [line, store, cols]);
  const page = Math.max(1, rows - 2);
  const max = Math.max(0, (detail?.rows.length ?? 0) - page);
  useInput((input, key) => {
    const cmd = commandIn(DETAIL_KEYMAP, input, key);
    if (cmd === 'detail.close') onClose();
    else if (cmd === 'detail.older' && i > 0) onSelect(i - 1);
    else if (cmd === 'detail.newer' && i < lines.length - 1) onSelect(i + 1);
    else if (cmd === 'detail.pageUp') setScroll({ index: i, top: Math.max(0, top - Math.max(1, page - 1)) });
    else if (cmd === 'detail.pageDown') setScroll({ index: i, top: Math.min(max, top + Math.max(1, page - 1)) });
  });
  if (!line || !detail) {
    return (
      <Box flexDirection="column" width={cols} height={rows}>
        <Text color={theme.fg('muted')}>Nothing has been said in the channel yet. Esc closes.</Text>
      </Box>
    );
  }
  const first = Math.min(max, top);
  const shown = detail.rows.slice(first, first + page);
  const where = detail.rows.length > page ? `rows ${first + 1}–${first + shown.length} of ${detail.rows.length}` : '';
  const keys = footerText(DETAIL_KEYMAP, Math.max(0, cols - (where ? textWidth(where) + 3 : 0)));
  const gap = where ? ' '.repeat(Math.max(3, cols - textWidth(keys) - textWidth(where))) : '';
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      <Text bold color={theme.fg('heading')} wrap="truncate">{clipToWidth(`ENTRY ${i + 1} of ${lines.length} · ${detail.heading}`, cols)}</Text>
      <StyledLines rows={shown} theme={theme} width={cols} height={page} />
      <Text color={theme.fg('muted')} wrap="truncate">{`${keys}${gap}${where}`}</Text>
    </Box>
  );
}
