/**
 * Fitting a role panel's sections into its rows: every section keeps its title and at least one row, and when rows
 * run short the sections give them up in a fixed order, a cut list ending in "+N more" instead of vanishing.
 */
import type { PanelRow } from './components/PanelSection';

/** A section as a role panel lists it, top to bottom. */
export interface SectionSpec {
  readonly title: string;
  readonly rows: readonly PanelRow[];
  /** What the section says when it has no rows. */
  readonly empty?: string;
  /** Which end of a long list stays on screen: its first rows (the default) or its newest. */
  readonly keep?: 'first' | 'last';
  /** The order sections keep their rows in: 1 keeps them longest; the highest number gives up rows first. */
  readonly rank: number;
}

/** A section as drawn: its title (with "+N" when only the title fits) and the rows that fit. */
export interface FittedSection {
  readonly title: string;
  readonly rows: readonly PanelRow[];
}

/** The row that stands for rows left out. */
export const moreRow = (n: number): PanelRow => ({ text: `+${n} more`, token: 'muted' });

/** The rows a section shows in `lines` rows below its title: all of it, or what fits and a "+N more" row. */
function cut(s: SectionSpec, lines: number): readonly PanelRow[] {
  if (s.rows.length === 0) return s.empty && lines > 0 ? [{ text: s.empty, token: 'muted' }] : [];
  if (s.rows.length <= lines) return s.rows;
  if (lines <= 0) return [];
  const kept = lines - 1;
  const more = moreRow(s.rows.length - kept);
  return s.keep === 'last' ? [more, ...s.rows.slice(s.rows.length - kept)] : [...s.rows.slice(0, kept), more];
}

/** Rows a section would take below its title to show everything. */
const wants = (s: SectionSpec): number => s.rows.length || (s.empty ? 1 : 0);

/**
 * Fits sections into `height` rows, in their order. First each gets its title and one row; the rest go to the
 * sections by rank, each taking all it wants while any are left. With fewer rows than that, the sections ranked last
 * shrink to their title with "+N"; only when there are fewer rows than titles are the lowest-ranked ones left out.
 */
export function fitSections(sections: readonly SectionSpec[], height: number): FittedSection[] {
  const byRank = sections.map((s, i) => ({ s, i })).sort((a, b) => a.s.rank - b.s.rank || a.i - b.i);
  // Which sections are drawn at all, and which only as a title, when even a title and a row each do not fit.
  const shown = new Set(byRank.slice(0, Math.max(0, height)).map((x) => x.i));
  const titleOnly = new Set<number>();
  let spare = height - shown.size;
  for (const { i, s } of byRank) {
    if (!shown.has(i)) continue;
    if (spare > 0 && wants(s) > 0) spare--;
    else if (wants(s) > 0) titleOnly.add(i);
  }
  const lines = sections.map((s, i) => (shown.has(i) && !titleOnly.has(i) ? Math.min(1, wants(s)) : 0));
  for (const { i, s } of byRank) {
    if (!shown.has(i) || titleOnly.has(i)) continue;
    const more = Math.min(spare, wants(s) - lines[i]!);
    lines[i]! += more;
    spare -= more;
  }
  return sections.flatMap((s, i) => {
    if (!shown.has(i)) return [];
    if (titleOnly.has(i)) return [{ title: s.rows.length ? `${s.title} +${s.rows.length}` : s.title, rows: [] }];
    return [{ title: s.title, rows: cut(s, lines[i]!) }];
  });
}
