/**
 * The full-screen drill: header, channel, role panel, command line and footer.
 *   ┌ title                                T+04:12  1x  SEV-2  IC alice  responding ┐
 *   │ 04:02 carol: wilco T1                       │ ROSTER ...                      │
 *   │ alice (ic)> /assign @carol _                                                  │
 */
import { Box, Text } from 'ink';
import { useCallback, useState, type SetStateAction } from 'react';
import { stripControl } from '../../engine/sanitize';
import { channelWindow } from '../channel-rows';
import type { DrillStore } from '../drill-store';
import { useCommandLine } from '../hooks/use-command-line';
import { useStoreVersion } from '../hooks/use-drill';
import { useKeys } from '../hooks/use-keys';
import { useRepaint } from '../hooks/use-repaint';
import { useTerminalSize } from '../hooks/use-terminal-size';
import { hintRows, inlineHelp } from '../inline-help';
import type { Controls } from '../keymap';
import { computeLayout } from '../layout';
import type { Theme } from '../theme';
import { Channel } from './Channel';
import { CommandLine } from './CommandLine';
import { Divider } from './Divider';
import { Footer } from './Footer';
import { Header } from './Header';
import { HelpOverlay } from './HelpOverlay';
import { RolePanel } from './RolePanel';
import { ScorecardView } from './ScorecardView';

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
  const [scroll, setRawScroll] = useState(0);
  // Scrolling stops at the channel's first row: PgUp past it stays there, and PgDn comes back from there at once.
  const { channelCols, bodyRows } = layout;
  const setScroll = useCallback((next: SetStateAction<number>) => setRawScroll((was) => {
    const clamp = (x: number): number => channelWindow(store.lines, channelCols, bodyRows, Math.max(0, x)).scroll;
    return clamp(typeof next === 'function' ? next(clamp(was)) : next);
  }), [store, channelCols, bodyRows]);
  const repaint = useRepaint();
  const line = useCommandLine(store, { onHelp: () => setHelp(true), onEntered: () => setScroll(0) });
  useKeys({ store, screen, line, help, setHelp, setScroll, bodyRows: layout.bodyRows, onAbort, onExit, controls, repaint, ...(onLeave ? { onLeave } : {}) });

  if (layout.tooSmall) {
    return <Text color={theme.fg('warn')}>{`The terminal is ${cols}×${rows}; firedrill needs at least 80×24. Make it larger (the drill keeps running).`}</Text>;
  }
  if (screen === 'ended' && store.scorecard) {
    return <ScorecardView card={store.scorecard} you={store.speakers} {...(store.runDir ? { runDir: store.runDir } : {})} theme={theme} cols={cols} rows={rows - 1} />;
  }
  const role = store.displayRole(store.speaker);
  const hint = screen === 'confirm-quit' && controls === 'participant'
    ? `Leave the drill? Your seat is kept — ssh in again as ${stripControl(store.speaker)} to carry on (y/n)`
    : screen === 'confirm-quit' ? 'End the drill? (y/n) — the journal and scorecard are kept either way'
    : screen === 'confirm-end' ? 'End the drill now for everyone? (y/n)'
    : screen === 'ended' ? 'The drill has ended; scoring…'
    : line.candidates.length ? line.candidates.join('  ') : inlineHelp(line.state.text);
  return (
    <Box flexDirection="column" width={cols} height={rows - 1}>
      <Header store={store} theme={theme} cols={cols} />
      {help ? (
        <HelpOverlay theme={theme} cols={cols} rows={layout.bodyRows} controls={controls} />
      ) : (
        <Box height={layout.bodyRows}>
          <Channel store={store} theme={theme} cols={layout.channelCols} rows={layout.bodyRows} scroll={scroll} />
          <Divider theme={theme} rows={layout.bodyRows} />
          <RolePanel store={store} theme={theme} cols={layout.panelCols} rows={layout.bodyRows} />
        </Box>
      )}
      <CommandLine speaker={store.speaker} role={role} line={line.state} hint={hint} notice={notice} theme={theme} cols={cols} />
      <Footer theme={theme} cols={cols} hotSeat={store.speakers.length > 1} role={role} controls={controls} />
    </Box>
  );
}
