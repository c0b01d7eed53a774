// One read from the terminal as the keys in it (issue 13: two control keys in one read, "C-f C-f", were both lost).
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { keysOf } from '../../src/ui/key-chunks';
import { commandFor } from '../../src/ui/keymap';

// What Ink's useInput reports for a read it cannot name: the whole read as input, no key flag set.
const unnamed = { ctrl: false, meta: false, shift: false } as Key;
const commands = (read: string) => keysOf(read, unnamed).map((k) => commandFor(k.input, k.key) ?? `text:${k.input}`);

describe('keysOf', () => {
  it('splits two control keys in one read into two keys', () => {
    expect(commands('\x06\x06')).toEqual(['drill.faster', 'drill.faster']);
    expect(commands('\x0e\x0e')).toEqual(['speaker.next', 'speaker.next']);
    expect(commands('\x03\x03')).toEqual(['app.quit', 'app.quit']);
  });

  it('names Enter, Tab, Backspace (DEL and ^H) and Ctrl+letters as Ink does for each alone', () => {
    expect(commands('\r\t\x7f\x08\x15\x17\x01')).toEqual(['line.submit', 'line.complete', 'line.backspace', 'line.backspace', 'line.clear', 'line.deleteWord', 'line.home']);
    expect(keysOf('\x0f\x0f', unnamed)[0]).toMatchObject({ input: 'o', key: { ctrl: true } });
  });

  it('keeps text between control keys as one paste each, and reads a Windows line end as one Enter', () => {
    expect(commands('/ic\r/sev SEV-2\r\nhello')).toEqual(['text:/ic', 'line.submit', 'text:/sev SEV-2', 'line.submit', 'text:hello']);
    expect(commands('abc\x7f\x7fd')).toEqual(['text:abc', 'line.backspace', 'line.backspace', 'text:d']);
    expect(commands('a\nb')).toEqual(['text:a', 'line.submit', 'text:b']);
  });

  it('leaves one key, plain text and keys Ink has named alone', () => {
    const up = { ...unnamed, upArrow: true } as Key;
    expect(keysOf('', up)).toEqual([{ input: '', key: up }]);
    const ctrlF = { ...unnamed, ctrl: true } as Key;
    expect(keysOf('f', ctrlF)).toEqual([{ input: 'f', key: ctrlF }]);
    expect(keysOf('hello 👍🏽 Zoë', unnamed)).toEqual([{ input: 'hello 👍🏽 Zoë', key: unnamed }]);
  });
});
