// The SSH gate on real sockets, driven by the ssh2 client and by OpenSSH's own ssh and sftp in a pseudo-terminal.
import { createConnection, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import ssh2, { type ClientChannel, type ParsedKey } from 'ssh2';
import { afterEach, describe, expect, it } from 'vitest';
import { newEd25519KeyPair } from '../../src/io/host-key-file';
import { openGate, type Gate, type GateOptions } from '../../src/net/ssh-gate';
import type { Terminal } from '../../src/net/terminal';
import { PtyRun } from '../helpers/pty';
import { tempDir } from '../helpers/tmp';
import { waitUntil } from '../helpers/wait';

const CODE = 'K7QD-MXA3-TR9F';
const HOST_KEY = newEd25519KeyPair().private;
const SSH_OPTS = ['-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR',
  '-o', 'PubkeyAuthentication=no', '-o', 'PreferredAuthentications=keyboard-interactive,password'];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A gate on 127.0.0.1, any port, closed after the test; its terminals are collected. */
async function gate(o: Partial<GateOptions> = {}): Promise<{ gate: Gate; port: number; terminals: Terminal[] }> {
  const terminals: Terminal[] = [];
  const g = await openGate({ listen: '127.0.0.1', port: 0, hostKey: HOST_KEY, code: CODE, maxConnections: 10, ...o }, (t) => terminals.push(t));
  cleanups.push(() => g.close());
  return { gate: g, port: g.address().port, terminals };
}

/** OpenSSH (or sftp) in a pseudo-terminal with an empty HOME, stopped after the test. */
function openssh(port: number, args: string[], o: { program?: 'ssh' | 'sftp'; sshOptions?: string[]; env?: Record<string, string>; cols?: number; rows?: number } = {}): PtyRun {
  const program = o.program ?? 'ssh';
  const portFlag = program === 'sftp' ? '-P' : '-p';
  const run = new PtyRun([], {
    // ssh takes the first value it is given for an option: the test's own come before the defaults.
    command: { file: program, args: [portFlag, String(port), ...(o.sshOptions ?? []), ...SSH_OPTS, ...args] },
    env: { HOME: tempDir('home'), ...o.env }, cols: o.cols ?? 100, rows: o.rows ?? 30,
  });
  cleanups.push(() => run.stop());
  return run;
}

/** Types the join code at OpenSSH's prompt. */
async function typeCode(run: PtyRun, code = CODE): Promise<void> {
  await run.waitFor('Join code:');
  await run.type(`${code}\r`, 1);
}

/** An ssh2 client logged in with keyboard-interactive (or a key), closed after the test. */
function client(port: number, o: { user?: string; code?: string; key?: string } = {}): Promise<ssh2.Client> {
  const c = new ssh2.Client();
  cleanups.push(() => {
    c.end();
  });
  return new Promise((resolve, reject) => {
    c.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => {
      finish(prompts.map(() => o.code ?? CODE));
    });
    c.once('ready', () => resolve(c)).once('error', reject);
    c.connect({
      host: '127.0.0.1', port, username: o.user ?? 'alice',
      ...(o.key ? { privateKey: o.key, authHandler: ['publickey'] } : { tryKeyboard: true, authHandler: ['keyboard-interactive'] }),
    });
  });
}

