// A team drill as a team runs it: `firedrill host` in one terminal, each person joining with the real OpenSSH
// client from their own (node-pty), and the journal replaying afterwards, even across a host killed with SIGKILL.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { readJournal } from '../../src/io/read-journal';
import { ROOT, runCli } from '../helpers/cli';
import { KEYS, PtyRun } from '../helpers/pty';
import { tempDir } from '../helpers/tmp';
import { waitForJournal } from '../helpers/wait';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');
const CODE = 'drill-code-7731';
const runs: PtyRun[] = [];
afterEach(async () => {
  await Promise.all(runs.splice(0).map((r) => r.stop()));
});

/** OpenSSH options for a test: no config, keys, agent or known_hosts of the user's; the code typed at the prompt. */
const SSH_OPTS = [
  '-F', '/dev/null', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR',
  '-o', 'PubkeyAuthentication=no', '-o', 'PreferredAuthentications=keyboard-interactive', '-o', 'NumberOfPasswordPrompts=1',
  '-o', 'ConnectTimeout=5',
];

interface Host { r: PtyRun; port: number; cwd: string; home: string }

/** `firedrill host` in a pty on a free port; resolves once it shows its join line. */
async function startHost(extra: readonly string[] = [], cwd = tempDir('e2e-host')): Promise<Host> {
  const home = join(cwd, 'home');
  const args = extra.includes('--resume') ? ['host', ...extra] : ['host', INTRO, '--seed', '7', '--out', 'run', ...extra];
  const r = new PtyRun([...args, '--port', '0', '--code', CODE, '--host-key', join(cwd, 'host_key')], { cwd, cols: 120, rows: 40, env: { HOME: home } });
  runs.push(r);
  const screen = await r.waitFor(/ssh -p \d+ NAME@127\.0\.0\.1/);
  const port = Number(/ssh -p (\d+) NAME@/.exec(screen)?.[1]);
  return { r, port, cwd, home };
}

/** A person joining with `ssh -p PORT NAME@127.0.0.1` and typing the code. */
async function join_(h: Host, name: string, code = CODE): Promise<PtyRun> {
  const r = new PtyRun([], { cols: 100, rows: 30, env: { HOME: h.home }, command: { file: 'ssh', args: [...SSH_OPTS, '-p', String(h.port), `${name}@127.0.0.1`] } });
  runs.push(r);
  await r.waitFor(/[Jj]oin code/);
  await r.type(`${code}\r`, 2);
  return r;
}

/** Takes a seat in the lobby by typing it. */
async function takeSeat(r: PtyRun, seat: string): Promise<void> {
  await r.waitFor('Waiting for the facilitator');
  await r.type(`${seat}\r`, 2);
}

/** The facilitator starts the drill from the console. */
async function startDrill(h: Host): Promise<void> {
  h.r.press('s');
  await h.r.waitFor('Start the drill?');
  h.r.press('y');
}

/** The drill's screen gave the person's terminal its own screen back (alternate screen left), and then said why. */
function expectToldAfterScreen(r: PtyRun, message: RegExp): void {
  const left = r.output.lastIndexOf('\x1b[?1049l');
  expect(left).toBeGreaterThan(r.output.lastIndexOf('\x1b[?1049h'));
  expect(r.output.slice(left)).toMatch(message);
  expect(r.screen()).toMatch(message);
}

/** alice joins, takes the IC's seat, and the facilitator starts the drill: resolves once her drill screen shows. */
async function aliceInCommand(h: Host): Promise<PtyRun> {
  const alice = await join_(h, 'alice');
  await takeSeat(alice, 'ic');
  await h.r.waitFor(/alice[\s\S]*Incident Commander/);
  await startDrill(h);
  await alice.waitFor('alice (ic)>');
  return alice;
}

describe('firedrill host: a team drill over ssh', () => {
  it('two participants and the host: what one types shows on the other\'s screen; a probe result stays with who ran it', async () => {
    const h = await startHost(['--speed', '4']);
    const alice = await join_(h, 'alice');
    const bob = await join_(h, 'bob');
    await takeSeat(alice, 'ic');
    await takeSeat(bob, 'responder orders-team');
    await h.r.waitFor(/alice[\s\S]*Incident Commander/);
    await startDrill(h);
    await alice.waitFor('alice (ic)>');
    await bob.waitFor('bob (responder)>');
    await alice.type('hello from alice 42\r', 2);
    await bob.waitFor('hello from alice 42');
    await bob.type('/check orders-api-logs\r', 2);
    await bob.waitFor(/ordinary 201|timeout acquiring|Pods are cycling/);
    // The facilitator sees everything; alice sees neither the result nor the raw command.
    await h.r.waitFor(/ordinary 201|timeout acquiring|Pods are cycling/);
    await new Promise((res) => setTimeout(res, 500));
    expect(alice.output).not.toMatch(/ordinary 201|timeout acquiring|Pods are cycling/);
  });

  it('a wrong code is refused', async () => {
    const h = await startHost();
    const eve = await join_(h, 'eve', 'not-the-code');
    expect(await eve.exited).toBe(255);
    expect(eve.output).toMatch(/Permission denied/);
  });

  it('a person who reconnects gets their seat and the whole channel back', async () => {
    const h = await startHost(['--speed', '4']);
    let alice = await aliceInCommand(h);
    await alice.type('before the drop 9917\r', 2);
    await alice.waitFor('before the drop 9917');
    (alice.proc as unknown as { destroy(): void }).destroy();
    await alice.exited;
    alice = await join_(h, 'alice');
    await alice.waitFor('alice (ic)>');
    await alice.waitFor('before the drop 9917');
  });
});

