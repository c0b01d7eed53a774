/**
 * The full-screen drill: header, channel, role panel, command line and footer.
 *   ┌ title                                T+04:12  1x  SEV-2  IC alice  responding ┐
 *   │ 04:02 carol: wilco T1                       │ ROSTER ...                      │
 *   │ alice (ic)> /assign @carol _                                                  │
 */
import { Box, useStdout } from 'ink';
import { memo, useCallback, useRef, useState, type SetStateAction } from 'react';
import { stripControl } from '../../engine/sanitize';
import { heldScroll, newestShown } from '../channel-rows';
import type { DrillStore } from '../drill-store';
import { useCommandLine } from '../hooks/use-command-line';
import { usePageBell, useSpeakerBanner } from '../hooks/use-cues';
import { useStoreVersion } from '../hooks/use-drill';
import { useKeys } from '../hooks/use-keys';
import { useRepaint } from '../hooks/use-repaint';
import { useTerminalSize } from '../hooks/use-terminal-size';
import { candidateRows, hintRows, inlineHelp } from '../inline-help';
import type { Controls } from '../keymap';
import { computeLayout, MAX_HINT_ROWS } from '../layout';
import type { Theme } from '../theme';
import { BELL } from '../page-cues';
import { ChannelBody } from './ChannelBody';
import { CommandLine, type NoticeTone } from './CommandLine';
import { EndScreen } from './EndScreen';
import { Footer } from './Footer';
import { Header } from './Header';
import { HelpOverlay } from './HelpOverlay';
import { TooSmall } from './TooSmall';

// The parts that read the store through their own hooks redraw only when it changes: a keystroke redraws the
// command line, not the header and the footer (ChannelBody does the same for the channel and the panel).
const StoreHeader = memo(Header);
const StaticFooter = memo(Footer);

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
  /** No bell when a seat at this terminal is paged (`run --quiet`); the header's PAGED badge still shows. */
  readonly quiet?: boolean;
}

/** The whole drill screen, and the scorecard once the drill is scored. */
export function App({ store, theme, onAbort, onExit, controls = 'facilitator', onLeave, quiet = false }: Props) {
  useStoreVersion(store);
  const { cols, rows } = useTerminalSize();
  const { stdout } = useStdout();
  // The bell goes to this screen's own terminal: the one running `run`, or a participant's over SSH.
  usePageBell(store, quiet ? undefined : () => stdout.write(BELL));
  const banner = useSpeakerBanner(store);
  const screen = store.screen;
  const [help, setHelp] = useState(false);
  const [scroll, setRawScroll] = useState(0);
  // Scrolling stops at the channel's first row: PgUp past it stays there, and PgDn comes back from there at once.
  // The channel's size comes from the layout below, which depends on the command line's rows: read it when used.
  const channelSize = useRef({ cols: 0, rows: 0 });
  const setScroll = useCallback((next: SetStateAction<number>) => setRawScroll((was) => {
    const { cols: c, rows: r } = channelSize.current;
    const clamp = (x: number): number => heldScroll(store.lines, c, r, x);
    return clamp(typeof next === 'function' ? next(clamp(was)) : next);
  }), [store]);
  // The channel entry open in full (an index into the channel's lines), if any.
  const [detail, setDetail] = useState<number | undefined>();
  const repaint = useRepaint();
  const line = useCommandLine(store, { onHelp: () => setHelp(true), onEntered: () => setScroll(0) });
  // Under the prompt: who speaks now, for a moment after Ctrl+N, on a row of its own; then the speaker's private hint
  // or error (the engine's, or a notice of ours) until they type, else Tab's candidates, else the help for the line.
  const cue = screen === 'drill' ? banner : undefined;
  const left = MAX_HINT_ROWS - (cue ? 1 : 0);
  const message = screen === 'drill' ? store.noticeFor(store.speaker) : undefined;
  const [notice, tone]: [readonly string[], NoticeTone] = screen !== 'drill' ? [[], 'hint']
    : message ? [hintRows(message.text, cols, message.tone, left), message.tone]
    : line.candidates.length ? [candidateRows(line.candidates, cols, left), 'help']
    : [[], 'hint'];
  const layout = computeLayout(cols, rows, (notice.length || 1) + (cue ? 1 : 0));
  channelSize.current = { cols: layout.channelCols, rows: layout.bodyRows };
  const openDetail = (): void => {
    const at = newestShown(store.lines, layout.channelCols, layout.bodyRows, scroll);
    if (at >= 0) setDetail(at);
  };
  useKeys({
    store, line, help, setHelp, setScroll, bodyRows: layout.bodyRows, onAbort, onExit, controls, repaint, ...(onLeave ? { onLeave } : {}),
    detail: detail !== undefined, openDetail,
  });

  const role = store.displayRole(store.speaker);
  const hint = screen === 'confirm-quit' && controls === 'participant'
    ? `Leave the drill? Your seat is kept — ssh in again as ${stripControl(store.speaker)} to carry on (y/n)`
    : screen === 'confirm-quit' ? 'End the drill? (y/n) — the journal and scorecard are kept either way'
    : screen === 'confirm-end' ? 'End the drill now for everyone? (y/n)'
    : screen === 'ended' ? 'The drill has ended; scoring…'
    : detail !== undefined ? 'Esc closes the entry; the command line waits until then'
    : inlineHelp(line.state.text);
  const next = store.nextSpeakerName;
  if (layout.tooSmall) {
    const asking = screen === 'confirm-quit' || screen === 'confirm-end';
    const note = screen === 'ended' ? 'q leaves; the run folder has the scorecard.'
      : controls === 'participant' ? 'The drill keeps running. Ctrl+C asks to leave.' : 'The drill keeps running. Ctrl+C asks to end it.';
    return <TooSmall cols={cols} rows={rows} theme={theme} note={note} {...(asking ? { prompt: hint } : {})} {...(screen === 'ended' ? { leave: onExit } : {})} />;
  }
  if (screen === 'ended' && store.scorecard) return <EndScreen store={store} theme={theme} cols={cols} rows={rows} onExit={onExit} />;
  return (
    <Box flexDirection="column" width={cols} height={rows - 1}>
      <StoreHeader store={store} theme={theme} cols={cols} />
      {help ? (
        <HelpOverlay theme={theme} cols={cols} rows={layout.bodyRows} controls={controls} />
      ) : (
        <ChannelBody store={store} theme={theme} layout={layout} scroll={scroll} detail={detail} onDetail={setDetail} />
      )}
      <CommandLine speaker={store.speaker} role={role} line={line.state} hint={hint} notice={notice} noticeTone={tone} {...(cue ? { cue } : {})} theme={theme} cols={cols} />
      <StaticFooter theme={theme} cols={cols} hotSeat={store.speakers.length > 1} role={role} controls={controls} {...(next !== undefined ? { next } : {})} />
    </Box>
  );
}
