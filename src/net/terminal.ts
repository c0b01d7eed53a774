/**
 * What an SSH session gives the drill host: a person's name and a pair of Ink-ready streams over one SSH channel.
 * The channel is not a tty on this side, so the streams play one: sizes, 'resize', raw mode as a no-op, and line
 * feeds turned into CR LF (the person's terminal is in raw mode, where a bare LF moves down without going back).
 */
import { Readable, Writable } from 'node:stream';
import { InputLimiter } from './input-limiter';

export interface Terminal {
  readonly name: string;            // SSH user name, already checked by engine/person-name.ts (NFC)
  readonly address: string;         // remote IP, for logs and limits
  /** Ink-ready output: a Writable with columns, rows, isTTY=true; emits 'resize' on window-change; converts LF to CRLF. */
  readonly stdout: NodeJS.WriteStream;
  /** Ink-ready input: a Readable with isTTY=true, setRawMode() (no-op), ref()/unref(); raw bytes (Ctrl+C is \x03). Limited in size and rate. */
  readonly stdin: NodeJS.ReadStream;
  /** Resolves once the connection is gone (closed by either side); everything it held is freed by then. */
  readonly closed: Promise<void>;
  /** Writes `message` (if any) as plain text, then closes the channel (exit status `code`, default 0) and the connection. */
  close(message?: string, code?: number): void;
}

/** The smallest and largest terminal side accepted from a client; anything outside is clamped. */
export const SIZE_LIMITS = { min: 1, max: 1000 } as const;

/** A terminal side from the client, clamped to SIZE_LIMITS; `fallback` when it is not a positive number (0 means "unknown" in SSH). */
export function clampSize(n: unknown, fallback: number): number {
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return fallback;
  return Math.min(SIZE_LIMITS.max, Math.max(SIZE_LIMITS.min, Math.floor(n)));
}

/** Turns each bare LF into CR LF, leaving an existing CR LF alone even when a chunk ends between the CR and the LF. */
export class CrlfConverter {
  private lastWasCr = false;

  /** The chunk with its bare line feeds made CR LF (bytes keep their bytes: a Buffer is converted byte for byte). */
  convert(chunk: string | Buffer): string | Buffer {
    if (typeof chunk === 'string') return this.convertText(chunk);
    // latin1 maps each byte to one code unit and back, so multi-byte UTF-8 split across chunks is untouched.
    return Buffer.from(this.convertText(chunk.toString('latin1')), 'latin1');
  }

  private convertText(text: string): string {
    if (text.length === 0) return text;
    let out = text.replace(/(?<!\r)\n/g, '\r\n');
    // The CR that belongs to this LF came at the end of the previous chunk.
    if (this.lastWasCr && text.startsWith('\n')) out = out.slice(1);
    this.lastWasCr = text.endsWith('\r');
    return out;
  }
}

/** Where the output goes: an SSH channel, or anything with the same writing side. */
export type OutputTarget = Pick<NodeJS.WritableStream, 'write' | 'once' | 'removeListener'>;

/**
 * Ink's stdout over a channel. Writes after the connection is gone are dropped silently (Ink may still draw a
 * frame while it unmounts); the channel's backpressure holds back the next write until it drains.
 */
export class TerminalOutput extends Writable {
  readonly isTTY = true;
  columns: number;
  rows: number;
  private readonly crlf = new CrlfConverter();
  private gone = false;
  private waiting: (() => void) | undefined;

  constructor(private readonly target: OutputTarget, size: { cols: number; rows: number }) {
    super({ decodeStrings: false });
    this.columns = size.cols;
    this.rows = size.rows;
  }

  override _write(chunk: string | Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.gone) {
      callback();
      return;
    }
    if (this.target.write(this.crlf.convert(chunk))) {
      callback();
      return;
    }
    const done = () => {
      this.target.removeListener('drain', done);
      this.waiting = undefined;
      callback();
    };
    this.waiting = done;
    this.target.once('drain', done);
  }

  /** Takes a window-change: the new size, then 'resize' as a tty would emit it. */
  resize(cols: number, rows: number): void {
    if (cols === this.columns && rows === this.rows) return;
    this.columns = cols;
    this.rows = rows;
    this.emit('resize');
  }

  /** [columns, rows], as tty.WriteStream has it. */
  getWindowSize(): [number, number] {
    return [this.columns, this.rows];
  }

  /** The channel is gone: drop what is queued and whatever comes later, and release a write waiting for a drain. */
  detach(): void {
    this.gone = true;
    this.waiting?.();
    this.destroy();
  }
}

// What may wait unread in the input before the host reads it (before Ink mounts, or while it is busy): more is dropped.
const MAX_UNREAD_BYTES = 16 * 1024;

/** Ink's stdin over a channel: the channel's bytes, limited in rate and in how much may wait unread. */
export class TerminalInput extends Readable {
  readonly isTTY = true;
  isRaw = false;
  /** Bytes dropped because nobody was reading (the rate limiter counts its own). */
  droppedUnread = 0;

  constructor(private readonly limiter: InputLimiter) {
    super();
  }

  override _read(): void {
    // Bytes are pushed as they arrive (feed); nothing to pull.
  }

  /** Hands bytes from the channel to the reader, as far as the rate limit and the unread cap allow. */
  feed(data: Buffer): void {
    if (this.readableEnded || this.destroyed) return;
    let allowed = this.limiter.take(data);
    const room = MAX_UNREAD_BYTES - this.readableLength;
    if (allowed.length > room) {
      this.droppedUnread += allowed.length - Math.max(0, room);
      allowed = allowed.subarray(0, Math.max(0, room));
    }
    if (allowed.length > 0) this.push(allowed);
  }

  /** Raw mode is the client's business (its ssh puts its own terminal in raw mode); accepted and ignored. */
  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    return this;
  }

  /** Nothing to keep the event loop alive for: the socket does that. */
  ref(): this {
    return this;
  }

  /** See ref(). */
  unref(): this {
    return this;
  }

  /** The channel is gone: the reader sees the end of input. */
  detach(): void {
    if (!this.readableEnded && !this.destroyed) this.push(null);
  }
}
