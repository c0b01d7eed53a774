// Issue 11: numbers in flags are decimal and in range (--speed 0x10 was taken as 16, and 1e-300 never
// advanced), and --as takes NAME:ROLE[:SERVICE], nothing more (alice:ic:x:y dropped ":y").
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultName, parseAs } from '../../src/cli/actions/run';
import { speedOption } from '../../src/cli/actions/simulate';
import { UserError } from '../../src/cli/user-error';
import { ROOT } from '../helpers/cli';
import { expectRefused, runBounded } from '../helpers/cli-bounded';
import { tempDir } from '../helpers/tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');

describe('flags are decimal numbers in range', () => {
  for (const speed of ['0x10', '1e-300', '0', '5000', 'Infinity', '-2', '']) {
    it(`--speed "${speed}" is refused`, () => {
      expectRefused(runBounded(['simulate', INTRO, '--speed', speed, '--out', join(tempDir('speed'), 'run')]), /--speed ".*" must be a decimal number from 0\.015625 \(1\/64\) to 4096/, speed);
    });
  }
});

describe('--speed', () => {
  it('takes decimal multiples of real time from 1/64 to 4096', () => {
    expect(['1', '2', '0.5', '.5', '16.25', '0.015625', '4096', '4096.0', '1.']
      .map(speedOption)).toEqual([1, 2, 0.5, 0.5, 16.25, 0.015625, 4096, 4096, 1]);
    expect(speedOption(undefined)).toBeUndefined();
  });

  it('refuses hex, exponents, infinities, signs, blanks, fractions and anything out of range', () => {
    for (const s of ['0x10', '1e-300', '1e3', 'Infinity', '-Infinity', 'NaN', '0', '0.0', '0.01', '4096.5', '5000', '10000', '-2', '+2', '', ' 2', '2 ', '1/64', '0b11', '1_000']) {
      expect(() => speedOption(s), s).toThrow(UserError);
    }
    expect(() => speedOption('0x10')).toThrow('--speed "0x10" must be a decimal number from 0.015625 (1/64) to 4096, e.g. 2 or 0.5 (1 = real time)');
  });
});

describe('--as', () => {
  it('takes NAME:ROLE and NAME:ROLE:SERVICE', () => {
    expect(parseAs(['alice:ic', 'carol:responder:checkout-db'])).toEqual([
      { name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder', service: 'checkout-db' },
    ]);
  });

  it('refuses extra parts instead of dropping them, and an empty service', () => {
    expect(() => parseAs(['alice:ic:x:y'])).toThrow('--as "alice:ic:x:y": too many ":" parts; use NAME:ROLE or NAME:ROLE:SERVICE');
    expect(() => parseAs(['alice:ic:'])).toThrow(/nothing after the last ":"/);
  });

  // Issue 13: "--as Zoë:ic" was refused as "not one word of letters".
  it('takes names in any alphabet, kept in NFC, and says what a refused name must be', () => {
    expect(parseAs(['Zoë:ic', 'Søren:scribe', '李雷:responder'])).toEqual([
      { name: 'Zoë', role: 'ic' }, { name: 'Søren', role: 'scribe' }, { name: '李雷', role: 'responder' },
    ]);
    expect(parseAs(['Zoe\u0308:ic'])[0]?.name).toBe('Zoë');
    expect(() => parseAs(['zoë bob:ic'])).toThrow('--as "zoë bob:ic": the name must be one word: a letter, then letters, digits, - or _ (e.g. --as alice:ic or --as Zoë:scribe)');
    expect(() => parseAs([`${'a'.repeat(33)}:ic`])).toThrow(/the name is longer than 32 characters/);
    expect(() => parseAs([':ic'])).toThrow(/the name is empty/);
    // The same person twice, however the name is cased or composed.
    expect(() => parseAs(['Zoë:ic', 'ZOE\u0308:scribe'])).toThrow(/ZOË is given twice/);
  });

  it('defaults to the login name, lower case, without what a name cannot hold', () => {
    expect(defaultName(() => 'Zoë')).toBe('zoë');
    expect(defaultName(() => 'john.doe')).toBe('johndoe');
    expect(defaultName(() => '1234')).toBe('you');
    expect(defaultName(() => {
      throw new Error('no passwd entry');
    })).toBe('you');
  });
});
