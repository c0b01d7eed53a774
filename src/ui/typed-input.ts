/** A chunk of typed input: a paste (or a fast terminal) can bring several keys at once, line breaks among them. */
import type { Key } from 'ink';
import { lineEditFor } from './host-keymaps';
import type { EditedLine } from './hooks/use-line';

/** Feeds a chunk to a line: text is inserted, and each line break enters the line so far. */
export function typeChunk(input: string, insert: (text: string) => void, enter: () => void): void {
  for (const part of input.split(/(\r\n|\r|\n)/)) {
    if (/^[\r\n]+$/.test(part)) enter();
    else if (part) insert(part);
  }
}

/**
 * What a command line of the lobby and host screens does with a key its screen did not take: Esc clears it, an edit
 * key edits it, and typed text goes in (a line break enters it). `typing` is told when the person types, so a
 * screen can drop the message it showed. Returns whether the key was the line's.
 */
export function editLine(line: EditedLine, cmd: string | undefined, input: string, key: Key, enter: () => void, typing: () => void): boolean {
  if (cmd === 'line.escape') {
    typing();
    line.edit({ type: 'clear' });
    return true;
  }
  const edit = cmd && lineEditFor(cmd);
  if (edit) {
    line.edit(edit);
    return true;
  }
  if (!input || key.ctrl || key.meta) return false;
  typing();
  typeChunk(input, (text) => line.edit({ type: 'insert', text }), enter);
  return true;
}
