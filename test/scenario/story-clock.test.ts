// v2's story clock: parsing "HH:MM" and stamping drill time as the story's time of day.
import { describe, expect, it } from 'vitest';
import { CLOCK_PATTERN, parseStoryClock, stampAt, storyTime } from '../../src/scenario/story-clock';

describe('the story clock', () => {
  it('reads HH:MM on the 24-hour clock, and nothing else', () => {
    expect(parseStoryClock('09:40')).toBe((9 * 60 + 40) * 60_000);
    expect(parseStoryClock('00:00')).toBe(0);
    expect(parseStoryClock('23:59')).toBe((23 * 60 + 59) * 60_000);
    for (const bad of ['9:40', '24:00', '12:60', '09:40:00', '0940', ' 09:40', '12pm', '']) expect(parseStoryClock(bad), bad).toBeUndefined();
    const re = new RegExp(CLOCK_PATTERN);
    for (const s of ['09:40', '23:59', '24:00', '9:40', '12:5']) expect(re.test(s), s).toBe(parseStoryClock(s) !== undefined);
  });

  it('stamps drill time as the time of day in the story, wrapping at midnight', () => {
    const start = parseStoryClock('09:40')!;
    expect(storyTime(0, start)).toBe('09:40:00');
    expect(storyTime(5 * 60_000 + 12_345, start)).toBe('09:45:12');
    expect(storyTime(2 * 3_600_000, start)).toBe('11:40:00');
    expect(storyTime(30 * 60_000, parseStoryClock('23:50')!)).toBe('00:20:00');
  });

  it('without a story clock stamps drill time as v1 always has', () => {
    expect(stampAt(5 * 60_000 + 12_000, undefined)).toBe('05:12');
    expect(stampAt(5 * 60_000 + 12_000, parseStoryClock('09:40'))).toBe('09:45:12');
  });
});
