// The drill screen as a terminal shows it (node-pty and a headless xterm): scrolled back to the first line and
// after resizes in the middle of wrapped messages, the channel shows exactly the rows of what was said, and the
// screen is what a full repaint (Ctrl+L) draws.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stripControl } from '../../src/engine/sanitize';
import { loadScenario } from '../../src/io/scenario-file';
import type { ChannelLine } from '../../src/ui/channel';
import { channelRows } from '../../src/ui/channel-rows';
import { computeLayout } from '../../src/ui/layout';
import { ROOT } from '../helpers/cli';
import { KEYS, PtyRun } from '../helpers/pty';
import { tempDir } from '../helpers/tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');
const PAGE_UP = '\x1b[5~';
const CTRL_L = '\x0c';
const CTRL_P = '\x10';

const runs: PtyRun[] = [];
afterEach(async () => {
  await Promise.all(runs.splice(0).map((r) => r.stop()));
});
function start(cols: number, rows: number): PtyRun {
  const r = new PtyRun(['run', INTRO, '--seed', '7', '--out', 'run', '--as', 'alice:ic', '--bots', 'none'], { cols, rows, cwd: tempDir('e2e') });
  runs.push(r);
  return r;
}

/**
 * What alice says: messages of several lengths that wrap at every width, each with its own words so a stray tail
 * shows, and between them a short line (where a longer row drawn under it left its tail: "ok 21istening.").
 */
function saying(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i + 1;
    return [
      `m${k}: the archiver on db-${k} has failed since Tuesday, so pg_wal kept segment ${k}00${k} and the volume is at ${90 + (k % 10)}% now; ` +
        `${'we fail over to the replica when its lag is under a few seconds, '.repeat(1 + ((k + 1) % 3))}by the book.`,
      `ok ${k}`,
    ];
  }).flat();
}

/** Waits until the screen has not changed for a while (Ink has drawn, and any repaint after a resize is done). */
async function settled(r: PtyRun, quietMs = 400): Promise<string> {
  let last = await r.waitFor(() => true);
  for (let t0 = Date.now(); ;) {
    await new Promise((res) => setTimeout(res, quietMs));
    const now = await r.waitFor(() => true);
    if (now === last) return now;
    if (Date.now() - t0 > 10_000) throw new Error(`the screen kept changing:\n${now}`);
    last = now;
  }
}

/** The channel's lines in these drills: the start and briefing, the pause, and what alice said, in that order. */
function channelOf(said: readonly string[]): ChannelLine[] {
  const summary = loadScenario(INTRO).scenario?.summary ?? '';
  const line = (seq: number, kind: ChannelLine['kind'], text: string): ChannelLine => ({ seq, atMs: 0, who: 'alice', role: 'ic', kind, text });
  return [
    line(1, 'system', `The drill has started. Watch for pages; type ? for help.\nBriefing: ${stripControl(summary)}`),
    line(2, 'system', 'The facilitator paused the drill clock.'),
    ...said.map((x, i) => line(3 + i, 'chat', x)),
  ];
}

/**
 * Checks the channel on a screen of `cols` columns shows exactly the rows of these lines, as far back as its
 * notice says, with the divider beside every row. A row drawn over another would show as a row that is not one of
 * these, or as one missing ("ok 21istening."). Returns the channel's rows as drawn.
 */
function expectChannel(screen: string, cols: number, said: readonly string[]): string[] {
  const l = computeLayout(cols, 24);
  const rows = screen.split('\n');
  const prompt = rows.findIndex((x) => x.startsWith('alice (ic)>'));
  expect(prompt, screen).toBeGreaterThan(1);
  const body = rows.slice(1, prompt);
  for (const [i, x] of body.entries()) expect([...x].slice(l.channelCols, l.channelCols + 2).join(''), `row ${i + 1}: ${x}\n${screen}`).toBe(' │');
  const channel = body.map((x) => [...x].slice(0, l.channelCols).join('').trimEnd());
  const all = channelRows(channelOf(said), l.channelCols).map((r) => `${r.time}${r.speaker}${r.text}`.trimEnd());
  const notice = /^-- (?:top; )?(\d+) rows back; PgDn to return --$/.exec(channel.at(-1) ?? '');
  const height = body.length - (notice ? 1 : 0);
  const end = all.length - Number(notice?.[1] ?? 0);
  const want = all.slice(Math.max(0, end - height), end);
  expect(channel.slice(0, want.length), screen).toEqual(want);
  expect(channel.slice(want.length, notice ? -1 : undefined).every((x) => x === ''), screen).toBe(true);
  return channel;
}

describe('the drill screen on a terminal', () => {
  it('scrolls back to the first line and no further, with every row whole and nothing left over', async () => {
    const r = start(80, 24);
    await r.waitFor('alice (ic)>');
    // Paused, nothing else changes the screen while it is compared.
    r.press(CTRL_P);
    await r.waitFor('The facilitator paused the drill clock.');
    const lines = saying(10);
    for (const x of lines) {
      r.press(`${x}\r`);
      await r.waitFor(`alice: ${x.slice(0, 12)}`);
    }
    let screen = '';
    for (let i = 0; i < 12; i++) {
      r.press(PAGE_UP);
      screen = await settled(r, 250);
      expectChannel(screen, 80, lines);
    }
    const channel = expectChannel(screen, 80, lines);
    expect(channel[0]).toMatch(/^00:00 The drill has started\./);
    expect(channel.at(-1)).toMatch(/^-- top; \d+ rows back; PgDn to return --$/);
    expect(channel.slice(0, -1).every((x) => x !== '')).toBe(true);
    r.press(CTRL_L);
    expect(await settled(r)).toBe(screen);
  });

  it('redraws cleanly when resized in the middle of wrapped messages, the same as a full repaint', async () => {
    const r = start(100, 30);
    await r.waitFor('alice (ic)>');
    r.press(CTRL_P);
    await r.waitFor('The facilitator paused the drill clock.');
    const lines = saying(5);
    for (const x of lines) {
      r.press(`${x}\r`);
      await r.waitFor(`alice: ${x.slice(0, 12)}`);
    }
    // Scrolled back too, so the top row is partway through a wrapped message at some sizes.
    r.press(PAGE_UP);
    for (const [cols, rows] of [[80, 24], [120, 40], [90, 26], [200, 50], [80, 24]] as const) {
      r.resize(cols, rows);
      const screen = await settled(r);
      expect(screen.split('\n').filter((x) => x.startsWith('alice (ic)>')), screen).toHaveLength(1);
      expect(screen.split('\n')[0], screen).toMatch(/^Orders fail during the lunchtime rush +T\+\d\d:\d\d {2}PAUSED/);
      expectChannel(screen, cols, lines);
      r.press(CTRL_L);
      expect(await settled(r), `${cols}×${rows}`).toBe(screen);
    }
    r.press(KEYS.CTRL_C);
    await r.waitFor('End the drill?');
  });
});
