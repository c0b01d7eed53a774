// Whole texts: a report, a check result or an inject is never cut in the channel, and the full text of any entry is
// one key away (^G), in a view of its own at 80×24, 120×40 and 200×50.
import { describe, expect, it } from 'vitest';
import { channelLine } from '../../src/ui/channel';
import { entryDetail } from '../../src/ui/detail-text';
import { at } from '../helpers/drill';
import { DrillRig } from '../helpers/drill-rig';
import { startsRigs } from '../helpers/start-rigs';
import { DOWN, ESC, PAGE_DOWN, PAGE_UP, UP, width } from '../helpers/render';

const CTRL_G = '\x07';
const SIZES = [[80, 24], [120, 40], [200, 50]] as const;
// A finding longer than a row at any of the sizes, with its last words the clue.
const FINDING = 'Nearly every error is a 503 after exactly 3000 ms with "timeout acquiring connection from pool orders-db (active=5 max=5)". '
  + 'Waits for a connection went from about 2 ms to 2.9 s at T+2m, while traffic stayed at its usual 850 requests per second. '
  + 'Its changelog includes "config: move database settings under orders.db and cap the pool at five connections per pod".';

const startRig = startsRigs();

/** alice (IC) and carol (responder on web) at one screen; carol checked the web logs and reported on T1. */
async function drilled(columns: number, rows: number): Promise<DrillRig> {
  const r = await startRig({ humans: [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder', service: 'web' }], columns, rows });
  await r.advance(at('3:00'));
  r.clock.input('alice', '/ic');
  r.clock.input('alice', '/assign @carol check web-logs in 5m');
  r.clock.input('carol', '/check web-logs');
  await r.advance(at('1:00'));
  r.clock.input('carol', `/report T1 ${FINDING}`);
  await r.advance(1000);
  return r;
}

/** The rows of the frame between the header and the command line, joined as one text (wrapped rows rejoined). */
const bodyText = (r: DrillRig): string => r.ui.lines().slice(1, -3).join(' ').replace(/\s+/g, ' ');

describe('channel entries in full', () => {
  it.each(SIZES)('never cuts a report in the channel, at %i×%i', async (cols, rows) => {
    const r = await drilled(cols, rows);
    // The channel's rows only (left of the divider), rejoined: a wrapped report reads on across them.
    const channelText = (x: string): string => x.split('\n').map((l) => l.split(' │')[0]!).join(' ').replace(/\s+/g, ' ');
    const f = await r.waitForFrame((x) => channelText(x).includes('cap the pool at five connections per pod".'));
    expect(f).not.toMatch(/unde\.\.\.|\.\.\.$/m);
    expect(r.events.some((e) => e.type === 'task.report' && e.data.text === FINDING)).toBe(true);
  });

  it.each(SIZES)('^G opens the newest entry whole, ↑/↓ step through entries, Esc closes, at %i×%i', async (cols, rows) => {
    const r = await drilled(cols, rows);
    const total = r.store.lines.length;
    await r.press(CTRL_G);
    const f = await r.waitForText(`ENTRY ${total} of ${total}`);
    expect(f).toMatch(new RegExp(`^ENTRY ${total} of ${total} · 04:00 carol \\(responder\\) · chat$`, 'm'));
    expect(bodyText(r)).toContain(`T1: ${FINDING}`);
    expect(f).not.toContain('…');
    expect(f).not.toContain('ROSTER');
    for (const line of r.ui.lines()) expect(width(line)).toBeLessThanOrEqual(cols);
    expect(r.ui.lines().at(-4)).toMatch(/^Esc close {2}↑\/↓ older\/newer {2}PgUp\/PgDn scroll/);
    expect(r.hintLine()).toBe('Esc closes the entry; the command line waits until then');

    // Step back to carol's check result: every log line it read, which the channel never cut either.
    const result = r.store.lines.findIndex((l) => l.kind === 'result');
    for (let i = total - 1; i > result; i--) await r.press(UP);
    const detail = await r.waitForText(`ENTRY ${result + 1} of ${total}`);
    expect(detail).toContain('· check result · only you see this');
    expect(detail).toMatch(/^Logs:$/m);
    const event = r.events.find((e) => e.type === 'probe.result')!;
    expect(event.type === 'probe.result' && event.data.logs.length).toBeGreaterThan(3);
    if (event.type === 'probe.result') for (const log of event.data.logs) expect(bodyText(r)).toContain(log);
    await r.press(DOWN);
    await r.waitForText(`ENTRY ${result + 2} of ${total}`);

    // Keys in the view are its own: nothing is typed into the hidden command line.
    await r.press('x');
    await r.press(ESC);
    await r.waitForFrame((x) => !x.includes('ENTRY ') && x.includes('ROSTER'));
    expect(r.promptLine()).toBe('alice (ic)>');
  });

  it('opens the newest entry on screen when the channel is scrolled back', async () => {
    const r = await drilled(100, 30);
    for (let i = 0; i < 30; i++) r.clock.input('alice', `message ${i}`);
    await r.advance(1000);
    await r.press(PAGE_UP);
    const back = await r.waitForText('rows back');
    const shown = [...back.matchAll(/alice: message (\d+)\b/g)].map((m) => Number(m[1]));
    const bottom = Math.max(...shown);
    expect(bottom).toBeLessThan(29);
    await r.press(CTRL_G);
    const f = await r.waitForText('ENTRY ');
    const [, n, of] = /ENTRY (\d+) of (\d+)/.exec(f)!;
    expect(Number(n)).toBe(Number(of) - (29 - bottom));
    expect(bodyText(r)).toContain(`ENTRY ${n} of ${of} · 04:01 alice (ic) · chat message ${bottom} `);
  });

  it('scrolls an entry longer than the screen with PgDn and PgUp at 80×24', async () => {
    const r = await drilled(80, 24);
    const long = Array.from({ length: 60 }, (_, i) => `line-${i}`).join(' ') + ` ${FINDING}`.repeat(4);
    r.clock.input('carol', long);
    await r.advance(1000);
    await r.press(CTRL_G);
    const f = await r.waitForText('ENTRY ');
    const where = /rows 1–(\d+) of (\d+)$/m.exec(f);
    expect(where).not.toBeNull();
    await r.press(PAGE_DOWN);
    expect(r.frame()).toMatch(/rows (\d+)–(\d+) of \d+$/m);
    expect(r.frame()).not.toMatch(/rows 1–/m);
    await r.press(PAGE_UP);
    expect(r.frame()).toMatch(/rows 1–/m);
  });
});

describe('entryDetail', () => {
  it('lists every metric and log line of a check result, each on its own line', () => {
    const e = {
      seq: 9, atMs: 61_000, actor: 'carol', role: 'responder', type: 'probe.result' as const, wall: '',
      data: { probe: 'web-logs', text: 'Every error names the config.', metrics: [{ ref: 'web.error_rate', value: '45%' }], logs: ['01:00 ERROR a', '01:01 ERROR b', '01:02 ERROR c', '01:03 ERROR d', '01:04 ERROR e'] },
    };
    const line = channelLine(e as never)!;
    expect(entryDetail(line, e as never)).toEqual({
      heading: '01:01 carol (responder) · check result · only you see this',
      lines: ['web-logs: Every error names the config.', '', 'Metrics:', '  web.error_rate = 45%', '', 'Logs:', '  01:00 ERROR a', '  01:01 ERROR b', '  01:02 ERROR c', '  01:03 ERROR d', '  01:04 ERROR e'],
    });
  });

  it('draws any other entry as its channel text, cleaned of control sequences', () => {
    const e = { seq: 3, atMs: 0, actor: 'Support', role: 'system', type: 'inject' as const, wall: '', data: { kind: 'customer-report', text: 'Customers\u001b[2J say\nit fails' } };
    const line = channelLine(e as never)!;
    expect(entryDetail(line, e as never)).toEqual({ heading: '00:00 Support · inject', lines: ['[customer-report] Customers say it fails'] });
  });
});
