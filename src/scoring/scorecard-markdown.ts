/** scorecard.md: the scorecard as a document, saying where every point went and how each role and person did. */
import { JUDGED_KIND_TITLE } from '../scenario/judgement';
import { JUDGEMENT_MAX_POINTS } from './judgement';
import { METRIC_SPANS, METRIC_TITLES, roleTitle } from './labels';
import { cleanStrings, clock, drillTime, mdCell, percent, plural } from './markdown-text';
import { didNotGoWell, rulesByRole, wentWell } from './review-points';
import { timelineSentence } from './timeline-text';
import { METRIC_KEYS, type RuleResult, type Scorecard } from './types';
import { botViolations, headline } from './whose-score';

/** Renders scorecard.md for a scorecard. Every text from the drill is stripped of control sequences. */
export function scorecardMarkdown(input: Scorecard): string {
  const card = cleanStrings(input);
  return [
    ...header(card),
    ...deductions(card),
    ...metrics(card),
    ...rules(card),
    ...judgementSection(card),
    ...scribe(card),
    ...participants(card),
    ...howItWent(card),
  ].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function header(card: Scorecard): string[] {
  return [
    `# Scorecard: ${card.scenario.title}`,
    '',
    `Scenario \`${card.scenario.id}\` · seed \`${card.seed}\` · firedrill ${card.version} · scenario hash \`${card.scenario.hash.slice(0, 12)}\``,
    '',
    `**${headline(card)}.** Outcome: **${card.outcome}** at ${drillTime(card.drill.endedAtMs)} of a ${clock(card.drill.durationMs)} drill.`,
    '',
    ...(card.score === null ? [] : [`Team score ${card.score}/100, grade ${card.grade}. Each person's own score is 100 less what their own violations cost.`, '']),
    ...botLines(card),
  ];
}

/** Bots' violations, apart from the people's: a bot's mistake is not the team's lesson. */
function botLines(card: Scorecard): string[] {
  const bots = botViolations(card);
  if (!bots.length) return [];
  return ['Violations by bots (not the people playing):', '', ...bots.map((v) => `- ${drillTime(v.atMs)} ${v.rule}, ${v.name} (bot): ${v.note}`), ''];
}

function deductions(card: Scorecard): string[] {
  const lines = ['## Where the points went', ''];
  if (!card.deductions.length) return [...lines, 'No points were lost.', ''];
  // Deductions are points lost; shown with a minus sign whichever sign they were stored with.
  const lost = card.deductions.map((d) => Math.abs(d.points));
  const total = lost.reduce((a, b) => a + b, 0);
  lines.push('| What | Points |', '|---|---:|');
  card.deductions.forEach((d, i) => lines.push(`| ${mdCell(d.what)} | −${points(lost[i] ?? 0)} |`));
  lines.push(`| **Total** | **−${points(total)}** |`, '');
  // Say the sum out loud only when it adds up; rounding in the score would make it look wrong otherwise.
  if (card.score !== null && Math.abs(100 - total - card.score) < 0.5) lines.push(`100 − ${points(total)} = ${card.score}.`, '');
  return lines;
}

const points = (n: number) => String(Math.round(n * 10) / 10);

function metrics(card: Scorecard): string[] {
  const lines = ['## Response times', '', 'Times are minutes:seconds of drill time.', '', '| Measure | Time | Target | Result | Measured |', '|---|---:|---:|---|---|'];
  for (const key of METRIC_KEYS) {
    const m = card.metrics[key];
    lines.push(m
      ? `| ${METRIC_TITLES[key]} | ${clock(m.ms)} | ${clock(m.targetMs)} | ${m.met ? 'met' : '**missed**'} | ${METRIC_SPANS[key]} |`
      : `| ${METRIC_TITLES[key]} | — | — | did not happen | ${METRIC_SPANS[key]} |`);
  }
  return [...lines, ''];
}

function rules(card: Scorecard): string[] {
  const lines = ['## Role discipline', ''];
  if (!card.rules.length) return [...lines, 'No rules were checked.', ''];
  for (const [role, group] of rulesByRole(card)) {
    lines.push(`### ${roleTitle(role)}`, '', '| Rule | Weight | Result |', '|---|---:|---|');
    for (const r of group) lines.push(`| ${mdCell(`${r.id} ${r.title}`)} | ${r.weight} (${r.severity}) | ${mdCell(ruleResult(r))} |`);
    lines.push('');
    const violated = group.filter((r) => r.violations.length);
    if (violated.length) {
      lines.push('Violations:', '');
      for (const r of violated) {
        for (const v of r.violations) lines.push(`- ${drillTime(v.atMs)} ${r.id}, ${v.actor}: ${v.evidence.note}`);
      }
      lines.push('');
    }
    const advised = group.flatMap((r) => (r.advisories ?? []).map((v) => `- ${drillTime(v.atMs)} ${r.id}, ${v.actor}: ${v.evidence.note}`));
    if (advised.length) lines.push('Advice (shown, not scored: it cannot be judged fairly from what was typed):', '', ...advised, '');
  }
  return lines;
}

function ruleResult(r: RuleResult): string {
  if (r.status === 'passed') return 'kept';
  if (r.status === 'not-applicable') return `did not apply${r.reason ? `: ${r.reason}` : ''}`;
  const n = r.violations.length;
  return `**not kept**${n ? `, ${plural(n, 'time')}` : ''}${r.penalty > 0 ? `; ${percent(r.penalty)} of its weight lost` : ''}`;
}

/** v2 only: the wrong moves taken and the time in worse phases, apart from role discipline. */
function judgementSection(card: Scorecard): string[] {
  const j = card.judgement;
  if (!j) return [];
  const lines = ['## Judgement', '', `_Harmful and red-herring actions someone ran, apart from role discipline: each costs the team its weight in points (at most ${JUDGEMENT_MAX_POINTS} in all)._`, ''];
  if (!j.actions.length) lines.push('No harmful or red-herring action was taken.', '');
  else {
    lines.push('| When | Action | Judged | Run by | Asked by | Points |', '|---|---|---|---|---|---:|');
    for (const a of j.actions) {
      const action = `${a.action}: ${a.title}${a.completed ? '' : ' (still running when the drill ended)'}`;
      lines.push(`| ${drillTime(a.atMs)} | ${mdCell(action)} | ${JUDGED_KIND_TITLE[a.kind]} | ${mdCell(`${a.actor}${a.actorKind === 'bot' ? ' (bot)' : ''}`)} | ${mdCell(a.orderedBy ?? '—')} | ${a.points ? `−${a.points}` : '0'} |`);
    }
    lines.push('');
    const whys = j.actions.filter((a, i) => a.why && j.actions.findIndex((b) => b.action === a.action) === i);
    if (whys.length) lines.push('Why they were wrong:', '', ...whys.map((a) => `- \`${a.action}\`: ${a.why}`), '');
  }
  if (!j.worsePhases.length) return [...lines, 'The world spent no time in worse phases.', ''];
  lines.push(`Time in worse phases: ${clock(j.worseMs)} in all (shown, not scored again: it already costs through time to mitigate).`, '');
  lines.push('| From | To | Phase | Time | Because of |', '|---|---|---|---:|---|');
  for (const s of j.worsePhases) {
    const why = s.action === null ? 'the scenario marks it worse' : `${s.action}, run by ${s.actor ?? 'someone'}`;
    lines.push(`| ${drillTime(s.fromMs)} | ${drillTime(s.toMs)} | ${mdCell(`\`${s.phase}\``)} | ${clock(s.ms)} | ${mdCell(why)} |`);
  }
  return [...lines, ''];
}

function scribe(card: Scorecard): string[] {
  const s = card.scribe;
  const lines = ['## Scribe coverage', ''];
  if (s.coverage === null || s.total === 0) return [...lines, 'There was nothing the Scribe had to log (or no Scribe was appointed).', ''];
  lines.push(`The Scribe logged ${s.noted} of ${s.total} decisions, assignments and status updates (${percent(s.coverage)}).`, '');
  if (s.missed.length) {
    lines.push('Not in the log:', '');
    for (const e of s.missed) lines.push(`- ${drillTime(e.atMs)} ${e.actor} (${roleTitle(e.role)}), ${e.kind}: ${timelineSentence(e)}`);
    lines.push('');
  }
  return lines;
}

function participants(card: Scorecard): string[] {
  const lines = ['## Participants', ''];
  if (!card.participants.length) return [...lines, 'Nobody took part.', ''];
  for (const p of card.participants) {
    lines.push(`### ${p.name}${p.kind === 'bot' ? ' (bot)' : ''}`, '');
    lines.push(`- Roles held: ${p.roles.length ? p.roles.map(roleTitle).join(', ') : 'none'}`);
    lines.push(`- Own score: ${p.score === null ? 'not scored' : `${p.score} (${p.grade ?? '?'})`}`);
    if (p.violations.length) {
      lines.push('- Violations:');
      for (const v of p.violations) lines.push(`  - ${drillTime(v.atMs)} ${v.rule}: ${v.note}`);
    } else {
      lines.push('- Violations: none');
    }
    if (p.strengths.length) {
      lines.push('- Did well:');
      for (const s of p.strengths) lines.push(`  - ${s}`);
    }
    lines.push('');
  }
  return lines;
}

function howItWent(card: Scorecard): string[] {
  const good = wentWell(card);
  const bad = didNotGoWell(card);
  return [
    '## How did we do?', '',
    '_About the roles and the process, not the people in them._', '',
    '### What went well', '',
    ...(good.length ? good.map((p) => `- ${p}`) : ['- Nothing stood out this time.']), '',
    '### What didn\'t go so well', '',
    ...(bad.length ? bad.map((p) => `- ${p}`) : ['- Nothing: every target was met and every rule kept.']), '',
  ];
}
