/**
 * The end-of-drill screen (and `firedrill review` on a terminal): each player's score and the team's, the
 * outcome, metrics, and violations by person (bots apart).
 *   You, Scribe: 45 (F) · team 96 (A)
 *   resolved — Orders fail during the lunchtime rush
 *   Scribe coverage 80% (8/10)   run folder: firedrill-runs/20261126T...
 *   METRICS                  time  target             VIOLATIONS
 *   ✓ timeToAcknowledge     00:40   05:00             bob (you):
 */
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { stripControl } from '../../engine/sanitize';
import { formatClock } from '../../scenario/duration';
import { cleanStrings } from '../../scoring/markdown-text';
import { METRIC_KEYS, type Scorecard } from '../../scoring/types';
import { headline } from '../../scoring/whose-score';
import type { Theme } from '../theme';
import { clipToWidth, wrapText } from '../wrap';

interface Props {
  readonly card: Scorecard;
  /** The people at this screen, whose own scores lead. */
  readonly you?: readonly string[];
  readonly runDir?: string;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
}

/**
 * The headline as whole rows: a break falls between one person's score and the next (never inside one), so
 * the team's score is not cut off when several people played; a long "Not scored" reason wraps at spaces.
 */
export function headlineRows(text: string, cols: number, max = 3): string[] {
  const rows: string[] = [];
  for (const part of text.split(' · ')) {
    // Once a row past the last shown one exists, nothing more can change the shown ones.
    if (rows.length > max) break;
    const last = rows[rows.length - 1];
    if (last !== undefined && stringWidth(`${last} · ${part}`) <= cols) rows[rows.length - 1] = `${last} · ${part}`;
    // Only the first max + 1 rows' worth of a long part can be shown: cut it first, so wrapping is linear in the screen, not the text.
    else rows.push(...wrapText(clipToWidth(part, (max + 1) * (cols + 1)), cols));
  }
  return rows.slice(0, max);
}

// Keys for the violation groups that are not one person; no participant's name contains a NUL.
const BOTS = '\0bots';
const TEAM = '\0team';

/** The scorecard screen, fitted to cols × rows. */
export function ScorecardView({ card: input, you: players = [], runDir: dir, theme, cols, rows }: Props) {
  // Rule ids and titles, names, notes, the title and the folder can come from a file or a flag: every string is
  // cleaned once here, so nothing below can draw one raw.
  const card = cleanStrings(input);
  const you = players.map(stripControl);
  const runDir = dir === undefined ? undefined : stripControl(dir);
  // The colour follows the score of the people at this screen: a scribe on 45 should not see green.
  const mine = card.participants.filter((p) => you.includes(p.name) && p.score !== null).map((p) => p.score!);
  const shown = mine.length ? Math.min(...mine) : card.score;
  const gradeToken = shown === null ? 'muted' : shown >= 80 ? 'ok' : shown >= 60 ? 'warn' : 'bad';
  const notApplicable = new Set<string>(card.drill.metricsNotApplicable ?? []);
  const metrics = METRIC_KEYS.filter((k) => k in card.metrics).map((k) => {
    const m = card.metrics[k];
    const na = notApplicable.has(k);
    return { k, na, text: na ? '     n/a' : m ? `${formatClock(m.ms).padStart(7)} ${formatClock(m.targetMs).padStart(7)}` : '   never', met: m?.met ?? false };
  });
  // People's violations by person; bots' apart, since a bot's mistake is not the team's lesson. A rule broken
  // by no one person ("nobody took command") is the team's, not someone called "nobody".
  const bots = new Set(card.participants.filter((p) => p.kind === 'bot').map((p) => p.name));
  const people = new Set(card.participants.filter((p) => p.kind !== 'bot').map((p) => p.name));
  const titles = new Map(card.rules.map((r) => [r.id, r.title]));
  const byWho = new Map<string, string[]>();
  for (const r of card.rules) {
    for (const v of r.violations) {
      const key = bots.has(v.actor) ? BOTS : people.has(v.actor) ? v.actor : TEAM;
      const lines = byWho.get(key) ?? [];
      if (!byWho.has(key)) byWho.set(key, lines);
      lines.push(clipToWidth(`${r.id} ${key === BOTS ? `${stripControl(v.actor)}: ` : ''}${titles.get(r.id) ?? ''}`, cols));
    }
  }
  const order = [...[...byWho.keys()].filter((k) => k !== BOTS && k !== TEAM), ...[TEAM, BOTS].filter((k) => byWho.has(k))];
  const heading = (k: string): string => (k === BOTS ? 'by bots (not yours):' : k === TEAM ? 'the team (no one person):' : `${stripControl(clipToWidth(k, cols))}${you.includes(k) ? ' (you)' : ''}:`);
  const violations = order.flatMap((k) => [heading(k), ...(byWho.get(k) ?? []).map((l) => `  ${l}`)]);
  const head = headlineRows(headline(card, you), cols);
  const half = Math.floor(cols / 2);
  // Three rows of outcome, coverage and column titles, and the last line, around the lists; one row spare.
  const listRows = Math.max(3, rows - 6 - head.length);
  const coverage = card.scribe.coverage === null ? 'no key events' : `${Math.round(card.scribe.coverage * 100)}% (${card.scribe.noted}/${card.scribe.total})`;
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      {head.map((h, i) => <Text key={i} bold color={theme.fg(gradeToken)} wrap="truncate">{h}</Text>)}
      <Text color={theme.fg('muted')} wrap="truncate">{clipToWidth(`${card.outcome} — ${stripControl(clipToWidth(card.scenario.title, cols))}`, cols)}</Text>
      <Text color={theme.fg('muted')} wrap="truncate">{clipToWidth(`Scribe coverage ${coverage}${runDir ? `   run folder: ${runDir}` : ''}`, cols)}</Text>
      <Box>
        <Box flexDirection="column" width={half}>
          <Text bold color={theme.fg('heading')} wrap="truncate">{`${'METRICS'.padEnd(22)}   time  target`}</Text>
          {metrics.slice(0, listRows).map((m) => (
            <Text key={m.k} color={theme.fg(m.na ? 'muted' : m.met ? 'ok' : 'bad')} wrap="truncate">{`${m.na ? '-' : m.met ? '✓' : '✗'} ${m.k.padEnd(20)}${m.text}`}</Text>
          ))}
        </Box>
        <Box flexDirection="column" width={cols - half}>
          <Text bold color={theme.fg('heading')}>VIOLATIONS</Text>
          {violations.length === 0 ? <Text color={theme.fg('ok')}>none</Text> : null}
          {violations.slice(0, listRows).map((v, i) => <Text key={i} color={theme.fg(v.endsWith(':') ? 'accent' : 'text')} wrap="truncate">{v}</Text>)}
        </Box>
      </Box>
      <Text color={theme.fg('muted')}>Press Enter or q to leave. scorecard.md and postmortem.md are in the run folder.</Text>
    </Box>
  );
}
