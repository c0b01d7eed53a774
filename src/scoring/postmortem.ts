/** postmortem.md: a draft postmortem in the sections of PagerDuty's template, ready to paste into a team's document. */
import { stripControl } from '../engine/sanitize';
import type { Scenario } from '../scenario/types';
import { formatDuration } from '../scenario/duration';
import { JUDGED_KIND_TITLE } from '../scenario/judgement';
import { METRIC_TITLES, roleTitle } from './labels';
import { cleanStrings, clock, drillTime, mdCell, minutes } from './markdown-text';
import { drillGantt } from './postmortem-chart';
import { didNotGoWell, violatedRules, wentWell } from './review-points';
import { ruleAdvice } from './rule-advice';
import { timelineSentence } from './timeline-text';
import type { MetricKey, Scorecard, TimelineEntry } from './types';
import { escapeRe } from '../engine/intent/escape-re';

// Roles in the order the template's Responders section names them: IC and Scribe first.
const RESPONDER_ROLES = ['ic', 'scribe', 'deputy', 'customer-liaison', 'internal-liaison', 'responder'] as const;
// The figures that belong in a postmortem's story of the response, in lifecycle order.
const KEY_METRICS: readonly MetricKey[] = ['timeToAcknowledge', 'timeToCommand', 'timeToSeverity', 'timeToMitigate', 'timeToResolve'];

