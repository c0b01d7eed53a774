/**
 * The end-of-drill screen (and `firedrill review` on a terminal): score, metrics, violations by role.
 *   Score 82 (B) — resolved            run folder: firedrill-runs/20261126T...
 *   METRICS                 time    target
 *   ✓ timeToAcknowledge     00:40   05:00
 */
import { Box, Text } from 'ink';
import { stripControl } from '../../engine/sanitize';
import { formatClock } from '../../scenario/duration';
import { METRIC_KEYS, type Scorecard } from '../../scoring/types';
import { headline } from '../../scoring/whose-score';
import type { Theme } from '../theme';

interface Props {
  readonly card: Scorecard;
  /** The people at this screen, whose own scores lead. */
  readonly you?: readonly string[];
  readonly runDir?: string;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
}

export function ScorecardView({ card, you = [], runDir, theme, cols, rows }: Props) {
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
  // People's violations by person; bots' apart, since a bot's mistake is not the team's lesson.
  const bots = new Set(card.participants.filter((p) => p.kind === 'bot').map((p) => p.name));
  const titles = new Map(card.rules.map((r) => [r.id, r.title]));
  const byWho = new Map<string, string[]>();
  for (const r of card.rules) {
    for (const v of r.violations) {
      const key = bots.has(v.actor) ? 'bots' : v.actor;
      byWho.set(key, [...(byWho.get(key) ?? []), `${r.id} ${bots.has(v.actor) ? `${v.actor}: ` : ''}${titles.get(r.id) ?? ''}`]);
    }
  }
  const order = [...[...byWho.keys()].filter((k) => k !== 'bots'), ...(byWho.has('bots') ? ['bots'] : [])];
  const violations = order.flatMap((k) => [k === 'bots' ? 'by bots (not yours):' : `${you.includes(k) ? `${k} (you)` : k}:`, ...(byWho.get(k) ?? []).map((l) => `  ${l}`)]);
  const half = Math.floor(cols / 2);
  const listRows = Math.max(3, rows - 7);
  const coverage = card.scribe.coverage === null ? 'no key events' : `${Math.round(card.scribe.coverage * 100)}% (${card.scribe.noted}/${card.scribe.total})`;
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      <Text bold color={theme.fg(gradeToken)} wrap="truncate">{stripControl(headline(card, you))}</Text>
      <Text color={theme.fg('muted')} wrap="truncate">{`${card.outcome} — ${stripControl(card.scenario.title)}`}</Text>
      <Text color={theme.fg('muted')} wrap="truncate">{`Scribe coverage ${coverage}${runDir ? `   run folder: ${runDir}` : ''}`}</Text>
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
