/**
 * The facilitator's people table: everyone in the drill, human or bot, connected or not, what they did last and
 * the tasks they hold.
 *   NAME     SEAT                 WHO    LINK     LAST ACTION            OPEN TASKS
 *   alice    Incident Commander   human  up       03:12 /assign @bob …   T2
 */
import { Box, Text } from 'ink';
import { formatClock } from '../../scenario/duration';
import { fit } from '../fit';
import type { ConsolePerson } from '../host-models';
import type { Theme } from '../theme';

interface Props {
  readonly people: readonly ConsolePerson[];
  readonly theme: Theme;
  readonly cols: number;
  /** Rows for the heading and the people; those that do not fit are counted on the last row. */
  readonly rows: number;
}

/** The widths of the table's columns at a terminal width; the last action takes what is left. */
function widths(cols: number) {
  const name = cols >= 120 ? 14 : 10;
  const seat = cols >= 120 ? 24 : 18;
  const tasks = cols >= 120 ? 16 : 10;
  return { name, seat, who: 5, link: 7, tasks, last: Math.max(8, cols - name - seat - 5 - 7 - tasks - 5) };
}

/** One row per person, in the model's order. */
export function PeopleTable({ people, theme, cols, rows }: Props) {
  const w = widths(cols);
  const room = Math.max(0, rows - 1);
  const shown = people.length > room ? people.slice(0, Math.max(0, room - 1)) : people;
  const row = (cells: readonly [string, string, string, string, string, string]): string =>
    [fit(cells[0], w.name), fit(cells[1], w.seat), fit(cells[2], w.who), fit(cells[3], w.link), fit(cells[4], w.last), fit(cells[5], w.tasks)].join(' ');
  return (
    <Box flexDirection="column" width={cols}>
      <Text bold color={theme.fg('heading')} wrap="truncate">{row(['NAME', 'SEAT', 'WHO', 'LINK', 'LAST ACTION', 'OPEN TASKS'])}</Text>
      {shown.map((p) => {
        const link = p.kind === 'bot' ? '—' : p.connected ? 'up' : 'dropped';
        const last = p.lastAction ? `${formatClock(p.lastAction.atMs)} ${p.lastAction.text}` : '—';
        const tasks = p.openTasks.length ? p.openTasks.map((t) => t.id).join(' ') : '—';
        return (
          <Text key={p.name} wrap="truncate" color={theme.fg(p.kind === 'human' && !p.connected ? 'warn' : p.kind === 'bot' ? 'muted' : 'text')}>
            {row([p.name, p.seat, p.kind, link, last, tasks])}
          </Text>
        );
      })}
      {shown.length < people.length ? <Text color={theme.fg('muted')}>{`… and ${people.length - shown.length} more`}</Text> : null}
    </Box>
  );
}
