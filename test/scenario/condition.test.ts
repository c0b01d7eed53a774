import { describe, expect, it } from 'vitest';
import { compare, parseCondition } from '../../src/scenario/condition';

describe('parseCondition', () => {
  it('reads service, metric, operator, threshold and duration', () => {
    expect(parseCondition('checkout-api.error_rate > 5% for 1m')).toEqual({
      service: 'checkout-api',
      metric: 'error_rate',
      op: '>',
      threshold: { value: 5, family: 'percent' },
      thresholdText: '5%',
      forMs: 60_000,
    });
  });

  it('defaults the duration to zero when there is no "for"', () => {
    const c = parseCondition('web.latency_p99 >= 900ms');
    expect(c).toEqual({ service: 'web', metric: 'latency_p99', op: '>=', threshold: { value: 900, family: 'time' }, thresholdText: '900ms', forMs: 0 });
  });

  it.each(['>', '>=', '<', '<='] as const)('reads the %s operator', (op) => {
    const c = parseCondition(`db.free_disk ${op} 10GB for 30s`);
    expect(c).toMatchObject({ op, threshold: { value: 10_240, family: 'bytes' }, forMs: 30_000 });
  });

  it('tolerates missing and extra spaces', () => {
    expect(parseCondition('  web.error_rate>5%   for   2m  ')).toMatchObject({ service: 'web', op: '>', forMs: 120_000 });
  });

  it('reads a plain number threshold as a count', () => {
    expect(parseCondition('queue.depth > 1000')).toMatchObject({ threshold: { value: 1000, family: 'count' } });
  });

  it.each([
    ['web error rate is high', /cannot read condition "web error rate is high"/],
    ['web.error_rate', /cannot read condition/],
    ['Web.error_rate > 5%', /cannot read condition/],
    ['web.error-rate > 5%', /cannot read condition/],
    ['web.error_rate = 5%', /cannot read condition/],
    ['web.error_rate > 5%, for 1m', /not a quantity/],
    ['web.error_rate > five', /"five" is not a quantity/],
    ['web.error_rate > 5% for ever', /"ever" is not a duration/],
    ['web.error_rate > 5% for 1d', /"1d" is not a duration/],
  ])('explains what is wrong with %j', (text, message) => {
    const c = parseCondition(text);
    expect('error' in c).toBe(true);
    expect((c as { error: string }).error).toMatch(message);
  });
});

describe('compare', () => {
  it.each([
    [6, '>', 5, true],
    [5, '>', 5, false],
    [5, '>=', 5, true],
    [4.9, '>=', 5, false],
    [4, '<', 5, true],
    [5, '<', 5, false],
    [5, '<=', 5, true],
    [5.1, '<=', 5, false],
  ] as const)('%d %s %d is %s', (value, op, threshold, result) => {
    expect(compare(value, op, threshold)).toBe(result);
  });
});
