// The one rule for people's names: any alphabet, digits, - and _, at most 32, NFC, compared without case (issue 13:
// `--as Zoë:ic` was refused as "not one word of letters").
import { describe, expect, it } from 'vitest';
import { isCommandError, mentionsIn, parseCommand } from '../../src/engine/parse-command';
import { isPersonName, normalizePersonName, PERSON_NAME_MAX, personNameKey, personNameProblem } from '../../src/engine/person-name';

describe('personNameProblem', () => {
  it('accepts names in any alphabet, with digits, - and _ after the first letter', () => {
    for (const n of ['alice', 'Zoë', 'Søren', 'José', 'Łukasz', 'Анна', 'Ελένη', '李雷', 'अनिल', 'bob-2', 'x_y', 'o']) expect(personNameProblem(n), n).toBeUndefined();
  });

  it('accepts an accent written as a combining mark, and keeps the name in NFC', () => {
    const nfd = 'Zoe\u0308';
    expect(isPersonName(nfd)).toBe(true);
    expect(normalizePersonName(nfd)).toBe('Zoë');
    expect(normalizePersonName(nfd)).toHaveLength(3);
  });

  it('refuses what would break a screen or the command grammar', () => {
    for (const n of ['bad\x1b[31mname', 'a\x07b', 'a\u200bb', 'a\u202eb', 'a\u200db', 'a b', 'a\tb', '@bob', 'a@b', 'a.b', 'a,b', 'a:b', "o'neil", '👍', 'x👍🏽']) {
      expect(personNameProblem(n), JSON.stringify(n)).toBe('must be one word: a letter, then letters, digits, - or _');
    }
  });

  it('wants a letter first: a digit reads as a time, a dash as a flag', () => {
    for (const n of ['1abc', '-x', '_x', '\u0308a']) expect(isPersonName(n), n).toBe(false);
  });

  it(`refuses the empty name and one longer than ${PERSON_NAME_MAX} characters (counted as code points)`, () => {
    expect(personNameProblem('')).toBe('is empty');
    expect(isPersonName('a'.repeat(PERSON_NAME_MAX))).toBe(true);
    expect(personNameProblem('a'.repeat(PERSON_NAME_MAX + 1))).toBe(`is longer than ${PERSON_NAME_MAX} characters`);
    expect(isPersonName('李'.repeat(PERSON_NAME_MAX))).toBe(true);
  });
});

describe('personNameKey', () => {
  it('is the same for one person however their name is cased or composed', () => {
    expect(personNameKey('ZOË')).toBe(personNameKey('Zoë'));
    expect(personNameKey('zoe\u0308')).toBe(personNameKey('Zoë'));
    expect(personNameKey('Zoe')).not.toBe(personNameKey('Zoë'));
  });
});

describe('names in the command grammar', () => {
  const vocab = { people: ['Zoë', 'alice', '李雷'], probes: ['web-logs'], actions: ['revert-config'], teams: ['web-team'] };

  it('finds @mentions of any accepted name, and where they end', () => {
    expect(mentionsIn('@Zoë, can you look?', vocab.people)).toEqual(['Zoë']);
    expect(mentionsIn('thanks @zoë.', vocab.people)).toEqual(['Zoë']);
    expect(mentionsIn('ask @李雷', vocab.people)).toEqual(['李雷']);
    // A name goes on past a mention of a shorter one: "@Zoëy" is nobody here.
    expect(mentionsIn('@Zoëy', vocab.people)).toEqual([]);
  });

  it('parses /assign and /appoint with them', () => {
    const assign = parseCommand('/assign @Zoë check web-logs in 5m', vocab);
    expect(isCommandError(assign)).toBe(false);
    expect(assign).toMatchObject({ kind: 'assign', owners: ['Zoë'], task: 'check web-logs' });
    expect(parseCommand('/assign @zoë, check web-logs in 5m', vocab)).toMatchObject({ owners: ['Zoë'] });
    expect(parseCommand('/appoint @李雷 scribe', vocab)).toMatchObject({ kind: 'appoint', appointments: [{ target: '李雷', role: 'scribe' }] });
  });
});
