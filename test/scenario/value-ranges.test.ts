// Range checks on metric quantities: negative levels and percentages over 100% are errors at the value.
import { describe, expect, it } from 'vitest';
import { brief, edit, load, posOf } from '../fixtures/scenarios/variants';

const FALL_HINT = 'write the lower value the metric falls to, e.g. { to: 20rps }, or a multiplier such as x0.5';
const PERCENT = 'is more than 100%; a percentage is from 0% to 100%';
const LEVEL = 'is negative; a metric\'s value is 0 or more';
const QUEUE = ['      latency_p99: { baseline: 200ms, noise: 20ms }\n', '      latency_p99: { baseline: 200ms, noise: 20ms }\n      queue: { baseline: -5 }\n'] as const;

interface RangeCase {
  readonly name: string;
  readonly text: string;
  readonly at: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly hint?: string;
}

const CASES: readonly RangeCase[] = [
  {
    name: 'an effect over 100%', text: edit(['web.error_rate: 45%', 'web.error_rate: 140%']), at: '140%',
    path: ['phases', 'broken', 'effects', 'web.error_rate'], message: `effect 140% ${PERCENT}`,
  },
  {
    name: 'a negative effect target', text: edit(['web.latency_p99: x3', 'web.latency_p99: { to: -20ms }']), at: '-20ms',
    path: ['phases', 'broken', 'effects', 'web.latency_p99', 'to'], message: `effect -20ms ${LEVEL}`, hint: FALL_HINT,
  },
  {
    name: 'a negative bare effect', text: edit(['web.latency_p99: x3', 'web.latency_p99: -20ms']), at: '-20ms',
    path: ['phases', 'broken', 'effects', 'web.latency_p99'], message: `effect -20ms ${LEVEL}`, hint: FALL_HINT,
  },
  {
    name: 'a negative baseline', text: edit(['{ baseline: 0.5%, noise: 0.1% }', '{ baseline: -0.5%, noise: 0.1% }']), at: '-0.5%',
    path: ['services', 0, 'metrics', 'error_rate', 'baseline'], message: `baseline -0.5% ${LEVEL}`,
  },
  {
    name: 'a baseline over 100%', text: edit(['{ baseline: 0.5%, noise: 0.1% }', '{ baseline: 100.5%, noise: 0.1% }']), at: '100.5%',
    path: ['services', 0, 'metrics', 'error_rate', 'baseline'], message: `baseline 100.5% ${PERCENT}`,
  },
  {
    name: 'a negative plain-number baseline', text: edit(QUEUE), at: '-5',
    path: ['services', 0, 'metrics', 'queue', 'baseline'], message: `baseline -5 ${LEVEL}`,
  },
  {
    name: 'negative noise', text: edit(['{ baseline: 0.5%, noise: 0.1% }', '{ baseline: 0.5%, noise: -0.1% }']), at: '-0.1%',
    path: ['services', 0, 'metrics', 'error_rate', 'noise'], message: 'noise -0.1% is negative; noise is a size (it wobbles both ways), 0 or more',
  },
  {
    name: 'noise over 100%', text: edit(['{ baseline: 0.5%, noise: 0.1% }', '{ baseline: 0.5%, noise: 150% }']), at: '150%',
    path: ['services', 0, 'metrics', 'error_rate', 'noise'], message: `noise 150% ${PERCENT}`,
  },
  {
    name: 'an alert threshold over 100%', text: edit(['web.error_rate > 5% for 1m', 'web.error_rate > 140% for 1m']), at: '"web.error_rate',
    path: ['alerts', 0, 'when'], message: `threshold 140% ${PERCENT}`,
  },
  {
    name: 'a negative alert threshold', text: edit(['web.error_rate > 5% for 1m', 'web.latency_p99 < -1ms for 1m']), at: '"web.latency_p99',
    path: ['alerts', 0, 'when'], message: 'threshold -1ms is negative; a metric\'s value is 0 or more, so the alert would fire always or never',
  },
];

describe('range checks', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('refuse %s, at the value', (_, c) => {
    const r = load(c.text);
    expect(r.scenario).toBeUndefined();
    // the only problem: the fixture is the starter with one value out of range
    expect(brief(r.problems)).toHaveLength(1);
    expect(r.problems[0]).toEqual({
      file: 'fixture.yaml', ...posOf(c.text, c.at), layer: 'schema', severity: 'error', code: 'schema/out-of-range',
      message: c.message, path: c.path, ...(c.hint ? { hint: c.hint } : {}),
    });
  });

  it.each([
    ['an effect of exactly 100%', edit(['web.error_rate: 45%', 'web.error_rate: 100%'])],
    ['a baseline and noise of 0', edit(['{ baseline: 0.5%, noise: 0.1% }', '{ baseline: 0%, noise: 0 }'])],
    ['a multiplier that lowers a metric', edit(['web.latency_p99: x3', 'web.latency_p99: x0.5'])],
    ['an effect target of 0', edit(['web.latency_p99: x3', 'web.latency_p99: { to: 0ms, over: 2m }'])],
    ['a threshold of 100%', edit(['web.error_rate > 5% for 1m', 'web.error_rate >= 100% for 1m'])],
    ['a count over 100 (only percentages stop at 100)', edit(QUEUE.map((t) => t.replace('-5', '2500')) as [string, string])],
  ])('accept %s', (_, text) => {
    expect(load(text).problems.filter((p) => p.code === 'schema/out-of-range')).toEqual([]);
  });

  it('run even when the schema fails, so both are reported', () => {
    const text = edit(['difficulty: intro', 'difficulty: medum'], ['web.error_rate: 45%', 'web.error_rate: 140%']);
    expect(load(text).problems.map((p) => p.code)).toEqual(['schema/invalid-value', 'schema/out-of-range']);
  });

  it('leave a malformed quantity to the schema', () => {
    const text = edit(['web.error_rate: 45%', 'web.error_rate: -lots']);
    expect(load(text).problems.map((p) => p.code)).toEqual(['schema/invalid-union']);
  });
});
