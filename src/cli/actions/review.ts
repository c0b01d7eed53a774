/** `firedrill review <run-dir|scorecard.json>`: prints a scorecard for the terminal, as Markdown, or as JSON. */
import { join } from 'node:path';
import { pathKind } from '../../io/file-system';
import { readScorecard } from '../../io/read-scorecard';
import { METRIC_SPANS, METRIC_TITLES, roleTitle } from '../../scoring/labels';
import { cleanStrings, clock, drillTime, percent, plural } from '../../scoring/markdown-text';
import { rulesByRole } from '../../scoring/review-points';
import { JUDGED_KIND_TITLE } from '../../scenario/judgement';
import { scorecardMarkdown } from '../../scoring/scorecard-markdown';
import { timelineSentence } from '../../scoring/timeline-text';
import { headline } from '../../scoring/whose-score';
import { ScorecardError } from '../../scoring/scorecard-schema';
import { METRIC_KEYS, type Scorecard } from '../../scoring/types';
import { importUi } from '../import-ui';
import { out, outJson } from '../output';
import { signalExitCode } from '../outside-stops';
import { padVisible, terminalStyle, type Style, type StyleToken } from '../terminal-style';
import { runFile } from '../run-dir';
import { UserError } from '../user-error';

/** The review command's options (commander rejects both at once). */
export interface ReviewOptions {
  markdown?: boolean;
  json?: boolean;
  /** Print the scorecard even on a terminal, instead of opening the scorecard screen. */
  print?: boolean;
}

/** The scorecard.json path for a run folder or a scorecard file. */
export function scorecardPath(target: string): string {
  const hint = pathKind(join(target, 'journal.jsonl')) !== 'missing' ? 'the drill has a journal but was not scored (it was interrupted, or ran before scoring existed)' : 'is it a firedrill run folder?';
  return runFile(target, 'scorecard.json', hint);
}

/** Reads a scorecard for a command, turning a bad file into a user error that names it. */
export function loadScorecard(target: string): Scorecard {
  try {
    return readScorecard(scorecardPath(target));
  } catch (e) {
    if (e instanceof ScorecardError) throw new UserError(e.message);
    throw e;
  }
}

/** Runs the review command; returns the exit code (128 + N when signal N closed its screen). On a terminal it opens the same screen a drill ends with. */
export async function runReview(target: string, opts: ReviewOptions): Promise<number> {
  const card = loadScorecard(target);
  if (opts.json) outJson(card);
  else if (opts.markdown) out(scorecardMarkdown(card));
  else if (!opts.print && process.stdout.isTTY && process.stdin.isTTY) {
    const { reviewApp } = await importUi(() => import('../../ui/review-app'));
    const { signal } = await reviewApp(card, pathKind(target) === 'folder' ? target : undefined);
    if (signal) return signalExitCode(signal);
  } else {
    const st = terminalStyle();
    out(reviewLines(card, st).join('\n'), st);
  }
  return 0;
}

const grades: Record<NonNullable<Scorecard['grade']>, StyleToken> = { A: 'ok', B: 'ok', C: 'warn', D: 'bad', F: 'bad' };

/** The terminal print of a scorecard: header, response times, rules by role, scribe, participants, deductions. */
export function reviewLines(input: Scorecard, st: Style): string[] {
  // Names, notes and titles come from other people: cleaned once here, so no line below can miss it.
  const card = cleanStrings(input);
  const gradeStyle = card.grade === null ? st.dim : st[grades[card.grade]];
  const outcome = card.outcome === 'resolved' ? st.ok(card.outcome) : st.bad(card.outcome);
  const score = card.score === null ? `${st.warn('not scored')}` : `score ${gradeStyle(`${card.score}/100`)}  grade ${gradeStyle(card.grade ?? '')}`;
  return [
    `${st.heading(card.scenario.title)} ${st.dim(`(${card.scenario.id})`)}`,
    // Each person's own result first: a scribe who played badly is not hidden behind the bots' good team score.
    gradeStyle(headline(card)),
    `${score}  outcome ${outcome} at ${drillTime(card.drill.endedAtMs)} of ${clock(card.drill.durationMs)}  ${st.dim(`seed ${card.seed}`)}`,
    '',
    ...metricLines(card, st),
    '',
    ...ruleLines(card, st),
    ...judgementLines(card, st),
    ...scribeLines(card, st),
    '',
    ...participantLines(card, st),
    '',
    ...deductionLines(card, st),
  ];
}