describe('firedrill host: what it refuses', () => {
  /** A host that also takes a test key, so ssh can run without a terminal for the code (BatchMode). */
  async function keyedHost(): Promise<Host & { ssh: (args: string[], timeout?: number) => ReturnType<typeof spawnSync>; keyOpts: string[] }> {
    const cwd = tempDir('e2e-host');
    const key = join(cwd, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    const h = await startHost(['--authorized-keys', `${key}.pub`], cwd);
    const keyOpts = [
      '-F', '/dev/null', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR',
      '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'PreferredAuthentications=publickey', '-i', key,
    ];
    const ssh = (args: string[], timeout = 15_000) => spawnSync('ssh', [...keyOpts, '-p', String(h.port), ...args], { encoding: 'utf8', timeout, env: { ...process.env, HOME: h.home } });
    return { ...h, ssh, keyOpts };
  }

  it('a command (ssh host ls) is refused, saying how to join', async () => {
    const h = await keyedHost();
    const r = h.ssh(['alice@127.0.0.1', 'ls']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/this host runs a drill, not commands; join with ssh -p \d+/);
  });

  it('sftp is refused with a message', async () => {
    const h = await keyedHost();
    const r = spawnSync('sftp', [...h.keyOpts, '-P', String(h.port), 'alice@127.0.0.1'], { encoding: 'utf8', input: 'ls\n', timeout: 15_000, env: { ...process.env, HOME: h.home } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/this host runs a drill, not sftp/);
  });

  it('remote port forwarding (ssh -R) is refused', async () => {
    const h = await keyedHost();
    const r = h.ssh(['-N', '-o', 'ExitOnForwardFailure=yes', '-R', '0:127.0.0.1:9', 'alice@127.0.0.1']);
    expect(r.status).toBe(255);
    expect(r.stderr).toMatch(/remote port forwarding failed/);
  });

  it('local port forwarding (ssh -N -L) is refused, and a connection without a session is cut', async () => {
    const h = await keyedHost();
    const probe = await new Promise<number>((res) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as { port: number };
        srv.close(() => res(port));
      });
    });
    const t0 = Date.now();
    // OpenSSH reports a refused channel at its INFO level (the first value given for an option is the one it keeps).
    const fwd = spawn('ssh', ['-o', 'LogLevel=INFO', ...h.keyOpts, '-p', String(h.port), '-N', '-L', `${probe}:127.0.0.1:${h.port}`, 'alice@127.0.0.1'], { env: { ...process.env, HOME: h.home } });
    let stderr = '';
    fwd.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((res) => fwd.on('exit', (c) => res(c)));
    onTestFinished(() => void fwd.kill('SIGKILL'));
    // Once the forward listens, a connection through it asks the host for a channel it refuses.
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise<boolean>((res) => {
        const s = connect(probe, '127.0.0.1', () => {
          s.on('close', () => res(true));
        }).on('error', () => res(false));
      });
      if (ok) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(await exited).toBe(255);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(stderr).toMatch(/open failed: administratively prohibited/);
  }, 30_000);
});

