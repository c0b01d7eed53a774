// The scorecard screen (drill end and `review` on a terminal) draws whatever a scorecard holds in time linear
// in the screen, not in the text: a 64 KB title once took 24 s to paint, and 30 MB never painted.
import { describe, expect, it, onTestFinished } from 'vitest';
import { headlineRows, ScorecardView } from '../../src/ui/components/ScorecardView';
import { scorecardDoc } from '../../src/ui/scorecard-rows';
import { rowText } from '../../src/ui/styled-rows';
import { createTheme } from '../../src/ui/theme';
import { wrapText } from '../../src/ui/wrap';
import { render, width } from '../helpers/render';
import { scorecardFixture } from '../helpers/scorecard-fixture';

const theme = createTheme(false);

async function paint(card: ReturnType<typeof scorecardFixture>, runDir?: string): Promise<{ ms: number; lines: string[] }> {
  const t0 = performance.now();
  const r = await render(<ScorecardView card={card} {...(runDir ? { runDir } : {})} you={['alice']} theme={theme} cols={100} rows={29} />, { columns: 100, rows: 30 });
  onTestFinished(() => r.unmount());
  const ms = performance.now() - t0;
  return { ms, lines: r.lines() };
}

describe('ScorecardView with huge texts', () => {
  it('paints a 64 KB title in well under a second, cut with an ellipsis', async () => {
    const card = scorecardFixture();
    const { ms, lines } = await paint({ ...card, scenario: { ...card.scenario, title: 'x'.repeat(64 * 1024) } });
    expect(ms).toBeLessThan(1000);
    expect(lines[1]).toBe(`resolved — ${'x'.repeat(100 - 'resolved — '.length - 1)}…`);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(100);
  });

  it('paints 4 MB titles, names, rule titles and run folder in well under a second', async () => {
    const big = (c: string) => c.repeat(4 * 1024 * 1024);
    const card = scorecardFixture();
    const participants = card.participants.map((p) => (p.name === 'carol' ? { ...p, name: big('c') } : p));
    const rules = card.rules.map((r) => ({ ...r, title: big('t'), violations: r.violations.map((v) => (v.actor === 'carol' ? { ...v, actor: big('c') } : v)) }));
    const { ms, lines } = await paint({ ...card, scenario: { ...card.scenario, title: big('x') }, participants, rules }, big('d'));
    expect(ms).toBeLessThan(1000);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(100);
    // Wrapped, not cut at the width: but a text never takes more than a few rows, ending in "…", so the whole
    // scorecard stays a few screens long however big its strings are.
    const t0 = performance.now();
    const body = scorecardDoc({ ...card, scenario: { ...card.scenario, title: big('x') }, participants, rules }, { runDir: big('d') }, 100).body.map(rowText);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(body.length).toBeLessThan(120);
    // The folder is the last item: six rows at most, the last ending in "…".
    const folder = body.slice(body.findIndex((l) => l.startsWith('Run folder:')));
    expect(folder).toHaveLength(6);
    expect(folder.slice(1, -1).every((l) => /^d{100}$/.test(l))).toBe(true);
    expect(folder.at(-1)).toMatch(/^d{99}…$/);
    expect(body.filter((l) => /^ {2}RD-\d+ t+…?$/.test(l))).toHaveLength(3);
  });

  it('paints a 4 MB "not scored" reason as three rows', async () => {
    const card = scorecardFixture({ score: null, grade: null, notScored: 'no response '.repeat(350_000) });
    const { ms, lines } = await paint(card);
    expect(ms).toBeLessThan(1000);
    expect(lines[0]).toMatch(/^Not scored: (no response )+/);
    expect(lines[3]).toMatch(/^resolved — /);
    expect(lines[4]).toMatch(/^METRICS/);
  });
});

describe('headlineRows', () => {
  it('cuts a long part before wrapping without changing the rows shown', () => {
    const words = Array.from({ length: 3000 }, (_, i) => 'w'.repeat(1 + (i * 7) % 13)).join(' ');
    for (const cols of [20, 47, 80, 100]) expect(headlineRows(words, cols)).toEqual(wrapText(words, cols).slice(0, 3));
  });
});