function metricLines(card: Scorecard, st: Style): string[] {
  const width = Math.max(...METRIC_KEYS.map((k) => METRIC_TITLES[k].length));
  const lines = [`${st.heading(padVisible('Response times', width + 4))}${st.dim('   time  target')}`];
  for (const key of METRIC_KEYS) {
    const m = card.metrics[key];
    const title = METRIC_TITLES[key].padEnd(width);
    if (!m) lines.push(`  ${st.dim('·')} ${title} ${'—'.padStart(6)}  ${'—'.padStart(6)}  ${st.dim('did not happen')}`);
    else {
      const mark = m.met ? st.ok('✓') : st.bad('✗');
      lines.push(`  ${mark} ${title} ${clock(m.ms).padStart(6)}  ${clock(m.targetMs).padStart(6)}  ${m.met ? st.ok('met') : st.bad('missed')}`);
    }
    // Where it is measured from: "Time to severity 00:00" is not a bug when it counts from command.
    lines.push(`      ${st.dim(METRIC_SPANS[key])}`);
  }
  return lines;
}

function ruleLines(card: Scorecard, st: Style): string[] {
  const lines = [st.heading('Role discipline')];
  if (!card.rules.length) return [...lines, st.dim('  no rules were checked'), ''];
  for (const [role, rules] of rulesByRole(card)) {
    lines.push(`  ${st.accent(roleTitle(role))}`);
    for (const r of rules.filter((x) => x.status !== 'not-applicable')) {
      if (r.status === 'passed') {
        lines.push(`    ${st.ok('✓')} ${st.dim(r.id)} ${r.title}`);
        continue;
      }
      const n = r.violations.length;
      lines.push(`    ${st.bad('✗')} ${st.dim(r.id)} ${r.title} ${st.dim(`(${r.severity}${n ? `, ${plural(n, 'violation')}` : ''})`)}`);
      for (const v of r.violations) lines.push(`        ${st.dim(drillTime(v.atMs))} ${v.actor}: ${v.evidence.note}`);
    }
    for (const r of rules) for (const v of r.advisories ?? []) lines.push(`    ${st.warn('·')} ${st.dim(r.id)} ${st.dim('advice, not scored:')} ${st.dim(drillTime(v.atMs))} ${v.actor}: ${v.evidence.note}`);
    const na = rules.filter((x) => x.status === 'not-applicable').length;
    if (na) lines.push(st.dim(`    ${plural(na, 'rule')} did not apply`));
  }
  return [...lines, ''];
}

/** v2 scorecards only: the wrong moves taken, who ran them and what they cost, then the time in worse phases. */
function judgementLines(card: Scorecard, st: Style): string[] {
  const j = card.judgement;
  if (!j) return [];
  const lines = [`${st.heading('Judgement')}  ${j.actions.length ? st.bad(`−${j.points} points`) : st.ok('no harmful or red-herring action taken')}`];
  for (const a of j.actions) {
    const who = `${a.actor}${a.actorKind === 'bot' ? ' (bot)' : ''}${a.orderedBy && a.orderedBy !== a.actor ? `, asked by ${a.orderedBy}` : ''}`;
    lines.push(`  ${st.bad('✗')} ${st.dim(drillTime(a.atMs))} ${JUDGED_KIND_TITLE[a.kind]}: ${a.title} ${st.dim(`(${a.action})`)} by ${who}${a.completed ? '' : st.dim(', still running at the end')}  ${st.bad(`−${a.points}`)}`);
    if (a.why) lines.push(`      ${st.dim(a.why)}`);
  }
  if (j.worsePhases.length) lines.push(`  ${st.warn('Time in worse phases')} ${clock(j.worseMs)} ${st.dim('(shown, not scored again)')}`);
  for (const w of j.worsePhases) {
    lines.push(`    ${st.dim(`${drillTime(w.fromMs)}–${drillTime(w.toMs)}`)} ${w.phase} ${clock(w.ms)}${w.action === null ? st.dim(', marked worse') : `, after ${w.action} by ${w.actor ?? 'someone'}`}`);
  }
  return [...lines, ''];
}

