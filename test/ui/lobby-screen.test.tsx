// A participant's lobby and the screen that follows it into the drill, at 80×24 and 120×40.
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LobbyScreen } from '../../src/ui/components/LobbyScreen';
import { ParticipantScreen } from '../../src/ui/components/ParticipantScreen';
import { createTheme } from '../../src/ui/theme';
import { createDrill } from '../helpers/drill-rig';
import { FakeParticipant, lobbyWith } from '../helpers/host-models';
import { CTRL_C, CTRL_E, CTRL_P, DOWN, ENTER, render, width, type Rendered } from '../helpers/render';
import { scorecardFixture } from '../helpers/scorecard-fixture';
import { evil, foreignControls, NAME_PAYLOAD } from '../helpers/terminal-scan';

const CTRL_X = '\x18';
const theme = createTheme(false);
const SIZES = [[80, 24], [120, 40], [200, 50]] as const;
const mounted: Rendered[] = [];
afterEach(() => {
  for (const r of mounted.splice(0)) r.unmount();
});
async function show(tree: ReactElement, columns = 80, rows = 24): Promise<Rendered> {
  const r = await render(tree, { columns, rows });
  mounted.push(r);
  return r;
}
async function type(r: Rendered, text: string): Promise<void> {
  for (const ch of text) await r.press(ch);
}
const fits = (r: Rendered, cols: number): void => {
  for (const l of r.lines()) expect(width(l), l).toBeLessThanOrEqual(cols);
};

/** alice is in the lobby with bob (IC) and carol (a responder whose connection dropped). */
function aliceLobby() {
  const room = lobbyWith([
    { name: 'alice' },
    { name: 'bob', seat: { role: 'ic' } },
    { name: 'carol', seat: { role: 'responder', service: 'web-team' }, dropped: true },
  ]);
  return new FakeParticipant('alice', room);
}

describe('LobbyScreen', () => {
  for (const [cols, rows] of SIZES) {
    it(`shows the scenario, the seats with their holders, the people and the waiting line at ${cols}×${rows}`, async () => {
      const r = await show(<LobbyScreen model={aliceLobby()} theme={theme} />, cols, rows);
      const lines = r.lines();
      expect(lines).toHaveLength(rows - 1);
      expect(lines[0]).toBe("Demo — the team drill's lobby");
      expect(lines[1]).toMatch(/^You are alice\. Take a seat/);
      expect(lines[2]).toMatch(/^SEATS +PEOPLE \(3\)$/);
      expect(lines[3]).toMatch(/^> Incident Commander +bob +alice \(you\) +no seat yet$/);
      expect(lines[4]).toMatch(/^ {2}Scribe +free +bob +Incident Commander$/);
      expect(lines[5]).toMatch(/^ {2}Responder \(web-team\) +carol +carol \(dropped\) +Responder \(web-team\)$/);
      expect(lines[rows - 5]).toBe('Waiting for the facilitator to start the drill.');
      expect(lines[rows - 4]).toBe('alice>');
      expect(lines[rows - 3]).toMatch(/^type a seat \("scribe", "responder payments"\)/);
      expect(lines[rows - 2]).toBe('q leave  ↑/↓ choose  Enter take seat  ^X stand up');
      fits(r, cols);
    });
  }

  it('takes the chosen seat with ↓ and Enter, and stands up with ^X', async () => {
    const m = aliceLobby();
    const r = await show(<LobbyScreen model={m} theme={theme} />);
    await r.press(DOWN);
    expect(r.lines()[4]).toMatch(/^> Scribe +free/);
    await r.press(ENTER);
    expect(m.room.person('alice')?.seat).toEqual({ role: 'scribe' });
    expect(r.lines()[4]).toMatch(/^> Scribe +alice \(you\)/);
    expect(r.lastFrame()).toContain('You have the Scribe seat.');
    await r.press(CTRL_X);
    expect(m.room.person('alice')?.seat).toBeUndefined();
    expect(r.lastFrame()).toContain('You stood up');
  });

  it('says why a taken seat cannot be had', async () => {
    const m = aliceLobby();
    const r = await show(<LobbyScreen model={m} theme={theme} />);
    await r.press(ENTER);
    expect(m.room.person('alice')?.seat).toBeUndefined();
    expect(r.lines()[21]).toBe('bob already has the Incident Commander seat');
  });

  it('takes a typed seat, and shows a typed mistake on the hint line', async () => {
    const m = aliceLobby();
    const r = await show(<LobbyScreen model={m} theme={theme} />);
    await type(r, 'pilot');
    await r.press(ENTER);
    expect(r.lines()[21]).toMatch(/^"pilot" is not a seat; seats are/);
    expect(r.lines()[20]).toBe('alice> pilot');
    await r.press('\x15'); // ^U clears the line
    await type(r, 'responder web');
    await r.press(ENTER);
    expect(m.room.person('alice')?.seat).toEqual({ role: 'responder', service: 'web-team' });
    expect(r.lines()[20]).toBe('alice>');
  });

  it('leaves with q on an empty line or ^C, but types q inside a word', async () => {
    const m = aliceLobby();
    const r = await show(<LobbyScreen model={m} theme={theme} />);
    await type(r, 'sq');
    expect(m.leaves).toBe(0);
    expect(r.lines()[20]).toBe('alice> sq');
    await r.press('\x15');
    await r.press('q');
    expect(m.leaves).toBe(1);
    await r.press(CTRL_C);
    expect(m.leaves).toBe(2);
  });

  it('draws names from other people without their escape sequences', async () => {
    const name = evil(NAME_PAYLOAD);
    const m = new FakeParticipant('alice', lobbyWith([{ name: 'alice' }, { name, seat: { role: 'scribe' } }]));
    const r = await show(<LobbyScreen model={m} theme={theme} />);
    expect(r.lastFrame()).toContain('evilend');
    expect(foreignControls(r.lastRawFrame(), 'ink')).toEqual([]);
  });
});

