/**
 * The full-screen drill: header, channel, role panel, command line and footer.
 *   ┌ title                                T+04:12  1x  SEV-2  IC alice  responding ┐
 *   │ 04:02 carol: wilco T1                       │ ROSTER ...                      │
 *   │ alice (ic)> /assign @carol _                                                  │
 */
import { Box, Text, useInput, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { formatClock } from '../../scenario/duration';
import { complete } from '../completion';
import type { DrillStore } from '../drill-store';
import { useStoreVersion } from '../hooks/use-drill';
import { hintRows, inlineHelp } from '../inline-help';
import { commandFor, type UiCommand } from '../keymap';
import { computeLayout } from '../layout';
import { emptyLine, lineReducer, type LineAction } from '../line-editor';
import { ledgerLabel } from '../panel-rows';
import { nextNoteFill } from '../scribe-queue';
import type { Theme } from '../theme';
import { Channel } from './Channel';
import { CommandLine } from './CommandLine';
import { Footer } from './Footer';
import { Header } from './Header';
import { HelpOverlay } from './HelpOverlay';
import { RolePanel } from './RolePanel';
import { ScorecardView } from './ScorecardView';
import { SEATS } from '../../engine/roles';

interface Props {
  readonly store: DrillStore;
  readonly theme: Theme;
  /** End the drill now as aborted (Ctrl+C confirmed, or the facilitator's end). */
  readonly onAbort: () => void;
  /** Leave the app after the scorecard screen. */
  readonly onExit: () => void;
}

function useTerminalSize(): { cols: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}


// Keys that leave the speaker's private hint up: they do not type, so the hint has not been answered yet.
const KEEPS_HINT: ReadonlySet<UiCommand> = new Set<UiCommand>([
  'app.quit', 'app.help', 'app.redraw', 'drill.pause', 'drill.faster', 'drill.slower', 'drill.inject', 'drill.end',
  'speaker.next', 'channel.up', 'channel.down', 'scribe.noteOldest',
]);

/** The whole drill screen, and the scorecard once the drill is scored. */
export function App({ store, theme, onAbort, onExit }: Props) {
  useStoreVersion(store);
  const { cols, rows } = useTerminalSize();
  const screen = store.screen;
  // The speaker's private hint (the engine's, or a notice of ours) replaces the help until they type.
  const message = screen === 'drill' ? store.hintFor(store.speaker) : undefined;
  const notice = message ? hintRows(message, cols) : [];
  const layout = computeLayout(cols, rows, notice.length || 1);
  // The line lives in a ref as well as state: several keypresses can arrive before React renders again.
  const lineRef = useRef(emptyLine);
  const [line, setLine] = useState(emptyLine);
  const dispatch = (a: LineAction): void => {
    lineRef.current = lineReducer(lineRef.current, a);
    setLine(lineRef.current);
  };
  const completeLine = (): void => {
    const c = complete(lineRef.current.text, { ...store.view().vocabulary, roles: SEATS });
    dispatch({ type: 'replace', text: c.text });
    setCandidates(c.candidates.length > 1 ? c.candidates : []);
  };
  const submit = (): void => {
    const text = lineRef.current.text.trim();
    if (text === '/help' || text === '/?') setHelp(true);
    else if (text) store.send(text);
    dispatch({ type: 'submit' });
    setCandidates([]);
    setScroll(0);
  };
  // ^O: the scribe's line starts the note for the oldest key event nobody has noted; again, for the next one.
  const noteOldest = (): void => {
    const who = store.speaker;
    if (store.displayRole(who) !== 'scribe') return store.tell(who, '^O is the Scribe\'s key: it starts a note for the oldest key event nobody has noted yet');
    const items = store.view().unnoted ?? [];
    const next = nextNoteFill(items, lineRef.current.text);
    if (!next) return store.tell(who, items.length ? 'the line holds something else: send it or clear it (^U), then ^O' : 'nothing is waiting to be noted');
    dispatch({ type: 'replace', text: next.text });
    setCandidates([]);
    const left = next.item.dueAt - store.client.now();
    store.tell(who, `${ledgerLabel(next.item)} (${left >= 0 ? `${formatClock(left)} left` : 'LATE'})${items.length > 1 ? '; ^O again for the next' : ''}`);
  };
  const [help, setHelp] = useState(false);
  const [scroll, setScroll] = useState(0);
  const [candidates, setCandidates] = useState<readonly string[]>([]);

  useInput((input, key) => {
    if (screen === 'ended') {
      if (key.return || input === 'q' || (key.ctrl && input === 'c')) onExit();
      return;
    }
    if (screen === 'confirm-quit' || screen === 'confirm-end') {
      if (input.toLowerCase() === 'y' || (key.ctrl && input === 'c')) onAbort();
      else if (input.toLowerCase() === 'n' || key.escape) store.setScreen('drill');
      return;
    }
    const cmd = commandFor(input, key);
    // While the help is open, keys close it or quit; nothing is typed into the hidden line.
    if (help && cmd !== 'app.help' && cmd !== 'overlay.close' && cmd !== 'app.quit') return;
    if (cmd === 'app.help' && lineRef.current.text !== '') {
      store.dismissHint(store.speaker);
      dispatch({ type: 'insert', text: input });
      return;
    }
    const types = cmd ? !KEEPS_HINT.has(cmd) && !(cmd === 'overlay.close' && help) : input !== '' && !key.ctrl && !key.meta;
    if (types) store.dismissHint(store.speaker);
    switch (cmd) {
      case 'app.quit': return store.setScreen('confirm-quit');
      case 'drill.end': return store.setScreen('confirm-end');
      case 'app.help': return setHelp((h) => !h);
      case 'app.redraw': return store.changed();
      case 'drill.pause': return store.togglePause();
      case 'drill.faster': return store.scaleSpeed(2);
      case 'drill.slower': return store.scaleSpeed(0.5);
      case 'drill.inject': return store.client.control({ kind: 'inject-now' });
      case 'speaker.next': return store.nextSpeaker();
      case 'scribe.noteOldest': return noteOldest();
      case 'channel.up': return setScroll((x) => x + Math.max(1, layout.bodyRows - 2));
      case 'channel.down': return setScroll((x) => Math.max(0, x - Math.max(1, layout.bodyRows - 2)));
      case 'overlay.close':
        if (help) setHelp(false);
        else dispatch({ type: 'clear' });
        return;
      case 'line.submit': return submit();
      case 'line.complete': return completeLine();
      case 'line.historyUp': return dispatch({ type: 'historyUp' });
      case 'line.historyDown': return dispatch({ type: 'historyDown' });
      case 'line.clear': return dispatch({ type: 'clear' });
      case 'line.deleteWord': return dispatch({ type: 'deleteWord' });
      case 'line.left': return dispatch({ type: 'left' });
      case 'line.right': return dispatch({ type: 'right' });
      case 'line.home': return dispatch({ type: 'home' });
      case 'line.end': return dispatch({ type: 'end' });
      case 'line.backspace': return dispatch({ type: 'backspace' });
      default:
        if (input && !key.ctrl && !key.meta) {
          // A paste (or a fast terminal) can bring several keys in one chunk: line breaks submit, tabs complete.
          setCandidates([]);
          for (const part of input.split(/(\r\n|\r|\n|\t)/)) {
            if (part === '\t') completeLine();
            else if (/^[\r\n]+$/.test(part)) submit();
            else if (part) dispatch({ type: 'insert', text: part });
          }
        }
    }
  });

  if (layout.tooSmall) {
    return <Text color={theme.fg('warn')}>{`The terminal is ${cols}×${rows}; firedrill needs at least 80×24. Make it larger (the drill keeps running).`}</Text>;
  }
  if (screen === 'ended' && store.scorecard) {
    return <ScorecardView card={store.scorecard} you={store.speakers} {...(store.runDir ? { runDir: store.runDir } : {})} theme={theme} cols={cols} rows={rows - 1} />;
  }
  const role = store.displayRole(store.speaker);
  const hint = screen === 'confirm-quit' ? 'End the drill? (y/n) — the journal and scorecard are kept either way'
    : screen === 'confirm-end' ? 'End the drill now for everyone? (y/n)'
    : screen === 'ended' ? 'The drill has ended; scoring…'
    : candidates.length ? candidates.join('  ') : inlineHelp(line.text);
  return (
    <Box flexDirection="column" width={cols} height={rows - 1}>
      <Header store={store} theme={theme} cols={cols} />
      {help ? (
        <HelpOverlay theme={theme} cols={cols} rows={layout.bodyRows} />
      ) : (
        <Box height={layout.bodyRows}>
          <Channel store={store} theme={theme} cols={layout.channelCols} rows={layout.bodyRows} scroll={scroll} />
          <Text> </Text>
          <RolePanel store={store} theme={theme} cols={layout.panelCols} rows={layout.bodyRows} />
        </Box>
      )}
      <CommandLine speaker={store.speaker} role={role} line={line} hint={hint} notice={notice} theme={theme} cols={cols} />
      <Footer theme={theme} cols={cols} hotSeat={store.speakers.length > 1} role={role} />
    </Box>
  );
}
