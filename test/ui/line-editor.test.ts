// The command line's pure reducer: editing, cursor moves, word deletion and history with the draft kept.
import { describe, expect, it } from 'vitest';
import { emptyLine, lineReducer, type LineAction, type LineState } from '../../src/ui/line-editor';

const run = (s: LineState, ...actions: LineAction[]): LineState => actions.reduce(lineReducer, s);
const typed = (text: string, s: LineState = emptyLine): LineState => run(s, { type: 'insert', text });
const sent = (...lines: string[]): LineState => lines.reduce((s, l) => run(typed(l, s), { type: 'submit' }), emptyLine);
const view = (s: LineState) => ({ text: s.text, cursor: s.cursor });

describe('lineReducer: editing', () => {
  it('starts empty with no history', () => {
    expect(emptyLine).toEqual({ text: '', cursor: 0, history: [], historyIndex: 0, draft: '' });
  });

  it('inserts at the cursor and moves the cursor past the insert', () => {
    const s = run(typed('/ak'), { type: 'left' }, { type: 'insert', text: 'c' });
    expect(view(s)).toEqual({ text: '/ack', cursor: 3 });
    expect(view(run(s, { type: 'home' }, { type: 'insert', text: '  ' }))).toEqual({ text: '  /ack', cursor: 2 });
  });

  it('turns line breaks in an insert (a paste) into single spaces', () => {
    expect(view(typed('first\nsecond'))).toEqual({ text: 'first second', cursor: 12 });
    expect(view(typed('a\r\nb\n\n\nc'))).toEqual({ text: 'a b c', cursor: 5 });
    expect(view(run(typed('[]'), { type: 'left' }, { type: 'insert', text: 'x\ny' }))).toEqual({ text: '[x y]', cursor: 4 });
  });

  it('backspace deletes before the cursor, and does nothing at the start', () => {
    expect(view(run(typed('abc'), { type: 'backspace' }))).toEqual({ text: 'ab', cursor: 2 });
    expect(view(run(typed('abc'), { type: 'left' }, { type: 'backspace' }))).toEqual({ text: 'ac', cursor: 1 });
    const start = run(typed('abc'), { type: 'home' });
    expect(run(start, { type: 'backspace' })).toBe(start);
  });

  it('moves the cursor within the text and no further', () => {
    const s = typed('abc');
    expect(run(s, { type: 'left' }).cursor).toBe(2);
    expect(run(s, { type: 'left' }, { type: 'left' }, { type: 'left' }, { type: 'left' }).cursor).toBe(0);
    expect(run(s, { type: 'right' }).cursor).toBe(3);
    expect(run(s, { type: 'home' }).cursor).toBe(0);
    expect(run(s, { type: 'home' }, { type: 'right' }).cursor).toBe(1);
    expect(run(s, { type: 'home' }, { type: 'end' }).cursor).toBe(3);
  });

  it('deleteWord removes the word before the cursor and the spaces after it', () => {
    expect(view(run(typed('/assign @carol check'), { type: 'deleteWord' }))).toEqual({ text: '/assign @carol ', cursor: 15 });
    expect(view(run(typed('/assign @carol  '), { type: 'deleteWord' }))).toEqual({ text: '/assign ', cursor: 8 });
    // In the middle of the line only the text before the cursor changes.
    const mid = run(typed('foo bar baz'), { type: 'left' }, { type: 'left' }, { type: 'left' }, { type: 'left' });
    expect(view(run(mid, { type: 'deleteWord' }))).toEqual({ text: 'foo  baz', cursor: 4 });
    expect(view(run(typed('word'), { type: 'deleteWord' }))).toEqual({ text: '', cursor: 0 });
    expect(view(run(typed('x'), { type: 'home' }, { type: 'deleteWord' }))).toEqual({ text: 'x', cursor: 0 });
  });

  it('clear empties the line; replace sets it with the cursor at the end, or where it is told', () => {
    expect(view(run(typed('abc'), { type: 'clear' }))).toEqual({ text: '', cursor: 0 });
    expect(view(run(typed('/as'), { type: 'home' }, { type: 'replace', text: '/assign ' }))).toEqual({ text: '/assign ', cursor: 8 });
    expect(view(run(typed('/as'), { type: 'replace', text: '/assign @bob', cursor: 8 }))).toEqual({ text: '/assign @bob', cursor: 8 });
    expect(run(typed(''), { type: 'replace', text: 'ab', cursor: 99 }).cursor).toBe(2);
  });
});

