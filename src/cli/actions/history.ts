/** `firedrill history [DIR]`: every scored run under DIR, trends per scenario, roles per person and who should lead next. */
import { stripControl } from '../../engine/sanitize';
import { roleTitle } from '../../scoring/labels';
import { clock, plural } from '../../scoring/markdown-text';
import {
  forScenario, historyRows, judgedCell, MIN_TREND_RUNS, peopleRoles, runDate, scenarioTrends, suggestRotation,
  type HistoryRow, type PersonRoles, type ScenarioTrend, type Suggestion,
} from '../../scoring/history';
import { historyMarkdown } from '../../scoring/history-markdown';
import { pathKind } from '../../io/file-system';
import { unreachableReason } from '../../io/read-bounded';
import { findRuns } from '../../io/run-folders';
import { ROLES } from '../../engine/roles';
import { sparkline } from '../../ui/sparkline';
import { err, out, outJson } from '../output';
import { DEFAULT_RUNS_DIR } from '../run-dir';
import { padVisible, terminalStyle, visibleLength, type Style } from '../terminal-style';
import { UserError } from '../user-error';

/** The history command's options. */
export interface HistoryOptions {
  scenario?: string;
  json?: boolean;
  /** Print the history as Markdown, with a Mermaid score chart per scenario. */
  markdown?: boolean;
}

// A trend line shows the latest runs; older ones scroll off the left, as they do on a dashboard.
const TREND_WIDTH = 24;

/** Runs the history command; returns the exit code. */
export function runHistory(dirArg: string | undefined, opts: HistoryOptions): number {
  const dir = dirArg ?? DEFAULT_RUNS_DIR;
  const kind = pathKind(dir);
  if (kind === 'missing') {
    const why = unreachableReason(dir);
    if (why !== undefined && why !== 'no such file or folder') throw new UserError(`${dir}: ${why}`);
    throw new UserError(dirArg ? `${dir}: no such folder` : `${dir}: no such folder; no drill has been run here yet (runs go to ./${DEFAULT_RUNS_DIR}/ by default)`);
  }
  if (kind !== 'folder') throw new UserError(`${dir}: not a folder; history reads a folder of runs (review reads one scorecard)`);
  const found = findRuns(dir);
  // A bad run must not hide the good ones: say which and why on stderr, then go on.
  for (const s of found.skipped) err(`firedrill: skipped ${stripControl(s.path)}: ${stripControl(s.reason)}`);
  if (!found.runs.length && found.skipped.length) {
    throw new UserError(`no readable runs under ${dir} (${plural(found.skipped.length, 'run')} skipped)`);
  }
  let runs = found.runs;
  if (opts.scenario !== undefined) {
    runs = forScenario(runs, opts.scenario);
    if (!runs.length && found.runs.length) {
      const ids = [...new Set(found.runs.map((r) => stripControl(r.card.scenario.id)))].sort();
      throw new UserError(`no runs of scenario "${stripControl(opts.scenario)}" under ${dir}; scenarios with runs: ${ids.join(', ')}`);
    }
  }
  const rows = historyRows(runs);
  const trends = scenarioTrends(runs);
  const people = peopleRoles(runs);
  const next = suggestRotation(people);
  if (opts.json) {
    outJson({ dir, scenario: opts.scenario ?? null, runs: rows, scenarios: trends, people, next, skipped: found.skipped });
    return 0;
  }
  if (opts.markdown) {
    out(historyMarkdown({ dir, ...(opts.scenario === undefined ? {} : { scenario: opts.scenario }), rows, trends, people, next }));
    return 0;
  }
  const st = terminalStyle();
  if (!rows.length) {
    out(`No scored runs under ${dir} yet. Run a drill with firedrill simulate or firedrill run.`);
    return 0;
  }
  out([
    `${st.heading('firedrill history')} ${st.dim(`${plural(rows.length, 'run')} under ${stripControl(dir)}${opts.scenario ? `, scenario ${stripControl(opts.scenario)}` : ''}`)}`,
    '',
    ...table(rows, st),
    '',
    ...trendLines(trends, st),
    '',
    ...peopleLines(people, next, st),
  ].map(stripTrailing).join('\n'), st);
  return 0;
}

const stripTrailing = (line: string) => line.replace(/\s+$/, '');
const time = (ms: number | null) => (ms === null ? '—' : clock(ms));

