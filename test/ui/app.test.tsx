// The whole terminal app driven through its keyboard on simulated drill time (DrillRig).
import { describe, expect, it } from 'vitest';
import { createTheme } from '../../src/ui/theme';
import { at, eventsOf } from '../helpers/drill';
import { DrillRig } from '../helpers/drill-rig';
import { startsRigs } from '../helpers/start-rigs';
import {
  BACKSPACE, CTRL_C, CTRL_E, CTRL_F, CTRL_N, CTRL_O, CTRL_P, CTRL_T, CTRL_U, CTRL_W, DOWN, END, ENTER, ESC, LEFT, PAGE_DOWN, PAGE_UP, TAB, UP, width,
} from '../helpers/render';
import { scorecardFixture } from '../helpers/scorecard-fixture';

const start = startsRigs();
const HOT_SEAT = { humans: [{ name: 'alice', role: 'ic' as const }, { name: 'bob', role: 'scribe' as const }] };
const inputs = (r: DrillRig) => eventsOf(r.events, 'input').map((e) => `${e.actor}: ${String(e.data.text)}`);

describe('App: the drill screen', () => {
  it('shows the header, the drill-start line, the IC panel, the prompt, the hint and the footer', async () => {
    const r = await start();
    const lines = r.ui.lines();
    expect(lines).toHaveLength(29); // the last terminal row stays free
    expect(lines[0]).toMatch(/^Demo +T\+00:00 {2}1x {2}SEV \? {2}IC — {2}quiet$/);
    // The channel, the divider and the panel, which takes a third of the width (33 of 100 columns).
    expect(lines[1]).toMatch(/^00:00 The drill has started\. Watch for pages; type \? for help\. +│ ROSTER$/);
    expect(lines[1]!.indexOf('│ ROSTER')).toBe(100 - 33 - 2);
    // alice is typing here (▸), holds the IC seat and has not joined the call yet.
    expect(lines[2]).toMatch(/^ {6}Briefing: What the players are told when the drill starts\. │ {2}▸alice ic +not joined$/);
    expect(r.promptLine()).toBe('alice (ic)>');
    expect(r.hintLine()).toBe('type a /command or chat; Tab completes, ? shows help');
    expect(lines[28]).toBe('^C quit  ? help  ^P pause  ^F faster  ^S slower  ^T inject  ^E end');
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(100);
  });

  it('shows the ALERT and PAGE lines once drill time passes the alert', async () => {
    const r = await start();
    await r.advance(at('3:20'));
    const f = await r.waitForText('ALERT web-errors (high urgency)');
    expect(f).toMatch(/^03:10 PAGE \w+ for web-errors/m);
    await r.waitForFrame((x) => x.split('\n')[0]!.includes('T+03:20') && x.split('\n')[0]!.endsWith('alerting'));
  });

  it('journals /ack from alice and shows the acknowledgement', async () => {
    const r = await start();
    await r.advance(at('3:20'));
    await r.type('/ack', { enter: true });
    expect(inputs(r)).toEqual(['alice: /ack']);
    expect(eventsOf(r.events, 'alert.ack', 'alice')).toHaveLength(1);
    await r.waitForText('03:20 alice acknowledged web-errors');
    expect(r.promptLine()).toBe('alice (ic)>');
  });

  it('shows alice her own command error on her hint row, marked as an error, never as her chat in the channel', async () => {
    const r = await start();
    await r.type('/ack', { enter: true });
    // The journal keeps the refusal as before; only where it is drawn changed.
    expect(eventsOf(r.events, 'cmd.error', 'alice').map((e) => e.data.message)).toEqual(['there is no unacknowledged page or task']);
    await r.waitForFrame(() => r.hintLine() === '✗ there is no unacknowledged page or task');
    expect(r.frame()).not.toContain('alice: there is no unacknowledged');
    expect(r.store.lines.some((l) => l.kind === 'error')).toBe(false);
    await r.type('x');
    expect(r.hintLine()).toBe('chat: Enter sends it to the incident channel');
  });

  it('shows the usage of the command being typed', async () => {
    const r = await start();
    await r.type('/ic', { enter: true });
    await r.type('/sev');
    expect(r.hintLine()).toBe('/sev SEV-n — IC declares the severity');
    await r.type(' SEV-2', { enter: true });
    await r.waitForFrame((f) => f.split('\n')[0]!.includes('SEV-2'));
  });

  it('sends chat and commands typed in one paste, one per line', async () => {
    const r = await start();
    await r.ui.press('/ic\r/sev SEV-3\rhello all\r');
    expect(inputs(r)).toEqual(['alice: /ic', 'alice: /sev SEV-3', 'alice: hello all']);
    await r.waitForText('00:00 alice: hello all');
  });
});

