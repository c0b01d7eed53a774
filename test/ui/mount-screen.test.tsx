// Ink mounted on a terminal's own streams (as an SSH session gives them): drawn there in the alternate screen,
// redrawn on 'resize', given back on unmount, and nothing written to this process's stdout.
import { Text } from 'ink';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTerminalSize } from '../../src/ui/hooks/use-terminal-size';
import { ENTER_ALT, LEAVE_ALT, mountScreen, type MountedScreen } from '../../src/ui/mount-screen';
import { FakeStdin, FakeStdout } from '../helpers/render';

function Size() {
  const { cols, rows } = useTerminalSize();
  return <Text>{`size ${cols}x${rows}`}</Text>;
}

const screens: MountedScreen[] = [];
afterEach(() => {
  for (const s of screens.splice(0)) s.unmount();
  vi.restoreAllMocks();
});
const until = async (pred: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(pred()).toBe(true);
};

describe('mountScreen', () => {
  it('draws on the given stream in its alternate screen, redraws on resize, and gives the screen back', async () => {
    // Ink itself loads signal-exit (to unmount at process exit) once per process: warm it up, then count ours.
    const warm = mountScreen(<Size />, { stdout: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream, stdin: new FakeStdin() as unknown as NodeJS.ReadStream });
    warm.unmount();
    await warm.done;
    const own = vi.spyOn(process.stdout, 'write');
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s));
    const stdout = new FakeStdout(80, 24);
    const stdin = new FakeStdin();
    const screen = mountScreen(<Size />, { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream });
    screens.push(screen);
    const text = (): string => stripVTControlCharacters(stdout.writes.join(''));
    expect(stdout.writes[0]).toBe(ENTER_ALT);
    await until(() => text().includes('size 80x24'));
    stdout.columns = 120;
    stdout.rows = 40;
    stdout.emit('resize');
    await until(() => text().includes('size 120x40'));
    let finished = false;
    void screen.done.then(() => (finished = true));
    screen.unmount();
    await screen.done;
    expect(finished).toBe(true);
    expect(stdout.writes.at(-1)).toBe(LEAVE_ALT);
    screen.unmount();
    expect(stdout.writes.filter((w) => w === LEAVE_ALT)).toHaveLength(1);
    expect(own).not.toHaveBeenCalled();
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s))).toEqual(signals);
  });

  it('twenty screens at once make Node warn of no listener leak (a warning would be printed over the host\'s console)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const outs = Array.from({ length: 20 }, () => new FakeStdout(80, 24));
      for (const stdout of outs) screens.push(mountScreen(<Size />, { stdout: stdout as unknown as NodeJS.WriteStream, stdin: new FakeStdin() as unknown as NodeJS.ReadStream }));
      await until(() => outs.every((o) => stripVTControlCharacters(o.writes.join('')).includes('size 80x24')));
      // Node emits warnings on the next tick.
      await new Promise((r) => setTimeout(r, 20));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
      expect(process.listenerCount('beforeExit')).toBeGreaterThanOrEqual(20);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('keeps two screens apart: each draws at its own size on its own stream', async () => {
    const a = new FakeStdout(80, 24);
    const b = new FakeStdout(100, 30);
    screens.push(mountScreen(<Size />, { stdout: a as unknown as NodeJS.WriteStream, stdin: new FakeStdin() as unknown as NodeJS.ReadStream }));
    screens.push(mountScreen(<Size />, { stdout: b as unknown as NodeJS.WriteStream, stdin: new FakeStdin() as unknown as NodeJS.ReadStream }));
    await until(() => a.writes.join('').includes('size 80x24') && b.writes.join('').includes('size 100x30'));
    expect(a.writes.join('')).not.toContain('100x30');
  });
});