/** Renders postmortem.md for a scored drill of a scenario. Every text from the drill is stripped of control sequences. */
export function postmortemMarkdown(input: Scorecard, rawScenario: Scenario): string {
  const card = cleanStrings(input);
  const scenario = cleanScenarioText(rawScenario);
  const phases = phaseSpans(card, scenario);
  return [
    ...header(card, scenario),
    ...overview(card, scenario),
    ...whatHappened(card, scenario, phases),
    ...contributingFactors(scenario),
    ...movesThatMadeItWorse(card),
    ...resolution(card, scenario),
    ...impact(card, scenario, phases),
    ...responders(card),
    ...timeline(card, phases),
    ...howDidWeDo(card, scenario),
    ...actionItems(card),
  ].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

// Only the scenario text this document uses, cleaned; the rest of the scenario is not needed here.
function cleanScenarioText(s: Scenario) {
  const c = (t: string | undefined) => (t === undefined ? undefined : stripControl(t).trim());
  return {
    id: c(s.id)!, title: c(s.title)!, summary: c(s.summary), severity: s.expects.severity,
    phases: s.phases.map((p) => ({ id: p.id, impact: c(p.impact), mitigated: p.mitigated })),
    rootCause: c(s.solution.rootCause)!, mitigation: c(s.solution.mitigation), notes: c(s.solution.notes),
    debrief: s.debrief.map((d) => c(d)!),
  };
}
type PmScenario = ReturnType<typeof cleanScenarioText>;

interface PhaseSpan { readonly id: string; readonly fromMs: number; readonly toMs: number; readonly impact?: string; readonly mitigated?: boolean }

/**
 * When each phase of the scenario began and ended, from the timeline's phase entries. The scorecard has
 * no phase list of its own, so an entry counts as a phase change when its kind says so and its text
 * names a phase of this scenario (the longest matching id wins, so `outage` never shadows `outage-2`).
 */
function phaseSpans(card: Scorecard, scenario: PmScenario): PhaseSpan[] {
  const ids = [...scenario.phases].sort((a, b) => b.id.length - a.id.length);
  const starts: { id: string; atMs: number }[] = [];
  for (const e of card.timeline) {
    if (!/^phase\b/.test(e.kind)) continue;
    const hit = ids.find((p) => new RegExp(`(?<![\\w-])${escapeRe(p.id)}(?![\\w-])`).test(e.text));
    if (hit) starts.push({ id: hit.id, atMs: e.atMs });
  }
  return starts.map((s, i) => {
    const phase = scenario.phases.find((p) => p.id === s.id);
    return { id: s.id, fromMs: s.atMs, toMs: starts[i + 1]?.atMs ?? card.drill.endedAtMs, impact: phase?.impact, mitigated: phase?.mitigated === true };
  });
}

/** SEV-1 before SEV-2; anything else after, by name. */
function severityOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The highest severity the incident spent time at, if any was declared. */
function worstSeverity(card: Scorecard): string | undefined {
  return Object.entries(card.drill.severityMinutes).filter(([, m]) => m > 0).map(([s]) => s).sort(severityOrder)[0];
}

function header(card: Scorecard, scenario: PmScenario): string[] {
  return [
    `# Postmortem: ${scenario.title} (drill)`,
    '',
    `> **This was a drill**, a firedrill game day on scenario \`${scenario.id}\` (seed \`${card.seed}\`). No customers were affected: the impact below is what the scenario simulated.`,
    '',
    '| | |',
    '|---|---|',
    `| Postmortem owner | ${card.drill.postmortemOwner ? mdCell(card.drill.postmortemOwner) : '_not named during the drill_'} |`,
    // The template allows 5 business days, the process page 3 calendar days for SEV-1: drills use the stricter.
    '| Meeting | _to be booked within 3 calendar days of the drill_ |',
    '| Call recording | _link_ |',
    '| Status | Draft |',
    '',
  ];
}

function outcomeSentence(card: Scorecard): string {
  const resolve = card.metrics.timeToResolve;
  const mitigate = card.metrics.timeToMitigate;
  const mitigated = mitigate ? `mitigated (time to mitigate ${clock(mitigate.ms)})` : 'never mitigated';
  switch (card.outcome) {
    case 'resolved': return `It was ${mitigate ? `${mitigated} and ` : ''}resolved${resolve ? ` (time to resolve ${clock(resolve.ms)})` : ''}.`;
    case 'timed-out': return `It was ${mitigated} and still open when the drill's time ran out at ${drillTime(card.drill.endedAtMs)}.`;
    case 'aborted': return `It was ${mitigated} and still open when the drill was stopped at ${drillTime(card.drill.endedAtMs)}.`;
  }
}

function overview(card: Scorecard, scenario: PmScenario): string[] {
  const sev = worstSeverity(card);
  const atSev = sev ? `${minutes(card.drill.severityMinutes[sev] ?? 0)} minutes at ${sev}` : 'no severity declared';
  return [
    '## Overview', '',
    `${scenario.title}: a drill that ran ${formatDuration(card.drill.endedAtMs)} of its ${formatDuration(card.drill.durationMs)}, with ${atSev}. ${outcomeSentence(card)} Contributing factor: ${firstSentence(scenario.rootCause)}`,
    '',
  ];
}

/** The first sentence of a paragraph, for the one-line overview; the whole text is in Contributing Factors. */
function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/s.exec(text);
  return (m ? m[0] : text).trim();
}

function whatHappened(card: Scorecard, scenario: PmScenario, phases: readonly PhaseSpan[]): string[] {
  const lines = ['## What Happened', ''];
  if (scenario.summary) lines.push(scenario.summary, '');
  if (phases.length) {
    lines.push('How the failure developed:', '');
    for (const p of phases) lines.push(`- ${drillTime(p.fromMs)} \`${p.id}\`${p.impact ? `: ${p.impact}` : ''}`);
    lines.push('');
  }
  const figures = KEY_METRICS.flatMap((k) => {
    const m = card.metrics[k];
    return m ? [`${METRIC_TITLES[k].toLowerCase()} ${clock(m.ms)}`] : [];
  });
  const response = figures.length ? ` Response times: ${figures.join(', ')}.` : '';
  lines.push(`${outcomeSentence(card)}${response} The timeline below has each step of the response.`, '');
  return lines;
}

function contributingFactors(scenario: PmScenario): string[] {
  const lines = ['## Contributing Factors', '', '_Hidden from the responders during the drill; revealed now._', '', scenario.rootCause, ''];
  if (scenario.notes) lines.push(`Notes from the scenario's author: ${scenario.notes}`, '');
  return lines;
}

