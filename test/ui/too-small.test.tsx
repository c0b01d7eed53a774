// Below 80×24 every screen (the drill, the scorecard and review, a participant's lobby, the host console) says
// "make the terminal at least 80×24" the same way, wrapped to the room there is, and Ctrl+C's question stays
// reachable and visible.
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { HostConsole } from '../../src/ui/components/HostConsole';
import { LobbyScreen } from '../../src/ui/components/LobbyScreen';
import { TooSmall, tooSmallMessage } from '../../src/ui/components/TooSmall';
import { Review } from '../../src/ui/review-app';
import { createTheme } from '../../src/ui/theme';
import { startsRigs } from '../helpers/start-rigs';
import { FakeConsole, FakeParticipant, facilitatorDrill, lobbyWith } from '../helpers/host-models';
import { CTRL_C, ESC, render, width, type Rendered } from '../helpers/render';
import { scorecardFixture } from '../helpers/scorecard-fixture';

const theme = createTheme(false);
const SMALL = [[79, 24], [80, 23], [60, 16], [30, 8]] as const;
const MESSAGE = /make the terminal at least 80×24/;

const mounted: Rendered[] = [];
const startRig = startsRigs();
afterEach(() => {
  for (const r of mounted.splice(0)) r.unmount();
});
async function show(tree: ReactElement, columns: number, rows: number): Promise<Rendered> {
  const r = await render(tree, { columns, rows });
  mounted.push(r);
  return r;
}
/** The frame as one line of text: the message may wrap anywhere. */
const flat = (r: Rendered): string => r.lastFrame().replace(/\s+/g, ' ');
function expectFits(r: Rendered, cols: number, rows: number): void {
  const lines = r.lines();
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(cols);
}

describe('TooSmall', () => {
  it.each(SMALL)('wraps the message, a note and a question to %i×%i, the question first', async (cols, rows) => {
    const r = await show(<TooSmall cols={cols} rows={rows} theme={theme} note="The drill keeps running." prompt="End the drill? (y/n)" />, cols, rows);
    expect(r.lines()[0]).toMatch(/^End the drill\?/);
    expect(flat(r)).toContain(tooSmallMessage(cols, rows));
    expectFits(r, cols, rows);
  });

  it('keeps the question on screen even when nothing else fits', async () => {
    const r = await show(<TooSmall cols={20} rows={3} theme={theme} note="The drill keeps running." prompt="End the drill? (y/n)" />, 20, 3);
    expect(r.lines()).toEqual(['End the drill? (y/n)', 'The terminal is']);
  });

  it('asks on Ctrl+C when it owns quitting: y quits, n or Esc takes the question back', async () => {
    let quits = 0;
    const r = await show(<TooSmall cols={60} rows={16} theme={theme} quit={{ question: 'Quit the host? (y/n)', onYes: () => quits++ }} />, 60, 16);
    expect(r.lastFrame()).not.toContain('Quit the host?');
    await r.press('y');
    expect(quits).toBe(0);
    await r.press(CTRL_C);
    expect(r.lines()[0]).toBe('Quit the host? (y/n)');
    await r.press('n');
    expect(r.lastFrame()).not.toContain('Quit the host?');
    await r.press(CTRL_C);
    await r.press(ESC);
    expect(r.lastFrame()).not.toContain('Quit the host?');
    await r.press(CTRL_C);
    await r.press('y');
    expect(quits).toBe(1);
  });
});

