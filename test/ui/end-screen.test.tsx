// The end of `run`: the scorecard (the screen `review` shows), and one key away the final channel as it stood at the
// end, each entry openable in full, and back; at 80×24, 120×40 and 200×50.
import { describe, expect, it } from 'vitest';
import { at } from '../helpers/drill';
import { DrillRig } from '../helpers/drill-rig';
import { startsRigs } from '../helpers/start-rigs';
import { DOWN, END, ENTER, ESC, HOME, PAGE_UP, TAB, width } from '../helpers/render';
import { scorecardFixture } from '../helpers/scorecard-fixture';

const CTRL_G = '\x07';
const CTRL_C = '\x03';
const SIZES = [[80, 24], [120, 40], [200, 50]] as const;
const FINAL = 'The drill has ended: this is the final channel, as it stood at the end.';

const startRig = startsRigs();

/** A drill alice played to its end, scored and showing the scorecard. */
async function ended(columns: number, rows: number): Promise<DrillRig> {
  const r = await startRig({ columns, rows });
  await r.advance(at('3:00'));
  r.clock.input('alice', '/ic');
  r.clock.input('alice', 'The last thing said in the channel before the end');
  await r.advance(1000);
  r.clock.abort();
  await r.advance(0);
  r.store.finish(scorecardFixture(), 'firedrill-runs/x');
  await r.waitForText('You, Incident Commander: 85 (B) · team 78 (C)');
  return r;
}

function expectFits(r: DrillRig, cols: number, rows: number): void {
  const lines = r.ui.lines();
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(cols);
}

describe('EndScreen', () => {
  it.each(SIZES)('goes from the scorecard to the final channel and back with Tab, at %i×%i', async (cols, rows) => {
    const r = await ended(cols, rows);
    expect(r.frame()).toMatch(/^Enter\/q leave {2}Tab final channel/m);
    expect(r.frame()).toContain('Time to acknowledge');
    expectFits(r, cols, rows);

    await r.press(TAB);
    const channel = await r.waitForText(FINAL);
    // The channel's rows only (left of the divider), rejoined: the line may wrap.
    expect(channel.split('\n').map((l) => l.split(' │')[0]!).join(' ').replace(/\s+/g, ' ')).toContain('alice: The last thing said in the channel before the end');
    expect(channel).toContain('The drill has ended: aborted.');
    expect(channel).toMatch(/^Tab scorecard {2}q leave {2}PgUp\/PgDn scroll {2}\^G full entry$/m);
    expect(channel).not.toContain('Time to acknowledge');
    expectFits(r, cols, rows);

    await r.press(TAB);
    await r.waitForFrame((f) => f.includes('Time to acknowledge') && !f.includes(FINAL));
    expect(r.exited).toBe(0);
  });

  it.each(SIZES)('opens the final channel\'s entries in full, and leaves with q, at %i×%i', async (cols, rows) => {
    const r = await ended(cols, rows);
    await r.press(TAB);
    await r.waitForText(FINAL);
    await r.press(CTRL_G);
    const total = r.store.lines.length;
    const f = await r.waitForText(`ENTRY ${total} of ${total}`);
    expect(f).toContain('The drill has ended: aborted.');
    await r.press('\x1b[A');
    await r.waitForText(`ENTRY ${total - 1} of ${total}`);
    expectFits(r, cols, rows);
    // Esc closes the entry, not the channel; q in the entry closes it too, and is not a leave.
    await r.press(ESC);
    await r.waitForFrame((x) => !x.includes('ENTRY ') && x.includes(FINAL));
    await r.press(ENTER);
    await r.waitForText('ENTRY ');
    await r.press('q');
    await r.waitForFrame((x) => !x.includes('ENTRY ') && x.includes(FINAL));
    expect(r.exited).toBe(0);
    await r.press('q');
    expect(r.exited).toBe(1);
  });

  it('keeps the scorecard where it was scrolled while the channel showed', async () => {
    const r = await ended(80, 24);
    await r.press(END);
    const bottom = await r.waitForText('Run folder: firedrill-runs/x');
    await r.press(TAB);
    await r.waitForText(FINAL);
    await r.press(ESC);
    await r.waitForFrame((f) => f === bottom);
    await r.press(HOME, DOWN);
    expect(r.frame()).toMatch(/rows 2–/);
    await r.press(PAGE_UP);
    expect(r.frame()).toMatch(/rows 1–/);
  });

  it('leaves from the scorecard with Enter, q or Ctrl+C', async () => {
    for (const key of [ENTER, 'q', CTRL_C]) {
      const r = await ended(100, 30);
      await r.press(key);
      expect(r.exited).toBe(1);
    }
  });
});
