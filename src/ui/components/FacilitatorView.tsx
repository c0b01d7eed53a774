/**
 * The facilitator console during the drill: the hidden truth, the injects to come, the people, the channel, and
 * the facilitator's controls; an ad-hoc inject is typed as SPEAKER: TEXT.
 *   Orders fail during the lunchtime rush          T+04:12  1x  SEV-2  IC alice  responding
 *   join: ssh -p 2222 NAME@10.0.0.5  ·  code 4821
 *   TRUTH phase degraded — a bad config push at T+2m broke checkout
 *   04:02 carol: wilco T1                       │ UPCOMING
 *   NAME     SEAT   WHO   LINK   LAST ACTION   OPEN TASKS
 *   inject> Priya (Customer Support): customers are posting screenshots_
 */
import { Box, Text, useInput } from 'ink';
import { useEffect, useState } from 'react';
import { stripControl } from '../../engine/sanitize';
import { formatClock } from '../../scenario/duration';
import { parseSay, SAY_FORM } from '../ad-hoc-inject';
import { REMOTE_TICK_MS, type DrillStore } from '../drill-store';
import type { JudgedMove } from '../../engine/view/drill-view';
import type { HostConsoleModel } from '../host-models';
import { CONSOLE_DRILL_KEYMAP, footerText } from '../host-keymaps';
import { useStoreVersion } from '../hooks/use-drill';
import { useLine } from '../hooks/use-line';
import { commandIn } from '../keymap';
import { computeLayout } from '../layout';
import type { Theme } from '../theme';
import { storyLines } from '../truth-story';
import { editLine } from '../typed-input';
import { wrapText } from '../wrap';
import { Channel } from './Channel';
import { Divider } from './Divider';
import { CommandLine } from './CommandLine';
import { Header } from './Header';
import type { Said } from './LobbyScreen';
import { PeopleTable } from './PeopleTable';

interface Props {
  readonly model: HostConsoleModel;
  readonly store: DrillStore;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
}

/** The running drill as the facilitator sees and steers it. */
export function FacilitatorView({ model, store, theme, cols, rows }: Props) {
  useStoreVersion(store);
  useEffect(() => store.startTicker(100, REMOTE_TICK_MS), [store]);
  const line = useLine();
  const [said, setSaid] = useState<Said | undefined>();
  const [confirm, setConfirm] = useState<'end' | 'quit' | undefined>();
  const [scroll, setScroll] = useState(0);

  const view = store.view();
  const truth = view.truth;
  const story = storyLines(truth?.story);
  const people = model.people();
  const storyRows = Math.min(story.length, rows >= 40 ? 3 : 1);
  const peopleRows = Math.min(people.length + 1, rows >= 40 ? 11 : 6);
  // A one-row story shares the TRUTH row; a longer one gets rows of its own.
  const bodyRows = Math.max(3, rows - 7 - (storyRows > 1 ? storyRows : 0) - peopleRows);
  const layout = computeLayout(cols, rows);

  const send = (): void => {
    const text = line.text().trim();
    if (!text) return setSaid({ text: SAY_FORM, token: 'notice' });
    const parsed = parseSay(text);
    if (typeof parsed === 'string') return setSaid({ text: parsed, token: 'bad' });
    model.say(parsed.speaker, parsed.text);
    line.edit({ type: 'submit' });
    setScroll(0);
    setSaid({ text: `${stripControl(parsed.speaker)} said it in the channel.`, token: 'ok' });
  };
  useInput((input, key) => {
    if (confirm) {
      const yes = input.toLowerCase() === 'y';
      setConfirm(undefined);
      if (yes && confirm === 'end') store.client.control({ kind: 'end' });
      if (yes && confirm === 'quit') model.quit();
      return;
    }
    const cmd = commandIn(CONSOLE_DRILL_KEYMAP, input, key);
    const page = Math.max(1, bodyRows - 2);
    const actions: Partial<Record<NonNullable<typeof cmd>, () => void>> = {
      'console.quit': () => setConfirm('quit'),
      'drill.end': () => setConfirm('end'),
      'drill.pause': () => store.togglePause(),
      'drill.faster': () => store.scaleSpeed(2),
      'drill.slower': () => store.scaleSpeed(0.5),
      'drill.inject': () => store.client.control({ kind: 'inject-now' }),
      'channel.up': () => setScroll((x) => x + page),
      'channel.down': () => setScroll((x) => Math.max(0, x - page)),
      'console.enter': send,
    };
    const act = cmd && actions[cmd];
    if (act) return act();
    editLine(line, cmd, input, key, send, () => setSaid(undefined));
  });

  const question = confirm === 'end' ? 'End the drill now for everyone? (y/n)'
    : confirm === 'quit' ? 'End the drill for everyone and quit the host? (y/n) — the journal and scorecards are kept' : undefined;
  const notice = question ?? said?.text;
  // v2 variables ride on the truth line: they are the world's memory, as hidden as its phase.
  const vars = truth?.variables?.length ? ` · ${truth.variables.map((v) => `${stripControl(v.name)}=${stripControl(String(v.value))}`).join(' ')}` : '';
  // v2: the wrong moves taken so far share the right panel with the injects to come, newest kept, at most half of it.
  const moves = truth?.judged ?? [];
  const movesRows = moves.length ? Math.min(moves.length + 1, Math.floor(bodyRows / 2)) : 0;
  const phase = truth ? `phase ${stripControl(truth.phase)}${truth.mitigated ? ' (mitigated)' : ''}${vars}` : 'no hidden truth in this view';
  return (
    <Box flexDirection="column" width={cols} height={rows - 1}>
      <Header store={store} theme={theme} cols={cols} />
      <Text color={theme.fg('muted')} wrap="truncate">{`join: ${model.joinLines().map(stripControl).join('  ·  ')}`}</Text>
      <Text wrap="truncate">
        <Text bold color={theme.fg('alert')}>TRUTH </Text>
        <Text color={theme.fg('accent')}>{phase}</Text>
        {storyRows === 1 ? <Text>{` — ${story[0]}`}</Text> : null}
      </Text>
      {storyRows > 1 ? story.slice(0, storyRows).map((s, i) => <Text key={i} wrap="truncate">{`  ${s}`}</Text>) : null}
      <Box height={bodyRows}>
        <Channel store={store} theme={theme} cols={layout.channelCols} rows={bodyRows} scroll={scroll} />
        <Divider theme={theme} rows={bodyRows} />
        <Box flexDirection="column" width={layout.panelCols} height={bodyRows}>
          <Upcoming upcoming={truth?.upcoming ?? []} theme={theme} cols={layout.panelCols} rows={bodyRows - movesRows} />
          {movesRows ? <WrongMoves moves={truth?.judged ?? []} theme={theme} cols={layout.panelCols} rows={movesRows} /> : null}
        </Box>
      </Box>
      <PeopleTable people={people} theme={theme} cols={cols} rows={peopleRows} />
      <CommandLine speaker="inject" role="" line={line.state} hint={`type ${SAY_FORM.replace(/^an inject is /, '')}`} {...(notice ? { notice: [notice] } : {})}
        prompt={{ text: 'inject> ', token: 'inject' }} theme={theme} cols={cols} />
      <Text color={theme.fg('muted')} wrap="truncate">{footerText(CONSOLE_DRILL_KEYMAP, cols)}</Text>
    </Box>
  );
}

