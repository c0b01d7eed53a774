// The ? overlay wraps its descriptions instead of cutting them, and pages what does not fit (80×24, 120×40, 200×50).
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMAND_USAGE } from '../../src/engine/command';
import { HelpOverlay, helpPages } from '../../src/ui/components/HelpOverlay';
import { bindingsFor, helpKeyRows } from '../../src/ui/keymap';
import { computeLayout } from '../../src/ui/layout';
import { rowText } from '../../src/ui/styled-rows';
import { createTheme } from '../../src/ui/theme';
import { PAGE_DOWN, PAGE_UP, width, showUnmountedAfterEach } from '../helpers/render';

const theme = createTheme(false);
const SIZES = [[80, 24], [120, 40], [200, 50]] as const;

const show = showUnmountedAfterEach();

/** All the help's text at a size, column after column, squeezed to single spaces: what a reader can find in it. */
function allText(cols: number, rows: number, controls: 'facilitator' | 'participant' = 'facilitator'): string {
  return helpPages(controls, cols, rows).flow.flat().map(rowText).join(' ').replace(/\s+/g, ' ');
}

describe('HelpOverlay', () => {
  it.each(SIZES)('wraps every description instead of cutting it, and fits, at %i×%i', async (cols, rows) => {
    const body = computeLayout(cols, rows).bodyRows;
    const r = await show(<HelpOverlay theme={theme} cols={cols} rows={body} />, cols, rows);
    const lines = r.lines();
    expect(lines[0]).toMatch(/^Help — Esc or \? to close/);
    expect(lines.length).toBeLessThanOrEqual(body);
    for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(cols);
    expect(r.lastFrame()).not.toContain('…');
    // Every key's whole description and every command's whole usage are in the help, over its pages.
    const text = allText(cols, body);
    for (const k of helpKeyRows(bindingsFor('facilitator'))) expect(text, k.label).toContain(`${k.label} ${k.description}`);
    for (const c of COMMAND_NAMES) expect(text, c).toContain(COMMAND_USAGE[c]);
  });

  it('hangs a wrapped description under its first word, after the key', () => {
    const rows = helpPages('facilitator', 80, computeLayout(80, 24).bodyRows).pages.flat().map(rowText);
    const at = rows.findIndex((l) => /^\^O {9}start a note for the oldest/.test(l) || /\s\^O {9}start a note/.test(l));
    expect(at).toBeGreaterThan(-1);
    const col = rows[at]!.indexOf('^O');
    expect(rows[at + 1]!.slice(col)).toMatch(/^ {11}\S/);
  });

  it('turns pages with PgDn and PgUp at 80×24, saying which page it is on', async () => {
    const body = computeLayout(80, 24).bodyRows;
    const { pages } = helpPages('facilitator', 80, body);
    expect(pages.length).toBeGreaterThan(1);
    const r = await show(<HelpOverlay theme={theme} cols={80} rows={body} />, 80, 24);
    expect(r.lines()[0]).toMatch(new RegExp(`page 1 of ${pages.length}, PgDn for more$`));
    await r.press(PAGE_DOWN);
    expect(r.lines()[0]).toMatch(new RegExp(`page 2 of ${pages.length}`));
    expect(r.lines().slice(1)).toEqual(pages[1]!.map((row) => rowText(row).trimEnd()));
    for (let i = 0; i < pages.length + 2; i++) await r.press(PAGE_DOWN);
    expect(r.lines()[0]).toMatch(new RegExp(`page ${pages.length} of ${pages.length}, PgUp to go back$`));
    await r.press(PAGE_UP);
    expect(r.lines()[0]).toMatch(new RegExp(`page ${pages.length - 1} of ${pages.length}`));
  });

  it('shows everything on one page at 200×50, in columns', async () => {
    const body = computeLayout(200, 50).bodyRows;
    expect(helpPages('facilitator', 200, body).pages).toHaveLength(1);
    const r = await show(<HelpOverlay theme={theme} cols={200} rows={body} />, 200, 50);
    expect(r.lines()[0]).toBe('Help — Esc or ? to close');
    expect(r.lines()[1]).toMatch(/^KEYS {2,}/);
    expect(r.lastFrame()).toContain('/postmortem @name [by DATE]');
  });

  it("leaves the facilitator's keys out of a participant's help", () => {
    const text = allText(120, computeLayout(120, 40).bodyRows);
    const theirs = allText(120, computeLayout(120, 40).bodyRows, 'participant');
    expect(text).toContain('^P');
    expect(theirs).not.toContain('^P');
    expect(theirs).toContain('leave the drill (asks first; your seat is kept)');
  });
});
