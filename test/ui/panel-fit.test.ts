// Fitting role panel sections into the panel's rows: fixed degrade order, "+N more", nothing vanishes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PanelRow } from '../../src/ui/components/PanelSection';
import { fitSections, type SectionSpec } from '../../src/ui/panel-fit';

const rows = (prefix: string, n: number): PanelRow[] => Array.from({ length: n }, (_, i) => ({ text: `${prefix}${i + 1}` }));
const texts = (fitted: ReturnType<typeof fitSections>): string[] => fitted.flatMap((f) => [f.title, ...f.rows.map((r) => ` ${r.text}`)]);

// A responder's panel: what they act on ranks first; the reference lists give up rows first.
const RESPONDER: SectionSpec[] = [
  { title: 'PAGES', rows: [], empty: 'none', rank: 1 },
  { title: 'YOUR TASKS', rows: rows('T', 1), empty: 'none', rank: 2 },
  { title: 'PROBES', rows: rows('p', 6), rank: 6 },
  { title: 'ACTIONS', rows: rows('a', 5), rank: 5 },
  { title: 'METRICS', rows: rows('m', 4), rank: 3 },
  { title: 'LAST CHECK', rows: rows('log', 5), empty: 'nothing checked yet', rank: 4 },
];

describe('fitSections', () => {
  it('shows everything when it fits', () => {
    expect(texts(fitSections(RESPONDER, 40))).toHaveLength(6 + 1 + 1 + 6 + 5 + 4 + 5);
  });

  it('keeps LAST CHECK at 80×24 (19 rows): the lowest-ranked lists shrink first, ending in "+N more"', () => {
    expect(texts(fitSections(RESPONDER, 19))).toEqual([
      'PAGES', ' none',
      'YOUR TASKS', ' T1',
      'PROBES', ' +6 more',
      'ACTIONS', ' +5 more',
      'METRICS', ' m1', ' m2', ' m3', ' m4',
      'LAST CHECK', ' log1', ' log2', ' log3', ' log4', ' log5',
    ]);
    expect(texts(fitSections(RESPONDER, 22))).toEqual([
      'PAGES', ' none',
      'YOUR TASKS', ' T1',
      'PROBES', ' +6 more',
      'ACTIONS', ' a1', ' a2', ' a3', ' +2 more',
      'METRICS', ' m1', ' m2', ' m3', ' m4',
      'LAST CHECK', ' log1', ' log2', ' log3', ' log4', ' log5',
    ]);
  });

  it('keeps the newest rows of a list kept from its end, the "+N more" above them', () => {
    const notes: SectionSpec[] = [
      { title: 'QUEUE', rows: [], empty: 'all caught up', rank: 1 },
      { title: 'NOTES', rows: rows('n', 12), keep: 'last', rank: 3 },
      { title: 'TASKS', rows: [], empty: 'none open', rank: 2 },
    ];
    expect(texts(fitSections(notes, 8))).toEqual(['QUEUE', ' all caught up', 'NOTES', ' +10 more', ' n11', ' n12', 'TASKS', ' none open']);
  });

  it('shrinks the lowest-ranked sections to their title with a count when not every section gets a row', () => {
    expect(texts(fitSections(RESPONDER, 9))).toEqual(['PAGES', ' none', 'YOUR TASKS', ' T1', 'PROBES +6', 'ACTIONS +5', 'METRICS', ' +4 more', 'LAST CHECK +5']);
    // Fewer rows than titles: only then do the lowest-ranked sections go.
    expect(texts(fitSections(RESPONDER, 3))).toEqual(['PAGES', 'YOUR TASKS +1', 'METRICS +4']);
    expect(fitSections(RESPONDER, 0)).toEqual([]);
  });

  it('never takes more rows than it is given, and drops a section only when its title cannot fit', () => {
    const spec = fc.record({
      n: fc.nat(12), empty: fc.boolean(), last: fc.boolean(), rank: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(fc.property(fc.array(spec, { maxLength: 7 }), fc.nat(40), (specs, height) => {
      const sections: SectionSpec[] = specs.map((s, i) => ({
        title: `S${i}`, rows: rows(`r${i}.`, s.n), rank: s.rank, ...(s.empty ? { empty: 'none' } : {}), ...(s.last ? { keep: 'last' as const } : {}),
      }));
      const fitted = fitSections(sections, height);
      expect(texts(fitted).length).toBeLessThanOrEqual(height);
      expect(fitted).toHaveLength(Math.min(height, sections.length));
      for (const f of fitted) {
        const spec = sections.find((s) => f.title === s.title || f.title.startsWith(`${s.title} +`))!;
        const shown = f.rows.filter((r) => !/^\+\d+ more$/.test(r.text) && r.text !== 'none').length;
        const more = f.rows.map((r) => /^\+(\d+) more$/.exec(r.text)?.[1]).find((x) => x !== undefined);
        const titleCount = /\+(\d+)$/.exec(f.title)?.[1];
        // Every row of a section is either shown or counted.
        expect(shown + Number(more ?? titleCount ?? 0)).toBe(spec.rows.length);
      }
    }));
  });
});
