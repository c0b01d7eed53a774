/**
 * A participant's lobby: the scenario, the seats on offer and who holds them, who is here, and a line to type a seat.
 *   Orders fail during the lunchtime rush — the team drill's lobby
 *   SEATS                               PEOPLE
 *   > Incident Commander   bob          alice (you)   Scribe
 *     Scribe               alice (you)  bob           Incident Commander
 *   Waiting for the facilitator to start the drill.
 *   alice> responder web_
 */
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { LobbyView, SeatOption } from '../../net/lobby';
import { seatLabel } from '../../net/lobby';
import { stripControl } from '../../engine/sanitize';
import { fit } from '../fit';
import type { ParticipantModel } from '../host-models';
import { footerText, LOBBY_KEYMAP } from '../host-keymaps';
import { useLine } from '../hooks/use-line';
import { useModelVersion } from '../hooks/use-model';
import { useTerminalSize } from '../hooks/use-terminal-size';
import { commandIn } from '../keymap';
import { MIN_COLS, MIN_ROWS } from '../layout';
import type { Theme, Token } from '../theme';
import { editLine } from '../typed-input';
import { CommandLine } from './CommandLine';
import { TooSmall } from './TooSmall';

interface Props {
  readonly model: ParticipantModel;
  readonly theme: Theme;
}

/** What the hint line says after an action: an error from the model, or what happened. */
export interface Said {
  readonly text: string;
  readonly token: Token;
}

const HELP = 'type a seat ("scribe", "responder payments") and Enter, or choose one with ↑/↓ and Enter';
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The participant's lobby screen, until the facilitator starts the drill. */
export function LobbyScreen({ model, theme }: Props) {
  useModelVersion(model);
  const { cols, rows } = useTerminalSize();
  const view = model.lobby();
  const line = useLine();
  const [chosen, setChosen] = useState(0);
  const [said, setSaid] = useState<Said | undefined>();
  const selected = Math.min(chosen, Math.max(0, view.seats.length - 1));

  const take = (option: SeatOption | undefined): void => {
    if (!option) return;
    const err = model.takeSeat(option.choice);
    setSaid(err ? { text: stripControl(err), token: 'bad' } : { text: `You have the ${stripControl(option.label)} seat.`, token: 'ok' });
  };
  const enter = (): void => {
    const text = line.text().trim();
    if (!text) return take(view.seats[selected]);
    if (/^stand( up)?$/i.test(text)) {
      line.edit({ type: 'clear' });
      return standUp();
    }
    const choice = model.parseSeat(text);
    if (typeof choice === 'string') return setSaid({ text: stripControl(choice), token: 'bad' });
    const err = model.takeSeat(choice);
    if (err) return setSaid({ text: stripControl(err), token: 'bad' });
    line.edit({ type: 'clear' });
    setSaid({ text: `You have the ${stripControl(seatLabel(choice))} seat.`, token: 'ok' });
  };
  const standUp = (): void => {
    const err = model.takeSeat(undefined);
    setSaid(err ? { text: stripControl(err), token: 'bad' } : { text: 'You stood up; take another seat, or stay unseated to join as a responder.', token: 'ok' });
  };

  useInput((input, key) => {
    const cmd = commandIn(LOBBY_KEYMAP, input, key);
    if (cmd === 'lobby.leave' && !key.ctrl && line.text() !== '') {
      line.edit({ type: 'insert', text: input });
      return;
    }
    if (cmd === 'lobby.leave') return model.leave();
    if (cmd === 'seat.up') return setChosen(Math.max(0, selected - 1));
    if (cmd === 'seat.down') return setChosen(Math.min(view.seats.length - 1, selected + 1));
    if (cmd === 'seat.take') return enter();
    if (cmd === 'seat.stand') return standUp();
    editLine(line, cmd, input, key, enter, () => setSaid(undefined));
  });

  if (cols < MIN_COLS || rows < MIN_ROWS) return <TooSmall cols={cols} rows={rows} theme={theme} note="q or Ctrl+C leaves the lobby." />;
  const name = stripControl(model.name);
  const bodyRows = rows - 7;
  const seatCols = Math.floor((cols - 2) / 2);
  return (
    <Box flexDirection="column" width={cols} height={rows - 1}>
      <Text bold color={theme.fg('heading')} wrap="truncate">{`${stripControl(view.scenario.title)} — the team drill's lobby`}</Text>
      <Text color={theme.fg('muted')} wrap="truncate">{`You are ${name}. Take a seat before the drill starts; bots take the seats nobody takes.`}</Text>
      <Box height={bodyRows}>
        <SeatList view={view} me={model.name} selected={selected} theme={theme} cols={seatCols} rows={bodyRows} />
        <Text>  </Text>
        <PeopleList view={view} me={model.name} theme={theme} cols={cols - seatCols - 2} rows={bodyRows} />
      </Box>
      <Text color={theme.fg('accent')} wrap="truncate">Waiting for the facilitator to start the drill.</Text>
      <CommandLine speaker={name} role="" line={line.state} hint={HELP} {...(said ? { notice: [said.text] } : {})}
        prompt={{ text: `${name}> `, token: 'me' }} theme={theme} cols={cols} />
      <Text color={theme.fg('muted')} wrap="truncate">{footerText(LOBBY_KEYMAP, cols)}</Text>
    </Box>
  );
}

