// Issue 13, items 3-5 on the whole drill screen at fixed sizes: the IC's roster, errors on the hint row, the hot-seat
// "Now speaking" cue and footer, the PAGED header and the bell, and several keys arriving in one read.
import { describe, expect, it } from 'vitest';
import { createTheme } from '../../src/ui/theme';
import { SPEAKER_BANNER_MS } from '../../src/ui/hooks/use-cues';
import { textWidth } from '../../src/ui/text-width';
import { at, eventsOf } from '../helpers/drill';
import { DrillRig } from '../helpers/drill-rig';
import { startsRigs } from '../helpers/start-rigs';
import { CTRL_C, CTRL_F, CTRL_N, CTRL_W, ENTER, LEFT } from '../helpers/render';

const SIZES = [[80, 24], [120, 40], [200, 50]] as const;
const start = startsRigs();
const fits = (r: DrillRig, cols: number) => {
  for (const l of r.ui.lines()) expect(textWidth(l), l).toBeLessThanOrEqual(cols);
};
/** The roster's rows as drawn: the panel's text right of the channel, from ROSTER to the next heading. */
function rosterOf(frame: string): string[] {
  const lines = frame.split('\n');
  const top = lines.findIndex((l) => l.includes('ROSTER'));
  const col = lines[top]!.indexOf('ROSTER');
  const rows: string[] = [];
  for (const l of lines.slice(top + 1)) {
    const cell = [...l].slice(col).join('');
    if (!cell.startsWith(' ')) break;
    rows.push(cell.trim().replace(/ +/g, ' '));
  }
  return rows;
}

const IC_AND_TEAM = {
  humans: [{ name: 'alice', role: 'ic' as const }, { name: 'Zoë', role: 'scribe' as const }, { name: 'carol', role: 'responder' as const, service: 'web' }],
};

describe('the IC roster on the drill screen', () => {
  it.each(SIZES)('shows seats whole, tasks or idle, "paged, not joined", and who types here, at %i×%i', async (cols, rows) => {
    const r = await start({ ...IC_AND_TEAM, columns: cols, rows });
    await r.type('/ic', { enter: true });
    await r.advance(at('3:20'));
    // carol acknowledges her page and takes a task, but never joins the call.
    r.clock.input('carol', '/ack');
    await r.type('/assign @carol check web-logs in 5m', { enter: true });
    await r.advance(1_000);
    const roster = rosterOf(r.frame());
    expect(roster[0]).toBe('▸alice ic idle');
    expect(roster[1]).toBe('Zoë scribe not joined');
    // The team stands in for "responder" where the panel is narrow; the state is whole from 120 columns on.
    expect(roster[2]).toMatch(cols === 80 ? /^carol web-team T1 · (paged, )?not (joined|in)$/ : /^carol (responder )?web-team T1 · paged, not joined$/);
    fits(r, cols);
  });

  it('moves the ▸ with the speaker in hot-seat', async () => {
    const r = await start({ ...IC_AND_TEAM, columns: 120, rows: 40 });
    await r.press(CTRL_N, CTRL_N);
    await r.waitForFrame(() => r.promptLine().startsWith('carol (responder)>'));
    // A responder sees their own panel; back to alice, the IC.
    await r.press(CTRL_N);
    await r.waitForFrame(() => r.promptLine().startsWith('alice (ic)>'));
    expect(rosterOf(r.frame()).filter((x) => x.startsWith('▸'))).toEqual(['▸alice ic not joined']);
  });

  it.each(SIZES)('puts the objection count first on the poll row at %i×%i', async (cols, rows) => {
    const r = await start({ columns: cols, rows });
    await r.type('/ic', { enter: true });
    await r.type('/poll Proposal: fail card payments over to the backup provider before the dinner peak. Any strong objections?', { enter: true });
    const f = await r.waitForText('POLL');
    const poll = f.split('\n').find((l) => / P1 \d+ objections?: /.test(l));
    expect(poll).toBeDefined();
    expect(poll).toContain('P1 0 objections: fail card');
    expect(poll).not.toMatch(/objections\?.*objections/i);
  });
});

