// Keys as Ink's useInput hands them over, for tests of keymaps (keys are data: each binding must be reachable).
import type { Key } from 'ink';
import type { KeySpec } from '../../src/ui/keymap';

/** A Key with nothing pressed, as Ink's useInput builds it. */
export function key(over: Partial<Key> = {}): Key {
  return {
    upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
    return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
    super: false, hyper: false, capsLock: false, numLock: false, ...over,
  };
}

const NAMED: Record<string, Partial<Key>> = {
  return: { return: true }, tab: { tab: true }, up: { upArrow: true }, down: { downArrow: true }, left: { leftArrow: true },
  right: { rightArrow: true }, pageUp: { pageUp: true }, pageDown: { pageDown: true }, home: { home: true }, end: { end: true },
  // Ink reports Escape with meta set.
  escape: { escape: true, meta: true }, backspace: { backspace: true },
};

/** The (input, key) pair Ink hands useInput for a key spec. */
export function press(spec: KeySpec): [string, Key] {
  if ('ctrl' in spec) return [spec.ctrl, key({ ctrl: true })];
  if ('char' in spec) return [spec.char, key()];
  return ['', key(NAMED[spec.key])];
}

/** A key spec as one comparable string. */
export const keyId = (spec: KeySpec): string => ('ctrl' in spec ? `ctrl+${spec.ctrl}` : 'char' in spec ? `char:${spec.char}` : spec.key);