interface UpcomingProps {
  readonly upcoming: readonly { readonly atMs: number; readonly from: string; readonly text: string }[];
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
}

/** The scripted injects still to come, at their drill times, each in up to two rows. */
function Upcoming({ upcoming, theme, cols, rows }: UpcomingProps) {
  const lines = upcoming.flatMap((u, i) => {
    const parts = wrapText(`${stripControl(u.from)}: ${stripControl(u.text)}`, cols - 6).slice(0, 2);
    return parts.map((p, j) => ({ key: `${i}:${j}`, at: j === 0 ? formatClock(u.atMs) : '', text: p }));
  });
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      <Text bold color={theme.fg('heading')}>{`UPCOMING (${upcoming.length})`}</Text>
      {upcoming.length === 0 ? <Text color={theme.fg('muted')}>no scripted injects left</Text> : null}
      {lines.slice(0, rows - 1).map((l) => (
        <Text key={l.key} wrap="truncate">
          <Text color={theme.fg('muted')}>{l.at.padEnd(6)}</Text>
          <Text color={theme.fg('inject')}>{l.text}</Text>
        </Text>
      ))}
    </Box>
  );
}

interface WrongMovesProps {
  readonly moves: readonly JudgedMove[];
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
}

/** v2: the harmful and red-herring actions taken so far, newest last: when, the cost, what, who, then which kind (cut first). */
function WrongMoves({ moves, theme, cols, rows }: WrongMovesProps) {
  const points = moves.reduce((n, m) => n + m.points, 0);
  const shown = moves.slice(Math.max(0, moves.length - (rows - 1)));
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      <Text bold color={theme.fg('alert')} wrap="truncate">{`WRONG MOVES (${moves.length}, −${points})`}</Text>
      {shown.map((m, i) => (
        <Text key={i} wrap="truncate">
          <Text color={theme.fg('muted')}>{formatClock(m.atMs).padEnd(6)}</Text>
          <Text color={theme.fg('alert')}>{`−${m.points} `}</Text>
          <Text>{`${stripControl(m.action)} ${stripControl(m.actor)} `}</Text>
          <Text color={theme.fg('muted')}>{m.kind === 'harmful' ? 'harmful' : 'red herring'}</Text>
        </Text>
      ))}
    </Box>
  );
}
