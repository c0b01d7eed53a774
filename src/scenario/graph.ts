/** Exports the phase graph as Mermaid or Graphviz DOT text. */
import { formatDuration } from './duration';
import type { Phase, Scenario } from './types';

export type GraphFormat = 'mermaid' | 'dot';

function marks(p: Phase): string {
  return [p.worse ? 'worse' : '', p.mitigated ? 'mitigated' : '', p.resolved ? 'resolved' : '', p.final ? 'final' : ''].filter(Boolean).join(', ');
}

/** v2: how the author judged an action, for the label of the edges it moves (harmful −8, red herring −3). */
function judgedMark(s: Scenario, action: string): string {
  const j = s.actions.find((a) => a.id === action)?.judged;
  return j ? ` (${j.kind === 'harmful' ? 'harmful' : 'red herring'} −${j.weight})` : '';
}

/** v2 terms of an edge, for its label: its condition and its chance. */
function terms(e: { if?: { text: string }; chance?: number }): string {
  return `${e.if ? ` if ${e.if.text}` : ''}${e.chance !== undefined ? ` (${Math.round(e.chance * 100)}%)` : ''}`;
}

/** v2 jitter of a timed edge, for its label. */
function jitter(e: { jitterMs?: number }): string {
  return e.jitterMs ? ` ±${formatDuration(e.jitterMs)}` : '';
}

function edges(s: Scenario): { from: string; to: string; label: string; auto: boolean }[] {
  return s.phases.flatMap((p) => [
    ...p.after.map((e) => ({ from: p.id, to: e.to, label: `after ${formatDuration(e.afterMs)}${jitter(e)}${terms(e)}`, auto: true })),
    ...p.on.map((e) => ({ from: p.id, to: e.to, label: `/run ${e.action}${judgedMark(s, e.action)}${e.requires.length ? ` (needs ${e.requires.join(', ')})` : ''}${terms(e)}`, auto: false })),
    ...(p.at ?? []).map((e) => ({ from: p.id, to: e.to, label: `at T+${formatDuration(e.atMs)}${jitter(e)}${terms(e)}`, auto: true })),
    ...(p.when ?? []).map((e) => ({ from: p.id, to: e.to, label: `when ${e.when.text}${terms(e)}`, auto: true })),
  ]);
}

/** Mermaid stateDiagram-v2 text for the phase graph. */
export function toMermaid(s: Scenario): string {
  // Mermaid state ids cannot hold "-"; ids never contain "__", so writing "-" as "__" keeps db-down and db_down apart.
  const id = (p: string) => p.replace(/-/g, '__').replace(/[^A-Za-z0-9_]/g, '_');
  // A multi-line title would end the %% comment and be read as diagram text.
  const lines = ['stateDiagram-v2', `  %% ${s.title.replace(/\s+/g, ' ').trim()}`];
  for (const p of s.phases) {
    const m = marks(p);
    lines.push(`  state "${p.id}${m ? ` (${m})` : ''}" as ${id(p.id)}`);
  }
  lines.push(`  [*] --> ${id(s.initial)}`);
  // Mermaid reads : ; " and brackets in a label as syntax (v2 conditions hold them).
  for (const e of edges(s)) lines.push(`  ${id(e.from)} --> ${id(e.to)}: ${e.label.replace(/[:;"[\]{}#]/g, ' ')}`);
  for (const p of s.phases) if (p.final || (p.resolved && !p.after.length && !p.on.length && !p.at?.length && !p.when?.length)) lines.push(`  ${id(p.id)} --> [*]`);
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT text for the phase graph; mitigated phases are green, resolved ones doubled. */
export function toDot(s: Scenario): string {
  const q = (t: string) => JSON.stringify(t);
  const lines = [`digraph ${q(s.id)} {`, '  rankdir=LR;', `  label=${q(s.title)};`, '  node [shape=box, style=rounded];', '  __start [shape=point];'];
  for (const p of s.phases) {
    const attrs = [`label=${q(p.id + (marks(p) ? `\n(${marks(p)})` : ''))}`];
    if (p.mitigated) attrs.push('color=darkgreen');
    if (p.worse) attrs.push('color=darkred');
    if (p.resolved || p.final) attrs.push('peripheries=2');
    lines.push(`  ${q(p.id)} [${attrs.join(', ')}];`);
  }
  lines.push(`  __start -> ${q(s.initial)};`);
  for (const e of edges(s)) lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.label)}${e.auto ? ', style=dashed' : ''}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