/**
 * v2: the response actions that made it worse, which the template asks for beside the contributing factors ("for
 * learning, not blame": the move and what followed, not who ran it; scorecard.md names them).
 */
function movesThatMadeItWorse(card: Scorecard): string[] {
  const j = card.judgement;
  if (!j || (!j.actions.length && !j.worsePhases.length)) return [];
  const lines = ['### Response actions that cost time or made it worse', ''];
  for (const a of j.actions) {
    // Its stays: those it caused before the same action's next run, if it was run again.
    const next = j.actions.find((b) => b.action === a.action && b.seq > a.seq)?.atMs ?? Infinity;
    const stays = j.worsePhases.filter((s) => s.action === a.action && s.actor === a.actor && s.fromMs >= a.atMs && s.fromMs < next);
    const after = stays.length ? ` The system then spent ${clock(stays.reduce((n, s) => n + s.ms, 0))} in ${stays.map((s) => `\`${s.phase}\``).filter((p, i, all) => all.indexOf(p) === i).join(', ')}.` : '';
    lines.push(`- ${drillTime(a.atMs)} ${a.title} (\`${a.action}\`, ${JUDGED_KIND_TITLE[a.kind]})${a.why ? `: ${a.why}` : '.'}${after}`);
  }
  const marked = j.worsePhases.filter((s) => s.action === null);
  for (const s of marked) lines.push(`- ${drillTime(s.fromMs)} to ${drillTime(s.toMs)} (${clock(s.ms)}): the system was in \`${s.phase}\`, a worse state than the incident had to reach.`);
  return [...lines, ''];
}

function resolution(card: Scorecard, scenario: PmScenario): string[] {
  const lines = ['## Resolution', ''];
  const mitigate = card.metrics.timeToMitigate;
  lines.push(mitigate
    ? `The customer impact was mitigated ${clock(mitigate.ms)} after the first alert (target ${clock(mitigate.targetMs)}).`
    : 'The customer impact was not mitigated during the drill.');
  if (scenario.mitigation) lines.push('', `Temporary fix (the scenario's mitigation): ${scenario.mitigation}`);
  lines.push('', `Long-term fix: remove the contributing factor above; see the Action Items.`, '');
  return lines;
}

function impact(card: Scorecard, scenario: PmScenario, phases: readonly PhaseSpan[]): string[] {
  const lines = ['## Impact', ''];
  const sevs = Object.entries(card.drill.severityMinutes).sort(([a], [b]) => severityOrder(a, b));
  if (sevs.length) {
    lines.push('| Severity | Minutes |', '|---|---:|');
    for (const [sev, m] of sevs) lines.push(`| ${mdCell(sev)} | ${minutes(m)} |`);
    lines.push('');
  } else {
    lines.push('No severity was declared during the drill, so no minutes were counted at any severity.', '');
  }
  const withImpact = phases.filter((p) => p.impact);
  if (withImpact.length) {
    lines.push('Simulated customer impact:', '');
    for (const p of withImpact) lines.push(`- ${drillTime(p.fromMs)} to ${drillTime(p.toMs)} (${minutes((p.toMs - p.fromMs) / 60_000)} min): ${p.impact}`);
    lines.push('');
  } else if (!phases.length) {
    // Without timed phase entries in the timeline, say what each stage of the scenario does to
    // customers, and say plainly that this is the scenario's description rather than a measurement.
    const described = scenario.phases.filter((p) => p.impact);
    if (described.length) {
      lines.push('Simulated customer impact, as the scenario describes each stage (the drill need not have reached every stage; the timeline shows when impact stopped):', '');
      for (const p of described) lines.push(`- \`${p.id}\`: ${p.impact}`);
      lines.push('');
    }
  }
  // The template asks for these even when they are expected to be zero; a drill does not model them.
  lines.push('Notifications outside SLA, events dropped, accounts and users affected, support requests: not modelled by the drill (0).', '');
  return lines;
}