describe('App: line editing', () => {
  it('completes /as to /assign with Tab', async () => {
    const r = await start();
    await r.type('/as');
    await r.press(TAB);
    expect(r.promptLine()).toBe('alice (ic)> /assign');
    await r.type('@v');
    await r.press(TAB);
    expect(r.promptLine()).toMatch(/^alice \(ic\)> \/assign @vallie$/);
  });

  it('lists the candidates in the hint when Tab cannot decide', async () => {
    const r = await start();
    await r.type('/a');
    await r.press(TAB);
    expect(r.promptLine()).toBe('alice (ic)> /a');
    expect(r.hintLine()).toBe('/ack  /appoint  /assign  /approve  /answer');
    await r.type('p');
    expect(r.hintLine()).toBe('/appoint  /approve');
  });

  it('recalls the last line with Up and returns to the draft with Down', async () => {
    const r = await start();
    await r.type('/ic', { enter: true });
    await r.type('hello', { enter: true });
    await r.type('draft');
    await r.press(UP);
    expect(r.promptLine()).toBe('alice (ic)> hello');
    await r.press(UP);
    expect(r.promptLine()).toBe('alice (ic)> /ic');
    await r.press(DOWN, DOWN);
    expect(r.promptLine()).toBe('alice (ic)> draft');
  });

  it('edits with Backspace, Left, Ctrl+W, Ctrl+U and Esc', async () => {
    const r = await start();
    await r.type('/sev SEV-22');
    await r.press(BACKSPACE);
    expect(r.promptLine()).toBe('alice (ic)> /sev SEV-2');
    await r.press(LEFT, LEFT, LEFT, LEFT, LEFT, LEFT);
    await r.type('x');
    expect(r.promptLine()).toBe('alice (ic)> /sevx SEV-2');
    await r.press(CTRL_W);
    expect(r.promptLine()).toBe('alice (ic)>  SEV-2');
    await r.press(CTRL_U);
    expect(r.promptLine()).toBe('alice (ic)>');
    await r.type('chat');
    await r.press(ESC);
    expect(r.promptLine()).toBe('alice (ic)>');
    expect(inputs(r)).toEqual([]);
  });
});

