/**
 * The full-screen drill: header, channel, role panel, command line and footer.
 *   ┌ title                                T+04:12  1x  SEV-2  IC alice  responding ┐
 *   │ 04:02 carol: wilco T1                       │ ROSTER ...                      │
 *   │ alice (ic)> /assign @carol _                                                  │
 */
import { Box, Text } from 'ink';
import { useState } from 'react';
import { stripControl } from '../../engine/sanitize';
import type { DrillStore } from '../drill-store';
import { useCommandLine } from '../hooks/use-command-line';
import { useStoreVersion } from '../hooks/use-drill';
import { useKeys } from '../hooks/use-keys';
import { useTerminalSize } from '../hooks/use-terminal-size';
import { hintRows, inlineHelp } from '../inline-help';
import type { Controls } from '../keymap';
import { computeLayout } from '../layout';
import type { Theme } from '../theme';
import { Channel, visibleRows } from './Channel';
import { CommandLine } from './CommandLine';
import { DetailView } from './DetailView';
import { EndScreen } from './EndScreen';
import { Footer } from './Footer';
import { Header } from './Header';
import { HelpOverlay } from './HelpOverlay';
import { RolePanel } from './RolePanel';
import { TooSmall } from './TooSmall';

interface Props {
  readonly store: DrillStore;
  readonly theme: Theme;
  /** End the drill now as aborted (Ctrl+C confirmed, or the facilitator's end). */
  readonly onAbort: () => void;
  /** Leave the app after the scorecard screen. */
  readonly onExit: () => void;
  /** Whose keys the screen has: the facilitator's (`run`, the default) or a participant's in a team drill. */
  readonly controls?: Controls;
  /** A participant confirmed Ctrl+C: they leave, the drill goes on and keeps their seat (default: onExit). */
  readonly onLeave?: () => void;
}

/** The whole drill screen, and the scorecard once the drill is scored. */
export function App({ store, theme, onAbort, onExit, controls = 'facilitator', onLeave }: Props) {
  useStoreVersion(store);
  const { cols, rows } = useTerminalSize();
  const screen = store.screen;
  // The speaker's private hint (the engine's, or a notice of ours) replaces the help until they type.
  const message = screen === 'drill' ? store.hintFor(store.speaker) : undefined;
  const notice = message ? hintRows(message, cols) : [];
  const layout = computeLayout(cols, rows, notice.length || 1);
  const [help, setHelp] = useState(false);
  const [scroll, setScroll] = useState(0);
  // The channel entry open in full (an index into the channel's lines), if any.
  const [detail, setDetail] = useState<number | undefined>();
  const line = useCommandLine(store, { onHelp: () => setHelp(true), onEntered: () => setScroll(0) });
  // The newest entry on screen: the newest of all, or the bottom one when scrolled back.
  const openDetail = (): void => {
    const shown = scroll > 0 ? visibleRows(store.lines, layout.channelCols, layout.bodyRows, scroll).at(-1)?.line : undefined;
    const at = shown ? store.lines.lastIndexOf(shown) : store.lines.length - 1;
    if (at >= 0) setDetail(at);
  };
  useKeys({
    store, screen, line, help, setHelp, setScroll, bodyRows: layout.bodyRows, onAbort, onExit, controls, ...(onLeave ? { onLeave } : {}),
    detail: detail !== undefined, openDetail,
  });

  const role = store.displayRole(store.speaker);
  const hint = screen === 'confirm-quit' && controls === 'participant'
    ? `Leave the drill? Your seat is kept — ssh in again as ${stripControl(store.speaker)} to carry on (y/n)`
    : screen === 'confirm-quit' ? 'End the drill? (y/n) — the journal and scorecard are kept either way'
    : screen === 'confirm-end' ? 'End the drill now for everyone? (y/n)'
    : screen === 'ended' ? 'The drill has ended; scoring…'
    : detail !== undefined ? 'Esc closes the entry; the command line waits until then'
    : line.candidates.length ? line.candidates.join('  ') : inlineHelp(line.state.text);
  if (layout.tooSmall) {
    const asking = screen === 'confirm-quit' || screen === 'confirm-end';
    const note = screen === 'ended' ? 'q leaves; the run folder has the scorecard.'
      : controls === 'participant' ? 'The drill keeps running. Ctrl+C asks to leave.' : 'The drill keeps running. Ctrl+C asks to end it.';
    return <TooSmall cols={cols} rows={rows} theme={theme} note={note} {...(asking ? { prompt: hint } : {})} {...(screen === 'ended' ? { leave: onExit } : {})} />;
  }
  if (screen === 'ended' && store.scorecard) return <EndScreen store={store} theme={theme} cols={cols} rows={rows} onExit={onExit} />;
  return (
    <Box flexDirection="column" width={cols} height={rows - 1}>
      <Header store={store} theme={theme} cols={cols} />
      {help ? (
        <HelpOverlay theme={theme} cols={cols} rows={layout.bodyRows} controls={controls} />
      ) : detail !== undefined ? (
        <DetailView store={store} index={detail} theme={theme} cols={cols} rows={layout.bodyRows} onSelect={setDetail} onClose={() => setDetail(undefined)} />
      ) : (
        <Box height={layout.bodyRows}>
          <Channel store={store} theme={theme} cols={layout.channelCols} rows={layout.bodyRows} scroll={scroll} />
          <Text> </Text>
          <RolePanel store={store} theme={theme} cols={layout.panelCols} rows={layout.bodyRows} />
        </Box>
      )}
      <CommandLine speaker={store.speaker} role={role} line={line.state} hint={hint} notice={notice} theme={theme} cols={cols} />
      <Footer theme={theme} cols={cols} hotSeat={store.speakers.length > 1} role={role} controls={controls} />
    </Box>
  );
}