describe('firedrill host: stopping it', () => {
  it('SIGTERM mid-drill ends the drill for everyone: the run folder is written, each person is told, exit 143', async () => {
    const h = await startHost(['--speed', '4']);
    const alice = await aliceInCommand(h);
    h.r.kill('SIGTERM');
    expect(await h.r.exited).toBe(143);
    expect(await alice.exited).toBe(0);
    expectToldAfterScreen(alice, /The drill is over; its run folder is .*run on the host/);
    expect(readdirSync(join(h.cwd, 'run')).sort()).toEqual(['journal.jsonl', 'postmortem.md', 'scorecard.json', 'scorecard.md']);
    expect(readJournal(join(h.cwd, 'run', 'journal.jsonl')).events.at(-1)).toMatchObject({ type: 'drill.end', data: { outcome: 'aborted' } });
  });

  for (const [how, code] of [['SIGTERM', 143], ['its terminal closing', 129]] as const) {
    it(`after the drill has ended, ${how} ends the host within 2 s (exit ${code}) and sends each person away from their scorecard`, async () => {
      const h = await startHost();
      const alice = await aliceInCommand(h);
      h.r.press('\x05');
      await h.r.waitFor(/End the drill/);
      h.r.press('y');
      await alice.waitFor('Enter/q leave');
      const t0 = Date.now();
      if (how === 'SIGTERM') h.r.kill('SIGTERM');
      else (h.r.proc as unknown as { destroy(): void }).destroy();
      expect(await h.r.exited).toBe(code);
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(await alice.exited).toBe(0);
      expectToldAfterScreen(alice, /The drill is over; its run folder is .*run on the host/);
      expect(readJournal(join(h.cwd, 'run', 'journal.jsonl')).events.at(-1)).toMatchObject({ type: 'drill.end', data: { outcome: 'aborted' } });
    });
  }

  it('the host\'s terminal closing ends it within 2 s (exit 129); in the lobby nothing is written', async () => {
    const h = await startHost();
    const alice = await join_(h, 'alice');
    await alice.waitFor('Waiting for the facilitator');
    const t0 = Date.now();
    (h.r.proc as unknown as { destroy(): void }).destroy();
    expect(await h.r.exited).toBe(129);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await alice.exited).toBe(0);
    expectToldAfterScreen(alice, /The facilitator closed the drill host/);
    expect(existsSync(join(h.cwd, 'run'))).toBe(false);
  });
});

describe('firedrill host: a host that dies', () => {
  it('--resume on a port in use says so and exits 1 at once, leaving the journal as it was', async () => {
    const cwd = tempDir('e2e-host');
    const sim = runCli(['simulate', INTRO, '--seed', '3', '--out', join(cwd, 'run')]);
    expect(sim.code, sim.stderr).toBe(0);
    // A journal cut short, as a killed host leaves it (no drill.end), and nothing else in the folder.
    const journal = join(cwd, 'run', 'journal.jsonl');
    writeFileSync(journal, `${readFileSync(journal, 'utf8').split('\n').slice(0, 40).join('\n')}\n`);
    for (const f of ['scorecard.json', 'scorecard.md', 'postmortem.md']) rmSync(join(cwd, 'run', f));
    const before = readFileSync(journal, 'utf8');
    const busy = createServer();
    await new Promise<void>((res) => busy.listen(0, '127.0.0.1', () => res()));
    onTestFinished(() => new Promise<void>((res) => busy.close(() => res())));
    const port = (busy.address() as { port: number }).port;
    const r = new PtyRun(['host', '--resume', 'run', '--port', String(port), '--host-key', join(cwd, 'host_key')], { cwd, env: { HOME: join(cwd, 'home') } });
    runs.push(r);
    expect(await Promise.race([r.exited, new Promise((res) => setTimeout(() => res('still running 5 s later'), 5000))])).toBe(1);
    expect(r.output).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
    expect(readFileSync(journal, 'utf8')).toBe(before);
  });

  it('SIGKILL of the host, then --resume: people reconnect to their seats and the journal replays', async () => {
    const h = await startHost(['--speed', '8']);
    let alice = await aliceInCommand(h);
    await alice.type('said before the crash 5521\r', 2);
    await alice.waitFor('said before the crash 5521');
    const journal = join(h.cwd, 'run', 'journal.jsonl');
    await waitForJournal(journal, 'the line', (events) => events.some((e) => e.type === 'input' && e.data.text.includes('5521')));
    h.r.kill('SIGKILL');
    await h.r.exited;
    await alice.exited;
    const again = await startHost(['--resume', 'run', '--speed', '8'], h.cwd);
    alice = await join_(again, 'alice');
    await alice.waitFor('said before the crash 5521');
    await alice.waitFor('alice (ic)>');
    await alice.type('said after the resume 7734\r', 2);
    await alice.waitFor('said after the resume 7734');
    // The facilitator ends the drill; the run folder is written and the whole journal replays.
    again.r.press(KEYS.CTRL_E);
    await again.r.waitFor(/\(y\/n\)/);
    again.r.press('y');
    await again.r.waitFor('The drill has ended: aborted.');
    await alice.waitFor(/aborted/);
    again.r.press('q');
    expect(await Promise.race([again.r.exited, new Promise((res) => setTimeout(() => res('still running 10 s after q'), 10_000))])).toBe(130);
    const j = readJournal(journal);
    expect(j.events.filter((e) => e.type === 'input').map((e) => e.data.text)).toEqual(expect.arrayContaining(['said before the crash 5521', 'said after the resume 7734']));
    const replay = runCli(['replay', join(h.cwd, 'run')]);
    expect(replay.code, replay.stdout + replay.stderr).toBe(0);
  }, 60_000);
});
