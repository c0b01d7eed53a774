/**
 * The SSH server of a team drill: people join with plain `ssh -p PORT NAME@HOST`, prove the join code (or an
 * authorized key), and get a Terminal for the drill host. Everything else SSH can do (commands, sftp, forwarding,
 * agents, X11) is refused with a message, and every connection is bounded: in number, in time to authenticate
 * and to open its session, and in the input it may send.
 */
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import ssh2 from 'ssh2';
import type { AuthContext, Connection, ParsedKey, PseudoTtyInfo, ServerChannel, Session } from 'ssh2';
import { normalizePersonName, personNameProblem } from '../engine/person-name';
import { stripControl, stripControlLines } from '../engine/sanitize';
import { DEFAULT_INPUT_LIMITS, InputLimiter, type InputLimits } from './input-limiter';
import { codesMatch, DEFAULT_FAILURE_LIMITS, FailureLimiter, type FailureLimits, refusedMessage } from './join-code';
import { clampSize, type Terminal, TerminalInput, TerminalOutput } from './terminal';

export interface GateOptions {
  /** The address to bind (127.0.0.1 unless the host chose otherwise; the CLI warns about the rest). */
  readonly listen: string;
  /** 0 for any free port (Gate.address() tells which). */
  readonly port: number;
  /** The host's private key (OpenSSH or PEM text). */
  readonly hostKey: string | Buffer;
  /** The join code; without it, only authorized keys get in. */
  readonly code?: string;
  /** Public keys that get in without the code (ssh2 utils.parseKey). */
  readonly authorizedKeys?: readonly ParsedKey[];
  /** TCP connections at once; more are closed as they come, before any SSH is spoken. */
  readonly maxConnections: number;
  /** A line shown above the "Join code:" prompt (the drill's name, say). */
  readonly banner?: string;
  /** How long a connection may take to authenticate (default 30 s). */
  readonly authTimeoutMs?: number;
  /** How long an authenticated connection may go without opening its session (default 10 s). */
  readonly sessionTimeoutMs?: number;
  /** How long a closed session waits for the client to hang up before the gate cuts the connection (default 2 s). */
  readonly hangUpGraceMs?: number;
  readonly inputLimits?: InputLimits;
  readonly failureLimits?: FailureLimits;
  /** The clock of the limiters (tests fake it). */
  readonly now?: () => number;
}

export interface Gate {
  address(): { host: string; port: number };
  /** Open TCP connections, open terminals, and the timers and per-connection records the gate holds. */
  stats(): { connections: number; terminals: number; handles: number };
  /** Stops listening, ends every connection, and resolves once all are gone. */
  close(): Promise<void>;
}

type Method = 'publickey' | 'keyboard-interactive' | 'password';
const MAX_AUTH_REQUESTS = 20;

/** What the gate knows of one TCP connection, and everything it must free when it goes. */
interface Conn {
  readonly socket: Socket;
  readonly address: string;
  /** Its key in byPeer. */
  readonly peer: string;
  /** Its timers by purpose (auth, session, cut): one of each at most. */
  readonly timers: Map<string, NodeJS.Timeout>;
  client?: Connection;
  /** The SSH user name the connection authenticated with. */
  user: string;
  authRequests: number;
  session?: Session;
  terminal?: { stdout: TerminalOutput; stdin: TerminalInput };
  closing: boolean;
  readonly closed: Promise<void>;
  markClosed: () => void;
}

