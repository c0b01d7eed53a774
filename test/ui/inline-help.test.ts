// The hint line under the command line: usage for an exact or unique command, choices, unknown, chat; and private hints.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMAND_USAGE } from '../../src/engine/command';
import { candidateRows, hintRows, inlineHelp } from '../../src/ui/inline-help';
import { textWidth } from '../../src/ui/text-width';
import { MAX_HINT_ROWS } from '../../src/ui/layout';

describe('inlineHelp', () => {
  it('explains the keys on an empty line', () => {
    expect(inlineHelp('')).toBe('type a /command or chat; Tab completes, ? shows help');
  });

  it('shows the usage of an exact command, with or without arguments', () => {
    expect(inlineHelp('/ack')).toBe('/ack [T#] — acknowledge your page (or your task)');
    expect(inlineHelp('/assign @carol check web-logs')).toBe('/assign @name TASK in Nm — IC gives one person a task with a time box');
    expect(inlineHelp('  /SEV SEV-2')).toBe('/sev SEV-n — IC declares the severity');
  });

  it('prefers an exact command to a longer one that starts with it', () => {
    expect(inlineHelp('/post')).toBe(COMMAND_USAGE.post);
  });

  it('shows the usage of the only command a prefix can mean', () => {
    expect(inlineHelp('/as')).toBe(COMMAND_USAGE.assign);
    expect(inlineHelp('/postm')).toBe(COMMAND_USAGE.postmortem);
  });

  it('lists the commands a shared prefix can mean', () => {
    expect(inlineHelp('/a')).toBe('/ack  /appoint  /assign  /approve  /answer');
    expect(inlineHelp('/pos')).toBe('/post  /postmortem');
    expect(inlineHelp('/')).toBe(COMMAND_NAMES.map((c) => `/${c}`).join('  '));
  });

  it('names an unknown command and points at Tab', () => {
    expect(inlineHelp('/zap now')).toBe('unknown command /zap; press Tab to complete');
  });

  it('says that anything else is chat', () => {
    expect(inlineHelp('is anyone looking at web?')).toBe('chat: Enter sends it to the incident channel');
    expect(inlineHelp('a/b')).toBe('chat: Enter sends it to the incident channel');
  });

  it('has a usage line for every command', () => {
    for (const c of COMMAND_NAMES) expect(inlineHelp(`/${c}`)).toMatch(new RegExp(`^/${c}\\b`));
  });
});

describe('hintRows', () => {
  it('marks a private hint so it does not read as chat or help', () => {
    expect(hintRows('T1 has no time box (add "in 5m")', 80)).toEqual(['hint: T1 has no time box (add "in 5m")']);
  });

  it('wraps a long hint at spaces instead of cutting off its end', () => {
    const rows = hintRows('alice handed you command. Announce it to everyone: /ic This is dave, I am now the Incident Commander', 80);
    expect(rows).toEqual([
      'hint: alice handed you command. Announce it to everyone: /ic This is dave, I am',
      'now the Incident Commander',
    ]);
  });

  it(`takes at most ${MAX_HINT_ROWS} rows, the last ending in an ellipsis, each within the width`, () => {
    const rows = hintRows('word '.repeat(100).trim(), 80);
    expect(rows).toHaveLength(MAX_HINT_ROWS);
    expect(rows.at(-1)).toMatch(/…$/);
    for (const r of rows) expect([...r].length).toBeLessThanOrEqual(80);
    // Exactly three rows' worth needs no ellipsis.
    const three = hintRows(`${'x'.repeat(74)} ${'y'.repeat(80)} ${'z'.repeat(10)}`, 80);
    expect(three).toEqual([`hint: ${'x'.repeat(74)}`, 'y'.repeat(80), 'z'.repeat(10)]);
  });
});

describe('hintRows for an error', () => {
  // Under NO_COLOR the prefix is what tells a refusal from a hint, and both from chat.
  it('marks a refused command with "✗ ", not "hint:"', () => {
    expect(hintRows('unknown command "/frobnicate" — type /help for the list', 80, 'error')).toEqual(['✗ unknown command "/frobnicate" — type /help for the list']);
  });

  it('takes no more rows than it is given, so a cue above it still fits', () => {
    const rows = hintRows('word '.repeat(100).trim(), 80, 'error', 2);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^✗ word/);
    expect(rows[1]).toMatch(/…$/);
  });
});

describe('candidateRows', () => {
  const people = ['alice (ic)', 'colten (deputy)', 'Zoë (scribe)', 'vallie (customer-liaison)', 'marty (internal-liaison)', 'terence (responder · orders)',
    'waldo (responder · orders)', 'carol (responder · payments)', 'kamren (responder · payments)', 'elwyn (responder · streaming)',
    'bonita (responder · streaming)', 'felix (responder · dispatch)', 'nora (responder · dispatch)', 'ivan (responder · network)', 'june (responder · network)'].map((p) => `@${p}`);

  it('keeps a short list on one row, two spaces apart', () => {
    expect(candidateRows(['/appoint', '/approve'], 80)).toEqual(['/appoint  /approve']);
  });

  it.each([80, 120, 200])('wraps whole candidates onto at most three rows at %i columns, ending "+N more" when they do not all fit', (cols) => {
    const rows = candidateRows(people, cols);
    expect(rows.length).toBeLessThanOrEqual(MAX_HINT_ROWS);
    for (const r of rows) expect(textWidth(r)).toBeLessThanOrEqual(cols);
    const shown = rows.join('  ').split('  ');
    const more = /^\+(\d+) more$/.exec(shown.at(-1) ?? '');
    // Every candidate is shown whole, in order, and the count accounts for the rest.
    const whole = more ? shown.slice(0, -1) : shown;
    expect(whole).toEqual(people.slice(0, whole.length));
    expect(whole.length + Number(more?.[1] ?? 0)).toBe(people.length);
    if (cols === 80) expect(more).not.toBeNull();
    if (cols === 200) expect(more).toBeNull();
  });

  it('takes fewer rows when told to', () => {
    expect(candidateRows(people, 80, 1)).toHaveLength(1);
    expect(candidateRows(people, 80, 1)[0]).toMatch(/\+\d+ more$/);
  });
});
