import { describe, expect, it } from 'vitest';
import {
  familyOfUnit, formatQuantity, formatValue, parseMultiplier, parseQuantity, QUANTITY_PATTERN, unitsOf, writtenUnit, type DisplayUnit, type UnitFamily,
} from '../../src/scenario/quantity';

describe('parseQuantity', () => {
  it.each<[string | number, number, UnitFamily]>([
    ['0.4%', 0.4, 'percent'],
    ['45%', 45, 'percent'],
    ['180ms', 180, 'time'],
    ['2s', 2_000, 'time'],
    ['1.5GB', 1_536, 'bytes'],
    ['512MB', 512, 'bytes'],
    ['512KB', 0.5, 'bytes'],
    ['1TB', 1_048_576, 'bytes'],
    ['1200rps', 1_200, 'rate'],
    ['5/s', 5, 'rate'],
    ['30/min', 0.5, 'rate'],
    ['85', 85, 'count'],
    ['-3', -3, 'count'],
    [85, 85, 'count'],
    [0.25, 0.25, 'count'],
    ['  12 %  ', 12, 'percent'],
    ['12 ms', 12, 'time'],
  ])('reads %j as %d (%s)', (input, value, family) => {
    const q = parseQuantity(input);
    expect(q).toBeDefined();
    expect(q!.value).toBeCloseTo(value, 9);
    expect(q!.family).toBe(family);
  });

  it.each(['', 'abc', '12 parsecs', '1e3', '5%%', '%5', '1,000', 'x8', '12 GB/s', '.5', '5.'])('rejects %j', (input) => {
    expect(parseQuantity(input)).toBeUndefined();
  });

  it('rejects numbers that are not finite', () => {
    expect(parseQuantity(Number.NaN)).toBeUndefined();
    expect(parseQuantity(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('returns undefined instead of throwing for values that are not strings or numbers (raw YAML data)', () => {
    for (const v of [true, null, undefined, [1], { to: '5%' }]) {
      expect(parseQuantity(v as unknown as string)).toBeUndefined();
    }
  });

  it('agrees with QUANTITY_PATTERN on unit-bearing strings', () => {
    const re = new RegExp(QUANTITY_PATTERN);
    for (const s of ['5%', '5 %', '180ms', '2s', '1.5GB', '1200rps', '5/s', '30/min', '85', '5 parsecs', 'x8', '1e3']) {
      expect(parseQuantity(s) !== undefined, s).toBe(re.test(s));
    }
  });
});

describe('parseMultiplier', () => {
  it.each([
    ['x8', 8],
    ['x1.5', 1.5],
    [' x2 ', 2],
    ['x0', 0],
  ])('reads %j as %d', (input, value) => {
    expect(parseMultiplier(input)).toBe(value);
  });

  it.each<string | number>(['8x', 'x', 'X8', 'x-2', '8', 8, '×8', 'x8%'])('rejects %j', (input) => {
    expect(parseMultiplier(input)).toBeUndefined();
  });
});

describe('formatQuantity', () => {
  it.each<[number, UnitFamily, string]>([
    [12.345, 'percent', '12.3%'],
    [0.4, 'percent', '0.4%'],
    [100, 'percent', '100%'],
    [180, 'time', '180ms'],
    [9_999, 'time', '9999ms'],
    [10_000, 'time', '10s'],
    [15_500, 'time', '15.5s'],
    [512, 'bytes', '512MB'],
    [1_536, 'bytes', '1.5GB'],
    [1_200, 'rate', '1200rps'],
    [85, 'count', '85'],
    [0.123456, 'count', '0.123'],
    [123.6, 'count', '124'],
  ])('formats %d %s as %j', (value, family, text) => {
    expect(formatQuantity(value, family)).toBe(text);
  });

  it('prints values that parse back into the same family', () => {
    for (const [v, f] of [[12.5, 'percent'], [180, 'time'], [20_000, 'time'], [1_536, 'bytes'], [1_200, 'rate']] as const) {
      expect(parseQuantity(formatQuantity(v, f))?.family).toBe(f);
    }
  });
});

describe('formatValue (v2 display units)', () => {
  it.each<[number, UnitFamily, DisplayUnit | undefined, string]>([
    [10, 'rate', '/min', '600/min'],
    [24.1, 'rate', '/s', '24.1/s'],
    [24.1, 'rate', 'rps', '24.1rps'],
    [0.4, 'rate', '/min', '24/min'],
    [180, 'time', 's', '0.18s'],
    [12_000, 'time', 'ms', '12000ms'],
    [1536, 'bytes', 'GB', '1.5GB'],
    [512, 'bytes', 'KB', '524288KB'],
    [95.5, 'percent', '%', '95.5%'],
  ])('shows %d (%s) in %s as %s', (value, family, unit, shown) => {
    expect(formatValue(value, family, unit)).toBe(shown);
  });

  it('without a unit, or with one of another family, shows what formatQuantity (v1) shows', () => {
    for (const [v, f] of [[24.1, 'rate'], [12_000, 'time'], [1536, 'bytes'], [7, 'count']] as const) {
      expect(formatValue(v, f)).toBe(formatQuantity(v, f));
      expect(formatValue(v, f, f === 'rate' ? 'ms' : '/min')).toBe(formatQuantity(v, f));
    }
    expect(formatQuantity(10, 'rate')).toBe('10rps');
  });

  it('shows a whole count (v2: customers, objects) as a whole number, and ignores whole for other families', () => {
    expect(formatValue(16.3, 'count', undefined, true)).toBe('16');
    expect(formatValue(16.5, 'count', undefined, true)).toBe('17');
    expect(formatValue(123_456.7, 'count', undefined, true)).toBe('123457');
    expect(formatValue(16.3, 'count')).toBe('16.3');
    expect(formatValue(16.3, 'percent', '%', true)).toBe('16.3%');
  });
});

describe('display units', () => {
  it('are grouped by family, with none for a count', () => {
    expect(unitsOf('rate')).toEqual(['rps', '/s', '/min']);
    expect(unitsOf('time')).toEqual(['ms', 's']);
    expect(unitsOf('count')).toEqual([]);
    expect(familyOfUnit('/min')).toBe('rate');
  });

  it('writtenUnit reads the unit a quantity is written in', () => {
    expect(writtenUnit('600/min')).toBe('/min');
    expect(writtenUnit(' 2 s ')).toBe('s');
    expect(writtenUnit('1200rps')).toBe('rps');
    expect(writtenUnit(85)).toBeUndefined();
    expect(writtenUnit('85')).toBeUndefined();
    expect(writtenUnit('5 parsecs')).toBeUndefined();
  });
});