interface ListProps {
  readonly view: LobbyView;
  readonly me: string;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
}

/** The seats on offer, the chosen one marked, each with who holds it; scrolled to keep the chosen one in view. */
function SeatList({ view, me, selected, theme, cols, rows }: ListProps & { readonly selected: number }) {
  const labelCols = Math.min(Math.max(8, ...view.seats.map((s) => stripControl(s.label).length)), cols - 14);
  const room = Math.max(1, rows - 1);
  const first = Math.max(0, Math.min(selected - room + 1, view.seats.length - room));
  const holders = (s: SeatOption): string => (s.heldBy.length ? s.heldBy.map((h) => (same(h, me) ? `${h} (you)` : h)).join(', ') : 'free');
  return (
    <Box flexDirection="column" width={cols}>
      <Text bold color={theme.fg('heading')}>SEATS</Text>
      {view.seats.slice(first, first + room).map((s, i) => {
        const mine = s.heldBy.some((h) => same(h, me));
        const full = s.single && s.heldBy.length > 0 && !mine;
        return (
          <Text key={s.label} wrap="truncate" color={theme.fg(mine ? 'me' : full ? 'muted' : 'text')} inverse={first + i === selected}>
            {`${first + i === selected ? '>' : ' '} ${fit(s.label, labelCols)} ${fit(holders(s), cols - labelCols - 3)}`}
          </Text>
        );
      })}
    </Box>
  );
}

/** Who is in the lobby, their seat, and whether their connection dropped. */
function PeopleList({ view, me, theme, cols, rows }: ListProps) {
  const label = (p: LobbyView['people'][number]): string => `${stripControl(p.name)}${same(p.name, me) ? ' (you)' : ''}${p.connected ? '' : ' (dropped)'}`;
  const nameCols = Math.min(Math.max(6, ...view.people.map((p) => label(p).length)), Math.floor(cols / 2));
  const shown = view.people.slice(0, Math.max(0, rows - 1));
  return (
    <Box flexDirection="column" width={cols}>
      <Text bold color={theme.fg('heading')}>{`PEOPLE (${view.people.length})`}</Text>
      {shown.map((p) => {
        const seat = p.seat ? seatLabel(p.seat) : 'no seat yet';
        return (
          <Text key={p.name} wrap="truncate" color={theme.fg(!p.connected ? 'warn' : same(p.name, me) ? 'me' : 'text')}>
            {`${fit(label(p), nameCols)} ${fit(seat, cols - nameCols - 1)}`}
          </Text>
        );
      })}
    </Box>
  );
}
