// The drill screen at 80×24, 120×40 and 200×50, frame by frame: no residue at any scroll position, scrollback that
// stops at the first row, word wrap, the divider, the panel's width, "+N more", metric units and sparklines.
import { describe, expect, it } from 'vitest';
import type { CastRequest } from '../../src/engine/cast';
import type { Scenario } from '../../src/scenario/types';
import { channelRows, type ChannelRow } from '../../src/ui/channel-rows';
import { computeLayout, type Layout } from '../../src/ui/layout';
import { at, shipped, starter } from '../helpers/drill';
import { DrillRig, type RigOptions } from '../helpers/drill-rig';
import { startsRigs } from '../helpers/start-rigs';
import { PAGE_DOWN, PAGE_UP } from '../helpers/render';

const SIZES = [[80, 24], [120, 40], [200, 50]] as const;
const CTRL_L = '\x0c';
// The v1 copy: its metrics show by name (the library file is v2 now, with short labels), which the cut test below needs.
const WAL = 'test/fixtures/v1-library/checkout-db-wal-disk-full.yaml';
const DBA: CastRequest[] = [{ name: 'carol', role: 'responder', service: 'checkout-db' }];

const startRig = startsRigs();
const start = (cols: number, rows: number, opts: RigOptions = {}): Promise<DrillRig> => startRig({ ...opts, columns: cols, rows });

/** The screen's parts: the layout for the hint rows showing, and each body row split at the divider. */
function screen(r: DrillRig, cols: number, rows: number) {
  const lines = r.ui.lines();
  const prompt = lines.findIndex((l, i) => i > 0 && l.startsWith(`${r.store.speaker} (`));
  const layout: Layout = computeLayout(cols, rows, lines.length - 2 - prompt);
  const body = lines.slice(1, prompt).map((l) => [...l]);
  expect(body).toHaveLength(layout.bodyRows);
  return {
    layout,
    body,
    channel: body.map((c) => c.slice(0, layout.channelCols).join('').trimEnd()),
    divider: body.map((c) => c.slice(layout.channelCols, layout.channelCols + layout.dividerCols).join('')),
    panel: body.map((c) => c.slice(layout.channelCols + layout.dividerCols).join('').trimEnd()),
  };
}

const drawn = (row: ChannelRow): string => `${row.time}${row.speaker}${row.text}`.trimEnd();

/**
 * Checks the channel shows exactly the rows it stands for, scrolled back as far as its notice says, and nothing
 * else: a row drawn over another would show as a row that is not one of these. Returns the scroll and the top row.
 */
function expectExactChannel(r: DrillRig, cols: number, rows: number): { scroll: number; top: string } {
  const s = screen(r, cols, rows);
  const all = channelRows(r.store.lines, s.layout.channelCols);
  const notice = /^-- (top; )?(\d+) rows back; PgDn to return --$/.exec(s.channel.at(-1) ?? '');
  const scroll = notice ? Number(notice[2]) : 0;
  const height = s.layout.bodyRows - (notice ? 1 : 0);
  const end = all.length - scroll;
  const want = all.slice(Math.max(0, end - height), end).map(drawn);
  expect(s.channel.slice(0, want.length)).toEqual(want);
  // Below the rows: only the notice, or blank rows while the channel is shorter than the screen.
  expect(s.channel.slice(want.length, notice ? -1 : undefined).every((c) => c === '')).toBe(true);
  if (notice) expect(notice[1] !== undefined).toBe(end - height <= 0);
  return { scroll, top: s.channel[0] ?? '' };
}

/** A channel like the one the residue was seen in: long wrapped messages, a speed change, short lines. */
function fillChannel(r: DrillRig, n: number): void {
  for (let i = 1; i <= n; i++) {
    const long = ' We check the replica lag, the archiver and the disk first, then decide on a failover with the whole call listening.'.repeat(1 + (i % 2));
    r.clock.input('alice', `update ${i}: we are doing this by the book, so every step is written down before anyone touches the database, by the book.${long}`);
    if (i % 10 === 0) r.clock.setSpeed(i / 5);
    r.clock.input('alice', `ok ${i}`);
  }
}

