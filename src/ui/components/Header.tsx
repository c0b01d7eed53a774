/**
 * The top line: what the participants know about the incident, never the hidden ground truth; and, while a seat
 * at this terminal is paged and has not acknowledged, a PAGED badge naming what for.
 *   Orders fail during the lunchtime rush   T+04:12  1x  SEV-2  IC alice  investigating
 *   Orders fail during the l…   PAGED orders-api   T+04:12  1x  SEV ?  IC —  alerting
 *   Photos turn into broken images   09:44 T+04:12  1x  SEV-2  IC alice  responding     (v2, clock: "09:40")
 */
import { Box, Text } from 'ink';
import { stripControl } from '../../engine/sanitize';
import { formatClock } from '../../scenario/duration';
import { storyTime } from '../../scenario/story-clock';
import type { DrillStore } from '../drill-store';
import { useDrillSeconds, useView } from '../hooks/use-drill';
import { pagedBadges } from '../page-cues';
import { cutToWidth, textWidth } from '../text-width';
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

/** The title in exactly `room` columns: padded, or cut at a grapheme and ended with "…". */
function titleIn(title: string, room: number): string {
  const w = textWidth(title);
  if (w <= room) return title + ' '.repeat(room - w);
  const cut = cutToWidth(title, Math.max(0, room - 1));
  return `${cut.text}…${' '.repeat(Math.max(0, room - 1 - cut.width))}`;
}

/** The drill screen's top line. */
export function Header({ store, theme, cols }: Props) {
  const snap = useView(store);
  const seconds = useDrillSeconds(store);
  const clock = store.client;
  const speed = clock.paused ? 'PAUSED' : `${Number(clock.speed.toFixed(2))}x`;
  // A story clock shows the story's time of day beside drill time, which timelines and scoring count in.
  const story = snap.scenario.clockMs === undefined ? '' : `${storyTime(seconds * 1000, snap.scenario.clockMs).slice(0, 5)} `;
  const right = `${story}T+${formatClock(seconds * 1000)}  ${speed}  ${snap.incident.severity ?? 'SEV ?'}  IC ${stripControl(snap.incident.ic ?? '—')}  ${statusWord(snap)}`;
  const title = stripControl(snap.scenario.title);
  // The badge takes room from the title, leaving it a dozen columns; the longest form that does so is shown.
  const badges = pagedBadges(snap, store.events, store.speakers).map((b) => ` ${b} `);
  const badge = badges.find((b) => cols - textWidth(right) - textWidth(b) - 4 >= 12) ?? badges.at(-1) ?? '';
  const room = Math.max(0, cols - textWidth(right) - 2 - (badge ? textWidth(badge) + 2 : 0));
  return (
    <Box width={cols}>
      <Text bold color={theme.fg('heading')} wrap="truncate">{titleIn(title, room)}</Text>
      {badge ? <Text>  </Text> : null}
      {badge ? <Text bold inverse color={theme.fg('alert')}>{badge}</Text> : null}
      <Text>  </Text>
      <Text color={theme.fg(clock.paused ? 'warn' : 'accent')}>{right}</Text>
    </Box>
  );
}
