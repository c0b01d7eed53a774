/**
 * The scorecard screen as rows, before it is drawn: a fixed head (whose score, how it ended) and a body that scrolls
 * (metrics with where each is measured from, violations by person, v2's judgement, the Scribe's missed events, the run folder). At
 * 120 columns and more, metrics and the lists sit side by side.
 *   You, Incident Commander: 85 (B) · team 78 (C)
 *   resolved — Checkout slows down and fails at peak hour
 *   METRICS                                  time   target
 *   ✓ Time to acknowledge                   02:10    05:00
 *       from the first page (the first alert) to the first acknowledgement
 */
import { stripControl } from '../engine/sanitize';
import { formatClock } from '../scenario/duration';
import { JUDGED_KIND_TITLE } from '../scenario/judgement';
import { METRIC_SPANS, METRIC_TITLES } from '../scoring/labels';
import { cleanStrings } from '../scoring/markdown-text';
import { timelineSentence } from '../scoring/timeline-text';
import { METRIC_KEYS, type Scorecard } from '../scoring/types';
import { headline } from '../scoring/whose-score';
import { fit } from './fit';
import { sideBySide, wrapRows, type StyledRow } from './styled-rows';
import { cutToWidth, textWidth } from './text-width';
import type { Token } from './theme';
import { clipToWidth, wrapText } from './wrap';

/** The screen's rows: the head stays put, the body scrolls under it. */
export interface ScorecardDoc {
  readonly head: readonly StyledRow[];
  readonly body: readonly StyledRow[];
}

export interface ScorecardDocOptions {
  /** The people at this screen, whose own scores lead. */
  readonly you?: readonly string[];
  readonly runDir?: string;
}

/** Side by side from this width; below it, one column. */
export const TWO_COLUMNS_FROM = 120;

// No text from a scorecard takes more rows than this: a hostile file's 4 MB rule title must not become 40,000 rows.
const MAX_ITEM_ROWS = 6;

// Keys for the violation groups that are not one person; no participant's name contains a NUL.
const BOTS = '\0bots';
const TEAM = '\0team';

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
    // Measured cut to the row: a huge name measured whole takes string-width's slow path for minutes.
    if (last !== undefined && textWidth(`${last} · ${clipToWidth(part, cols)}`) <= cols) rows[rows.length - 1] = `${last} · ${part}`;
    // Only the first max + 1 rows' worth of a long part can be shown: cut it first, so wrapping is linear in the screen, not the text.
    else rows.push(...wrapText(clipToWidth(part, (max + 1) * (cols + 1)), cols));
  }
  return rows.slice(0, max);
}

/** Text wrapped under a lead, at most MAX_ITEM_ROWS rows: a longer text is cut first (in time linear in the screen) and ends in "…". */
function item(text: string, width: number, style: { token?: Token; bold?: boolean }, lead = ''): StyledRow[] {
  const room = Math.max(1, width - textWidth(lead));
  const clipped = clipToWidth(text, MAX_ITEM_ROWS * room);
  const rows = wrapRows(clipped, width, style, { text: lead, token: 'muted' });
  if (rows.length <= MAX_ITEM_ROWS && clipped === text) return rows;
  const kept = rows.slice(0, MAX_ITEM_ROWS);
  const [pad, last] = kept[kept.length - 1]!;
  kept[kept.length - 1] = [pad!, { ...last!, text: `${cutToWidth(last!.text, room - 1).text}…` }];
  return kept;
}

const heading = (text: string): StyledRow => [{ text, token: 'heading', bold: true }];

/** The colour of the headline: the score of the people at this screen (a scribe on 45 should not see green). */
function gradeToken(card: Scorecard, you: readonly string[]): Token {
  const mine = card.participants.filter((p) => you.includes(p.name) && p.score !== null).map((p) => p.score!);
  const shown = mine.length ? Math.min(...mine) : card.score;
  return shown === null ? 'muted' : shown >= 80 ? 'ok' : shown >= 60 ? 'warn' : 'bad';
}

