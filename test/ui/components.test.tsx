// Frames of each component at fixed terminal sizes (80×24 and 100×30), asserted line by line.
import { describe, expect, it, onTestFinished } from 'vitest';
import type { CastRequest } from '../../src/engine/cast';
import { Channel } from '../../src/ui/components/Channel';
import { CommandLine, lineWindow } from '../../src/ui/components/CommandLine';
import { textWidth } from '../../src/ui/text-width';
import { Footer } from '../../src/ui/components/Footer';
import { Header } from '../../src/ui/components/Header';
import { RolePanel } from '../../src/ui/components/RolePanel';
import { hintRows } from '../../src/ui/inline-help';
import { computeLayout } from '../../src/ui/layout';
import { emptyLine, lineReducer, type LineState } from '../../src/ui/line-editor';
import { createTheme } from '../../src/ui/theme';
import { at, starter } from '../helpers/drill';
import { createDrill } from '../helpers/drill-rig';
import { width, type Rendered, showUnmountedAfterEach } from '../helpers/render';

const theme = createTheme(false);
const SIZES = [[80, 24], [100, 30]] as const;
const FOUR: CastRequest[] = [
  { name: 'alice', role: 'ic' },
  { name: 'bob', role: 'scribe' },
  { name: 'carol', role: 'responder', service: 'web' },
  { name: 'dave', role: 'customer-liaison' },
];

const show = showUnmountedAfterEach();
/** No line of the frame is wider than the terminal. */
function expectFits(r: Rendered, columns: number): void {
  for (const line of r.lines()) expect(width(line), line).toBeLessThanOrEqual(columns);
}
const lineState = (text: string, cursor = text.length): LineState => ({ ...lineReducer(emptyLine, { type: 'insert', text }), cursor });