describe('App: help overlay', () => {
  it('opens with ? on an empty line and closes with Esc', async () => {
    const r = await start();
    await r.press('?');
    const f = await r.waitForText('Help — Esc or ? to close');
    expect(f).toMatch(/^KEYS +/m);
    expect(f).toMatch(/^\^C {9}end the drill/m);
    expect(f).not.toContain('ROSTER');
    expect(f).toMatch(/COMMANDS/);
    expect(f).toMatch(/\/ack \[T#\] — acknowledge your page \(or your task\)/);
    // At 100×30 the rest is on a second page: PgDn turns to it, and nothing is typed or scrolled behind.
    expect(f).toContain('page 1 of 2, PgDn for more');
    await r.press(PAGE_DOWN);
    const next = await r.waitForText('page 2 of 2');
    expect(next).toContain('/postmortem @name [by DATE]');
    expect(inputs(r)).toEqual([]);
    await r.press(ESC);
    await r.waitForFrame((x) => !x.includes('Help — Esc') && x.includes('ROSTER'));
    expect(r.promptLine()).toBe('alice (ic)>');
  });

  it('closes with ? too, and opens for /help', async () => {
    const r = await start();
    await r.press('?');
    await r.waitForText('Help — Esc');
    await r.press('?');
    await r.waitForFrame((x) => !x.includes('Help — Esc'));
    await r.type('/help', { enter: true });
    await r.waitForText('Help — Esc');
    expect(inputs(r)).toEqual([]);
  });

  it('types ? inside text instead of opening help', async () => {
    const r = await start();
    await r.type('anyone on web?');
    expect(r.promptLine()).toBe('alice (ic)> anyone on web?');
    expect(r.frame()).not.toContain('Help — Esc');
    await r.press(ENTER);
    expect(inputs(r)).toEqual(['alice: anyone on web?']);
  });
});

describe('App: hot-seat', () => {
  it('switches the speaker with Ctrl+N, and the prompt, panel and journal follow', async () => {
    const r = await start(HOT_SEAT);
    // The footer names who Ctrl+N hands the keyboard to.
    expect(r.frame().split('\n').at(-1)).toContain('^N → bob');
    expect(r.promptLine()).toBe('alice (ic)>');
    await r.press(CTRL_N);
    await r.waitForFrame(() => r.promptLine() === 'bob (scribe)>');
    expect(r.frame()).toContain('NOT YET NOTED');
    await r.type('/note drill started', { enter: true });
    await r.press(CTRL_N);
    await r.waitForFrame(() => r.promptLine() === 'alice (ic)>');
    await r.type('/ic', { enter: true });
    expect(inputs(r)).toEqual(['bob: /note drill started', 'alice: /ic']);
  });

  it('does nothing on Ctrl+N with one local human', async () => {
    const r = await start();
    await r.press(CTRL_N);
    expect(r.promptLine()).toBe('alice (ic)>');
    expect(r.frame()).not.toContain('^N');
    expect(r.frame()).not.toContain('Now speaking');
  });

  // Regression: the prompt and panel take a person's role from their seat when they hold no role, so the
  // IC who handed over command still reads "(ic)" and still sees the IC panel.
  it('stops calling alice the IC after she hands command to bob', async () => {
    const r = await start(HOT_SEAT);
    await r.type('/ic', { enter: true });
    await r.type('/handover @bob', { enter: true });
    await r.waitForFrame((f) => f.split('\n')[0]!.includes('IC bob'));
    expect(r.promptLine()).not.toBe('alice (ic)>');
  });
});

describe('App: ending and the facilitator keys', () => {
  it('asks before ending on Ctrl+C; n goes back to the drill', async () => {
    const r = await start();
    await r.press(CTRL_C);
    await r.waitForFrame(() => r.hintLine() === 'End the drill? (y/n) — the journal and scorecard are kept either way');
    await r.type('n');
    await r.waitForFrame(() => r.hintLine() === 'type a /command or chat; Tab completes, ? shows help');
    expect(r.promptLine()).toBe('alice (ic)>');
    expect(r.aborted).toBe(0);
  });

  it('aborts on Ctrl+C then y', async () => {
    const r = await start();
    await r.press(CTRL_C);
    await r.waitForFrame(() => r.hintLine().startsWith('End the drill?'));
    await r.type('y');
    expect(r.aborted).toBe(1);
    expect(r.clock.aborts).toBe(1);
    expect(r.session.outcome).toBe('aborted');
    await r.waitForText('The drill has ended: aborted.');
    expect(r.promptLine()).toBe('alice (ic)>');
  });

  it('aborts on a second Ctrl+C and on the facilitator end key', async () => {
    const r = await start();
    await r.press(CTRL_C, CTRL_C);
    expect(r.aborted).toBe(1);
    const s = await start();
    await s.press(CTRL_E);
    await s.waitForFrame(() => s.hintLine() === 'End the drill now for everyone? (y/n)');
    await s.press(ESC);
    await s.waitForFrame(() => s.hintLine().startsWith('type a /command'));
    await s.press(CTRL_E);
    await s.type('y');
    expect(s.aborted).toBe(1);
  });

  it('pauses, speeds up and fires the next inject', async () => {
    const r = await start();
    await r.press(CTRL_P);
    await r.waitForFrame((f) => /T\+00:00 {2}PAUSED/.test(f) && f.includes('The facilitator paused the drill clock.'));
    await r.press(CTRL_P, CTRL_F);
    await r.waitForFrame((f) => /T\+00:00 {2}2x/.test(f) && f.includes('Drill speed is now 2x.'));
    await r.press(CTRL_T);
    await r.waitForFrame((f) => /^00:00 Support: \[customer-report\] Customers say checkout fails +│.*\n {6}half the time\. +│/m.test(f));
    expect(eventsOf(r.events, 'facilitator.pause')).toHaveLength(1);
    expect(eventsOf(r.events, 'facilitator.resume')).toHaveLength(1);
    expect(eventsOf(r.events, 'facilitator.inject-now')).toHaveLength(1);
  });

  it('names every local player in the headline in hot-seat', async () => {
    const r = await start(HOT_SEAT);
    r.store.finish(scorecardFixture(), 'firedrill-runs/x');
    const f = await r.waitForText('team 78 (C)');
    expect(f.split('\n')[0]).toBe('alice, Incident Commander: 85 (B) · bob, Scribe: 90 (A) · team 78 (C)');
    // The violations are further down the scrolling scorecard.
    await r.press(END);
    const end = await r.waitForText('bob (you):');
    expect(end).toContain('alice (you):');
  });

  it('shows the scorecard when the drill is scored and leaves on Enter', async () => {
    const r = await start();
    r.store.finish(scorecardFixture(), 'firedrill-runs/x');
    const f = await r.waitForText('You, Incident Commander: 85 (B) · team 78 (C)');
    expect(f.split('\n').slice(0, 3)).toEqual([
      'You, Incident Commander: 85 (B) · team 78 (C)',
      'resolved — Checkout slows down and fails at peak hour',
      'METRICS                                time  target',
    ]);
    await r.press(ENTER);
    expect(r.exited).toBe(1);
  });
});

describe('App: private hints', () => {
  it('shows the IC what an assignment kept, under the command line, not in the channel', async () => {
    const r = await start();
    await r.type('/ic', { enter: true });
    await r.type('/assign @vallie and @marty check web-logs in 5m', { enter: true });
    await r.waitForFrame(() => r.hintLine().startsWith('hint: '));
    expect(r.hintLine()).toBe('hint: T1 went to vallie and marty: one owner per task keeps it clear (give each their own)');
    expect(r.frame()).toContain('00:00 alice: T1 → vallie, marty: check');
    expect(r.frame().split('\n').filter((l) => l.includes('one owner per task'))).toHaveLength(1);
  });

  it('keeps the hint up through clock and facilitator keys, and drops it at the next key typed', async () => {
    const r = await start();
    await r.type('/ic', { enter: true });
    await r.type('/assign @vallie check web-logs', { enter: true });
    const hint = 'hint: T1 has no time box (add "in 5m")';
    await r.waitForFrame(() => r.hintLine() === hint);
    await r.advance(5_000);
    await r.press(CTRL_P, CTRL_P, PAGE_UP, PAGE_DOWN);
    expect(r.hintLine()).toBe(hint);
    await r.type('/');
    await r.waitForFrame(() => r.hintLine() !== hint);
    expect(r.hintLine()).toMatch(/^\/ack {2}\/trigger/);
    await r.press(BACKSPACE);
    expect(r.hintLine()).toBe('type a /command or chat; Tab completes, ? shows help');
  });

  it('replaces the hint when the next line is sent, and clears it when that line needs none', async () => {
    const r = await start();
    await r.type('/ic', { enter: true });
    await r.ui.press('/assign someone check web-logs in 5m\r');
    await r.waitForFrame(() => r.hintLine().startsWith('hint: T1 went to "someone"'));
    await r.ui.press('/assign @vallie check web-logs\r');
    await r.waitForFrame(() => r.hintLine() === 'hint: T2 has no time box (add "in 5m")');
    await r.ui.press('/sev SEV-2\r');
    await r.waitForFrame(() => r.hintLine() === 'type a /command or chat; Tab completes, ? shows help');
  });

  it('closes the help with Esc without dropping the hint, and Esc on the line drops it', async () => {
    const r = await start();
    await r.type('/ic', { enter: true });
    await r.type('/assign @vallie check web-logs', { enter: true });
    await r.waitForFrame(() => r.hintLine().startsWith('hint: T1'));
    await r.press('?');
    await r.waitForText('Help — Esc');
    await r.press(ESC);
    await r.waitForFrame((f) => !f.includes('Help — Esc'));
    expect(r.hintLine()).toBe('hint: T1 has no time box (add "in 5m")');
    await r.press(ESC);
    await r.waitForFrame(() => r.hintLine().startsWith('type a /command'));
  });

  it.each([[80, 24], [100, 30]] as const)('wraps a long hint under the command line, taking rows from the body, at %i×%i', async (cols, rows) => {
    const r = await start({ ...HOT_SEAT, columns: cols, rows });
    await r.type('/ic', { enter: true });
    await r.type('/handover @bob', { enter: true });
    await r.press(CTRL_N);
    await r.waitForFrame(() => r.promptLine() === 'bob (ic)>');
    const message = 'hint: alice handed you command. Announce it to everyone: /ic This is bob, I am now the Incident Commander';
    await r.waitForFrame(() => r.hintLine() === message);
    const lines = r.ui.lines();
    expect(lines).toHaveLength(rows - 1);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(cols);
    expect(r.hintRows()).toEqual(cols === 80
      ? ['hint: alice handed you command. Announce it to everyone: /ic This is bob, I am', 'now the Incident Commander']
      : ['hint: alice handed you command. Announce it to everyone: /ic This is bob, I am now the Incident', 'Commander']);
    expect(lines.at(-1)).toMatch(/^\^C quit {2}\^N → alice/);
    // The body gave up the rows the hint took: the header is still the first line.
    expect(lines[0]).toMatch(/^Demo +T\+00:00/);
  });

  it('shows each hot-seat player only their own hints', async () => {
    const r = await start(HOT_SEAT);
    await r.type('/ic', { enter: true });
    await r.type('/assign @vallie check web-logs', { enter: true });
    await r.waitForFrame(() => r.hintLine() === 'hint: T1 has no time box (add "in 5m")');
    await r.press(CTRL_N);
    await r.waitForFrame(() => r.promptLine() === 'bob (scribe)>');
    expect(r.hintLine()).toBe('type a /command or chat; Tab completes, ? shows help');
    // Bob chats before joining: that hint is his alone.
    await r.type('hello', { enter: true });
    await r.waitForFrame(() => r.hintLine().startsWith('hint: you have not joined the call yet'));
    await r.press(CTRL_N);
    await r.waitForFrame(() => r.promptLine() === 'alice (ic)>');
    // Alice has not typed since her hint, so it is still there for her.
    expect(r.hintLine()).toBe('hint: T1 has no time box (add "in 5m")');
    await r.type('/handover @bob', { enter: true });
    await r.waitForFrame(() => r.hintLine().startsWith('type a /command'));
    expect(r.frame()).not.toContain('handed you command');
    await r.press(CTRL_N);
    await r.waitForFrame(() => r.hintLine().startsWith('hint: alice handed you command.'));
    expect(r.frame()).toContain('bob now has command (handed over by alice)');
    await r.type('/ic This is bob, I am now the Incident Commander', { enter: true });
    await r.waitForText('00:00 bob: This is bob, I am now the Incident');
    expect(r.hintLine()).toBe('type a /command or chat; Tab completes, ? shows help');
    expect(eventsOf(r.events, 'role.announce', 'bob')).toHaveLength(1);
  });

  it('draws the hint in its own colour, and none with NO_COLOR', async () => {
    const { default: chalk } = await import('chalk');
    const level = chalk.level;
    chalk.level = 1;
    try {
      const coloured = await start({ theme: createTheme(true) });
      await coloured.ui.press('/ic\r/assign @vallie check web-logs\r');
      await coloured.waitForFrame(() => coloured.hintLine().startsWith('hint: T1'));
      expect(coloured.ui.lastRawFrame()).toContain('\x1b[93mhint: T1 has no time box');
      const plain = await start({ theme: createTheme(false) });
      await plain.ui.press('/ic\r/assign @vallie check web-logs\r');
      await plain.waitForFrame(() => plain.hintLine().startsWith('hint: T1'));
      expect(plain.ui.lastRawFrame()).not.toMatch(/\x1b\[(?:3[0-7]|9[0-7]|38;)/);
    } finally {
      chalk.level = level;
    }
  });
});

describe('App: the scribe\'s note key (^O)', () => {
  /** Alice, IC, has declared a severity and given a task; bob, the scribe, is speaking. */
  async function scribeUp(opts: { columns?: number; rows?: number } = {}): Promise<DrillRig> {
    const r = await start({ ...HOT_SEAT, ...opts });
    await r.ui.press('/ic\r/sev SEV-2\r');
    await r.advance(30_000);
    await r.ui.press('/assign @vallie check web-logs in 5m\r');
    await r.press(CTRL_N);
    await r.waitForFrame(() => r.promptLine() === 'bob (scribe)>');
    return r;
  }

  it.each([[80, 24], [100, 30]] as const)('fills the line with a note for the oldest un-noted event, without sending it, at %i×%i', async (cols, rows) => {
    const r = await scribeUp({ columns: cols, rows });
    expect(r.frame()).toContain('NOT YET NOTED (^O SEV-2)');
    await r.press(CTRL_O);
    await r.waitForFrame(() => r.promptLine() === 'bob (scribe)> /note Severity SEV-2');
    expect(r.hintLine()).toBe('hint: SEV-2 declared (01:30 left); ^O again for the next');
    expect(inputs(r)).toEqual(['alice: /ic', 'alice: /sev SEV-2', 'alice: /assign @vallie check web-logs in 5m']);
    expect(r.frame().split('\n').at(-1)).toMatch(/^\^C quit {2}\^N → alice {2}\^O note oldest/);
    for (const l of r.ui.lines()) expect(width(l)).toBeLessThanOrEqual(cols);
  });

  it('moves to the next event on a second ^O, and the sent note takes the event off the list', async () => {
    const r = await scribeUp();
    await r.press(CTRL_O, CTRL_O);
    await r.waitForFrame(() => r.promptLine() === 'bob (scribe)> /note T1');
    expect(r.hintLine()).toBe('hint: T1 → vallie: check web-logs (02:00 left); ^O again for the next');
    await r.type('carol checks the web logs', { enter: true });
    expect(inputs(r).at(-1)).toBe('bob: /note T1 carol checks the web logs');
    // The panel's row for T1 ("01:30 T1 → vallie: …") goes; the channel's ("00:30 alice: T1 → vallie: …") stays.
    await r.waitForFrame((f) => !/\d\d:\d\d T1 → vallie/.test(f) && f.includes('alice: T1 → vallie') && f.includes('NOT YET NOTED (^O SEV-2)'));
    await r.press(CTRL_O);
    await r.waitForFrame(() => r.promptLine() === 'bob (scribe)> /note Severity SEV-2');
    expect(r.hintLine()).toBe('hint: SEV-2 declared (01:30 left)');
    await r.type('declared', { enter: true });
    await r.waitForText('NOT YET NOTED');
    await r.waitForFrame((f) => f.includes(' all caught up'));
    await r.press(CTRL_O);
    await r.waitForFrame(() => r.hintLine() === 'hint: nothing is waiting to be noted');
    expect(r.promptLine()).toBe('bob (scribe)>');
  });

  it('leaves a line the scribe has typed alone', async () => {
    const r = await scribeUp();
    await r.type('/note the config push');
    await r.press(CTRL_O);
    await r.waitForFrame(() => r.hintLine() === 'hint: the line holds something else: send it or clear it (^U), then ^O');
    expect(r.promptLine()).toBe('bob (scribe)> /note the config push');
  });

  it('tells anyone but the scribe whose key it is, and leaves their line alone', async () => {
    const r = await start(HOT_SEAT);
    await r.type('/ic', { enter: true });
    await r.press(CTRL_O);
    await r.waitForFrame(() => r.hintLine().startsWith('hint: ^O is the Scribe\'s key'));
    expect(r.promptLine()).toBe('alice (ic)>');
    expect(r.frame().split('\n').at(-1)).not.toContain('^O');
  });
});

describe('App: scrolling, resizing and colour', () => {
  it('scrolls the channel back with PgUp and forward with PgDn, stopping at the first row', async () => {
    const r = await start();
    for (let i = 1; i <= 60; i++) r.clock.input('alice', `message ${i}`);
    await r.advance(0);
    await r.waitForText('alice: message 60');
    // 63 rows of channel in a 25-row body: a page is 23 rows, and scrolled back the last row is the notice.
    await r.press(PAGE_UP);
    let f = await r.waitForText('-- 23 rows back; PgDn to return --');
    expect(f).toContain('alice: message 14 ');
    expect(f).not.toContain('alice: message 13 ');
    expect(f).not.toContain('alice: message 38');
    await r.press(PAGE_UP);
    f = await r.waitForText('-- top; 39 rows back; PgDn to return --');
    expect(r.ui.lines()[1]).toMatch(/^00:00 The drill has started\./);
    // Further PgUps stay at the top: no blank pages above the first line.
    await r.press(PAGE_UP, PAGE_UP);
    expect(r.frame()).toBe(f);
    // And the first PgDn comes back a page from the top at once.
    await r.press(PAGE_DOWN);
    await r.waitForText('-- 16 rows back; PgDn to return --');
    await r.press(PAGE_DOWN);
    await r.waitForFrame((x) => x.includes('alice: message 60') && !x.includes('rows back'));
  });

  it('re-lays out on resize and asks for a bigger terminal below 80×24', async () => {
    const r = await start();
    await r.ui.resize(80, 24);
    let lines = r.ui.lines();
    expect(lines).toHaveLength(23);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^Demo {2,}T\+00:00/);
    expect(width(lines[0]!)).toBe(80);
    expect(lines[1]).toMatch(/^00:00 The drill has started\. Watch for pages; +│ ROSTER$/);
    await r.ui.resize(70, 20);
    await r.waitForText('The terminal is 70×20: make the terminal at least 80×24.');
    lines = r.ui.lines();
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(70);
    expect(r.frame().replace(/\n/g, ' ')).toContain('The drill keeps running. Ctrl+C asks to end it.');
    await r.ui.resize(100, 30);
    await r.waitForFrame((f) => f.includes('ROSTER') && f.split('\n').length === 29);
  });

  it('draws no colour with the NO_COLOR theme, and colour with the default theme', async () => {
    const { default: chalk } = await import('chalk');
    const level = chalk.level;
    chalk.level = 1;
    const colour = /\x1b\[(?:3[0-7]|9[0-7]|38;)/;
    try {
      const plain = await start({ theme: createTheme(false) });
      await plain.advance(at('3:20'));
      await plain.waitForText('ALERT');
      await plain.press(CTRL_C);
      await plain.waitForFrame(() => plain.hintLine().startsWith('End the drill?'));
      expect(plain.ui.frames.length).toBeGreaterThan(1);
      for (const f of plain.ui.frames) expect(f).not.toMatch(colour);
      // Bold and the inverse cursor are not colours; they stay.
      expect(plain.ui.lastRawFrame()).toContain('\x1b[7m');
      plain.unmount();

      const coloured = await start({ theme: createTheme(true) });
      await coloured.advance(at('3:20'));
      await coloured.waitForText('ALERT');
      expect(coloured.ui.lastRawFrame()).toMatch(colour);
    } finally {
      chalk.level = level;
    }
  });
});
