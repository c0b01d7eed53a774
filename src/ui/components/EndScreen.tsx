/**
 * After the drill: the scorecard, the same screen `firedrill review` shows, and one key away the final channel as it
 * stood at the end (scrollable, each entry openable in full), and back.
 *   scorecard ── Tab ──▶ final channel ── ^G ──▶ one entry in full
 *             ◀─ Tab ──                ◀─ Esc ──
 */
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { DrillStore } from '../drill-store';
import { FINAL_CHANNEL_KEYMAP, SCORECARD_KEYMAP } from '../end-keymaps';
import { footerText } from '../host-keymaps';
import { useStoreVersion } from '../hooks/use-drill';
import { commandIn } from '../keymap';
import { computeLayout } from '../layout';
import type { Theme } from '../theme';
import { heldScroll, newestShown } from '../channel-rows';
import { ChannelBody } from './ChannelBody';
import { Header } from './Header';
import { ScorecardView, scorecardScroll, scrolled } from './ScorecardView';

interface Props {
  readonly store: DrillStore;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
  /** Leave the app. */
  readonly onExit: () => void;
}

/** Which of the end's screens shows. */
export type EndView = 'scorecard' | 'channel';

/** The scorecard, the final channel behind it, and an entry in full; Enter or q leaves from the scorecard. */
export function EndScreen({ store, theme, cols, rows, onExit }: Props) {
  useStoreVersion(store);
  const [view, setView] = useState<EndView>('scorecard');
  const [top, setTop] = useState(0);
  const [scroll, setScroll] = useState(0);
  const [detail, setDetail] = useState<number | undefined>();
  const card = store.scorecard;
  const layout = computeLayout(cols, rows);
  const cardRows = rows - 1;
  useInput((input, key) => {
    // An entry in full has its own keys (DetailView).
    if (detail !== undefined || !card) return;
    if (view === 'scorecard') {
      const cmd = commandIn(SCORECARD_KEYMAP, input, key);
      if (cmd === 'card.leave') onExit();
      else if (cmd === 'card.channel') setView('channel');
      else if (cmd) setTop((t) => scrolled(cmd, t, scorecardScroll(card, { you: store.speakers, ...(store.runDir ? { runDir: store.runDir } : {}) }, cols, cardRows)));
      return;
    }
    const cmd = commandIn(FINAL_CHANNEL_KEYMAP, input, key);
    const page = Math.max(1, layout.bodyRows - 2);
    // As on the drill screen, the scroll stops at the channel's first row.
    const clamp = (x: number): number => heldScroll(store.lines, layout.channelCols, layout.bodyRows, x);
    if (cmd === 'final.leave') onExit();
    else if (cmd === 'final.scorecard') setView('scorecard');
    else if (cmd === 'final.up') setScroll((x) => clamp(clamp(x) + page));
    else if (cmd === 'final.down') setScroll((x) => clamp(clamp(x) - page));
    else if (cmd === 'final.detail') {
      // As on the drill screen: the newest entry on screen.
      const at = newestShown(store.lines, layout.channelCols, layout.bodyRows, scroll);
      if (at >= 0) setDetail(at);
    }
  });
  if (!card) return <Text color={theme.fg('muted')}>The drill has ended; scoring…</Text>;
  if (view === 'scorecard') {
    return <ScorecardView card={card} you={store.speakers} {...(store.runDir ? { runDir: store.runDir } : {})} theme={theme} cols={cols} rows={cardRows} top={top} channel />;
  }
  return (
    <Box flexDirection="column" width={cols} height={rows - 1}>
      <Header store={store} theme={theme} cols={cols} />
      <ChannelBody store={store} theme={theme} layout={layout} scroll={scroll} detail={detail} onDetail={setDetail} />
      <Text bold color={theme.fg('accent')} wrap="truncate">The drill has ended: this is the final channel, as it stood at the end.</Text>
      <Text color={theme.fg('muted')} wrap="truncate">{footerText(FINAL_CHANNEL_KEYMAP, cols)}</Text>
    </Box>
  );
}