describe('Header', () => {
  it.each(SIZES)('shows title, clock, speed, severity, IC and status on one line at %i×%i', async (cols, rows) => {
    const d = createDrill({ humans: FOUR });
    d.clock.advance(at('1:05'));
    d.clock.input('alice', '/ic');
    d.clock.input('alice', '/sev SEV-2');
    const r = await show(<Header store={d.store} theme={theme} cols={cols} />, cols, rows);
    const right = 'T+01:05  1x  SEV-2  IC alice  responding';
    expect(r.lastFrame()).toBe(`${'Demo'.padEnd(cols - right.length - 2)}  ${right}`);
    expect(width(r.lastFrame())).toBe(cols);
  });

  it('says what participants know: quiet, alerting, triggered, responding, resolved, ended', async () => {
    const d = createDrill({ humans: [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder', service: 'web' }] });
    const r = await show(<Header store={d.store} theme={theme} cols={100} />, 100, 30);
    const status = async () => {
      await r.rerender(<Header store={d.store} theme={theme} cols={100} />);
      return r.lastFrame().split('  ').at(-1);
    };
    expect(await status()).toBe('quiet');
    d.clock.advance(at('3:15'));
    expect(await status()).toBe('alerting');
    d.clock.input('carol', '/trigger');
    expect(await status()).toBe('triggered, no IC yet');
    d.clock.input('alice', '/ic');
    expect(await status()).toBe('responding');
    d.clock.input('carol', '/run revert-config');
    d.clock.advance(at('1:30'));
    d.clock.input('alice', '/resolve');
    expect(await status()).toBe('resolved');
    d.clock.abort();
    expect(await status()).toBe('ended (aborted)');
  });

  it('shows PAUSED instead of the speed, and fractional speeds', async () => {
    const d = createDrill();
    d.clock.setSpeed(0.25);
    const r = await show(<Header store={d.store} theme={theme} cols={80} />, 80, 24);
    expect(r.lastFrame()).toMatch(/ {2}T\+00:00 {2}0\.25x {2}SEV \? {2}IC — {2}quiet$/);
    d.clock.pause();
    await r.rerender(<Header store={d.store} theme={theme} cols={80} />);
    expect(r.lastFrame()).toMatch(/ {2}T\+00:00 {2}PAUSED {2}SEV \?/);
  });

  it('cuts a long title with an ellipsis and keeps the right side whole', async () => {
    const d = createDrill({ scenario: { ...starter(), title: 'A very long scenario title that will never fit into the header at eighty columns wide' } });
    const r = await show(<Header store={d.store} theme={theme} cols={80} />, 80, 24);
    expect(r.lastFrame()).toBe('A very long scenario title that will never fit…  T+00:00  1x  SEV ?  IC —  quiet');
  });

  it('ticks the drill clock between events', async () => {
    // No event the player may see happens by 2:07 (the config push is hidden truth): the store's ticker redraws.
    const d = createDrill();
    const stop = d.store.startTicker(20);
    onTestFinished(stop);
    const r = await show(<Header store={d.store} theme={theme} cols={80} />, 80, 24);
    d.clock.advance(at('2:07'));
    await r.waitForFrame((f) => f.includes('T+02:07'), 1500);
  });

  it('a clock that moves on every read (a drill at 4096x) draws once, not in a loop (React error 185)', async () => {
    const d = createDrill();
    let t = 0;
    d.clock.drillNow = () => (t += 1500);
    const r = await show(<Header store={d.store} theme={theme} cols={80} />, 80, 24);
    expect(r.lines()[0]).toMatch(/T\+\d\d:\d\d/);
  });

  it('a clock tick tells the clock\'s listeners and refreshes the view, but is no change for the channel and the rest', async () => {
    const d = createDrill();
    // The start's own change notice goes out first.
    await new Promise((res) => setImmediate(res));
    let data = 0;
    let clock = 0;
    d.store.subscribe(() => data++);
    d.store.subscribeClock(() => clock++);
    const stop = d.store.startTicker(10);
    onTestFinished(stop);
    const before = d.store.view();
    d.clock.advance(3000);
    await new Promise((res) => setTimeout(res, 60));
    expect(clock).toBeGreaterThan(0);
    expect(data).toBe(0);
    expect(d.store.view()).not.toBe(before);
    expect(d.store.view().atMs).toBe(3000);
  });
});

describe('Channel', () => {
  function chatty() {
    const d = createDrill({ humans: FOUR });
    d.clock.advance(at('0:30'));
    d.clock.input('alice', '/sev SEV-2');
    d.clock.input('alice', 'a very long chat line that goes on and on and on to wrap around the channel column at least twice over, yes');
    d.clock.advance(at('2:50'));
    d.clock.input('carol', '/ack');
    return d;
  }

  it('wraps long lines under the text, with the time and speaker on the first row only (80×24 channel)', async () => {
    const d = chatty();
    const l = computeLayout(80, 24);
    const r = await show(<Channel store={d.store} theme={theme} cols={l.channelCols} rows={l.bodyRows} scroll={0} />, 80, 24);
    // alice's refused /sev goes to her hint row, not the channel.
    expect(r.lines().slice(0, 11)).toEqual([
      '00:00 The drill has started. Watch for pages;',
      '      type ? for help.',
      '      Briefing: What the players are told',
      '      when the drill starts. Say what they',
      '      can see, never the cause.',
      '00:30 alice: a very long chat line that goes',
      '      on and on and on to wrap around the',
      '      channel column at least twice over, yes',
      '03:10 ALERT web-errors (high urgency)',
      '03:10 PAGE carol for web-errors',
      '03:20 carol acknowledged web-errors',
    ]);
    expectFits(r, l.channelCols);
  });

  it('wraps at the 100×30 channel width', async () => {
    const d = chatty();
    const l = computeLayout(100, 30);
    const r = await show(<Channel store={d.store} theme={theme} cols={l.channelCols} rows={l.bodyRows} scroll={0} />, 100, 30);
    const at = r.lines().findIndex((l) => l.startsWith('00:30 alice: a very long'));
    expect(r.lines().slice(at, at + 2)).toEqual([
      '00:30 alice: a very long chat line that goes on and on and on to',
      '      wrap around the channel column at least twice over, yes',
    ]);
    expectFits(r, l.channelCols);
  });

  it('shows the newest rows when there are more than fit', async () => {
    const d = createDrill();
    for (let i = 1; i <= 30; i++) d.clock.input('alice', `message ${i}`);
    const r = await show(<Channel store={d.store} theme={theme} cols={47} rows={5} scroll={0} />, 80, 24);
    expect(r.lines()).toEqual(['00:00 alice: message 26', '00:00 alice: message 27', '00:00 alice: message 28', '00:00 alice: message 29', '00:00 alice: message 30']);
  });

  it('scrolls back by rows and says how far, in the same height', async () => {
    const d = createDrill();
    for (let i = 1; i <= 30; i++) d.clock.input('alice', `message ${i}`);
    const r = await show(<Channel store={d.store} theme={theme} cols={47} rows={5} scroll={10} />, 80, 24);
    const lines = r.lines();
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toBe('-- 10 rows back; PgDn to return --');
    expect(lines.slice(0, -1)).toEqual(['00:00 alice: message 17', '00:00 alice: message 18', '00:00 alice: message 19', '00:00 alice: message 20']);
  });

  it('shows the local humans their own private lines and nobody else, and their errors not at all (those go to the hint row)', async () => {
    const d = createDrill({ humans: [{ name: 'alice', role: 'responder', service: 'web' }] });
    d.clock.advance(at('3:20'));
    d.clock.input('alice', '/check web-logs');
    d.clock.input('alice', '/zap');
    d.clock.input('vallie', '/zap');
    d.clock.advance(30_000);
    // A check result shows every log line it read: the channel is tall enough for all of it.
    const r = await show(<Channel store={d.store} theme={theme} cols={61} rows={26} scroll={0} />, 100, 30);
    expect(r.lastFrame()).toMatch(/alice: web-logs: /);
    expect(r.lastFrame()).not.toContain('unknown command');
    expect(d.store.noticeFor('alice')).toEqual({ text: 'unknown command "/zap" — type /help for the list', tone: 'error' });
    expect(r.lastFrame()).not.toContain('vallie');
  });

  // Regression: command lines are drawn as "who: text", and the role.claim text already starts with the name.
  it('does not repeat the speaker in "took command" lines', async () => {
    const d = createDrill();
    d.clock.input('alice', '/ic');
    const r = await show(<Channel store={d.store} theme={theme} cols={61} rows={10} scroll={0} />, 100, 30);
    expect(r.lastFrame()).not.toContain('alice: alice took command');
  });

  /** Assignments to several people and to nobody, polls, a decision, status read from chat, and a handover. */
  function commandsAndHandover() {
    const d = createDrill({ humans: FOUR });
    d.clock.advance(at('0:30'));
    for (const line of [
      '/ic', '/assign @carol and @dave check web-logs in 5m', '/assign someone look at restart-web in 5m', '/poll revert-config',
      'Revert the config now, any strong objections?', '/decide revert-config', 'Status: SEV-2, reverting the config', '/handover @bob',
    ]) d.clock.input('alice', line);
    d.clock.input('bob', '/ic This is bob, I am now the Incident Commander');
    return d;
  }

  it('shows ids, every owner, a handover and the new IC announcing it (80×24 channel)', async () => {
    const l = computeLayout(80, 24);
    const r = await show(<Channel store={commandsAndHandover().store} theme={theme} cols={l.channelCols} rows={l.bodyRows} scroll={0} />, 80, 24);
    expect(r.lines()).toEqual([
      '00:30 alice: took command',
      '00:30 alice: T1 → carol, dave: check web-logs',
      '      (report in 5m)',
      '00:30 alice: T2 → someone (no owner): look at',
      '      restart-web (report in 5m)',
      '00:30 alice: POLL P1 revert-config — any',
      '      strong objections?',
      '00:30 alice: POLL P2 Revert the config now,',
      '      any strong objections?',
      '00:30 alice: DECISION X1 revert-config',
      '00:30 alice: declared SEV-2',
      '00:30 alice: STATUS S1 SEV-2, reverting the',
      '      config',
      '00:30 alice: hands command to bob',
      '00:30 bob joined the call',
      '00:30 bob now has command (handed over by',
      '      alice)',
      '00:30 bob: This is bob, I am now the Incident',
      '      Commander',
    ]);
    expectFits(r, l.channelCols);
  });

  it('shows the same lines at the 100×30 channel width, and no hint in the channel', async () => {
    const d = commandsAndHandover();
    const l = computeLayout(100, 30);
    const r = await show(<Channel store={d.store} theme={theme} cols={l.channelCols} rows={l.bodyRows} scroll={0} />, 100, 30);
    expect(r.lines().slice(3, 18)).toEqual([
      '00:30 alice joined the call',
      '00:30 alice: took command',
      '00:30 alice: T1 → carol, dave: check web-logs (report in 5m)',
      '00:30 alice: T2 → someone (no owner): look at restart-web',
      '      (report in 5m)',
      '00:30 alice: POLL P1 revert-config — any strong objections?',
      '00:30 alice: POLL P2 Revert the config now, any strong',
      '      objections?',
      '00:30 alice: DECISION X1 revert-config',
      '00:30 alice: declared SEV-2',
      '00:30 alice: STATUS S1 SEV-2, reverting the config',
      '00:30 alice: hands command to bob',
      '00:30 bob joined the call',
      '00:30 bob now has command (handed over by alice)',
      '00:30 bob: This is bob, I am now the Incident Commander',
    ]);
    expectFits(r, l.channelCols);
    // The engine had things to tell alice and bob; those go to their hint lines only.
    expect(d.journal.events.filter((e) => e.type === 'cmd.hint').map((e) => e.actor)).toEqual(['alice', 'alice', 'bob']);
    expect(r.lastFrame()).not.toMatch(/one owner per task|nobody in particular|Announce it/);
  });

  // Regression: wrapText measures UTF-16 length, Ink truncates by display width, so wide characters are cut off.
  it('shows every character of a chat line in a wide script', async () => {
    const d = createDrill();
    const text = '漢字テキスト'.repeat(12);
    d.clock.input('alice', text);
    const r = await show(<Channel store={d.store} theme={theme} cols={40} rows={12} scroll={0} />, 80, 24);
    expect(r.lastFrame().replace(/[\s\n]|00:00|alice:/g, '')).toContain(text);
  });
});

describe('CommandLine', () => {
  it.each(SIZES)('shows the speaker, their role and the typed text at %i×%i', async (cols, rows) => {
    const r = await show(<CommandLine speaker="alice" role="ic" line={lineState('/assign @carol check web-logs in 5m')} hint="/assign @name TASK in Nm — IC gives one person a task with a time box" theme={theme} cols={cols} />, cols, rows);
    expect(r.lines()).toEqual([
      'alice (ic)> /assign @carol check web-logs in 5m',
      '/assign @name TASK in Nm — IC gives one person a task with a time box',
    ]);
  });

  it('keeps the cursor in view on a long line by showing its tail', async () => {
    const text = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ').repeat(2);
    const r = await show(<CommandLine speaker="bob" role="scribe" line={lineState(text)} hint="" theme={theme} cols={80} />, 80, 24);
    const first = r.lines()[0]!;
    // 80 columns less the prompt (14) and one spare column: 64 characters of text, then the cursor cell.
    expect(first).toBe(`bob (scribe)> ${text.slice(-64)}`);
    expectFits(r, 80);
  });

  it('shows the start of a long line when the cursor is at the start', async () => {
    const text = 'x'.repeat(200);
    const r = await show(<CommandLine speaker="bob" role="scribe" line={lineState(text, 0)} hint="" theme={theme} cols={80} />, 80, 24);
    expect(r.lines()[0]).toBe(`bob (scribe)> ${'x'.repeat(80 - 14 - 1)}`);
  });

  // Issue 13: the line is laid out by columns and graphemes, so 👍🏽 and wide characters are never cut or overrun.
  it('keeps a line of wide characters and emoji within the width, cursor whole, at either end', () => {
    const text = `${'👍🏽李'.repeat(30)}end`;
    for (const cursor of [0, text.length, text.indexOf('李', 40)]) {
      const w = lineWindow({ ...lineState(text), cursor }, 40);
      expect(textWidth(w.before) + textWidth(w.at) + textWidth(w.after), `cursor ${cursor}`).toBeLessThanOrEqual(40);
      expect(textWidth(w.before) + textWidth(w.at) + textWidth(w.after), `cursor ${cursor}`).toBeGreaterThanOrEqual(39);
      // Whatever shows is whole graphemes of the line, around the one under the cursor.
      expect(text).toContain(w.before + (cursor === text.length ? '' : w.at) + w.after);
      expect(['👍🏽', '李', 'e', ' ']).toContain(w.at);
    }
    expect(lineWindow({ ...lineState(text), cursor: text.length }, 40).after).toBe('');
  });

  it('draws the cursor over a whole 👍🏽, the prompt measured by its width', async () => {
    const { default: chalk } = await import('chalk');
    const level = chalk.level;
    chalk.level = 1;
    try {
      const text = 'ok 👍🏽 done';
      const r = await show(<CommandLine speaker="李雷" role="ic" line={lineState(text, 3)} hint="h" theme={theme} cols={80} />, 80, 24);
      expect(r.lastRawFrame()).toContain('ok \x1b[7m👍🏽\x1b[27m done');
      expect(r.lines()[0]).toBe('李雷 (ic)> ok 👍🏽 done');
    } finally {
      chalk.level = level;
    }
  });

  it('draws the cursor as an inverse cell under the character it is on', async () => {
    const { default: chalk } = await import('chalk');
    const level = chalk.level;
    chalk.level = 1;
    try {
      const r = await show(<CommandLine speaker="alice" role="ic" line={lineState('/ack', 2)} hint="h" theme={theme} cols={80} />, 80, 24);
      expect(r.lastRawFrame()).toContain('/a\x1b[7mc\x1b[27mk');
      const end = await show(<CommandLine speaker="alice" role="ic" line={lineState('/ack')} hint="h" theme={theme} cols={80} />, 80, 24);
      expect(end.lastRawFrame()).toContain('/ack\x1b[7m \x1b[27m');
    } finally {
      chalk.level = level;
    }
  });

  it.each(SIZES)('shows a private hint, wrapped, instead of the help at %i×%i', async (cols, rows) => {
    const notice = hintRows('alice handed you command. Announce it to everyone: /ic This is bob, I am now the Incident Commander', cols);
    const r = await show(<CommandLine speaker="bob" role="ic" line={emptyLine} hint="type a /command or chat" notice={notice} theme={theme} cols={cols} />, cols, rows);
    expect(r.lines()).toEqual(['bob (ic)>', ...notice]);
    expect(r.lines().join(' ')).toContain('hint: alice handed you command. Announce it to everyone: /ic This is bob, I am now the Incident Commander');
    expect(r.lastFrame()).not.toContain('type a /command');
    expectFits(r, cols);
  });

  it('draws a private hint in the notice colour, apart from the grey help', async () => {
    const { default: chalk } = await import('chalk');
    const level = chalk.level;
    chalk.level = 1;
    try {
      const coloured = createTheme(true);
      const r = await show(<CommandLine speaker="alice" role="ic" line={emptyLine} hint="help" notice={['hint: T1 has no time box']} theme={coloured} cols={80} />, 80, 24);
      expect(r.lastRawFrame()).toContain('\x1b[93mhint: T1 has no time box');
      const help = await show(<CommandLine speaker="alice" role="ic" line={emptyLine} hint="help" theme={coloured} cols={80} />, 80, 24);
      expect(help.lastRawFrame()).toContain('\x1b[90mhelp');
      const plain = await show(<CommandLine speaker="alice" role="ic" line={emptyLine} hint="help" notice={['hint: T1 has no time box']} theme={theme} cols={80} />, 80, 24);
      expect(plain.lastRawFrame()).not.toMatch(/\x1b\[(?:3[0-7]|9[0-7])m/);
    } finally {
      chalk.level = level;
    }
  });

  it('truncates a long hint to the width', async () => {
    const r = await show(<CommandLine speaker="alice" role="ic" line={emptyLine} hint={'h '.repeat(60)} theme={theme} cols={80} />, 80, 24);
    expect(r.lines()[1]).toMatch(/^(h ){39}h…$/);
    expectFits(r, 80);
  });
});

describe('Footer', () => {
  it('lists the footer keys from the keymap, with ^C first', async () => {
    const r = await show(<Footer theme={theme} cols={100} hotSeat={false} />, 100, 30);
    expect(r.lastFrame()).toBe('^C quit  ? help  ^P pause  ^F faster  ^S slower  ^T inject  ^E end');
  });

  it('adds the speaker switch in hot-seat', async () => {
    const r = await show(<Footer theme={theme} cols={100} hotSeat />, 100, 30);
    expect(r.lastFrame()).toBe('^C quit  ^N next speaker  ? help  ^P pause  ^F faster  ^S slower  ^T inject  ^E end');
  });

  it('fits 80 columns', async () => {
    const r = await show(<Footer theme={theme} cols={80} hotSeat />, 80, 24);
    expectFits(r, 80);
    expect(r.lastFrame()).toMatch(/^\^C quit {2}\^N next speaker {2}\? help/);
  });

  it('shows the Scribe their note key, after the speaker key, and nobody else', async () => {
    const scribe = await show(<Footer theme={theme} cols={100} hotSeat={false} role="scribe" />, 100, 30);
    expect(scribe.lastFrame()).toBe('^C quit  ^O note oldest  ? help  ^P pause  ^F faster  ^S slower  ^T inject  ^E end');
    const hot = await show(<Footer theme={theme} cols={80} hotSeat role="scribe" />, 80, 24);
    expect(hot.lastFrame()).toBe('^C quit  ^N next speaker  ^O note oldest  ? help  ^P pause  ^F faster  ^S slower');
    expectFits(hot, 80);
    const ic = await show(<Footer theme={theme} cols={100} hotSeat={false} role="ic" />, 100, 30);
    expect(ic.lastFrame()).not.toContain('^O');
  });

  // Regression: at 80 columns the hot-seat footer is cut mid-word, losing the key players need most.
  it('keeps the hot-seat key whole at 80 columns', async () => {
    const r = await show(<Footer theme={theme} cols={80} hotSeat />, 80, 24);
    expect(r.lastFrame()).toContain('^N next speaker');
  });
});

// HelpOverlay: test/ui/help-overlay.test.tsx; ScorecardView: test/ui/scorecard-view.test.tsx.

describe('RolePanel', () => {
  /** A row as Ink draws it in a column of `w`: whole if it fits, else cut with an ellipsis. */
  const fit = (text: string, w: number): string => (text.length <= w ? text : `${text.slice(0, w - 1)}…`);

  async function panelFor(speaker: number, cols: number, rows: number) {
    const d = createDrill({ humans: FOUR });
    d.clock.advance(at('0:30'));
    d.clock.input('alice', '/ic');
    d.clock.advance(at('3:00'));
    d.clock.input('alice', '/assign @carol check web-logs in 5m');
    d.clock.input('carol', '/check web-logs');
    d.clock.input('bob', '/todo canary config pushes');
    d.clock.input('dave', '/draft We are looking into failed page loads.');
    d.clock.advance(at('3:00'));
    d.store.client.setViewer(d.store.speakers[speaker]!);
    const l = computeLayout(cols, rows);
    const r = await show(<RolePanel store={d.store} theme={theme} cols={l.panelCols} rows={l.bodyRows} />, cols, rows);
    expectFits(r, l.panelCols);
    expect(r.lines().length).toBeLessThanOrEqual(l.bodyRows);
    return { lines: r.lines(), w: l.panelCols };
  }

  it.each(SIZES)('shows the IC the roster, tasks and poll at %i×%i', async (cols, rows) => {
    const { lines, w } = await panelFor(0, cols, rows);
    // alice types here (▸); seats in whole words (carol's team stands in for "responder" where it must), and the
    // state flush right: what a narrower panel gives up is the words of a state, never a seat cut mid-word.
    expect(lines.slice(0, 9)).toEqual([
      'ROSTER',
      ...(cols === 80 ? [
        ' ▸alice ic                  idle',
        '  bob   scribe        not joined',
        '  carol web-team T1 · not joined',
        '  dave  customer-liaison    away',
      ] : [
        ' ▸alice ic                   idle',
        '  bob   scribe         not joined',
        '  carol web-team  T1 · not joined',
        '  dave  customer-liaison     away',
      ]),
      'TASKS',
      ' T1 carol     02:00 ? check web-logs',
      'POLL',
      ' none open',
    ].map((l) => fit(l, w)));
  });

  it.each(SIZES)('shows the Scribe what is not noted yet and their notes at %i×%i', async (cols, rows) => {
    const { lines, w } = await panelFor(1, cols, rows);
    expect(lines.slice(0, 6)).toEqual([
      'NOT YET NOTED (^O T1)',
      '  LATE T1 → carol: check web-logs',
      'YOUR NOTES',
      ' 03:30 TODO canary config pushes',
      'TASKS',
      ' T1 carol     02:00 ? check web-logs',
    ].map((l) => fit(l, w)));
  });

  it.each(SIZES)('shows the Scribe the time left on each key event, LATE, and follow-ups as TODOs at %i×%i', async (cols, rows) => {
    const base = starter();
    const followup = { atMs: at('3:40'), kind: 'followup' as const, from: 'Marco', text: 'We should canary config pushes.' };
    const d = createDrill({ scenario: { ...base, injects: [...base.injects, followup].sort((a, b) => a.atMs - b.atMs) }, humans: [{ name: 'bob', role: 'scribe' }, ...FOUR.filter((p) => p.name !== 'bob')] });
    d.clock.advance(at('0:30'));
    d.clock.input('alice', '/ic');
    d.clock.input('alice', '/sev SEV-2');
    d.clock.advance(at('3:00'));
    d.clock.input('alice', '/assign @carol check web-logs in 5m');
    d.clock.input('alice', '/status SEV-2, carol is on the logs');
    d.clock.advance(at('0:30'));
    const l = computeLayout(cols, rows);
    const r = await show(<RolePanel store={d.store} theme={theme} cols={l.panelCols} rows={l.bodyRows} />, cols, rows);
    const fit = (text: string): string => (text.length <= l.panelCols ? text : `${text.slice(0, l.panelCols - 1)}…`);
    expect(r.lines().slice(0, 7)).toEqual([
      'NOT YET NOTED (^O SEV-2)',
      '  LATE SEV-2 declared',
      ' 01:30 T1 → carol: check web-logs',
      ' 01:30 S1 status: SEV-2, carol is on the logs',
      ' 01:40 TODO? We should canary config pushes.',
      'YOUR NOTES',
      ' /note TEXT, /todo TEXT',
    ].map(fit));
    expectFits(r, l.panelCols);
  });

  it.each(SIZES)('shows a responder their pages, tasks, probes, actions, metrics and last check at %i×%i', async (cols, rows) => {
    const { lines, w } = await panelFor(2, cols, rows);
    expect(lines.slice(0, 10)).toEqual([
      'PAGES',
      ' web-errors — /ack',
      'YOUR TASKS',
      ' T1 check web-logs',
      'PROBES (/check)',
      ' web-logs  Tail the web error log',
      'ACTIONS (/run, * major)',
      ' revert-config*  Revert the last config push',
      ' restart-web  Restart all web pods',
      'METRICS',
    ].map((l) => fit(l, w)));
    // Name, value with its unit (right-aligned), and a sparkline to the panel's edge.
    expect(lines[10]).toMatch(/^ error_rate {2,}\d+(\.\d+)?% [▁▂▃▄▅▆▇█]{6,}$/u);
    expect(lines[11]).toMatch(/^ latency_p99 +\d+ms [▁▂▃▄▅▆▇█]{6,}$/u);
    expect([...lines[10]!]).toHaveLength(w);
    expect([...lines[11]!]).toHaveLength(w);
    expect(lines[12]).toBe('LAST CHECK');
    expect(lines[13]).toBe(fit(' web-logs: Every error names the upstream config pushed at T+2m.', w));
  });

  it.each(SIZES)('shows a liaison their drafts, customer reports and tasks at %i×%i', async (cols, rows) => {
    const { lines, w } = await panelFor(3, cols, rows);
    expect(lines.slice(0, 6)).toEqual([
      'DRAFTS',
      ' D1 waiting We are looking into failed page loads.',
      'CUSTOMER REPORTS',
      ' 06:00 Support: Customers say checkout fails half the time.',
      'YOUR TASKS',
      ' none',
    ].map((l) => fit(l, w)));
  });

  it('keeps the newest rows of a long list when the panel is short, says how many more, and keeps every section', async () => {
    const d = createDrill({ humans: [{ name: 'alice', role: 'ic' }, { name: 'bob', role: 'scribe' }] });
    d.store.client.setViewer("bob");
    for (let i = 1; i <= 12; i++) d.clock.input('bob', `/note entry ${i}`);
    const r = await show(<RolePanel store={d.store} theme={theme} cols={32} rows={8} />, 80, 24);
    // The notes give up rows first (the Scribe's own notes are in the channel too); TASKS stays.
    expect(r.lines()).toEqual(['NOT YET NOTED', ' all caught up', 'YOUR NOTES', ' +10 more', ' 00:00 entry 11', ' 00:00 entry 12', 'TASKS', ' none open']);
  });
});
