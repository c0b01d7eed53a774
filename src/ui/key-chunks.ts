/**
 * One read from the terminal as the keys in it. Ink 6.8 splits its input only at escape sequences, so when two
 * control keys arrive in one read ("\x06\x06": Ctrl+F twice, from a fast typist, a key repeat, a slow link or
 * tmux's send-keys) useInput reports one unnamed key whose input is both bytes, and every key in it was lost.
 */
import type { Key } from 'ink';

/** One key of a read, as useInput would have reported it had it come alone. */
export interface KeyPress {
  readonly input: string;
  readonly key: Key;
}

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

// C0 controls and DEL: each is a key of its own. Escape never reaches here: Ink cuts a read at every ESC.
const CONTROL_RE = /[\u0000-\u001f\u007f]/;
const SPLIT_RE = /([\u0000-\u001f\u007f])/;

/** The key one control character is, as Ink names it when it arrives alone. */
function controlKey(ch: string): KeyPress {
  const code = ch.charCodeAt(0);
  if (ch === '\r' || ch === '\n') return { input: '', key: { ...NO_KEY, return: true } };
  if (ch === '\t') return { input: '', key: { ...NO_KEY, tab: true } };
  if (ch === '\b') return { input: '', key: { ...NO_KEY, backspace: true } };
  // Terminals send DEL for Backspace; Ink reports it as delete, and the keymap reads either as Backspace.
  if (code === 0x7f) return { input: '', key: { ...NO_KEY, delete: true } };
  // Ctrl+A .. Ctrl+Z are 1..26; the rest (Ctrl+@, Ctrl+\ and so on) are named by the character 64 above.
  const name = code >= 1 && code <= 26 ? String.fromCharCode(code + 96) : String.fromCharCode(code + 64);
  return { input: name, key: { ...NO_KEY, ctrl: true } };
}

/**
 * The keys in what useInput reported: itself when it is one key (a named key, a Ctrl+letter, or text), else each
 * control character as its own key and each run of text between them as one paste.
 */
export function keysOf(input: string, key: Key): KeyPress[] {
  if (input.length < 2 || key.ctrl || key.meta || !CONTROL_RE.test(input)) return [{ input, key }];
  const keys: KeyPress[] = [];
  // A pasted Windows line ending is one Enter, not two.
  for (const part of input.replace(/\r\n/g, '\r').split(SPLIT_RE)) {
    if (part === '') continue;
    keys.push(part.length === 1 && CONTROL_RE.test(part) ? controlKey(part) : { input: part, key: NO_KEY });
  }
  return keys;
}
