/**
 * The postmortem's picture of the drill: a Mermaid gantt of the scenario's phases, the declared severity and the
 * response's milestones (first page, acknowledgement, trigger, command, mitigation, resolution), in drill time.
 * GitHub, GitLab and most wikis draw it where the postmortem is pasted.
 */
import { ganttTime, mermaidBlock, mermaidText } from './mermaid';
import type { Scorecard } from './types';

/** A phase of the scenario as the drill went through it. */
export interface ChartPhase {
  readonly id: string;
  readonly fromMs: number;
  readonly toMs: number;
  /** The phase hurts customers (drawn as critical). */
  readonly impact?: string;
  /** The phase is the scenario's mitigated state (drawn as done). */
  readonly mitigated?: boolean;
}

interface Span { readonly name: string; readonly fromMs: number; readonly toMs: number }
interface Milestone { readonly name: string; readonly atMs: number }

const SEVERITY = /^severity (\S+)/;

/** Each declared severity from its declaration to the next one (or the end of the drill). */
function severitySpans(card: Scorecard): Span[] {
  const sets = card.timeline.flatMap((e) => {
    const level = e.kind === 'sev.set' ? SEVERITY.exec(e.text)?.[1] : undefined;
    return level ? [{ level, atMs: e.atMs }] : [];
  });
  return sets.map((s, i) => ({ name: s.level, fromMs: s.atMs, toMs: sets[i + 1]?.atMs ?? card.drill.endedAtMs }));
}

/** The response's milestones, each the first time it happened; who did it where the timeline says. */
function milestones(card: Scorecard): Milestone[] {
  const first = (kind: string) => card.timeline.find((e) => e.kind === kind);
  const alert = first('alert.fired');
  const ack = first('alert.ack');
  const trigger = first('ic.page');
  const claim = first('role.claim');
  // The metrics count mitigation and resolution from the first alert (or the start), exactly as scored.
  const base = alert?.atMs ?? 0;
  const mitigated = card.metrics.timeToMitigate;
  const resolved = card.metrics.timeToResolve;
  const out: (Milestone | undefined)[] = [
    alert && { name: 'First page', atMs: alert.atMs },
    ack && { name: `Acknowledged by ${ack.actor}`, atMs: ack.atMs },
    trigger && { name: `Response triggered by ${trigger.actor}`, atMs: trigger.atMs },
    claim && { name: `${claim.actor} took command (IC)`, atMs: claim.atMs },
    mitigated ? { name: 'Mitigated (impact stopped)', atMs: base + mitigated.ms } : undefined,
    resolved ? { name: 'Resolved', atMs: base + resolved.ms } : undefined,
  ];
  return out.filter((m): m is Milestone => m !== undefined);
}

/** The gantt as Markdown lines (a fenced mermaid block), or none when the drill has nothing to draw. */
export function drillGantt(card: Scorecard, phases: readonly ChartPhase[]): string[] {
  const sevs = severitySpans(card);
  const marks = milestones(card);
  if (!phases.length && !sevs.length && !marks.length) return [];
  const end = Math.max(card.drill.endedAtMs, ...phases.map((p) => p.toMs), ...marks.map((m) => m.atMs));
  const lines = [
    'gantt',
    '    title Phases, severity and milestones in drill time',
    '    dateFormat HH:mm:ss',
    // Minutes:seconds match the timeline's T+mm:ss; an hour or longer needs the hours too.
    `    axisFormat ${end >= 3_600_000 ? '%H:%M:%S' : '%M:%S'}`,
  ];
  const span = (s: Span, tag?: string) => `    ${mermaidText(s.name)} :${tag ? `${tag}, ` : ''}${ganttTime(s.fromMs)}, ${ganttTime(s.toMs)}`;
  if (phases.length) {
    lines.push('    section Phases');
    for (const p of phases) lines.push(span({ name: p.id, fromMs: p.fromMs, toMs: p.toMs }, p.mitigated ? 'done' : p.impact ? 'crit' : undefined));
  }
  if (sevs.length) {
    lines.push('    section Severity');
    for (const s of sevs) lines.push(span(s, 'active'));
  }
  if (marks.length) {
    lines.push('    section Milestones');
    for (const m of marks) lines.push(`    ${mermaidText(m.name)} :milestone, ${ganttTime(m.atMs)}, 0m`);
  }
  return mermaidBlock(lines);
}