function shell(c: ssh2.Client, size = { cols: 90, rows: 25 }): Promise<ClientChannel> {
  return new Promise((resolve, reject) => c.shell({ term: 'xterm', ...size }, (err, ch) => (err ? reject(err) : resolve(ch))));
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('joining with OpenSSH', () => {
  it('gives the right code a Terminal with the name and size, and bytes both ways (LF arrives as CRLF)', async () => {
    const { port, terminals, gate: g } = await gate({ banner: 'Drill: checkout database' });
    const run = openssh(port, ['alice@127.0.0.1'], { cols: 88, rows: 27 });
    await typeCode(run);
    const t = await waitUntil('a terminal', () => terminals[0]);
    expect([t.name, t.address, t.stdout.columns, t.stdout.rows, t.stdout.isTTY, t.stdin.isTTY]).toEqual(['alice', '127.0.0.1', 88, 27, true, true]);
    expect(g.stats()).toMatchObject({ connections: 1, terminals: 1 });
    let typed = '';
    t.stdin.on('data', (d: Buffer) => (typed += d.toString()));
    t.stdout.write('first\nsecond\n');
    await run.waitFor('second');
    expect(run.output).toContain('first\r\nsecond\r\n');
    expect(run.screen()).toMatch(/^first\nsecond/m);
    run.press('hi\x03');
    await waitUntil('the typed bytes', () => (typed === 'hi\x03' ? true : undefined));
    t.close('the drill is over\nthanks', 3);
    expect(await run.exited).toBe(3);
    await t.closed;
    expect(run.output).toContain('the drill is over\r\nthanks');
    await waitUntil('the gate to let go', () => (g.stats().connections === 0 ? true : undefined));
  });

  it('resizes on window-change', async () => {
    const { port, terminals } = await gate();
    const run = openssh(port, ['bob@127.0.0.1']);
    await typeCode(run);
    const t = await waitUntil('a terminal', () => terminals[0]);
    let resized = 0;
    t.stdout.on('resize', () => resized++);
    run.resize(61, 19);
    await waitUntil('the resize', () => (resized > 0 ? true : undefined));
    expect([t.stdout.columns, t.stdout.rows]).toEqual([61, 19]);
  });

  it('refuses a command with the exec message and exit status 1', async () => {
    const { port, terminals } = await gate();
    const run = openssh(port, ['alice@127.0.0.1', 'ls']);
    await typeCode(run);
    expect(await run.exited).toBe(1);
    expect(run.output).toContain(`firedrill: this host runs a drill, not commands; join with ssh -p ${port} NAME@HOST (no command)`);
    expect(terminals).toHaveLength(0);
  });

  it('refuses sftp with a message', async () => {
    const { port } = await gate();
    const run = openssh(port, ['alice@127.0.0.1'], { program: 'sftp' });
    await typeCode(run);
    expect(await run.exited).not.toBe(0);
    expect(run.output).toContain('firedrill: this host runs a drill, not sftp');
  });

  it('refuses a shell without a terminal', async () => {
    const { port } = await gate();
    const run = openssh(port, ['-T', 'alice@127.0.0.1']);
    await typeCode(run);
    expect(await run.exited).toBe(1);
    expect(run.output).toContain('firedrill: a drill needs a terminal; connect with ssh -t');
  });

  it('refuses port forwarding and cuts a connection that opens no session', async () => {
    const { port, gate: g } = await gate({ sessionTimeoutMs: 3000 });
    const localPort = await freePort();
    // OpenSSH reports a refused channel at INFO.
    const run = openssh(port, ['-N', '-L', `${localPort}:127.0.0.1:9`, 'alice@127.0.0.1'], { sshOptions: ['-o', 'LogLevel=INFO'] });
    await typeCode(run);
    const authed = Date.now();
    // ssh opens its local listener only once it is in: retry until it is there.
    let sock: Socket | undefined;
    for (let i = 0; !sock; i++) {
      sock = await connectLocal(localPort).catch(() => undefined);
      if (!sock && i > 100) throw new Error(`ssh never listened on ${localPort}`);
      if (!sock) await settle(50);
    }
    await run.waitFor(/open failed: administratively prohibited/);
    sock.destroy();
    expect(await run.exited).toBe(255);
    // Cut by the gate's no-session timeout (3 s here), not by anything sooner or much later.
    expect(Date.now() - authed).toBeGreaterThan(2500);
    expect(Date.now() - authed).toBeLessThan(5000);
    await waitUntil('the gate to let go', () => (g.stats().connections === 0 ? true : undefined));
  });

  it('refuses agent and X11 forwarding, with a notice on the terminal', async () => {
    const { port, terminals } = await gate();
    // ssh asks to forward an agent only when it can reach one: a socket that accepts is enough.
    const agentPath = join(tempDir('agent'), 'agent.sock');
    const agent = createServer((s) => s.destroy()).listen(agentPath);
    cleanups.push(() => new Promise<void>((r) => agent.close(() => r())));
    const run = openssh(port, ['-A', '-X', 'alice@127.0.0.1'], { env: { DISPLAY: ':99', SSH_AUTH_SOCK: agentPath } });
    await typeCode(run);
    const t = await waitUntil('a terminal', () => terminals[0]);
    await run.waitFor('agent forwarding is not allowed here (refused)');
    await run.waitFor('X11 forwarding is not allowed here (refused)');
    expect(t.name).toBe('alice');
  });

  it('tells a person whose name cannot be a name, and exits 1', async () => {
    const { port, terminals } = await gate();
    const run = openssh(port, ['-l', 'bad\x1b[31mname', '127.0.0.1']);
    await typeCode(run);
    expect(await run.exited).toBe(1);
    const message = run.output.slice(run.output.indexOf('firedrill:'));
    expect(message).toContain(`firedrill: "badname" cannot be a name here: the name must be one word: a letter, then letters, digits, - or _ (ssh -p ${port} alice@HOST)`);
    expect(message).not.toContain('\x1b');
    expect(terminals).toHaveLength(0);
  });

  // Issue 13: names follow the one rule (engine/person-name.ts), any alphabet included, as `run --as` does.
  it('lets in a name in any alphabet, as the person typed it', async () => {
    const { port, terminals } = await gate();
    const run = openssh(port, ['-l', 'Zoë', '127.0.0.1']);
    await typeCode(run);
    const t = await waitUntil('a terminal', () => terminals[0]);
    expect(t.name).toBe('Zoë');
  });

  it('refuses a wrong code, and tells an address refused after five why', async () => {
    const { port } = await gate();
    const kbdOnly = { sshOptions: ['-o', 'PreferredAuthentications=keyboard-interactive', '-o', 'NumberOfPasswordPrompts=1', '-o', 'LogLevel=INFO'] };
    const wrong = openssh(port, ['alice@127.0.0.1'], kbdOnly);
    await typeCode(wrong, 'WRONG');
    expect(await wrong.exited).toBe(255);
    expect(wrong.output).toMatch(/Permission denied/);
    for (let i = 0; i < 4; i++) await expect(client(port, { code: 'WRONG' })).rejects.toThrow(/authentication methods failed/);
    const refused = openssh(port, ['alice@127.0.0.1'], kbdOnly);
    expect(await refused.exited).toBe(255);
    expect(refused.output).toContain('too many wrong codes from this address; try again in 10 minutes');
    expect(refused.output).not.toContain('Join code:');
  });
});

describe('joining with the ssh2 client', () => {
  it('refuses a wrong code, and the right one from an address that failed five times', async () => {
    const { port, terminals } = await gate();
    for (let i = 0; i < 5; i++) await expect(client(port, { code: 'WRONG' })).rejects.toThrow(/authentication methods failed/);
    await expect(client(port)).rejects.toThrow(/authentication methods failed/);
    expect(terminals).toHaveLength(0);
  });

  it('accepts a listed key (and no code is offered without one), refuses another key', async () => {
    const listed = newEd25519KeyPair();
    const other = newEd25519KeyPair();
    const { port } = await gate({ code: undefined, authorizedKeys: [ssh2.utils.parseKey(listed.public) as ParsedKey] });
    const c = await client(port, { key: listed.private });
    await shell(c);
    await expect(client(port, { key: other.private })).rejects.toThrow(/authentication methods failed/);
    await expect(client(port)).rejects.toThrow(/authentication methods failed/);
  });

  it('accepts the code by the password method too', async () => {
    const { port, terminals } = await gate();
    const c = new ssh2.Client();
    cleanups.push(() => {
      c.end();
    });
    await new Promise<void>((resolve, reject) => {
      c.once('ready', resolve).once('error', reject).connect({ host: '127.0.0.1', port, username: 'carol', password: CODE.toLowerCase() });
    });
    await shell(c);
    expect((await waitUntil('a terminal', () => terminals[0])).name).toBe('carol');
  });

  it('refuses remote port forwarding (ssh -R)', async () => {
    const { port } = await gate();
    const c = await client(port);
    await expect(new Promise<void>((resolve, reject) => c.forwardIn('127.0.0.1', 0, (err) => (err ? reject(err) : resolve())))).rejects.toThrow(/Unable to bind/);
  });

  it('clamps an absurd window size and drops input beyond the rate', async () => {
    const { port, terminals } = await gate();
    const ch = await shell(await client(port));
    const t = await waitUntil('a terminal', () => terminals[0]);
    expect([t.stdout.columns, t.stdout.rows]).toEqual([90, 25]);
    let got = 0;
    t.stdin.on('data', (d: Buffer) => (got += d.length));
    const t0 = Date.now();
    ch.write(Buffer.alloc(64 * 1024, 0x61));
    await settle(400);
    expect(got).toBeGreaterThanOrEqual(8192);
    expect(got).toBeLessThanOrEqual(8192 + Math.ceil((2048 * (Date.now() - t0)) / 1000));
    ch.setWindow(99_999, 70_000, 0, 0);
    await waitUntil('the resize', () => (t.stdout.columns === 1000 ? true : undefined));
    expect(t.stdout.rows).toBe(1000);
  });

  it('closes connections beyond maxConnections at once, and one that never authenticates in time', async () => {
    const { port, gate: g } = await gate({ maxConnections: 2, authTimeoutMs: 700 });
    const a = await connectLocal(port);
    const b = await connectLocal(port);
    const c = await connectLocal(port);
    await waitUntil('the third to be closed', () => (c.destroyed || c.readableEnded ? true : undefined), { timeoutMs: 500 });
    expect(g.stats().connections).toBe(2);
    await waitUntil('the silent ones to be cut', () => (g.stats().connections === 0 ? true : undefined), { timeoutMs: 3000 });
    a.destroy();
    b.destroy();
  });

  it('leaves nothing behind after 20 connect/disconnect cycles', async () => {
    const { port, gate: g, terminals } = await gate();
    // One cycle first, so whatever is made once per process (crypto init) is in the baseline.
    const warm = await client(port);
    await shell(warm);
    const first = await waitUntil('a terminal', () => terminals[0]);
    warm.end();
    await first.closed;
    await settle(100);
    const before = { stats: g.stats(), resources: process.getActiveResourcesInfo().length };
    expect(before.stats).toEqual({ connections: 0, terminals: 0, handles: 0 });
    for (let i = 1; i <= 20; i++) {
      const c = await client(port);
      await shell(c);
      const t = await waitUntil('a terminal', () => terminals[i]);
      if (i % 2 === 0) c.end();
      else t.close('bye');
      await t.closed;
    }
    await waitUntil('everything to be freed', () =>
      (g.stats().connections === 0 && process.getActiveResourcesInfo().length <= before.resources ? true : undefined),
    { state: () => `${JSON.stringify(g.stats())} ${process.getActiveResourcesInfo().join(',')}` });
    expect(g.stats()).toEqual(before.stats);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function connectLocal(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => resolve(s)).once('error', reject);
    s.on('error', () => {});
    cleanups.push(() => {
      s.destroy();
    });
  });
}
