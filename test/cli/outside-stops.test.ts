// onOutsideStop: the first stop signal, or the terminal's input ending, stops a screen once; the rest are ignored.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { onOutsideStop, signalExitCode, STOP_SIGNALS, type StopSignal } from '../../src/cli/outside-stops';

// Each test leaves the process's signal listeners as it found them (onOutsideStop ignores signals once stopped).
const before = new Map(STOP_SIGNALS.map((s) => [s, process.listeners(s)]));
afterEach(() => {
  for (const s of STOP_SIGNALS) {
    for (const l of process.listeners(s)) if (!before.get(s)?.includes(l)) process.off(s, l);
  }
});

describe('onOutsideStop', () => {
  it('a terminal whose input ends stops it once, as SIGHUP (a closed terminal), and later signals are ignored', () => {
    const terminal = new EventEmitter();
    const seen: StopSignal[] = [];
    const dispose = onOutsideStop((s) => seen.push(s), { terminal: terminal as unknown as NodeJS.ReadableStream });
    terminal.emit('end');
    terminal.emit('close');
    process.emit('SIGTERM', 'SIGTERM');
    expect(seen).toEqual(['SIGHUP']);
    dispose();
    expect(terminal.listenerCount('end') + terminal.listenerCount('close') + terminal.listenerCount('error')).toBe(0);
    // Once stopped, a signal must not kill the process while it writes its files.
    for (const s of STOP_SIGNALS) expect(process.listenerCount(s)).toBeGreaterThan(before.get(s)?.length ?? 0);
  });

  it('the first signal is the one reported; a terminal read error (EIO) also counts as closed', () => {
    const seen: StopSignal[] = [];
    onOutsideStop((s) => seen.push(s));
    process.emit('SIGTERM', 'SIGTERM');
    process.emit('SIGINT', 'SIGINT');
    expect(seen).toEqual(['SIGTERM']);
    const terminal = new EventEmitter();
    const lost: StopSignal[] = [];
    onOutsideStop((s) => lost.push(s), { terminal: terminal as unknown as NodeJS.ReadableStream });
    terminal.emit('error', Object.assign(new Error('read EIO'), { code: 'EIO' }));
    expect(lost).toEqual(['SIGHUP']);
  });

  it('disposed before any stop, it leaves signals to their defaults', () => {
    const dispose = onOutsideStop(() => undefined);
    dispose();
    for (const s of STOP_SIGNALS) expect(process.listeners(s)).toEqual(before.get(s));
  });

  it('exit codes are 128 + the signal number, as a shell reports them', () => {
    expect(STOP_SIGNALS.map(signalExitCode)).toEqual([130, 143, 129]);
  });
});
