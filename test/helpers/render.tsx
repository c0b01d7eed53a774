// Renders an Ink tree into fake terminal streams with a fixed size, for frame and keypress tests.
// Modelled on ink-testing-library, but the fake stdout has rows as well as columns (so height-dependent
// layouts do not read the host terminal) and input goes through Ink 6.8's 'readable' + read() path.
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { render as inkRender } from 'ink';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';

export const ENTER = '\r';
export const TAB = '\t';
export const UP = '\x1b[A';
export const DOWN = '\x1b[B';
export const LEFT = '\x1b[D';
export const RIGHT = '\x1b[C';
export const HOME = '\x1b[H';
export const END = '\x1b[F';
export const ESC = '\x1b';
export const BACKSPACE = '\x7f';
export const CTRL_A = '\x01';
export const CTRL_C = '\x03';
export const CTRL_E = '\x05';
export const CTRL_F = '\x06';
export const CTRL_N = '\x0e';
export const CTRL_O = '\x0f';
export const CTRL_P = '\x10';
export const CTRL_S = '\x13';
export const CTRL_T = '\x14';
export const CTRL_U = '\x15';
export const CTRL_W = '\x17';
export const PAGE_UP = '\x1b[5~';
export const PAGE_DOWN = '\x1b[6~';

/** A terminal's stdout: records every write; `columns` and `rows` are fixed until resize(). */
export class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  readonly writes: string[] = [];
  constructor(public columns: number, public rows: number) {
    super();
  }

  write = (data: string | Uint8Array, ...rest: unknown[]): boolean => {
    this.writes.push(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
    const cb = rest.find((x): x is () => void => typeof x === 'function');
    cb?.();
    return true;
  };
}

/** A TTY stdin in raw mode: Ink listens for 'readable' and drains read() until it returns null. */
export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  isRaw = false;
  private readonly queue: string[] = [];
  setRawMode(on: boolean): this {
    this.isRaw = on;
    return this;
  }
  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  read(): string | null {
    return this.queue.shift() ?? null;
  }
  unshift(chunk: string | Buffer): void {
    this.queue.unshift(String(chunk));
  }
  /** Delivers one chunk of raw terminal input, as one read. */
  write(data: string): void {
    this.queue.push(data);
    this.emit('readable');
  }
}

// A write made only of escape sequences (cursor show/hide, erase), or the bell the drill rings for a page, is not a frame.
const CONTROL_ONLY = /^(?:\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x07)*$/;

/** Lets setImmediate callbacks (store notifications, Ink's lone-ESC flush) and React's renders run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise<void>((r) => setImmediate(r));
    await new Promise<void>((r) => setTimeout(r, 0));
  }
}

export interface RenderOptions {
  readonly columns?: number;
  readonly rows?: number;
}

export interface Rendered {
  readonly stdout: FakeStdout;
  readonly stdin: FakeStdin;
  /** Every frame Ink wrote, with its ANSI codes. */
  readonly frames: readonly string[];
  /** The newest frame with ANSI codes removed ('' before the first frame). */
  lastFrame(): string;
  /** The newest frame as written, ANSI codes included. */
  lastRawFrame(): string;
  /** The newest frame's lines (ANSI removed, trailing spaces kept as Ink wrote them). */
  lines(): string[];
  /** Sends raw terminal input as one chunk, then lets the app react. */
  press(data: string): Promise<void>;
  /** Sends each string as its own chunk (one keypress each). */
  pressAll(...keys: string[]): Promise<void>;
  /** Changes the terminal size and emits 'resize'. */
  resize(columns: number, rows: number): Promise<void>;
  /** Waits until the newest frame satisfies pred; fails with the frame it last saw. */
  waitForFrame(pred: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
  rerender(tree: ReactElement): Promise<void>;
  unmount(): void;
}

/** Renders a tree into a fake terminal of a fixed size (default 100×30). */
export async function render(tree: ReactElement, opts: RenderOptions = {}): Promise<Rendered> {
  const stdout = new FakeStdout(opts.columns ?? 100, opts.rows ?? 30);
  const stdin = new FakeStdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FakeStdout(opts.columns ?? 100, opts.rows ?? 30) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  let unmounted = false;
  const frames = (): string[] => stdout.writes.filter((w) => w !== '' && !CONTROL_ONLY.test(w));
  const lastRawFrame = (): string => frames().at(-1) ?? '';
  const lastFrame = (): string => stripVTControlCharacters(lastRawFrame());
  const r: Rendered = {
    stdout,
    stdin,
    get frames() {
      return frames();
    },
    lastFrame,
    lastRawFrame,
    lines: () => lastFrame().split('\n'),
    async press(data) {
      stdin.write(data);
      await settle();
    },
    async pressAll(...keys) {
      for (const k of keys) await r.press(k);
    },
    async resize(columns, rows) {
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit('resize');
      await settle();
    },
    async waitForFrame(pred, timeoutMs = 2000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const f = lastFrame();
        if (pred(f)) return f;
        if (Date.now() > until) throw new Error(`no matching frame within ${timeoutMs}ms; the last frame was:\n${f}`);
        await new Promise<void>((res) => setTimeout(res, 10));
      }
    },
    async rerender(next) {
      instance.rerender(next);
      await settle();
    },
    unmount() {
      if (unmounted) return;
      unmounted = true;
      instance.unmount();
      instance.cleanup();
    },
  };
  await settle();
  return r;
}

/** Display width of a frame line (every character these tests draw is one column wide). */
export function width(line: string): number {
  return [...line].length;
}

/** A `show(tree, columns, rows)` for frame tests: renders at that size, and unmounts everything after each test. */
export function showUnmountedAfterEach(): (tree: ReactElement, columns: number, rows: number) => Promise<Rendered> {
  const mounted: Rendered[] = [];
  afterEach(() => {
    for (const r of mounted.splice(0)) r.unmount();
  });
  return async (tree, columns, rows) => {
    const r = await render(tree, { columns, rows });
    mounted.push(r);
    return r;
  };
}
