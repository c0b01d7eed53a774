/** The command line's editing state as a pure reducer: insert, delete, cursor moves and history. */
import { stripControl } from '../engine/sanitize';

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
  | { type: 'replace'; text: string }
  | { type: 'submit' };

const HISTORY_MAX = 200;

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
    case 'backspace':
      return s.cursor === 0 ? s : { ...s, text: s.text.slice(0, s.cursor - 1) + s.text.slice(s.cursor), cursor: s.cursor - 1 };
    case 'left': return { ...s, cursor: Math.max(0, s.cursor - 1) };
    case 'right': return { ...s, cursor: Math.min(s.text.length, s.cursor + 1) };
    case 'home': return { ...s, cursor: 0 };
    case 'end': return { ...s, cursor: s.text.length };
    case 'clear': return { ...s, text: '', cursor: 0 };
    case 'deleteWord': {
      const before = s.text.slice(0, s.cursor).replace(/\S+\s*$/, '');
      return { ...s, text: before + s.text.slice(s.cursor), cursor: before.length };
    }
    case 'replace': return { ...s, text: a.text, cursor: a.text.length };
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
