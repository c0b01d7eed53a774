// The facilitator console at 80×24 and 120×40: the lobby with its join lines and seating, the drill with the hidden
// truth, the injects to come and the people, ad-hoc injects, the end, and the summary.
import { afterEach, describe, expect, it } from 'vitest';
import { HostConsole } from '../../src/ui/components/HostConsole';
import type { FacilitatorTruth } from '../../src/engine/view/drill-view';
import { createTheme } from '../../src/ui/theme';
import { FakeConsole, facilitatorDrill, lobbyWith } from '../helpers/host-models';
import { CTRL_C, CTRL_E, CTRL_P, DOWN, ENTER, render, width, type Rendered } from '../helpers/render';
import { evil, foreignControls, NAME_PAYLOAD } from '../helpers/terminal-scan';

const CTRL_X = '\x18';
const theme = createTheme(false);
const SIZES = [[80, 24], [120, 40], [200, 50]] as const;
const mounted: Rendered[] = [];
afterEach(() => {
  for (const r of mounted.splice(0)) r.unmount();
});
async function show(model: FakeConsole, columns = 80, rows = 24): Promise<Rendered> {
  const r = await render(<HostConsole model={model} theme={theme} />, { columns, rows });
  mounted.push(r);
  return r;
}
async function type(r: Rendered, text: string): Promise<void> {
  for (const ch of text) await r.press(ch);
}
const fits = (r: Rendered, cols: number): void => {
  for (const l of r.lines()) expect(width(l), l).toBeLessThanOrEqual(cols);
};
const lobby = () => new FakeConsole(lobbyWith([{ name: 'alice', seat: { role: 'ic' } }, { name: 'bob' }]));

describe('HostConsole: the lobby', () => {
  for (const [cols, rows] of SIZES) {
    it(`shows the join lines, the people and the seats at ${cols}×${rows}`, async () => {
      const r = await show(lobby(), cols, rows);
      const lines = r.lines();
      expect(lines.slice(0, 5)).toEqual(['firedrill host — Demo', 'JOIN', '  ssh -p 2222 NAME@10.0.0.5', '  join code: 4821', '  host key: SHA256:abcdefghijklmnop']);
      expect(lines[6]).toMatch(/^PEOPLE \(2\) +SEATS$/);
      expect(lines[7]).toMatch(/^> alice +Incident Commander +Incident Commander +alice$/);
      expect(lines[8]).toMatch(/^ {2}bob +no seat +Scribe +— \(a bot\)$/);
      expect(lines[rows - 4]).toBe('seat alice>');
      expect(lines[rows - 2]).toMatch(/^\^C quit  ↑\/↓ person  Enter seat \/ start  \^X stand up  s start/);
      fits(r, cols);
    });
  }

  it('seats the chosen person in the seat typed, stands them up, and says what is wrong', async () => {
    const m = lobby();
    const r = await show(m);
    await r.press(DOWN);
    expect(r.lines()[20]).toBe('seat bob>');
    await type(r, 'scribe');
    await r.press(ENTER);
    expect(m.assigned).toEqual([['bob', { role: 'scribe' }]]);
    expect(r.lines()[21]).toBe('bob has the Scribe seat.');
    await type(r, 'ic');
    await r.press(ENTER);
    expect(r.lines()[21]).toBe('alice already has the Incident Commander seat');
    await r.press('\x15');
    await type(r, 'pilot');
    await r.press(ENTER);
    expect(r.lines()[21]).toMatch(/^"pilot" is not a seat/);
    await r.press(CTRL_X);
    expect(m.assigned.at(-1)).toEqual(['bob', undefined]);
    expect(m.room.person('bob')?.seat).toBeUndefined();
  });

  it('asks before starting, says how many seats bots fill, and starts on y', async () => {
    const m = lobby();
    const r = await show(m);
    await r.press('s');
    expect(r.lines()[21]).toBe('Start the drill? (y/n) — bots fill 2 seats (Scribe, Responder (web-team)); 1 un…');
    await r.press('n');
    expect(m.starts).toBe(0);
    await r.press(ENTER);
    await r.press('y');
    expect(m.starts).toBe(1);
  });

  it('lets a seat starting with s be typed: a letter after s leaves the question and goes on the line', async () => {
    const m = lobby();
    const r = await show(m);
    await type(r, 'scribe');
    expect(r.lines()[20]).toBe('seat alice> scribe');
    expect(m.starts).toBe(0);
  });

  it('shows why the start failed', async () => {
    const m = lobby();
    m.startError = 'nobody is connected';
    const r = await show(m);
    await r.press(ENTER);
    await r.press('y');
    expect(r.lines()[21]).toBe('nobody is connected');
  });

  it('draws names and join lines without their escape sequences', async () => {
    const name = evil(NAME_PAYLOAD);
    const m = new FakeConsole(lobbyWith([{ name }]));
    m.joins = [`ssh ${evil()}`];
    const r = await show(m);
    expect(r.lastFrame()).toContain('evilend');
    expect(foreignControls(r.lastRawFrame(), 'ink')).toEqual([]);
  });
});

