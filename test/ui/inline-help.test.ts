// The hint line under the command line: usage for an exact or unique command, choices, unknown, chat; and private hints.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMAND_USAGE } from '../../src/engine/command';
import { hintRows, inlineHelp } from '../../src/ui/inline-help';
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