function metricRows(card: Scorecard, width: number): StyledRow[] {
  const titleWidth = Math.min(Math.max(...METRIC_KEYS.map((k) => METRIC_TITLES[k].length)), width - 18);
  const notApplicable = new Set<string>(card.drill.metricsNotApplicable ?? []);
  const rows: StyledRow[] = [heading(`${'METRICS'.padEnd(titleWidth + 2)}   time  target`)];
  for (const k of METRIC_KEYS.filter((key) => key in card.metrics)) {
    const m = card.metrics[k];
    const na = notApplicable.has(k);
    const figures = na ? '     n/a' : m ? `${formatClock(m.ms).padStart(7)} ${formatClock(m.targetMs).padStart(7)}` : '   never';
    const token: Token = na ? 'muted' : m?.met ? 'ok' : 'bad';
    rows.push([{ text: `${na ? '-' : m?.met ? '✓' : '✗'} ${fit(METRIC_TITLES[k], titleWidth)}${figures}`, token }]);
    if (!na) rows.push(...wrapRows(METRIC_SPANS[k], width, { token: 'muted' }, { text: '    ' }));
  }
  return rows;
}

function violationRows(card: Scorecard, you: readonly string[], width: number): StyledRow[] {
  // People's violations by person; bots' apart, since a bot's mistake is not the team's lesson. A rule broken by no
  // one person ("nobody took command") is the team's, not someone called "nobody".
  const bots = new Set(card.participants.filter((p) => p.kind === 'bot').map((p) => p.name));
  const people = new Set(card.participants.filter((p) => p.kind !== 'bot').map((p) => p.name));
  const byWho = new Map<string, StyledRow[]>();
  for (const r of card.rules) {
    for (const v of r.violations) {
      const key = bots.has(v.actor) ? BOTS : people.has(v.actor) ? v.actor : TEAM;
      const rows = byWho.get(key) ?? [];
      if (!byWho.has(key)) byWho.set(key, rows);
      const title = key === BOTS ? `${clipToWidth(v.actor, width)}: ${r.title}` : r.title;
      rows.push(...item(title, width, { token: 'text' }, `  ${clipToWidth(r.id, 16)} `));
    }
  }
  const order = [...[...byWho.keys()].filter((k) => k !== BOTS && k !== TEAM), ...[TEAM, BOTS].filter((k) => byWho.has(k))];
  const label = (k: string): string => (k === BOTS ? 'by bots (not yours):' : k === TEAM ? 'the team (no one person):' : `${k}${you.includes(k) ? ' (you)' : ''}:`);
  const rows: StyledRow[] = [heading('VIOLATIONS')];
  if (!order.length) rows.push([{ text: 'none', token: 'ok' }]);
  for (const k of order) rows.push(...item(label(k), width, { token: 'accent' }), ...(byWho.get(k) ?? []));
  return rows;
}

/** v2 only: each wrong move taken (when, what, who, its cost) and the time in worse phases; nothing for a v1 scorecard. */
function judgementRows(card: Scorecard, width: number): StyledRow[] {
  const j = card.judgement;
  if (!j) return [];
  const rows: StyledRow[] = [[
    { text: 'JUDGEMENT', token: 'heading', bold: true },
    { text: j.actions.length ? ` −${j.points} points` : ' no harmful or red-herring action taken', token: j.actions.length ? 'bad' : 'ok' },
  ]];
  for (const a of j.actions) {
    const who = `by ${a.actor}${a.actorKind === 'bot' ? ' (bot)' : ''}${a.orderedBy && a.orderedBy !== a.actor ? `, asked by ${a.orderedBy}` : ''}`;
    const text = `${JUDGED_KIND_TITLE[a.kind]}: ${a.title} (${a.action}) ${who}${a.completed ? '' : ', still running at the end'}, −${a.points}`;
    rows.push(...item(text, width, { token: 'text' }, `  ${formatClock(a.atMs)} `));
  }
  if (!j.worsePhases.length) return rows;
  rows.push([{ text: `Time in worse phases: ${formatClock(j.worseMs)}`, token: 'warn' }]);
  for (const w of j.worsePhases) {
    const after = w.action === null ? '' : `, after ${w.action}${w.actor === null ? '' : ` by ${w.actor}`}`;
    rows.push(...item(`${w.phase} for ${formatClock(w.ms)}${after}`, width, { token: 'text' }, `  ${formatClock(w.fromMs)} `));
  }
  return rows;
}