function table(rows: readonly HistoryRow[], st: Style): string[] {
  const grade = (r: HistoryRow) => {
    if (r.score === null) return st.dim('not scored');
    const text = `${r.score} ${r.grade}`;
    return r.grade === 'A' || r.grade === 'B' ? st.ok(text) : r.grade === 'C' ? st.warn(text) : st.bad(text);
  };
  // The judged column only when a run judged moves (format v2): a v1-only history reads as it always has.
  const judged = rows.some((r) => r.judgement);
  const cells = rows.map((r) => [
    runDate(r.startedAt), stripControl(r.scenario), stripControl(r.ic.join(' → ')) || '—', grade(r),
    ...(judged ? [judgedCell(r)] : []),
    time(r.times.acknowledge), time(r.times.command), time(r.times.mitigate), time(r.times.resolve),
    r.outcome === 'resolved' ? r.outcome : st.bad(r.outcome),
  ]);
  const head = ['date (UTC)', 'scenario', 'IC', 'score', ...(judged ? ['judged'] : []), 'ack', 'command', 'mitigate', 'resolve', 'outcome'];
  // Times and scores read best right-aligned; words left-aligned.
  const right = [false, false, false, true, ...(judged ? [true] : []), true, true, true, true, false];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => visibleLength(c[i] ?? ''))));
  const line = (c: readonly string[]) => c.map((text, i) => {
    const w = widths[i] ?? 0;
    return right[i] ? ' '.repeat(Math.max(0, w - visibleLength(text))) + text : padVisible(text, w);
  }).join('  ');
  return [st.dim(line(head)), ...cells.map(line)];
}

function trendLines(trends: readonly ScenarioTrend[], st: Style): string[] {
  const lines = [`${st.heading('Trends')} ${st.dim('(oldest → latest)')}`];
  // Every sparkline gets the same width so the figures after them line up; one or two runs draw none (no trend yet).
  const sw = Math.min(TREND_WIDTH, Math.max(0, ...trends.filter((t) => t.runs >= MIN_TREND_RUNS).map((t) => t.runs)));
  const spark = (t: ScenarioTrend, line: string): string => (t.runs >= MIN_TREND_RUNS ? `${st.accent(line.padEnd(sw))}  ` : sw ? `${' '.repeat(sw)}  ` : '');
  for (const t of trends) {
    const few = t.runs < MIN_TREND_RUNS ? st.dim(` (a trend line from ${MIN_TREND_RUNS} runs on)`) : '';
    lines.push(`  ${st.accent(stripControl(t.scenario))} ${st.dim(`${stripControl(t.title)}, ${plural(t.runs, 'run')}`)}${few}`);
    const first = t.scores[0] ?? 0;
    lines.push(`    score     ${spark(t, sparkline(t.scores, TREND_WIDTH, { min: 0, max: 100 }))}${first} → ${t.latest} ${st.dim(`(best ${t.best})`)}`);
    const firstM = t.mitigateMs[0] ?? null;
    const lastM = t.mitigateMs.at(-1) ?? null;
    // Time bars start from zero so their heights compare honestly; a gap is a run that never mitigated.
    lines.push(`    mitigate  ${spark(t, sparkline(t.mitigateMs, TREND_WIDTH, { min: 0 }))}${time(firstM)} → ${time(lastM)} ${st.dim('(lower is better; blank: not mitigated)')}`);
  }
  return lines;
}

function peopleLines(people: readonly PersonRoles[], next: { ic: Suggestion | null; scribe: Suggestion | null }, st: Style): string[] {
  const lines = [`${st.heading('People')} ${st.dim('(roles held; bots are not counted)')}`];
  if (!people.length) return [...lines, st.dim('  no people yet: every seat was played by a bot')];
  const names = people.map((p) => stripControl(p.name));
  const width = Math.max(...names.map((n) => n.length));
  people.forEach((p, i) => {
    const held = ROLES.filter((r) => p.roles[r]).map((r) => `${roleTitle(r)} ×${p.roles[r]}`).join(', ');
    lines.push(`  ${(names[i] ?? '').padEnd(width)}  ${st.dim(plural(p.runs, 'run').padEnd(7))}  ${held || st.dim('no role')}`);
  });
  const say = (role: string, s: Suggestion | null) =>
    s ? `${role} ${st.ok(stripControl(s.name))} ${st.dim(`(${s.held ? `held it ${plural(s.held, 'time')}` : 'never held it'})`)}` : `${role} ${st.dim('nobody')}`;
  lines.push('', `${st.heading('Next drill')}  ${say('IC', next.ic)}  ${say('Scribe', next.scribe)}`);
  return lines;
}