describe('every screen below 80×24', () => {
  it('the drill: says so, keeps running, and Ctrl+C asks and ends it', async () => {
    const r = await startRig({ columns: 70, rows: 20 });
    expect(flat(r.ui)).toContain('The terminal is 70×20: make the terminal at least 80×24. The drill keeps running. Ctrl+C asks to end it.');
    await r.press(CTRL_C);
    await r.waitForFrame((f) => f.startsWith('End the drill? (y/n)'));
    expect(flat(r.ui)).toMatch(MESSAGE);
    expectFits(r.ui, 70, 20);
    await r.press('y');
    expect(r.aborted).toBe(1);
  });

  it('the drill: back to the full screen when it grows again, with the question still asked', async () => {
    const r = await startRig({ columns: 70, rows: 20 });
    await r.press(CTRL_C);
    await r.ui.resize(100, 30);
    await r.waitForFrame(() => r.hintLine().startsWith('End the drill? (y/n)'));
    await r.press('n');
    await r.waitForFrame((f) => f.includes('ROSTER'));
    expect(r.aborted).toBe(0);
  });

  it('the scorecard at the end: says so, and q still leaves', async () => {
    const r = await startRig({ columns: 100, rows: 30 });
    r.clock.abort();
    r.store.finish(scorecardFixture(), 'runs/x');
    await r.waitForText('team 78 (C)');
    await r.ui.resize(60, 16);
    await r.waitForFrame((f) => MESSAGE.test(f.replace(/\s+/g, ' ')));
    expect(flat(r.ui)).toContain('q leaves');
    expectFits(r.ui, 60, 16);
    await r.press('q');
    expect(r.exited).toBe(1);
  });

  it('review: says so, and q leaves', async () => {
    let left = 0;
    const r = await show(<Review card={scorecardFixture()} theme={theme} onExit={() => left++} />, 79, 24);
    expect(flat(r)).toContain('The terminal is 79×24: make the terminal at least 80×24. q leaves.');
    await r.press('q');
    expect(left).toBe(1);
  });

  it("a participant's lobby: says so, and q still leaves", async () => {
    const model = new FakeParticipant('alice', lobbyWith([{ name: 'alice' }]));
    const r = await show(<LobbyScreen model={model} theme={theme} />, 60, 16);
    expect(flat(r)).toContain('The terminal is 60×16: make the terminal at least 80×24. q or Ctrl+C leaves the lobby.');
    expectFits(r, 60, 16);
    await r.press('q');
    expect(model.leaves).toBe(1);
  });

  it('the host console in the lobby: says so, and Ctrl+C asks before quitting', async () => {
    const model = new FakeConsole(lobbyWith([{ name: 'alice' }]));
    const r = await show(<HostConsole model={model} theme={theme} />, 70, 20);
    expect(flat(r)).toContain('The terminal is 70×20: make the terminal at least 80×24. Ctrl+C asks to quit the host.');
    await r.press(CTRL_C);
    expect(r.lines()[0]).toMatch(/^Quit the host\? Everyone connected is disconnected/);
    expectFits(r, 70, 20);
    await r.press('y');
    expect(model.quits).toBe(1);
  });

  it('the host console during the drill: says so, and Ctrl+C asks before ending it', async () => {
    const model = new FakeConsole(lobbyWith([{ name: 'alice' }]));
    model.go('drill', facilitatorDrill().store);
    const r = await show(<HostConsole model={model} theme={theme} />, 80, 23);
    expect(flat(r)).toContain('The terminal is 80×23: make the terminal at least 80×24. The drill keeps running. Ctrl+C asks to end it.');
    await r.press(CTRL_C);
    expect(r.lines()[0]).toMatch(/^End the drill for everyone and quit the host\? \(y\/n\)/);
    await r.press('n');
    expect(model.quits).toBe(0);
    await r.resize(80, 24);
    expect(r.lastFrame()).toContain('TRUTH');
  });

  it('the host console after the drill: says so, and q quits', async () => {
    const model = new FakeConsole(lobbyWith([{ name: 'alice' }]));
    model.go('ended', facilitatorDrill().store);
    const r = await show(<HostConsole model={model} theme={theme} />, 40, 12);
    expect(flat(r)).toMatch(MESSAGE);
    expectFits(r, 40, 12);
    await r.press('q');
    expect(model.quits).toBe(1);
  });
});