function scribeLines(card: Scorecard, st: Style): string[] {
  const s = card.scribe;
  if (s.coverage === null || s.total === 0) return [`${st.heading('Scribe coverage')}  ${st.dim('nothing to log, or no Scribe')}`];
  const share = s.coverage >= 0.9 ? st.ok(percent(s.coverage)) : s.coverage >= 0.6 ? st.warn(percent(s.coverage)) : st.bad(percent(s.coverage));
  const lines = [`${st.heading('Scribe coverage')}  ${share} ${st.dim(`(${s.noted} of ${s.total} logged)`)}`];
  for (const e of s.missed) lines.push(`  ${st.warn('missed')} ${st.dim(drillTime(e.atMs))} ${e.actor} ${st.dim(`(${e.kind})`)} ${timelineSentence(e)}`);
  return lines;
}

const SHOWN_STRENGTHS = 3;

function participantLines(card: Scorecard, st: Style): string[] {
  const lines = [st.heading('Participants')];
  if (!card.participants.length) return [...lines, st.dim('  nobody took part')];
  const label = (p: Scorecard['participants'][number]) => `${p.name}${p.kind === 'bot' ? ' (bot)' : ''}`;
  const nameWidth = Math.max(...card.participants.map((p) => label(p).length));
  const roleText = (p: Scorecard['participants'][number]) => p.roles.map(roleTitle).join(', ') || 'no role';
  const roleWidth = Math.max(...card.participants.map((p) => roleText(p).length));
  for (const p of card.participants) {
    const n = p.violations.length;
    const tally = n ? st.bad(plural(n, 'violation')) : st.ok('no violations');
    lines.push(`  ${label(p).padEnd(nameWidth)}  ${roleText(p).padEnd(roleWidth)}  ${String(p.score ?? '—').padStart(3)}  ${tally}`);
    // A screen, not a report: a few strengths each; --markdown lists them all.
    for (const s of p.strengths.slice(0, SHOWN_STRENGTHS)) lines.push(`      ${st.ok('+')} ${s}`);
    const more = p.strengths.length - SHOWN_STRENGTHS;
    if (more > 0) lines.push(st.dim(`      + ${more} more (see --markdown)`));
    for (const v of p.violations) lines.push(`      ${st.bad('−')} ${st.dim(drillTime(v.atMs))} ${st.dim(v.rule)} ${v.note}`);
  }
  return lines;
}

function deductionLines(card: Scorecard, st: Style): string[] {
  const lines = [st.heading('Where the points went')];
  if (!card.deductions.length) return [...lines, `  ${st.ok('no points lost')}`];
  const lost = (n: number) => `−${Math.round(Math.abs(n) * 10) / 10}`;
  const shown = card.deductions.map((d) => lost(d.points));
  const total = lost(card.deductions.reduce((a, d) => a + Math.abs(d.points), 0));
  const width = Math.max(total.length, ...shown.map((s) => s.length));
  card.deductions.forEach((d, i) => lines.push(`  ${st.bad((shown[i] ?? '').padStart(width))}  ${d.what}`));
  lines.push(`  ${st.dim(`${total.padStart(width)}  total, leaving ${card.score ?? '—'}/100`)}`);
  return lines;
}
