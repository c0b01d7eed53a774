import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance, knownNamesHint, LIST_ALL_UP_TO, unknownNameHint } from '../../src/scenario/did-you-mean';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
    ['durration', 'duration', 1],
    ['medum', 'medium', 1],
    ['flaw', 'lawn', 2],
    ['abc', 'cba', 2],
  ])('%j → %j is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('is a metric: zero only for equal strings, symmetric, and obeys the triangle inequality', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
        expect(editDistance(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});

describe('closest', () => {
  const keys = ['schema', 'id', 'title', 'summary', 'difficulty', 'duration', 'phases', 'probes'];

  it('finds the nearest candidate', () => {
    expect(closest('durration', keys)).toBe('duration');
    expect(closest('phase', keys)).toBe('phases');
    expect(closest('tittle', keys)).toBe('title');
  });

  it('ignores case when comparing but returns the candidate as written', () => {
    expect(closest('DURATION', keys)).toBe('duration');
    expect(closest('sev-2', ['SEV-1', 'SEV-2'])).toBe('SEV-2');
  });

  it('returns undefined when nothing is close', () => {
    expect(closest('zzzzzzzz', keys)).toBeUndefined();
    expect(closest('anything', [])).toBeUndefined();
  });

  it('allows about a third of the word length in edits (at least two)', () => {
    // nine letters: up to three edits
    expect(closest('abcdefghi', ['abcdefxyz'])).toBe('abcdefxyz');
    expect(closest('abcdefghi', ['abcdewxyz'])).toBeUndefined();
    // short words still get two edits
    expect(closest('ab', ['ba'])).toBe('ba');
    expect(closest('abc', ['xyz'])).toBeUndefined();
  });

  it('prefers the first of equally close candidates', () => {
    expect(closest('cat', ['bat', 'hat'])).toBe('bat');
    expect(closest('cat', ['hat', 'bat'])).toBe('hat');
  });

  it('accepts any iterable', () => {
    expect(closest('revert-confg', new Set(['revert-config', 'restart-web']).keys())).toBe('revert-config');
  });
});

describe('didYouMean', () => {
  it('phrases the suggestion as a question', () => {
    expect(didYouMean('medum', ['intro', 'medium', 'hard'])).toBe('did you mean "medium"?');
  });

  it('is undefined when there is nothing to suggest', () => {
    expect(didYouMean('catastrophic', ['intro', 'medium', 'hard'])).toBeUndefined();
  });
});

describe('unknownNameHint', () => {
  const phases = ['healthy', 'broken', 'recovered'];

  it('lists every known name when there are few, after a did-you-mean', () => {
    expect(unknownNameHint('brokn', phases, 'phases')).toBe('did you mean "broken"? known phases: healthy, broken, recovered');
  });

  it('lists them without a guess when nothing is close', () => {
    expect(unknownNameHint('zzz', phases, 'phases')).toBe('known phases: healthy, broken, recovered');
  });

  it(`lists up to ${LIST_ALL_UP_TO} in full, more as the closest five and a count`, () => {
    const eight = Array.from({ length: LIST_ALL_UP_TO }, (_, i) => `phase-${i}`);
    expect(unknownNameHint('zzz', eight, 'phases')).toBe(`known phases: ${eight.join(', ')}`);
    const many = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];
    // closest first; equally close ones in the order given
    expect(unknownNameHint('delto', many, 'phases')).toBe('did you mean "delta"? closest of 12 phases: delta, echo, kilo, bravo, golf');
  });

  it('says when nothing of the kind is declared', () => {
    expect(unknownNameHint('x', [], 'actions')).toBe('no actions are declared');
  });
});

describe('knownNamesHint', () => {
  it('lists few names in full, and the first five of many with a count', () => {
    expect(knownNamesHint(['a', 'b'], 2, 'teams')).toBe('known teams: a, b');
    expect(knownNamesHint(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], 500, 'teams')).toBe('500 teams, the first: a, b, c, d, e');
    expect(knownNamesHint([], 0, 'teams')).toBe('no teams are declared');
  });
});