function scribeRows(card: Scorecard, width: number): StyledRow[] {
  const s = card.scribe;
  if (s.coverage === null || s.total === 0) return [heading('SCRIBE'), [{ text: 'no key events to note', token: 'muted' }]];
  const rows: StyledRow[] = [[
    { text: 'SCRIBE', token: 'heading', bold: true },
    { text: ` ${Math.round(s.coverage * 100)}% noted (${s.noted}/${s.total})`, token: s.missed.length ? 'warn' : 'ok' },
  ]];
  if (!s.missed.length) return [...rows, [{ text: 'every key event was noted in time', token: 'ok' }]];
  rows.push([{ text: 'Not noted within 2 minutes:', token: 'muted' }]);
  for (const e of s.missed) rows.push(...item(timelineSentence(e), width, { token: 'text' }, `  ${formatClock(e.atMs)} `));
  return rows;
}

// The last document built: each scroll key asks for the same one again, and a hostile file's megabytes take a
// second to clean.
let last: { input: Scorecard; you?: readonly string[]; runDir?: string; cols: number; doc: ScorecardDoc } | undefined;

/** The scorecard's rows for a screen `cols` wide. Every string from the file, a flag or a person is cleaned here once. */
export function scorecardDoc(input: Scorecard, opts: ScorecardDocOptions, cols: number): ScorecardDoc {
  if (last && last.input === input && last.cols === cols && last.runDir === opts.runDir && sameList(last.you, opts.you)) return last.doc;
  const doc = buildDoc(input, opts, cols);
  last = { input, cols, doc, ...(opts.you ? { you: opts.you } : {}), ...(opts.runDir === undefined ? {} : { runDir: opts.runDir }) };
  return doc;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === (b ?? [])[i]);
}

function buildDoc(input: Scorecard, opts: ScorecardDocOptions, cols: number): ScorecardDoc {
  const card = cleanStrings(input);
  const you = (opts.you ?? []).map(stripControl);
  const token = gradeToken(card, you);
  const head: StyledRow[] = [
    ...headlineRows(headline(card, you), cols).map((h): StyledRow => [{ text: h, token, bold: true }]),
    [{ text: clipToWidth(`${card.outcome} — ${clipToWidth(card.scenario.title, cols)}`, cols), token: 'muted' }],
  ];
  const two = cols >= TWO_COLUMNS_FROM;
  const leftWidth = two ? Math.floor((cols - 2) / 2) : cols;
  const rightWidth = two ? cols - leftWidth - 2 : cols;
  const metrics = metricRows(card, leftWidth);
  const judged = judgementRows(card, rightWidth);
  const lists = [...violationRows(card, you, rightWidth), [], ...(judged.length ? [...judged, []] : []), ...scribeRows(card, rightWidth)];
  const runDir = opts.runDir === undefined ? undefined : stripControl(opts.runDir);
  const folder = runDir === undefined
    ? item('scorecard.md and postmortem.md sit beside scorecard.json.', cols, { token: 'muted' })
    : item(`Run folder: ${runDir} (scorecard.md and postmortem.md are there)`, cols, { token: 'muted' });
  const body = [
    ...(two ? sideBySide(metrics, lists, leftWidth) : [...metrics, [], ...lists]),
    [],
    ...folder,
  ];
  return { head, body };
}