describe.each(SIZES)('the drill screen at %i×%i', (cols, rows) => {
  it('leaves no residue at any scroll position, with a wrapped message partly off the top, nor after Ctrl+L', async () => {
    const r = await start(cols, rows);
    fillChannel(r, rows);
    await r.advance(3000);
    let partlyOffTop = 0;
    await r.press(PAGE_UP);
    // Scrolled back while the channel moves on: each new message moves a different row to the top.
    for (let i = 1; i <= 6; i++) {
      r.clock.input('alice', `late ${i}: the archiver has been failing since Tuesday, so the pg_wal volume kept every segment, and it is nearly full now.${' It grows by 200 MB a minute.'.repeat(i)}`);
      await r.advance(0);
      if (/^ {6}\S/.test(expectExactChannel(r, cols, rows).top)) partlyOffTop++;
    }
    let last = expectExactChannel(r, cols, rows);
    for (let i = 0; i < 40; i++) {
      await r.press(PAGE_UP);
      const now = expectExactChannel(r, cols, rows);
      // A continuation row at the top: a wrapped message whose first rows are scrolled off.
      if (/^ {6}\S/.test(now.top)) partlyOffTop++;
      await r.press(CTRL_L);
      expect(expectExactChannel(r, cols, rows)).toEqual(now);
      if (now.scroll === last.scroll) break;
      last = now;
    }
    expect(partlyOffTop).toBeGreaterThan(0);
    for (let i = 0; i < 40 && last.scroll > 0; i++) {
      await r.press(PAGE_DOWN);
      last = expectExactChannel(r, cols, rows);
    }
    expect(last.scroll).toBe(0);
  });

  it('stops scrolling back at the first row, with no blank pages above it', async () => {
    const r = await start(cols, rows);
    fillChannel(r, rows);
    await r.advance(0);
    for (let i = 0; i < 30; i++) await r.press(PAGE_UP);
    const top = r.frame();
    const s = screen(r, cols, rows);
    expect(s.channel[0]).toMatch(/^00:00 The drill has started\./);
    expect(s.channel.at(-1)).toMatch(/^-- top; \d+ rows back; PgDn to return --$/);
    expect(s.channel.slice(0, -1).every((c) => c !== '')).toBe(true);
    await r.press(PAGE_UP);
    expect(r.frame()).toBe(top);
    // The way back starts at once: one PgDn moves a page down from the top, not from rows scrolled past it.
    await r.press(PAGE_DOWN);
    const back = screen(r, cols, rows);
    expect(back.channel.at(-1)).toMatch(/rows back/);
    expect(back.channel[0]).not.toBe(s.channel[0]);
  });

  it('wraps at word boundaries: no word that fits a row is split', async () => {
    const r = await start(cols, rows);
    const text = '[customer-report] Support is getting calls: checkout hangs for a long time and some customers see "Your payment could not be completed". A few say they were charged twice, e.g. order-7f3a9c2e1b on https://status.example.com/incidents/2024-03-checkout.';
    r.clock.say('Jonas (Customer Support)', text);
    await r.advance(0);
    const s = screen(r, cols, rows);
    const first = s.channel.findIndex((c) => c.startsWith('00:00 Jonas (Customer Support):'));
    expect(first).toBeGreaterThanOrEqual(0);
    const mine = [s.channel[first]!.slice('00:00 Jonas (Customer Support):'.length), ...s.channel.slice(first + 1).filter((c) => c.startsWith('      ')).map((c) => c.slice(6))];
    const words = new Set(mine.flatMap((row) => row.split(' ')).filter((w) => w !== ''));
    for (const word of text.split(' ').filter((w) => w.length <= s.layout.channelCols - 6)) expect(words, word).toContain(word);
    // At 80 columns "[customer-report]" does not fit beside the name: it starts the next row whole.
    if (cols === 80) expect(s.channel[first + 1]).toMatch(/^ {6}\[customer-report\] /);
  });

  it('draws a muted divider between channel and panel on every body row, and the panel a third of the width', async () => {
    const r = await start(cols, rows);
    fillChannel(r, rows);
    await r.advance(0);
    const s = screen(r, cols, rows);
    // ' │' and the panel's text, or the end of the row where the panel has none.
    expect(s.divider.map((d) => d.trimEnd())).toEqual(s.body.map(() => ' │'));
    expect(s.layout.panelCols).toBe({ 80: 32, 120: 40, 200: 60 }[cols]);
    expect(s.layout.channelCols + s.layout.dividerCols + s.layout.panelCols).toBe(cols);
    expect(s.panel[0]).toBe('ROSTER');
    expect(s.body.every((c) => c.length <= cols)).toBe(true);
    // The divider is a character, not a colour: it is there under NO_COLOR (these frames have no colour).
    expect(r.ui.lastRawFrame()).not.toMatch(/\x1b\[(?:3[0-7]|9[0-7]|38;)/);
  });

  it('shows a responder every panel section, a cut list ending in "+N more", and metric values with their units', async () => {
    const r = await start(cols, rows, { scenario: shipped(WAL), humans: DBA, bots: 'by-the-book' });
    await r.advance(at('6:00'));
    await r.type('/check db-disk', { enter: true });
    await r.advance(at('0:40'));
    const panel = screen(r, cols, rows).panel;
    for (const title of ['PAGES', 'YOUR TASKS', 'PROBES (/check)', 'ACTIONS (/run, * major)', 'METRICS', 'LAST CHECK']) expect(panel, title).toContain(title);
    expect(panel[panel.indexOf('LAST CHECK') + 1]).toMatch(/^ db-disk: The pg_wal volume is/);
    // The dba team has four probes: at 80×24 two show and the rest are counted; wider screens show all four.
    const probes = panel.slice(panel.indexOf('PROBES (/check)') + 1, panel.indexOf('ACTIONS (/run, * major)'));
    if (cols === 80) expect(probes).toEqual([expect.stringMatching(/^ db-disk /), expect.stringMatching(/^ archiver-status /), ' +2 more']);
    else expect(probes.map((p) => p.split(' ')[1])).toEqual(['db-disk', 'archiver-status', 'db-load', 'replica-status']);
    const metric = (name: string) => panel.find((p) => p.startsWith(` ${name}`)) ?? '';
    expect(metric('commit_latency_p')).toMatch(/^ commit_latency_p(99|…) +\d+(\.\d+)?ms [▁▂▃▄▅▆▇█]{6,}$/u);
    expect(metric('wal_disk_used')).toMatch(/^ wal_disk_used +\d+(\.\d+)?% [▁▂▃▄▅▆▇█]{6,}$/u);
    expect(metric('archive_backlog')).toMatch(/^ archive_backlog +\d+ [▁▂▃▄▅▆▇█]{6,}$/u);
    if (cols > 80) expect(metric('commit_latency_p99')).toMatch(/^ commit_latency_p99 +\d+(\.\d+)?ms /);
  });

  it('draws a steady metric as a flat low line and a changing one across the full height', async () => {
    const base = starter();
    // The starter's web metrics without noise: what a steady value looks like.
    const quiet: Scenario = { ...base, services: base.services.map((svc) => ({ ...svc, metrics: svc.metrics.map((m) => ({ ...m, noise: 0 })) })) };
    const r = await start(cols, rows, { scenario: quiet, humans: [{ name: 'carol', role: 'responder', service: 'web' }] });
    await r.advance(at('1:50'));
    const steady = screen(r, cols, rows).panel.filter((p) => /^ (error_rate|latency_p99) /.test(p));
    expect(steady).toHaveLength(2);
    for (const row of steady) expect(row).toMatch(/ ▁+$/u);
    // The fault at 2:00 takes the error rate from 0.5% to 45%: the sparkline climbs from the bottom to the top.
    await r.advance(at('0:40'));
    const changed = screen(r, cols, rows).panel.find((p) => p.startsWith(' error_rate '))!;
    expect(changed).toMatch(/ ▁[▁▂▃▄▅▆▇█]*█$/u);
  });
});
