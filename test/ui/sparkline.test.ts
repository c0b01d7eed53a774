import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/ui/sparkline';

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
