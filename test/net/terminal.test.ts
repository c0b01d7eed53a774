import { PassThrough, Writable } from 'node:stream';
import { Text, render, useInput } from 'ink';
import { createElement, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { InputLimiter } from '../../src/net/input-limiter';
import { clampSize, CrlfConverter, TerminalInput, TerminalOutput } from '../../src/net/terminal';

/** A channel stand-in that records what was written, with a switchable backpressure. */
class FakeChannel extends Writable {
  text = '';
  full = false;
  override _write(chunk: Buffer, _e: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString('utf8');
    cb();
  }
  override write(chunk: string | Buffer): boolean {
    super.write(chunk);
    return !this.full;
  }
}

const flush = () => new Promise((r) => setImmediate(r));

describe('CrlfConverter', () => {
  it('makes each bare LF a CR LF and leaves an existing CR LF alone', () => {
    const c = new CrlfConverter();
    expect(c.convert('a\nb\r\nc\n\nd')).toBe('a\r\nb\r\nc\r\n\r\nd');
  });

  it('does not double a CR LF split across two chunks', () => {
    const c = new CrlfConverter();
    expect(c.convert('line\r')).toBe('line\r');
    expect(c.convert('\nnext\n')).toBe('\nnext\r\n');
    // A chunk that starts with LF after one that did not end in CR gets its CR.
    expect(c.convert('\n')).toBe('\r\n');
  });

  it('converts Buffers byte for byte, keeping multi-byte characters whole', () => {
    const c = new CrlfConverter();
    const out = c.convert(Buffer.from('é\n✓\r\n', 'utf8'));
    expect(Buffer.isBuffer(out) && out.toString('utf8')).toBe('é\r\n✓\r\n');
  });
});

describe('clampSize', () => {
  it('clamps absurd sizes and falls back on unknown ones', () => {
    expect(clampSize(100_000, 80)).toBe(1000);
    expect(clampSize(0, 80)).toBe(80);
    expect(clampSize(-3, 24)).toBe(24);
    expect(clampSize(Number.NaN, 24)).toBe(24);
    expect(clampSize(120.7, 80)).toBe(120);
  });
});

describe('TerminalOutput', () => {
  it('is a tty with a size, converts LF to CRLF, and emits resize', async () => {
    const ch = new FakeChannel();
    const out = new TerminalOutput(ch, { cols: 90, rows: 20 });
    expect([out.isTTY, out.columns, out.rows]).toEqual([true, 90, 20]);
    out.write('a\nb');
    await flush();
    expect(ch.text).toBe('a\r\nb');
    let resized = 0;
    out.on('resize', () => resized++);
    out.resize(120, 40);
    out.resize(120, 40);
    expect([out.columns, out.rows, resized]).toEqual([120, 40, 1]);
  });

  it('waits for the channel to drain, and drops everything once detached', async () => {
    const ch = new FakeChannel();
    ch.full = true;
    const out = new TerminalOutput(ch, { cols: 80, rows: 24 });
    out.write('one');
    out.write('two');
    await flush();
    expect(ch.text).toBe('one');
    ch.full = false;
    ch.emit('drain');
    await flush();
    expect(ch.text).toBe('onetwo');
    out.detach();
    out.write('three');
    await flush();
    expect(ch.text).toBe('onetwo');
  });
});

describe('TerminalInput', () => {
  it('is a tty whose raw mode, ref and unref are no-ops returning itself', () => {
    const input = new TerminalInput(new InputLimiter(() => 0));
    expect(input.isTTY).toBe(true);
    expect(input.setRawMode(true)).toBe(input);
    expect(input.ref()).toBe(input);
    expect(input.unref()).toBe(input);
  });

  it('passes bytes within the rate and drops the rest', async () => {
    let t = 0;
    const input = new TerminalInput(new InputLimiter(() => t, { burstBytes: 10, bytesPerSecond: 5 }));
    const got: string[] = [];
    input.on('data', (d: Buffer) => got.push(d.toString()));
    input.feed(Buffer.from('0123456789abcdef'));
    t += 1000;
    input.feed(Buffer.from('ABCDEFGH'));
    await flush();
    expect(got.join('')).toBe('0123456789ABCDE');
  });

  it('drops what would wait unread beyond its cap instead of queueing it', () => {
    const input = new TerminalInput(new InputLimiter(() => 0, { burstBytes: 1 << 20, bytesPerSecond: 0 }));
    for (let i = 0; i < 40; i++) input.feed(Buffer.alloc(1024, 0x61));
    expect(input.readableLength).toBe(16 * 1024);
    expect(input.droppedUnread).toBe(24 * 1024);
  });

  it('ends for its reader when detached', async () => {
    const input = new TerminalInput(new InputLimiter(() => 0));
    let ended = false;
    input.on('end', () => (ended = true)).resume();
    input.detach();
    await flush();
    expect(ended).toBe(true);
  });
});

describe('Ink on the terminal streams', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => {
    unmount?.();
    unmount = undefined;
  });

  it('renders in CRLF frames and receives keys through useInput', async () => {
    const ch = new FakeChannel();
    const stdout = new TerminalOutput(ch, { cols: 40, rows: 10 });
    const stdin = new TerminalInput(new InputLimiter(() => 0));
    const Echo = () => {
      const [typed, setTyped] = useState('');
      useInput((input) => setTyped((s) => s + input));
      return createElement(Text, null, `first line\ntyped: ${typed}`);
    };
    const app = render(createElement(Echo), {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      stderr: new PassThrough() as unknown as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    unmount = () => app.unmount();
    await flush();
    stdin.feed(Buffer.from('hi'));
    for (let i = 0; i < 50 && !ch.text.includes('typed: hi'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(ch.text).toContain('first line\r\ntyped: hi');
    expect(ch.text).not.toMatch(/[^\r]\n/);
  });
});
