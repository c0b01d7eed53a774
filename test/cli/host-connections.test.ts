// The drill host behind the real SSH gate, with real Ink screens on each connection: a closed connection frees
// everything it held (its screen, its store, the gate's timers and the process's handles) except the seat, within
// a second, over 20 connect/disconnect cycles; and a person who reconnects carries on in their seat.
import ssh2, { type ClientChannel } from 'ssh2';
import { afterEach, describe, expect, it } from 'vitest';
import { newEd25519KeyPair } from '../../src/io/host-key-file';
import type { CastRequest } from '../../src/engine/cast';
import type { Outcome } from '../../src/engine/session';
import { DrillHost, type HostedDrill } from '../../src/net/drill-host';
import { openGate, type Gate } from '../../src/net/ssh-gate';
import { createTheme, mountParticipant } from '../../src/ui/host-modules';
import { score } from '../../src/scoring/score';
import { drill, starter } from '../helpers/drill';
import { SimClock } from '../helpers/drill-rig';
import { evil, foreignControls } from '../helpers/terminal-scan';
import { waitUntil } from '../helpers/wait';

const CODE = 'TEST-CODE-0001';
const HOST_KEY = newEd25519KeyPair().private;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A host of the starter scenario behind a gate on 127.0.0.1; real screens are mounted on every connection. */
async function hosted(): Promise<{ host: DrillHost; gate: Gate; port: number; end: () => void }> {
  const scenario = starter();
  const theme = createTheme();
  let made: ReturnType<typeof drill> | undefined;
  const host = new DrillHost({
    scenario,
    joinLines: () => [],
    begin: (humans: readonly CastRequest[]): HostedDrill => {
      const d = drill(scenario, { humans: [...humans], bots: 'by-the-book' });
      made = d;
      const clock = new SimClock(d.session);
      const done = new Promise<Outcome>((r) => d.session.onEvent((e) => e.type === 'drill.end' && r(e.data.outcome)));
      d.session.start();
      return { session: d.session, driver: Object.assign(clock, { done }), events: d.journal.events };
    },
    // Scored as the CLI scores it, so the participants' screens go on to the scorecard.
    finish: () => ({ card: score(scenario, made!.session.header!, made!.journal.events), dir: '/runs/x' }),
    mount: (t, model) => mountParticipant(t, model, theme),
  });
  const gate = await openGate({ listen: '127.0.0.1', port: 0, hostKey: HOST_KEY, code: CODE, maxConnections: 8 }, (t) => host.connect(t));
  cleanups.push(async () => {
    host.quit();
    await gate.close();
  });
  return { host, gate, port: gate.address().port, end: () => made!.session.control({ kind: 'end' }) };
}

/** alice's terminal over SSH: logged in with the code, a pty and a shell; `text` is what her screen received. */
async function join(port: number, name = 'alice'): Promise<{ c: ssh2.Client; ch: ClientChannel; text: () => string }> {
  const c = new ssh2.Client();
  await new Promise<void>((resolve, reject) => {
    c.on('keyboard-interactive', (_n, _i, _l, prompts, finish) => finish(prompts.map(() => CODE)));
    c.once('ready', () => resolve()).once('error', reject);
    c.connect({ host: '127.0.0.1', port, username: name, tryKeyboard: true, authHandler: ['keyboard-interactive'] });
  });
  const ch = await new Promise<ClientChannel>((resolve, reject) => c.shell({ term: 'xterm-256color', cols: 100, rows: 30 }, (e, s) => (e ? reject(e) : resolve(s))));
  let received = '';
  ch.on('data', (d: Buffer) => (received += d.toString()));
  cleanups.push(() => void c.end());
  return { c, ch, text: () => received.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '') };
}

describe('the host behind the gate', () => {
  for (const ended of [false, true]) {
    const screen = ended ? 'Enter/q leave' : 'alice (ic)>';
    it(`${ended ? 'after the drill has ended (the scorecard screen), ' : ''}20 connect/disconnect cycles leave the host's screens, the gate's handles and the process's resources as they were, each screen freed within a second`, async () => {
      const { host, gate, port, end } = await hosted();
      const first = await join(port);
      await waitUntil('the lobby on alice\'s screen', () => first.text().includes('Waiting for the facilitator') || undefined);
      first.ch.write('ic\r');
      await waitUntil('alice seated', () => host.lobby().people.find((p) => p.seat?.role === 'ic') ?? undefined);
      expect(host.start()).toBeUndefined();
      await waitUntil('the drill on alice\'s screen', () => first.text().includes('alice (ic)>') || undefined);
      if (ended) end();
      await waitUntil(`"${screen}" on alice's screen`, () => (host.phase() === (ended ? 'ended' : 'drill') && first.text().includes(screen)) || undefined);
      first.c.end();
      await waitUntil('alice gone', () => (host.stats().connections === 0 && gate.stats().connections === 0) || undefined);
      const resources = process.getActiveResourcesInfo().length;
      const before = { host: host.stats(), gate: gate.stats() };
      expect(before.host).toEqual({ connections: 0, screens: 0, stores: 0 });
      for (let i = 0; i < 20; i++) {
        const again = await join(port);
        await waitUntil('the screen redrawn', () => again.text().includes(screen) || undefined);
        expect(host.stats()).toEqual({ connections: 1, screens: 1, stores: 1 });
        const t0 = Date.now();
        again.c.end();
        await waitUntil('the screen freed', () => (host.stats().screens === 0 && gate.stats().connections === 0) || undefined, { timeoutMs: 1000 });
        expect(Date.now() - t0).toBeLessThan(1000);
      }
      expect({ host: host.stats(), gate: gate.stats() }).toEqual(before);
      // Timers and sockets of the process: back to where they were (a little slack for the test's own timers).
      await waitUntil('handles released', () => (process.getActiveResourcesInfo().length <= resources || undefined), { timeoutMs: 2000, state: () => process.getActiveResourcesInfo().join(', ') });
      // The seat is kept through it all.
      expect(host.people().find((p) => p.name === 'alice')).toMatchObject({ seat: 'Incident Commander', connected: false });
    }, 60_000);
  }

  it('control sequences typed by one person never reach another\'s terminal (nor the name of a character in an inject)', async () => {
    const { host, port } = await hosted();
    const alice = await join(port, 'alice');
    const bob = await join(port, 'bob');
    let raw = Buffer.alloc(0);
    bob.ch.on('data', (d: Buffer) => (raw = Buffer.concat([raw, d])));
    await waitUntil('the lobby', () => bob.text().includes('Waiting for the facilitator') || undefined);
    host.start();
    await waitUntil('the drill', () => bob.text().includes('bob (responder)>') || undefined);
    alice.ch.write(`${evil()}\r`);
    host.say(evil(), evil());
    await waitUntil('both lines on bob\'s screen', () => (bob.text().split('evil').length > 3 ? true : undefined));
    expect(foreignControls(raw, 'ink', { tty: true })).toEqual([]);
  }, 30_000);

  it('a person who reconnects sees what was said while they were away', async () => {
    const { host, port } = await hosted();
    const alice = await join(port);
    await waitUntil('the lobby', () => alice.text().includes('Waiting for the facilitator') || undefined);
    host.start();
    await waitUntil('the drill', () => alice.text().includes('alice (responder)>') || undefined);
    alice.c.end();
    await waitUntil('alice gone', () => host.stats().connections === 0 || undefined);
    host.say('Priya (Customer Support)', 'said while alice was away');
    const back = await join(port);
    await waitUntil('the line on her screen', () => back.text().includes('said while alice was away') || undefined);
  }, 30_000);
});