function responders(card: Scorecard): string[] {
  const lines = ['## Responders', ''];
  const label = (name: string, kind: string) => `${name}${kind === 'bot' ? ' (bot)' : ''}`;
  for (const role of RESPONDER_ROLES) {
    const holders = card.participants.filter((p) => p.roles.includes(role)).map((p) => label(p.name, p.kind));
    if (holders.length || role === 'ic' || role === 'scribe') {
      lines.push(`- ${roleTitle(role)}${role === 'responder' ? 's' : ''}: ${holders.length ? holders.join(', ') : '_none_'}`);
    }
  }
  const others = card.participants.filter((p) => !p.roles.some((r) => (RESPONDER_ROLES as readonly string[]).includes(r)));
  if (others.length) lines.push(`- Also present: ${others.map((p) => label(p.name, p.kind)).join(', ')}`);
  return [...lines, ''];
}

function timeline(card: Scorecard, phases: readonly PhaseSpan[]): string[] {
  const lines = ['## Timeline', '', 'Times are drill time, T+minutes:seconds from the start of the drill. The contributing factor began before the drill started.', ''];
  const chart = drillGantt(card, phases);
  if (chart.length) lines.push(...chart, '');
  if (!card.timeline.length) return [...lines, '_Nothing was recorded._', ''];
  lines.push('| Time | Event | Who |', '|---|---|---|');
  for (const e of card.timeline) lines.push(`| ${drillTime(e.atMs)} | ${mdCell(timelineSentence(e))} | ${mdCell(who(e))} |`);
  return [...lines, ''];
}

const who = (e: TimelineEntry) => (e.role === 'system' ? e.actor : `${e.actor} (${roleTitle(e.role)})`);

function howDidWeDo(card: Scorecard, scenario: PmScenario): string[] {
  const good = wentWell(card);
  const bad = didNotGoWell(card);
  const lines = [
    "## How'd We Do?", '',
    `${card.score === null ? `Not scored: ${card.notScored ?? 'there was no response to judge'}` : `Score ${card.score}/100, grade ${card.grade}`}; scorecard.md has the details. These points are about the roles and the process, not the people in them.`, '',
    '### What went well', '',
    ...(good.length ? good.map((p) => `- ${p}`) : ['- Nothing stood out this time.']), '',
    "### What didn't go so well", '',
    ...(bad.length ? bad.map((p) => `- ${p}`) : ['- Nothing: every target was met and every rule kept.']), '',
  ];
  if (scenario.debrief.length) lines.push('### Questions for the meeting', '', ...scenario.debrief.map((q) => `- ${q}`), '');
  return lines;
}

function actionItems(card: Scorecard): string[] {
  const sev = (worstSeverity(card) ?? 'sevN').toLowerCase().replace(/[^a-z0-9]/g, '');
  const lines = ['## Action Items', '', `One ticket each, tagged with the severity and the drill date (\`${sev}_YYYYMMDD\` and \`${sev}\`).`, ''];
  lines.push("### From the Scribe's TODOs", '');
  lines.push(...(card.drill.todos.length ? card.drill.todos.map((t) => `- [ ] ${t}`) : ['_The Scribe recorded no TODOs during the drill._']), '');
  const process = violatedRules(card);
  if (process.length) {
    // What to do differently, from what went wrong and how often; the rule and its role follow for the tracker.
    lines.push('### Do differently in the next drill', '');
    for (const r of process) lines.push(`- [ ] ${ruleAdvice(r)} _(${r.id}, ${roleTitle(r.role)})_`);
    lines.push('');
  }
  lines.push('### Postmortem steps', '');
  if (!card.drill.postmortemOwner) lines.push('- [ ] Name one postmortem owner');
  lines.push('- [ ] Book the postmortem meeting and invite the responders', '- [ ] Send the internal email with a link to this document', '');
  return lines;
}
