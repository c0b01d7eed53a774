/**
 * The ? overlay: every key and every chat-ops command, generated from the keymap and command usage, in as many
 * columns as the width holds. Descriptions wrap under themselves instead of being cut; what does not fit on one
 * screen goes on further pages (PgDn/PgUp).
 *   Help — Esc or ? to close                      page 1 of 2, PgDn for more
 *   KEYS                                  COMMANDS
 *   ^C         end the drill (asks first) /ack [T#] — acknowledge your page
 *   ^O         start a note for the oldest  (or your task)
 *              event not yet noted; ...
 */
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { COMMAND_NAMES, COMMAND_USAGE } from '../../engine/command';
import { bindingsFor, helpKeyRows, type Controls } from '../keymap';
import { padRow, wrapRows, type StyledRow } from '../styled-rows';
import { textWidth } from '../text-width';
import type { Theme } from '../theme';
import { wrapText } from '../wrap';
import { StyledLines } from './StyledLines';

interface Props {
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
  /** Whose keys to list (default the facilitator's). */
  readonly controls?: Controls;
}

const GAP = 2;
// Narrower columns would wrap most descriptions into three rows or more.
const MIN_COLUMN = 36;
const TITLE = 'Help — Esc or ? to close';

/** The help's blocks: a heading, or one key or command wrapped to a column's width. */
function blocks(controls: Controls, width: number): StyledRow[][] {
  const keys = helpKeyRows(bindingsFor(controls));
  const labelWidth = Math.max(...keys.map((k) => textWidth(k.label)));
  const heading = (text: string): StyledRow[] => [[{ text, token: 'heading', bold: true }]];
  return [
    heading('KEYS'),
    ...keys.map((k) => wrapRows(k.description, width, { token: 'text' }, { text: `${k.label.padEnd(labelWidth)} `, token: 'accent' })),
    heading('COMMANDS'),
    // A usage reads "/ack [T#] — acknowledge your page": its continuation rows hang two columns in.
    ...COMMAND_NAMES.map((c) => wrapText(COMMAND_USAGE[c], width - 2, width).map((text, i): StyledRow => [{ text: `${i === 0 ? '' : '  '}${text}` }])),
  ];
}

/**
 * The help laid out in pages of columns: blocks flow down a column and on to the next, never split between
 * columns (unless one is taller than a column). `flow` is the columns in reading order.
 */
export function helpPages(controls: Controls, cols: number, rows: number): { pages: StyledRow[][]; columns: number; width: number; flow: StyledRow[][] } {
  const columns = Math.max(1, Math.floor((cols + GAP) / (MIN_COLUMN + GAP)));
  const width = Math.max(10, Math.floor((cols - GAP * (columns - 1)) / columns));
  const height = Math.max(1, rows - 1);
  const filled: StyledRow[][] = [[]];
  for (const block of blocks(controls, width)) {
    let col = filled[filled.length - 1]!;
    if (col.length > 0 && col.length + block.length > height) filled.push((col = []));
    for (const row of block) {
      if (col.length >= height) filled.push((col = []));
      col.push(row);
    }
  }
  const pages: StyledRow[][] = [];
  for (let p = 0; p < filled.length; p += columns) {
    const group = filled.slice(p, p + columns);
    const tall = Math.max(...group.map((c) => c.length));
    pages.push(Array.from({ length: tall }, (_, r) => group.flatMap((c, i) => [
      ...(i > 0 ? [{ text: ' '.repeat(GAP) }] : []),
      ...(i < group.length - 1 ? padRow(c[r] ?? [], width) : c[r] ?? []),
    ])));
  }
  return { pages, columns, width, flow: filled };
}

/** Every key and command, wrapped, a page at a time. */
export function HelpOverlay({ theme, cols, rows, controls = 'facilitator' }: Props) {
  const [page, setPage] = useState(0);
  const { pages } = helpPages(controls, cols, rows);
  const at = Math.min(page, pages.length - 1);
  useInput((_input, key) => {
    if (key.pageDown) setPage(Math.min(pages.length - 1, at + 1));
    else if (key.pageUp) setPage(Math.max(0, at - 1));
  });
  const more = pages.length > 1 ? `page ${at + 1} of ${pages.length}, ${at < pages.length - 1 ? 'PgDn for more' : 'PgUp to go back'}` : '';
  const room = cols - textWidth(TITLE) - textWidth(more);
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      <Text wrap="truncate">
        <Text bold color={theme.fg('heading')}>{TITLE}</Text>
        {more ? <Text color={theme.fg('muted')}>{room >= 2 ? `${' '.repeat(room)}${more}` : `  ${more}`}</Text> : null}
      </Text>
      <StyledLines rows={pages[at] ?? []} theme={theme} width={cols} />
    </Box>
  );
}
