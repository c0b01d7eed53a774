/**
 * The command line's editing state as a pure reducer: insert, delete, cursor moves and history. The cursor is a
 * UTF-16 index that only ever stands between graphemes: moving or deleting steps over what a person sees as one
 * character (👍🏽, é written as e + accent, a flag), never into the middle of one.
 */
import { stripControl } from '../engine/sanitize';
import { graphemes } from './text-width';

export interface LineState {
  readonly text: string;
  readonly cursor: number;
  readonly history: readonly string[];
  /** Position while browsing history; equals history.length when editing a fresh line. */
  readonly historyIndex: number;
  /** The unsent line kept while browsing history. */
  readonly draft: string;
}

export type LineAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' } | { type: 'left' } | { type: 'right' } | { type: 'home' } | { type: 'end' }
  | { type: 'clear' } | { type: 'deleteWord' } | { type: 'historyUp' } | { type: 'historyDown' }
  | { type: 'replace'; text: string; cursor?: number }
  | { type: 'submit' };

const HISTORY_MAX = 200;

/** Where the grapheme before `cursor` starts. */
function prevStop(text: string, cursor: number): number {
  if (cursor <= 0) return 0;
  return cursor - (graphemes(text.slice(0, cursor)).at(-1)?.length ?? 1);
}

/** Where the grapheme at `cursor` ends. */
function nextStop(text: string, cursor: number): number {
  if (cursor >= text.length) return text.length;
  return cursor + (graphemes(text.slice(cursor))[0]?.length ?? 1);
}

/** An empty line with no history. */
export const emptyLine: LineState = { text: '', cursor: 0, history: [], historyIndex: 0, draft: '' };

/** The next line state. `submit` clears the line and records it in history (the caller sends the text first). */
export function lineReducer(s: LineState, a: LineAction): LineState {
  switch (a.type) {
    case 'insert': {
      // Pasted text may carry terminal control characters; they are never drawn in the prompt.
      const clean = stripControl(a.text.replace(/[\r\n]+/g, ' '));
      return { ...s, text: s.text.slice(0, s.cursor) + clean + s.text.slice(s.cursor), cursor: s.cursor + clean.length };
    }
    case 'backspace': {
      if (s.cursor === 0) return s;
      const at = prevStop(s.text, s.cursor);
      return { ...s, text: s.text.slice(0, at) + s.text.slice(s.cursor), cursor: at };
    }
    case 'left': return { ...s, cursor: prevStop(s.text, s.cursor) };
    case 'right': return { ...s, cursor: nextStop(s.text, s.cursor) };
    case 'home': return { ...s, cursor: 0 };
    case 'end': return { ...s, cursor: s.text.length };
    case 'clear': return { ...s, text: '', cursor: 0 };
    case 'deleteWord': {
      const before = s.text.slice(0, s.cursor).replace(/\S+\s*$/, '');
      return { ...s, text: before + s.text.slice(s.cursor), cursor: before.length };
    }
    case 'replace': return { ...s, text: a.text, cursor: Math.max(0, Math.min(a.text.length, a.cursor ?? a.text.length)) };
    case 'historyUp': {
      if (s.historyIndex === 0) return s;
      const i = s.historyIndex - 1;
      const draft = s.historyIndex === s.history.length ? s.text : s.draft;
      const text = s.history[i] ?? '';
      return { ...s, historyIndex: i, draft, text, cursor: text.length };
    }
    case 'historyDown': {
      if (s.historyIndex >= s.history.length) return s;
      const i = s.historyIndex + 1;
      const text = i === s.history.length ? s.draft : (s.history[i] ?? '');
      return { ...s, historyIndex: i, text, cursor: text.length };
    }
    case 'submit': {
      const line = s.text.trim();
      const history = line && s.history[s.history.length - 1] !== line ? [...s.history, line].slice(-HISTORY_MAX) : s.history;
      return { text: '', cursor: 0, history, historyIndex: history.length, draft: '' };
    }
  }
}
