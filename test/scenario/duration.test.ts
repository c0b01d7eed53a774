import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DURATION_PATTERN, formatClock, formatDuration, parseDuration } from '../../src/scenario/duration';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5s', 1_500],
    ['0.5m', 30_000],
    ['1m30s', 90_000],
    ['1h2m3s4ms', 3_723_004],
    ['0s', 0],
    ['2:40', 160_000],
    ['00:05', 5_000],
    ['1:02:03', 3_723_000],
    ['120:00', 7_200_000],
    ['  5m  ', 300_000],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('reads "ms" as milliseconds, not minutes then seconds', () => {
    expect(parseDuration('5ms')).toBe(5);
    expect(parseDuration('5m5s')).toBe(305_000);
  });

  it('rounds fractional milliseconds', () => {
    expect(parseDuration('0.4ms')).toBe(0);
    expect(parseDuration('1.6ms')).toBe(2);
  });

  it.each(['', '   ', '5', '5x', 'm', 's5', '-5s', '5 m', '1m30', '1:60', '1:5', '1:2:3', ':30', '1d', '5M', 'five minutes', '1e3s', '.5s'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it('accepts exactly the strings DURATION_PATTERN (used by the JSON Schema) accepts', () => {
    const re = new RegExp(DURATION_PATTERN);
    const token = fc.constantFrom('0', '1', '2', '5', '9', '12', '59', '60', '.', ':', 'ms', 's', 'm', 'h', 'x', '1:30', '30s');
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 6 }).map((t) => t.join('')), (text) => {
        expect(parseDuration(text) !== undefined).toBe(re.test(text));
      }),
      { seed: 20_251_126, numRuns: 2_000 },
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [250, '250ms'],
    [999, '999ms'],
    [1_000, '1s'],
    [1_500, '2s'],
    [59_000, '59s'],
    [60_000, '1m'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [3_601_000, '1h1s'],
    [3_661_000, '1h1m1s'],
    [7_230_000, '2h30s'],
    [5_400_000, '1h30m'],
  ])('formats %d ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips whole seconds through parseDuration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 * 3600 }), (seconds) => {
        const text = formatDuration(seconds * 1000);
        expect(parseDuration(text)).toBe(seconds * 1000);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('formatClock', () => {
  it.each([
    [0, '00:00'],
    [999, '00:00'],
    [5_000, '00:05'],
    [65_000, '01:05'],
    [59 * 60_000 + 59_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_725_999, '1:02:05'],
    [36_000_000, '10:00:00'],
  ])('formats %d ms as T+%s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });

  it('is read back by parseDuration as the same whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * 3600 }), (seconds) => {
        expect(parseDuration(formatClock(seconds * 1000))).toBe(seconds * 1000);
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});