describe('@ completion names seats', () => {
  it.each(SIZES)('lists each candidate with their seat, on up to three rows, at %i×%i', async (cols, rows) => {
    const r = await start({ ...IC_AND_TEAM, columns: cols, rows, bots: 'by-the-book' });
    await r.type('/appoint @');
    await r.ui.press('\t');
    await r.waitForFrame(() => r.hintLine().includes('@Zoë (scribe)'));
    const hint = r.hintRows();
    expect(hint.length).toBeGreaterThan(0);
    expect(hint.length).toBeLessThanOrEqual(3);
    expect(r.hintLine().replace(/ +/g, ' ')).toMatch(/^@alice \(ic\) @Zoë \(scribe\) @carol \(responder · web-team\) @\w+ \(/);
    expect(r.promptLine()).toBe('alice (ic)> /appoint @');
    fits(r, cols);
  });
});

describe('errors on the hint row', () => {
  it.each(SIZES)('shows a refused command under the prompt, marked "✗", and never as the speaker\'s chat, at %i×%i', async (cols, rows) => {
    const r = await start({ columns: cols, rows });
    await r.type('/frobnicate', { enter: true });
    await r.waitForFrame(() => r.hintLine().startsWith('✗ '));
    expect(r.hintLine()).toBe('✗ unknown command "/frobnicate" — type /help for the list');
    expect(r.frame()).not.toMatch(/alice: unknown command/);
    // The journal is as before: the refusal is recorded, for alice alone.
    expect(eventsOf(r.events, 'cmd.error', 'alice')).toHaveLength(1);
    fits(r, cols);
  });

  it('draws an error in the error colour, a hint in its own, and tells them apart by prefix under NO_COLOR', async () => {
    const { default: chalk } = await import('chalk');
    const level = chalk.level;
    chalk.level = 1;
    try {
      const coloured = await start({ theme: createTheme(true) });
      await coloured.type('/frobnicate', { enter: true });
      await coloured.waitForFrame(() => coloured.hintLine().startsWith('✗ '));
      expect(coloured.ui.lastRawFrame()).toContain('\x1b[31m✗ unknown command');
      const plain = await start({ theme: createTheme(false) });
      await plain.type('/frobnicate', { enter: true });
      await plain.waitForFrame(() => plain.hintLine().startsWith('✗ '));
      expect(plain.ui.lastRawFrame()).not.toMatch(/\x1b\[(?:3[0-7]|9[0-7]|38;)/);
      await plain.type('/ic', { enter: true });
      await plain.type('/assign @vallie check web-logs', { enter: true });
      await plain.waitForFrame(() => plain.hintLine().startsWith('hint: '));
    } finally {
      chalk.level = level;
    }
  });
});

describe('hot-seat cues', () => {
  const HOT = { humans: [{ name: 'alice', role: 'ic' as const }, { name: 'bob', role: 'scribe' as const }, { name: 'carol', role: 'responder' as const, service: 'web' }] };

  it.each(SIZES)('Ctrl+N shows "Now speaking" under the prompt and the footer names the next speaker, at %i×%i', async (cols, rows) => {
    const r = await start({ ...HOT, columns: cols, rows });
    expect(r.cueLine()).toBeUndefined();
    expect(r.frame().split('\n').at(-1)).toMatch(/^\^C quit {2}\^N → bob {2}/);
    await r.press(CTRL_N);
    await r.waitForFrame(() => r.cueLine() === 'Now speaking: bob (scribe)');
    expect(r.promptLine()).toBe('bob (scribe)>');
    expect(r.frame().split('\n').at(-1)).toMatch(/^\^C quit {2}\^N → carol {2}/);
    // The usual help still shows under the cue; the screen keeps its size.
    expect(r.hintLine()).toBe('type a /command or chat; Tab completes, ? shows help');
    expect(r.ui.lines()).toHaveLength(rows - 1);
    fits(r, cols);
  });

  it('takes the cue down after a moment, and a second Ctrl+N shows the next one', async () => {
    const r = await start({ ...HOT, columns: 100, rows: 30 });
    await r.press(CTRL_N);
    await r.waitForFrame(() => r.cueLine() === 'Now speaking: bob (scribe)');
    await r.press(CTRL_N);
    await r.waitForFrame(() => r.cueLine() === 'Now speaking: carol (responder)');
    const t0 = Date.now();
    await r.waitForFrame(() => r.cueLine() === undefined, SPEAKER_BANNER_MS + 2000);
    expect(Date.now() - t0).toBeGreaterThan(SPEAKER_BANNER_MS / 2);
    expect(r.promptLine()).toBe('carol (responder)>');
  });

  it('draws the cue inverse in the speaker\'s colour', async () => {
    const { default: chalk } = await import('chalk');
    const level = chalk.level;
    chalk.level = 1;
    try {
      const r = await start({ ...HOT, theme: createTheme(true) });
      await r.press(CTRL_N);
      await r.waitForFrame(() => r.cueLine() !== undefined);
      // Cyan is the scribe's colour; 7 is inverse.
      expect(r.ui.lastRawFrame()).toMatch(/\x1b\[(?:36|1|7)m(?:\x1b\[(?:36|1|7)m)* Now speaking: bob \(scribe\) /);
    } finally {
      chalk.level = level;
    }
  });
});

describe('paging cues', () => {
  const RESPONDER = { humans: [{ name: 'carol', role: 'responder' as const, service: 'web' }] };

  it.each(SIZES)('rings the bell once and badges the header with the service until carol acknowledges, at %i×%i', async (cols, rows) => {
    const r = await start({ ...RESPONDER, columns: cols, rows });
    await r.advance(at('3:00'));
    expect(r.bells()).toBe(0);
    expect(r.frame().split('\n')[0]).not.toContain('PAGED');
    await r.advance(at('0:15'));
    const header = (await r.waitForFrame((f) => f.split('\n')[0]!.includes('PAGED'))).split('\n')[0]!;
    expect(header).toMatch(/^Demo +PAGED web +T\+03:15 /);
    expect(textWidth(header)).toBeLessThanOrEqual(cols);
    expect(r.bells()).toBe(1);
    await r.advance(5_000);
    expect(r.bells()).toBe(1);
    await r.type('/ack', { enter: true });
    await r.waitForFrame((f) => !f.split('\n')[0]!.includes('PAGED'));
    expect(r.bells()).toBe(1);
  });

  it('names the paged player in hot-seat, whoever is speaking, and rings for a page to the call', async () => {
    const r = await start({ humans: [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder', service: 'web' }], columns: 120, rows: 40 });
    await r.advance(at('3:15'));
    await r.waitForFrame((f) => f.split('\n')[0]!.includes('PAGED carol: web'));
    expect(r.promptLine()).toBe('alice (ic)>');
    expect(r.bells()).toBe(1);
    await r.press(CTRL_N);
    await r.type('/ack', { enter: true });
    await r.type('/trigger web is down', { enter: true });
    // Triggering pages the IC on call: alice, at this terminal too.
    await r.waitForFrame((f) => f.split('\n')[0]!.includes('PAGED alice: the call'));
    expect(r.bells()).toBe(2);
  });

  it('rings no bell with --quiet, and still shows the badge', async () => {
    const r = await start({ ...RESPONDER, quiet: true });
    await r.advance(at('3:15'));
    await r.waitForFrame((f) => f.split('\n')[0]!.includes('PAGED web'));
    expect(r.bells()).toBe(0);
  });
});

describe('several keys in one read', () => {
  it('handles two control keys arriving in one write (C-f C-f doubles the speed twice)', async () => {
    const r = await start();
    await r.ui.press(CTRL_F + CTRL_F);
    expect(r.clock.speed).toBe(4);
    await r.waitForFrame((f) => f.split('\n')[0]!.includes('4x'));
  });

  it('handles C-n C-n in one write: the keyboard goes two seats on', async () => {
    const r = await start({ humans: [{ name: 'alice', role: 'ic' }, { name: 'bob', role: 'scribe' }, { name: 'carol', role: 'responder', service: 'web' }] });
    await r.ui.press(CTRL_N + CTRL_N);
    await r.waitForFrame(() => r.promptLine() === 'carol (responder)>');
  });

  it('handles text, edits and Enter in one write as the keys they are', async () => {
    const r = await start();
    await r.ui.press(`/icc\x7f${ENTER}hello wrold${CTRL_W}world${ENTER}`);
    expect(eventsOf(r.events, 'input', 'alice').map((e) => e.data.text)).toEqual(['/ic', 'hello world']);
    await r.ui.press(`abc${LEFT}${LEFT}`);
    expect(r.promptLine()).toBe('alice (ic)> abc');
  });

  it('asks and then confirms on C-c C-c in one write, as two reads would', async () => {
    const r = await start();
    await r.ui.press(CTRL_C + CTRL_C);
    expect(r.aborted).toBe(1);
  });
});
