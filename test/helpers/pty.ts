// Drives the built CLI in a real pseudo-terminal and reads the screen through a headless terminal emulator.
import pty from 'node-pty';
import xterm from '@xterm/headless';
import { BIN } from './cli';

export interface PtyOptions {
  cols?: number;
  rows?: number;
  cwd?: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** Runs this program instead of `node [nodeArgs] firedrill args` (a shell that starts firedrill, say). */
  command?: { file: string; args: string[] };
}

/** A CLI process in a pseudo-terminal, with the screen as a terminal emulator shows it. */
export class PtyRun {
  readonly term: xterm.Terminal;
  readonly proc: pty.IPty;
  output = '';
  exitCode: number | undefined;
  readonly exited: Promise<number>;

  constructor(args: readonly string[], o: PtyOptions = {}) {
    const cols = o.cols ?? 100;
    const rows = o.rows ?? 30;
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
    const file = o.command?.file ?? process.execPath;
    this.proc = pty.spawn(file, o.command?.args ?? [...(o.nodeArgs ?? []), BIN, ...args], {
      cols, rows, cwd: o.cwd ?? process.cwd(), name: 'xterm-256color',
      env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '', ...o.env } as Record<string, string>,
    });
    this.proc.onData((d) => {
      this.output += d;
      this.term.write(d);
    });
    this.exited = new Promise((resolve) => this.proc.onExit((e) => {
      this.exitCode = e.exitCode;
      // Let the emulator finish parsing what was written before the exit.
      setTimeout(() => resolve(e.exitCode), 50);
    }));
  }

  /** The visible screen as text lines. */
  screen(): string {
    const b = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.term.rows; i++) lines.push(b.getLine(b.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Waits until the screen satisfies the predicate (or contains the text). */
  async waitFor(match: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const test = typeof match === 'function' ? match : (s: string) => (typeof match === 'string' ? s.includes(match) : match.test(s));
    const t0 = Date.now();
    for (;;) {
      const s = await new Promise<string>((r) => this.term.write('', () => r(this.screen())));
      if (test(s)) return s;
      if (this.exitCode !== undefined) throw new Error(`process exited (${this.exitCode}) before the screen matched ${String(match)}:\n${s}`);
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${String(match)}; screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Types text as keystrokes, one character at a time. */
  async type(text: string, delayMs = 5): Promise<void> {
    for (const ch of text) {
      this.proc.write(ch);
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }

  /** Writes raw bytes (a key or an escape sequence) to the terminal. */
  press(data: string): void {
    this.proc.write(data);
  }

  /** Resizes the pseudo-terminal and the emulator reading it. */
  resize(cols: number, rows: number): void {
    this.proc.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  /** Sends the process a signal (SIGHUP, as a closed terminal does, unless told otherwise). */
  kill(signal?: string): void {
    try {
      this.proc.kill(signal);
    } catch {
      // already gone
    }
  }

  /** Ends the process and waits until it has exited, so nothing it writes outlives the test; SIGKILL if it lingers. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.exitCode === undefined) this.kill();
    const lingering = setTimeout(() => this.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(lingering);
  }
}

export const KEYS = { ENTER: '\r', TAB: '\t', CTRL_C: '\x03', CTRL_N: '\x0e', CTRL_P: '\x10', CTRL_E: '\x05', ESC: '\x1b', UP: '\x1b[A' } as const;