/** Starts the gate listening; `onTerminal` gets each person whose session is a pty + shell under a valid name. */
export async function openGate(options: GateOptions, onTerminal: (terminal: Terminal) => void): Promise<Gate> {
  const authorized = options.authorizedKeys ?? [];
  const methods: Method[] = [
    ...(authorized.length > 0 ? ['publickey' as const] : []),
    ...(options.code !== undefined && options.code !== '' ? ['keyboard-interactive' as const, 'password' as const] : []),
  ];
  if (methods.length === 0) throw new Error('openGate needs a join code or authorized keys: nobody could get in');
  const now = options.now ?? Date.now;
  const failures = new FailureLimiter(now, options.failureLimits ?? DEFAULT_FAILURE_LIMITS);
  const authTimeoutMs = options.authTimeoutMs ?? 30_000;
  const sessionTimeoutMs = options.sessionTimeoutMs ?? 10_000;
  const graceMs = options.hangUpGraceMs ?? 2_000;
  const banner = options.banner === undefined ? '' : stripControlLines(options.banner);
  const conns = new Set<Conn>();
  // ssh2 reports a connection by the peer's address and port, which tell apart the TCP connections open at once.
  const byPeer = new Map<string, Conn>();

  const ssh = new ssh2.Server({ hostKeys: [options.hostKey] });
  ssh.on('connection', (client: Connection, info: { ip: string; port: number }) => {
    const conn = byPeer.get(`${info.ip}|${info.port}`);
    if (!conn) {
      client.end();
      return;
    }
    conn.client = client;
    // ssh2 emits protocol and socket errors here; the socket's close frees the connection either way.
    client.on('error', () => {});
    client.on('authentication', (ctx) => authenticate(conn, ctx));
    client.on('ready', () => {
      clearTimer(conn, 'auth');
      setTimer(conn, 'session', sessionTimeoutMs, () => hangUp(conn));
      client.on('session', (accept, reject) => {
        if (conn.session || conn.closing) {
          reject();
          return;
        }
        clearTimer(conn, 'session');
        conn.session = accept();
        onSession(conn, conn.session);
      });
    });
  });

  function setTimer(conn: Conn, name: string, ms: number, fn: () => void): void {
    clearTimer(conn, name);
    conn.timers.set(name, setTimeout(() => {
      conn.timers.delete(name);
      fn();
    }, ms));
  }
  function clearTimer(conn: Conn, name: string): void {
    clearTimeout(conn.timers.get(name));
    conn.timers.delete(name);
  }

  /** Ends the connection politely, and for good after the grace if the client does not hang up. */
  function hangUp(conn: Conn): void {
    if (conn.socket.destroyed) return;
    conn.client?.end();
    if (!conn.client) conn.socket.destroy();
    setTimer(conn, 'cut', graceMs, () => conn.socket.destroy());
  }

  function authenticate(conn: Conn, ctx: AuthContext): void {
    if (++conn.authRequests > MAX_AUTH_REQUESTS) {
      ctx.reject();
      hangUp(conn);
      return;
    }
    const waitMs = failures.refusedForMs(conn.address);
    if (waitMs > 0 && ctx.method !== 'none') {
      if (ctx.method === 'keyboard-interactive') {
        // No prompts, just the instruction: OpenSSH shows it, then the refusal.
        ctx.prompt([], 'firedrill', refusedMessage(waitMs), () => ctx.reject(methods));
      } else {
        ctx.reject(methods);
      }
      return;
    }
    const failed = () => {
      failures.fail(conn.address);
      ctx.reject(methods);
    };
    // ssh2 keeps the user name on the auth context only: the one that got in is the person's name.
    const accept = () => {
      conn.user = ctx.username;
      ctx.accept();
    };
    switch (ctx.method) {
      case 'password':
        if (!methods.includes('password')) ctx.reject(methods);
        else if (codesMatch(ctx.password, options.code ?? '')) accept();
        else failed();
        return;
      case 'keyboard-interactive':
        if (!methods.includes('keyboard-interactive')) {
          ctx.reject(methods);
          return;
        }
        ctx.prompt([{ prompt: 'Join code: ', echo: false }], 'firedrill', banner, (answers) => {
          // An aborted exchange calls back with an Error; the client has moved on to another request.
          if (!Array.isArray(answers)) return;
          if (codesMatch(String(answers[0] ?? ''), options.code ?? '')) accept();
          else failed();
        });
        return;
      case 'publickey': {
        const listed = authorized.find((k) => k.getPublicSSH().equals(ctx.key.data));
        if (!listed) ctx.reject(methods);
        // Without a signature the client only asks whether this key would do; the signed request follows.
        else if (!ctx.signature || !ctx.blob) accept();
        else if (listed.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true) accept();
        else failed();
        return;
      }
      default:
        ctx.reject(methods);
    }
  }

  function onSession(conn: Conn, session: Session): void {
    let pty: PseudoTtyInfo | undefined;
    const notices: string[] = [];
    const hostHint = `ssh -p ${gateAddress().port} NAME@HOST`;
    session.on('env', (accept) => accept?.());
    session.on('signal', (accept) => accept?.());
    session.on('pty', (accept, reject, info) => {
      if (pty) {
        reject?.();
        return;
      }
      pty = info;
      accept?.();
    });
    session.on('window-change', (accept, _reject, info) => {
      accept?.();
      if (conn.terminal) conn.terminal.stdout.resize(clampSize(info.cols, conn.terminal.stdout.columns), clampSize(info.rows, conn.terminal.stdout.rows));
      else if (pty) pty = { ...pty, cols: info.cols, rows: info.rows };
    });
    session.on('x11', (_accept, reject) => {
      reject?.();
      notices.push('X11 forwarding is not allowed here (refused)');
    });
    session.on('auth-agent', (_accept, reject) => {
      reject?.();
      notices.push('agent forwarding is not allowed here (refused)');
    });
    session.once('exec', (accept) => {
      const channel = accept();
      if (channel) refuse(conn, channel, `firedrill: this host runs a drill, not commands; join with ${hostHint} (no command)`, true);
    });
    session.once('subsystem', (accept, _reject, info) => {
      const channel = accept();
      if (channel) refuse(conn, channel, `firedrill: this host runs a drill, not ${stripControl(info.name).slice(0, 40) || 'a subsystem'}; join with ${hostHint}`, true);
    });
    session.once('shell', (accept) => {
      const channel = accept();
      if (!channel) return;
      // The same person whatever form of "ë" their client sent: names are kept in NFC, as `run --as` keeps them.
      const name = normalizePersonName(conn.user);
      const problem = personNameProblem(name);
      if (!pty) {
        refuse(conn, channel, `firedrill: a drill needs a terminal; connect with ssh -t -p ${gateAddress().port} NAME@HOST`, true);
      } else if (problem) {
        const shown = stripControl(name).slice(0, 40);
        refuse(conn, channel, `firedrill: "${shown}" cannot be a name here: the name ${problem} (ssh -p ${gateAddress().port} alice@HOST)`, false);
      } else {
        openTerminal(conn, channel, name, pty, notices);
      }
    });
  }

  /** Writes a one-line refusal (to stderr when the client has no terminal of ours to draw on), exit status 1, and hangs up. */
  function refuse(conn: Conn, channel: ServerChannel, message: string, toStderr: boolean): void {
    channel.on('error', () => {});
    if (toStderr) channel.stderr.write(`${message}\n`);
    else channel.write(`${message}\r\n`);
    channel.exit(1);
    channel.end();
    setTimer(conn, 'cut', graceMs, () => hangUp(conn));
  }

  function openTerminal(conn: Conn, channel: ServerChannel, name: string, pty: PseudoTtyInfo, notices: readonly string[]): void {
    channel.on('error', () => {});
    const stdout = new TerminalOutput(channel, { cols: clampSize(pty.cols, 80), rows: clampSize(pty.rows, 24) });
    const stdin = new TerminalInput(new InputLimiter(now, options.inputLimits ?? DEFAULT_INPUT_LIMITS));
    stdout.on('error', () => {});
    conn.terminal = { stdout, stdin };
    channel.on('data', (data: Buffer) => stdin.feed(data));
    // The one session is the connection: when the person's side closes it, the connection goes too.
    channel.on('close', () => hangUp(conn));
    for (const notice of notices) stdout.write(`firedrill: ${notice}\n`);
    const terminal: Terminal = {
      name,
      address: conn.address,
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      closed: conn.closed,
      close(message, code = 0) {
        if (conn.closing || conn.socket.destroyed) return;
        conn.closing = true;
        if (message) stdout.write(`${stripControlLines(message)}\n`);
        // After what is queued has gone out: the exit status, then the channel's end; the client hangs up.
        stdout.end(() => {
          channel.exit(code);
          channel.end();
        });
        setTimer(conn, 'cut', graceMs, () => hangUp(conn));
      },
    };
    onTerminal(terminal);
  }

  function free(conn: Conn): void {
    for (const t of conn.timers.values()) clearTimeout(t);
    conn.timers.clear();
    byPeer.delete(conn.peer);
    conns.delete(conn);
    conn.terminal?.stdin.detach();
    conn.terminal?.stdout.detach();
    conn.terminal = undefined;
    conn.markClosed();
  }

  const server: NetServer = createServer((socket) => {
    const address = socket.remoteAddress;
    const port = socket.remotePort;
    if (conns.size >= options.maxConnections || address === undefined || port === undefined) {
      socket.destroy();
      return;
    }
    let markClosed = () => {};
    const closed = new Promise<void>((resolve) => (markClosed = resolve));
    const conn: Conn = { socket, address, peer: `${address}|${port}`, timers: new Map(), user: '', authRequests: 0, closing: false, closed, markClosed };
    conns.add(conn);
    byPeer.set(conn.peer, conn);
    // Keystrokes and redraws are small writes that must go out at once, as OpenSSH's own server sends them.
    socket.setNoDelay(true);
    socket.on('error', () => {});
    socket.once('close', () => free(conn));
    setTimer(conn, 'auth', authTimeoutMs, () => conn.socket.destroy());
    ssh.injectSocket(socket);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.listen, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  // Errors after listening (EMFILE on accept, say) must not crash the host; each connection has its own handler.
  server.on('error', () => {});

  function gateAddress(): { host: string; port: number } {
    const a = server.address();
    if (a === null || typeof a === 'string') return { host: options.listen, port: options.port };
    return { host: a.address, port: a.port };
  }

  let closing: Promise<void> | undefined;
  return {
    address: gateAddress,
    stats: () => ({
      connections: conns.size,
      terminals: [...conns].filter((c) => c.terminal !== undefined).length,
      handles: [...conns].reduce((n, c) => n + c.timers.size, 0) + byPeer.size,
    }),
    close() {
      closing ??= new Promise<void>((resolve) => {
        const all = [...conns].map((c) => c.closed);
        // A terminal already closing is left to finish saying goodbye (its message and exit status); its own timer
        // cuts it after the grace period. The rest are hung up now.
        for (const c of conns) if (!c.closing) hangUp(c);
        server.close(() => {
          void Promise.all(all).then(() => resolve());
        });
      });
      return closing;
    },
  };
}
