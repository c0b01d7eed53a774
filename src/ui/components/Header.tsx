/**
 * The top line: what the participants know about the incident, never the hidden ground truth.
 *   Orders fail during the lunchtime rush   T+04:12  1x  SEV-2  IC alice  investigating
 */
import { Box, Text } from 'ink';
import { stripControl } from '../../engine/sanitize';
import { formatClock } from '../../scenario/duration';
import type { DrillStore } from '../drill-store';
import { useDrillSeconds, useView } from '../hooks/use-drill';
import type { Theme } from '../theme';

interface Props {
  readonly store: DrillStore;
  readonly theme: Theme;
  readonly cols: number;
}

function statusWord(s: ReturnType<typeof useView>): string {
  if (s.status === 'ended') return `ended (${s.outcome ?? 'aborted'})`;
  if (s.incident.resolved) return 'resolved';
  if (s.incident.ic) return 'responding';
  if (s.incident.triggered) return 'triggered, no IC yet';
  return s.alerts.some((a) => a.firing) ? 'alerting' : 'quiet';
}

export function Header({ store, theme, cols }: Props) {
  const snap = useView(store);
  const seconds = useDrillSeconds(store);
  const clock = store.client;
  const speed = clock.paused ? 'PAUSED' : `${Number(clock.speed.toFixed(2))}x`;
  const right = `T+${formatClock(seconds * 1000)}  ${speed}  ${snap.incident.severity ?? 'SEV ?'}  IC ${snap.incident.ic ?? '—'}  ${statusWord(snap)}`;
  const title = stripControl(snap.scenario.title);
  const room = Math.max(0, cols - right.length - 2);
  return (
    <Box width={cols}>
      <Text bold color={theme.fg('heading')} wrap="truncate">{title.length > room ? `${title.slice(0, Math.max(0, room - 1))}…` : title.padEnd(room)}</Text>
      <Text>  </Text>
      <Text color={theme.fg(clock.paused ? 'warn' : 'accent')}>{right}</Text>
    </Box>
  );
}