// Issue 13: moving the cursor split 👍🏽 (a thumb and a skin tone, four UTF-16 units, one character on screen).
describe('lineReducer: the cursor moves and deletes by grapheme', () => {
  const THUMB = '👍🏽';
  const E_ACUTE = 'e\u0301';
  const FLAG = '🇳🇴';
  const FAMILY = '👩‍👩‍👧';

  it('steps over a whole grapheme left and right, never stopping inside one', () => {
    const s = typed(`a${THUMB}b`);
    expect(s.cursor).toBe(6);
    const left1 = run(s, { type: 'left' });
    expect(left1.cursor).toBe(5);
    expect(run(left1, { type: 'left' }).cursor).toBe(1);
    expect(run(left1, { type: 'left' }, { type: 'right' }).cursor).toBe(5);
    for (const g of [THUMB, E_ACUTE, FLAG, FAMILY, 'Zoë', '李']) {
      const line = typed(`x${g}y`);
      const stops = [line.cursor];
      let at = line;
      while (at.cursor > 0) stops.push((at = run(at, { type: 'left' })).cursor);
      expect(stops, g).toEqual(g === 'Zoë' ? [5, 4, 3, 2, 1, 0] : [2 + g.length, 1 + g.length, 1, 0]);
    }
  });

  it('deletes a whole grapheme with backspace', () => {
    expect(view(run(typed(`ok ${THUMB}`), { type: 'backspace' }))).toEqual({ text: 'ok ', cursor: 3 });
    expect(view(run(typed(`caf${E_ACUTE}!`), { type: 'left' }, { type: 'backspace' }))).toEqual({ text: 'caf!', cursor: 3 });
    expect(view(run(typed(`${FLAG}${FLAG}`), { type: 'backspace' }))).toEqual({ text: FLAG, cursor: FLAG.length });
    expect(view(run(typed(`${FAMILY}`), { type: 'backspace' }))).toEqual({ text: '', cursor: 0 });
  });

  it('inserts between graphemes, so what is typed after 👍🏽 follows it whole', () => {
    const s = run(typed(`${THUMB}${THUMB}`), { type: 'left' }, { type: 'insert', text: ' ' });
    expect(view(s)).toEqual({ text: `${THUMB} ${THUMB}`, cursor: THUMB.length + 1 });
  });
});

describe('lineReducer: submit and history', () => {
  it('submit clears the line and records it trimmed', () => {
    const s = run(typed('  /ack  '), { type: 'submit' });
    expect(s).toEqual({ text: '', cursor: 0, history: ['/ack'], historyIndex: 1, draft: '' });
  });

  it('does not record empty lines or repeat the previous line', () => {
    expect(sent('/ack', '   ', '/ack', 'hi', '/ack').history).toEqual(['/ack', 'hi', '/ack']);
  });

  it('keeps the last 200 lines', () => {
    const s = sent(...Array.from({ length: 205 }, (_, i) => `line ${i}`));
    expect(s.history).toHaveLength(200);
    expect(s.history[0]).toBe('line 5');
    expect(s.historyIndex).toBe(200);
  });

  it('up walks back through history, oldest last, and stops at the oldest', () => {
    const s = sent('one', 'two', 'three');
    const up1 = run(s, { type: 'historyUp' });
    expect(view(up1)).toEqual({ text: 'three', cursor: 5 });
    expect(run(up1, { type: 'historyUp' }).text).toBe('two');
    const top = run(up1, { type: 'historyUp' }, { type: 'historyUp' });
    expect(top.text).toBe('one');
    expect(run(top, { type: 'historyUp' })).toBe(top);
  });

  it('down walks forward and restores the unsent draft at the end', () => {
    const draft = typed('/assign @ca', sent('one', 'two'));
    const up2 = run(draft, { type: 'historyUp' }, { type: 'historyUp' });
    expect(up2.text).toBe('one');
    expect(up2.draft).toBe('/assign @ca');
    expect(run(up2, { type: 'historyDown' }).text).toBe('two');
    const back = run(up2, { type: 'historyDown' }, { type: 'historyDown' });
    expect(view(back)).toEqual({ text: '/assign @ca', cursor: 11 });
    expect(back.historyIndex).toBe(2);
    expect(run(back, { type: 'historyDown' })).toBe(back);
  });

  it('keeps the first draft when a recalled line is edited and browsing goes on', () => {
    const s = run(typed('draft', sent('one', 'two')), { type: 'historyUp' }, { type: 'insert', text: '!' }, { type: 'historyUp' }, { type: 'historyDown' }, { type: 'historyDown' });
    expect(s.text).toBe('draft');
  });

  it('does nothing on up or down with no history', () => {
    const s = typed('hello');
    expect(run(s, { type: 'historyUp' })).toBe(s);
    expect(run(s, { type: 'historyDown' })).toBe(s);
  });

  it('submitting a recalled line records it again at the end and starts a fresh draft', () => {
    const s = run(sent('one', 'two'), { type: 'historyUp' }, { type: 'historyUp' }, { type: 'submit' });
    expect(s.history).toEqual(['one', 'two', 'one']);
    expect(s.historyIndex).toBe(3);
    expect(run(s, { type: 'historyUp' }).text).toBe('one');
  });
});