describe('ParticipantScreen', () => {
  it('shows the lobby, then the drill from the seat once it starts', async () => {
    const m = aliceLobby();
    const r = await show(<ParticipantScreen model={m} theme={theme} />);
    expect(r.lines()[0]).toBe("Demo — the team drill's lobby");
    const d = createDrill();
    m.go('drill', d.store);
    await r.waitForFrame((f) => f.includes('The drill has started'));
    expect(r.lines()[0]).toMatch(/^Demo +T\+00:00/);
  });

  for (const [cols, rows] of SIZES) {
    it(`has no facilitator keys in the drill at ${cols}×${rows}: not in the footer, not in the help, and they do nothing`, async () => {
      const m = aliceLobby();
      const d = createDrill();
      m.go('drill', d.store);
      const r = await show(<ParticipantScreen model={m} theme={theme} />, cols, rows);
      await r.waitForFrame((f) => f.includes('The drill has started'));
      expect(r.lines()[rows - 2]).toBe('^C leave  ? help');
      await r.pressAll(CTRL_P, CTRL_E);
      expect(d.clock.paused).toBe(false);
      expect(r.lastFrame()).not.toContain('End the drill');
      await r.press('?');
      expect(r.lastFrame()).toMatch(/\^C +leave the dri/);
      expect(r.lastFrame()).not.toMatch(/\^P|\^E|\^T|facilitator/);
      fits(r, cols);
    });
  }

  it('asks before leaving on ^C, keeps the drill going, and leaves on y', async () => {
    const m = aliceLobby();
    const d = createDrill();
    m.go('drill', d.store);
    const r = await show(<ParticipantScreen model={m} theme={theme} />);
    await r.waitForFrame((f) => f.includes('The drill has started'));
    await r.press(CTRL_C);
    expect(r.lines()[21]).toBe('Leave the drill? Your seat is kept — ssh in again as alice to carry on (y/n)');
    await r.press('n');
    expect(m.leaves).toBe(0);
    await r.press(CTRL_C);
    await r.press('y');
    expect(m.leaves).toBe(1);
    expect(d.clock.aborts).toBe(0);
    expect(d.session.state.status).toBe('running');
  });

  it('leaves after the scorecard screen', async () => {
    const m = aliceLobby();
    const d = createDrill();
    m.go('drill', d.store);
    const r = await show(<ParticipantScreen model={m} theme={theme} />, 120, 40);
    d.store.finish(scorecardFixture(), '/runs/demo');
    m.go('ended');
    await r.waitForFrame((f) => f.includes('/runs/demo'));
    await r.press(ENTER);
    expect(m.leaves).toBe(1);
    expect(d.clock.aborts).toBe(0);
  });
});
