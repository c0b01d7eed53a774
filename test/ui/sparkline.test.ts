import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeSpan, sparkline } from '../../src/ui/sparkline';

describe('sparkline', () => {
  it('draws the lowest value as ▁ and the highest as █', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([7, 0])).toBe('█▁');
  });

  it('draws nothing for no values', () => {
    expect(sparkline([])).toBe('');
  });

  it('leaves a space for a missing value so the gap shows', () => {
    expect(sparkline([1, null, 3])).toBe('▁ █');
    expect(sparkline([null, null])).toBe('  ');
    expect(sparkline([1, Number.NaN, Number.POSITIVE_INFINITY, 3])).toBe('▁  █');
  });

  it('draws a flat series as a flat low line, never a solid block', () => {
    expect(sparkline([5, 5, 5])).toBe('▁▁▁');
    expect(sparkline([42])).toBe('▁');
    expect(sparkline([97, 97, 97, 97])).toBe('▁▁▁▁');
  });

  it('scales to the shown values, so a change shows at any level', () => {
    // A metric that steps from 97 to 99 fills the height; the old 0..max scale drew it as a solid block.
    expect(sparkline([97, 97, 98, 99, 99])).toBe('▁▁▅██');
    expect(sparkline([97, 97, 98, 99, 99], undefined, { min: 0 })).toBe('█████');
    // Only the shown window counts: an old spike out of view does not flatten the rest.
    expect(sparkline([500, 10, 20, 30], 3)).toBe('▁▅█');
  });

  it('keeps jitter smaller than the least span near the bottom, and shows a real change in full', () => {
    const steady = [180, 183, 178, 181, 179, 182];
    expect(sparkline(steady)).toMatch(/█/u);
    const calm = sparkline(steady, undefined, { minSpan: relativeSpan(steady, 6) });
    expect(calm).toMatch(/^[▁▂]+$/u);
    const jump = [180, 183, 178, 900, 1400, 1440];
    expect(sparkline(jump, undefined, { minSpan: relativeSpan(jump, 6) })).toBe('▁▁▁▅██');
  });

  it('takes a quarter of the largest magnitude in the window as the least span', () => {
    expect(relativeSpan([1000, 100, 200], 2)).toBe(50);
    expect(relativeSpan([-8, 4], 5)).toBe(2);
    expect(relativeSpan([null, Number.NaN], 5)).toBe(0);
  });

  it('keeps the latest values when given a width', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 3)).toBe('▁▅█');
    expect(sparkline([1, 2], 10)).toBe('▁█');
    expect(sparkline([1, 2, 3], 0)).toBe('');
  });

  it('scales to a fixed range when given one, clamping values outside it', () => {
    expect(sparkline([0, 50, 100], undefined, { min: 0, max: 100 })).toBe('▁▅█');
    expect(sparkline([90, 95], undefined, { min: 0, max: 100 })).toBe('▇█');
    expect(sparkline([-10, 200], undefined, { min: 0, max: 100 })).toBe('▁█');
  });

  it('always draws one character per shown value, from the bar set or a space', () => {
    fc.assert(fc.property(
      fc.array(fc.option(fc.double(), { nil: null }), { maxLength: 50 }),
      fc.option(fc.nat(60), { nil: undefined }),
      (values, width) => {
        const s = sparkline(values, width);
        expect([...s]).toHaveLength(width === undefined ? values.length : Math.min(width, values.length));
        expect(s).toMatch(/^[▁▂▃▄▅▆▇█ ]*$/u);
      },
    ));
  });
});