function drilling(story: FacilitatorTruth['story'] | null = { description: 'A config push at T+2m broke checkout; reverting it mitigates.' }) {
  const d = facilitatorDrill(story === null ? {} : { story });
  const m = lobby();
  m.everyone = [
    { name: 'alice', seat: 'Incident Commander', kind: 'human', connected: true, lastAction: { atMs: 72_000, text: '/assign @bob check logs' }, openTasks: [{ id: 'T1', text: 'check logs' }] },
    { name: 'bob', seat: 'Scribe', kind: 'human', connected: false, openTasks: [] },
    { name: 'vallie', seat: 'bot: Responder (web-team)', kind: 'bot', connected: true, openTasks: [] },
  ];
  m.go('drill', d.store);
  return { d, m };
}

describe('HostConsole: the drill', () => {
  for (const [cols, rows] of SIZES) {
    it(`shows the truth, the injects to come, the channel and the people table at ${cols}×${rows}`, async () => {
      const { m } = drilling();
      const r = await show(m, cols, rows);
      const f = await r.waitForFrame((x) => x.includes('The drill has started'));
      const lines = r.lines();
      expect(lines[0]).toMatch(/^Demo +T\+00:00/);
      expect(lines[1]).toMatch(/^join: ssh -p 2222 NAME@10\.0\.0\.5 {2}· {2}join code: 4821/);
      expect(lines[2]).toMatch(/^TRUTH phase \S+ — A config push at T\+2m broke/);
      expect(f).toMatch(/UPCOMING \(1\)/);
      expect(f).toMatch(/ 06:00 Support: Customers say/);
      expect(f).toMatch(/^NAME +SEAT +WHO +LINK +LAST ACTION +OPEN TASKS/m);
      expect(f).toMatch(/^alice +Incident Commander +human +up +01:12 \/assign @bob.* T1 *$/m);
      expect(f).toMatch(/^bob +Scribe +human +dropped +— +— *$/m);
      expect(f).toMatch(/^vallie +bot: Responder.* bot +— +— +— *$/m);
      expect(lines[rows - 4]).toBe('inject>');
      expect(lines[rows - 2]).toMatch(/^\^C quit  \^P pause  \^F faster  \^S slower  \^T inject  \^E end/);
      fits(r, cols);
    });
  }

  it('shows the phase\'s description and impact on rows of their own when there is room (120×40)', async () => {
    const { m } = drilling({ description: 'Checkout is failing after the config push.', impact: 'Most customers cannot pay.' });
    const r = await show(m, 120, 40);
    await r.waitForFrame((x) => x.includes('Impact: Most customers cannot pay.'));
    expect(r.lines().slice(2, 5)).toEqual([expect.stringMatching(/^TRUTH phase \S+$/), '  Checkout is failing after the config push.', '  Impact: Most customers cannot pay.']);
  });

  it('shows a v2 drill\'s variables on the truth line, after the phase', async () => {
    const d = facilitatorDrill({ variables: [{ name: 'deleted_objects', value: 3600 }, { name: 'email_held', value: false }, { name: 'answer.hold-email', value: 'yes' }] });
    const m = lobby();
    m.go('drill', d.store);
    const r = await show(m, 120, 40);
    await r.waitForFrame((x) => x.includes('deleted_objects=3600'));
    expect(r.lines()[2]).toMatch(/^TRUTH phase \S+ · deleted_objects=3600 email_held=false answer\.hold-email=yes/);
  });

  for (const [cols, rows] of [[80, 24], [120, 40]] as const) {
    it(`lists a v2 drill's wrong moves under the injects to come, with who ran each and its cost, at ${cols}×${rows}`, async () => {
      const judged = [
        { atMs: 301_000, actor: 'carol', action: 'restart-db', kind: 'harmful', points: 10 },
        { atMs: 420_000, actor: `Eli${evil()}`, action: 'flush-cache', kind: 'red-herring', points: 3 },
      ];
      const d = facilitatorDrill({ judged });
      const m = lobby();
      m.go('drill', d.store);
      const r = await show(m, cols, rows);
      const f = await r.waitForFrame((x) => x.includes('WRONG MOVES'));
      expect(f).toMatch(/│ ?WRONG MOVES \(2, −13\)/);
      expect(f).toMatch(cols === 80 ? /│ ?05:01 −10 restart-db carol harm/ : /│ ?05:01 −10 restart-db carol harmful$/m);
      expect(f).toMatch(/│ ?07:00 −3 flush-cache Eli/);
      expect(f).toMatch(/UPCOMING \(1\)/);
      expect(foreignControls(r.lastRawFrame(), 'ink')).toEqual([]);
      fits(r, cols);
    });
  }

  it('shows no wrong-moves section before anyone has made one', async () => {
    const d = facilitatorDrill({ judged: [] });
    const m = lobby();
    m.go('drill', d.store);
    const r = await show(m, 120, 40);
    await r.waitForFrame((x) => x.includes('UPCOMING'));
    expect(r.lastFrame()).not.toContain('WRONG MOVES');
  });

  it('shows the truth without a story when the view has none', async () => {
    const { m } = drilling(null);
    const r = await show(m);
    expect(r.lines()[2]).toMatch(/^TRUTH phase \S+$/);
  });

  it('sends an ad-hoc inject typed as SPEAKER: TEXT, and explains the form otherwise', async () => {
    const { m } = drilling();
    const r = await show(m);
    await type(r, 'customers are angry');
    await r.press(ENTER);
    expect(m.said).toEqual([]);
    expect(r.lines()[21]).toMatch(/^an inject is SPEAKER: TEXT, e\.g\. Priya/);
    await r.press('\x15');
    await r.press('Priya (Customer Support): customers are posting screenshots');
    await r.press(ENTER);
    expect(m.said).toEqual([['Priya (Customer Support)', 'customers are posting screenshots']]);
    expect(r.lines()[20]).toBe('inject>');
  });

  it('pauses with ^P and ends the drill with ^E after a y', async () => {
    const { d, m } = drilling();
    const r = await show(m);
    await r.press(CTRL_P);
    expect(d.clock.paused).toBe(true);
    await r.press(CTRL_E);
    expect(r.lines()[21]).toBe('End the drill now for everyone? (y/n)');
    await r.press('n');
    expect(d.clock.aborts).toBe(0);
    await r.press(CTRL_E);
    await r.press('y');
    expect(d.clock.aborts).toBe(1);
    expect(m.quits).toBe(0);
  });

  it('quits after a y on ^C', async () => {
    const { m } = drilling();
    const r = await show(m);
    await r.press(CTRL_C);
    expect(r.lines()[21]).toMatch(/^End the drill for everyone and quit the host\? \(y\/n\)/);
    await r.press('y');
    expect(m.quits).toBe(1);
  });
});

describe('HostConsole: after the end', () => {
  it('shows the outcome, the run folder and who is still connected; q quits', async () => {
    const { d, m } = drilling();
    d.clock.abort();
    d.store.runDir = '/runs/demo';
    m.go('ended');
    const r = await show(m);
    const f = await r.waitForFrame((x) => x.includes('The drill has ended'));
    expect(f).toContain('The drill has ended: aborted.');
    expect(f).toContain('The run folder: /runs/demo');
    expect(f).toContain('Still connected (on their scorecards): alice');
    expect(m.quits).toBe(0);
    await r.press('q');
    expect(m.quits).toBe(1);
  });
});
