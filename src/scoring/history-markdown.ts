/**
 * `history --markdown`: the drill history as a document for a team's wiki or repository, with each scenario's score
 * trend as a Mermaid line chart (drawn where the Markdown is shown, from three runs on).
 */
import { ROLES } from '../engine/roles';
import { judgedCell, MIN_TREND_RUNS, runDate, type HistoryRow, type PersonRoles, type ScenarioTrend, type Suggestion } from './history';
import { roleTitle } from './labels';
import { clock, mdCell, plural } from './markdown-text';
import { mermaidBlock, mermaidText } from './mermaid';

/** Everything the history shows, as the history command has gathered it. */
export interface HistoryDocument {
  readonly dir: string;
  readonly scenario?: string;
  readonly rows: readonly HistoryRow[];
  readonly trends: readonly ScenarioTrend[];
  readonly people: readonly PersonRoles[];
  readonly next: { readonly ic: Suggestion | null; readonly scribe: Suggestion | null };
}

const time = (ms: number | null): string => (ms === null ? '—' : clock(ms));

/** Renders the history as Markdown. Every name, id and title is cleaned for Markdown, and for Mermaid in a chart. */
export function historyMarkdown(doc: HistoryDocument): string {
  return [
    '# Drill history', '',
    `${plural(doc.rows.length, 'run')} under \`${mdCode(doc.dir)}\`${doc.scenario === undefined ? '' : `, scenario \`${mdCode(doc.scenario)}\``}.`, '',
    ...runTable(doc.rows),
    ...trendSections(doc.trends),
    ...peopleSection(doc.people, doc.next),
  ].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

// Inside `code`, only a backtick matters; mdCell also drops control characters and line breaks' effect on tables.
const mdCode = (text: string): string => mdCell(text).replace(/`/g, "'");

function runTable(rows: readonly HistoryRow[]): string[] {
  if (!rows.length) return ['No scored runs yet.', ''];
  // A Judged column only when a run judged moves (format v2), as in the terminal table.
  const judged = rows.some((r) => r.judgement);
  const lines = ['## Runs', '', `| Date (UTC) | Scenario | IC | Score |${judged ? ' Judged |' : ''} Ack | Command | Mitigate | Resolve | Outcome |`, `|---|---|---|---:|${judged ? '---:|' : ''}---:|---:|---:|---:|---|`];
  for (const r of rows) {
    const score = r.score === null ? 'not scored' : `${r.score} ${r.grade ?? ''}`.trim();
    lines.push(`| ${mdCell(runDate(r.startedAt))} | ${mdCell(r.scenario)} | ${mdCell(r.ic.join(' → ') || '—')} | ${score} |${judged ? ` ${judgedCell(r)} |` : ''} ${time(r.times.acknowledge)} | ${time(r.times.command)} | ${time(r.times.mitigate)} | ${time(r.times.resolve)} | ${r.outcome} |`);
  }
  return [...lines, ''];
}

function trendSections(trends: readonly ScenarioTrend[]): string[] {
  if (!trends.length) return [];
  const lines = ['## Score trends', '', `Oldest to latest. A chart needs at least ${MIN_TREND_RUNS} scored runs of a scenario.`, ''];
  for (const t of trends) {
    lines.push(`### ${mdCell(t.scenario)}: ${mdCell(t.title)}`, '');
    lines.push(`${plural(t.runs, 'run')}; score ${t.scores[0] ?? 0} → ${t.latest} (best ${t.best}).`, '');
    if (t.runs >= MIN_TREND_RUNS) lines.push(...scoreChart(t), '');
  }
  return lines;
}

/** A Mermaid xychart of one scenario's scores, 0 to 100, one point per run. */
export function scoreChart(t: ScenarioTrend): string[] {
  return mermaidBlock([
    'xychart-beta',
    `    title "${mermaidText(`Score of ${t.scenario}`)}"`,
    `    x-axis "drill, oldest to latest" [${t.scores.map((_, i) => i + 1).join(', ')}]`,
    '    y-axis "score" 0 --> 100',
    `    line [${t.scores.map((s) => Math.round(s)).join(', ')}]`,
  ]);
}

function peopleSection(people: readonly PersonRoles[], next: HistoryDocument['next']): string[] {
  const lines = ['## People', '', '_Roles held; bots are not counted._', ''];
  if (!people.length) return [...lines, 'No people yet: every seat was played by a bot.', ''];
  lines.push('| Person | Runs | Roles held |', '|---|---:|---|');
  for (const p of people) {
    const held = ROLES.filter((r) => p.roles[r]).map((r) => `${roleTitle(r)} ×${p.roles[r]}`).join(', ');
    lines.push(`| ${mdCell(p.name)} | ${p.runs} | ${held || 'no role'} |`);
  }
  const say = (s: Suggestion | null): string => (s ? `${mdCell(s.name)} (${s.held ? `held it ${plural(s.held, 'time')}` : 'never held it'})` : 'nobody');
  return [...lines, '', `**Next drill:** IC ${say(next.ic)}; Scribe ${say(next.scribe)}.`, ''];
}
