/**
 * The facilitator console before the start: the lines to copy for joining, who is here, and seating them.
 *   JOIN  ssh -p 2222 alice@10.0.0.5   (code 4821)
 *   PEOPLE                       SEATS
 *   > alice   Scribe             Incident Commander   —
 *   console (seat alice)> ic_
 */
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { seatLabel } from '../../net/lobby';
import { stripControl } from '../../engine/sanitize';
import { fit } from '../fit';
import type { HostConsoleModel } from '../host-models';
import { CONSOLE_LOBBY_KEYMAP, footerText } from '../host-keymaps';
import { useLine } from '../hooks/use-line';
import { commandIn } from '../keymap';
import type { Theme } from '../theme';
import { editLine } from '../typed-input';
import { CommandLine } from './CommandLine';
import type { Said } from './LobbyScreen';

interface Props {
  readonly model: HostConsoleModel;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
}

const HELP = '↑/↓ choose a person, type their seat ("scribe", "responder payments") and Enter; Enter on an empty line or s starts';

/** The question before the start: how many seats the bots will fill (and who joins unseated, as a responder). */
export function startQuestion(view: ReturnType<HostConsoleModel['lobby']>): string {
  const free = view.seats.filter((s) => s.heldBy.length === 0).map((s) => stripControl(s.label));
  const unseated = view.people.filter((p) => p.connected && !p.seat).length;
  const bots = free.length ? `bots fill ${free.length} seat${free.length === 1 ? '' : 's'} (${free.join(', ')})` : 'every seat has a person';
  const extra = unseated ? `; ${unseated} unseated ${unseated === 1 ? 'person joins' : 'people join'} as responders` : '';
  return `Start the drill? (y/n) — ${bots}${extra}`;
}

/** The join lines, who is here and the seats; the facilitator seats people and starts. */
export function HostLobby({ model, theme, cols, rows }: Props) {
  const view = model.lobby();
  const line = useLine();
  const [chosen, setChosen] = useState(0);
  const [said, setSaid] = useState<Said | undefined>();
  // 'start' asked by the s key: a letter other than y or n means they were typing a seat that starts with s.
  const [confirm, setConfirm] = useState<'start' | 'start-s' | 'quit' | undefined>();
  const selected = Math.min(chosen, Math.max(0, view.people.length - 1));
  const person = view.people[selected];

  const answer = (err: string | undefined, ok: string): void => setSaid(err ? { text: stripControl(err), token: 'bad' } : { text: ok, token: 'ok' });
  const seat = (text: string): void => {
    if (!person) return setSaid({ text: 'Nobody has joined yet: share the join lines above.', token: 'bad' });
    const name = stripControl(person.name);
    if (/^stand( up)?$/i.test(text)) {
      line.edit({ type: 'clear' });
      return answer(model.assign(person.name, undefined), `${name} stood up.`);
    }
    const choice = model.parseSeat(text);
    if (typeof choice === 'string') return setSaid({ text: stripControl(choice), token: 'bad' });
    const err = model.assign(person.name, choice);
    if (!err) line.edit({ type: 'clear' });
    answer(err, `${name} has the ${stripControl(seatLabel(choice))} seat.`);
  };
  const enter = (): void => {
    const text = line.text().trim();
    if (!text || /^start$/i.test(text)) {
      line.edit({ type: 'clear' });
      return setConfirm('start');
    }
    seat(text);
  };

  useInput((input, key) => {
    if (confirm) {
      const yes = input.toLowerCase() === 'y';
      if (yes && confirm === 'quit') return model.quit();
      setConfirm(undefined);
      if (yes) return answer(model.start(), 'Starting…');
      if (confirm === 'start-s' && input.length === 1 && /[a-z]/i.test(input) && input.toLowerCase() !== 'n') line.edit({ type: 'insert', text: `s${input}` });
      return;
    }
    const cmd = commandIn(CONSOLE_LOBBY_KEYMAP, input, key);
    if (cmd === 'console.start' && line.text() !== '') return line.edit({ type: 'insert', text: input });
    if (cmd === 'console.start') return setConfirm('start-s');
    if (cmd === 'console.quit') return setConfirm('quit');
    if (cmd === 'person.up') return setChosen(Math.max(0, selected - 1));
    if (cmd === 'person.down') return setChosen(Math.min(view.people.length - 1, selected + 1));
    if (cmd === 'console.enter') return enter();
    if (cmd === 'person.stand') return person && answer(model.assign(person.name, undefined), `${stripControl(person.name)} stood up.`);
    editLine(line, cmd, input, key, enter, () => setSaid(undefined));
  });

  const joins = model.joinLines().slice(0, 6);
  const bodyRows = Math.max(3, rows - joins.length - 7);
  const peopleCols = Math.floor((cols - 2) / 2);
  const question = confirm === 'quit' ? 'Quit the host? Everyone connected is disconnected; no drill is run (y/n)' : confirm ? startQuestion(view) : undefined;
  const prompt = person ? `seat ${stripControl(person.name)}> ` : 'console> ';
  return (
    <Box flexDirection="column" width={cols} height={rows - 1}>
      <Text bold color={theme.fg('heading')} wrap="truncate">{`firedrill host — ${stripControl(view.scenario.title)}`}</Text>
      <Text bold color={theme.fg('heading')}>JOIN</Text>
      {joins.map((j, i) => <Text key={i} color={theme.fg('accent')} wrap="truncate">{`  ${stripControl(j)}`}</Text>)}
      <Text> </Text>
      <Box height={bodyRows}>
        <Box flexDirection="column" width={peopleCols}>
          <Text bold color={theme.fg('heading')}>{`PEOPLE (${view.people.length})`}</Text>
          {view.people.length === 0 ? <Text color={theme.fg('muted')}>nobody yet</Text> : null}
          {view.people.slice(Math.max(0, selected - bodyRows + 2), Math.max(0, selected - bodyRows + 2) + bodyRows - 1).map((p) => (
            <Text key={p.name} wrap="truncate" inverse={p === person} color={theme.fg(p.connected ? 'text' : 'warn')}>
              {`${p === person ? '>' : ' '} ${fit(p.name, 14)} ${fit(`${p.seat ? seatLabel(p.seat) : 'no seat'}${p.connected ? '' : ' — dropped'}`, peopleCols - 17)}`}
            </Text>
          ))}
        </Box>
        <Text>  </Text>
        <Box flexDirection="column" width={cols - peopleCols - 2}>
          <Text bold color={theme.fg('heading')}>SEATS</Text>
          {view.seats.slice(0, bodyRows - 1).map((s) => (
            <Text key={s.label} wrap="truncate" color={theme.fg(s.heldBy.length ? 'text' : 'muted')}>
              {`${fit(s.label, 22)} ${fit(s.heldBy.length ? s.heldBy.join(', ') : '— (a bot)', cols - peopleCols - 25)}`}
            </Text>
          ))}
        </Box>
      </Box>
      <CommandLine speaker="console" role="" line={line.state} hint={HELP} {...(question || said ? { notice: [question ?? said?.text ?? ''] } : {})}
        prompt={{ text: prompt, token: 'accent' }} theme={theme} cols={cols} />
      <Text color={theme.fg('muted')} wrap="truncate">{footerText(CONSOLE_LOBBY_KEYMAP, cols)}</Text>
    </Box>
  );
}
