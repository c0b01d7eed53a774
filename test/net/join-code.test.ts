import { describe, expect, it } from 'vitest';
import { codesMatch, FailureLimiter, newJoinCode, refusedMessage } from '../../src/net/join-code';

describe('newJoinCode', () => {
  it('is three groups of four from an alphabet without look-alikes, and differs each time', () => {
    const codes = Array.from({ length: 200 }, () => newJoinCode());
    for (const c of codes) expect(c).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{4}(-[ACDEFGHJKMNPQRTUVWXY34679]{4}){2}$/);
    expect(new Set(codes).size).toBe(200);
  });
});

describe('codesMatch', () => {
  it('matches the code typed with other case, spaces or without dashes, and nothing else', () => {
    expect(codesMatch('K7QD-MXA3-TR9F', 'K7QD-MXA3-TR9F')).toBe(true);
    expect(codesMatch('k7qd mxa3 tr9f', 'K7QD-MXA3-TR9F')).toBe(true);
    expect(codesMatch('K7QDMXA3TR9F', 'K7QD-MXA3-TR9F')).toBe(true);
    expect(codesMatch('K7QD-MXA3-TR9E', 'K7QD-MXA3-TR9F')).toBe(false);
    expect(codesMatch('K7QD-MXA3', 'K7QD-MXA3-TR9F')).toBe(false);
    expect(codesMatch('', 'K7QD-MXA3-TR9F')).toBe(false);
  });
});

describe('FailureLimiter', () => {
  const limits = { maxFailures: 5, windowMs: 10 * 60_000, maxAddresses: 3 };

  it('refuses an address after 5 failures in 10 minutes, for the rest of the window', () => {
    let t = 0;
    const l = new FailureLimiter(() => t, limits);
    for (let i = 0; i < 4; i++) {
      l.fail('10.0.0.1');
      t += 60_000;
    }
    expect(l.refusedForMs('10.0.0.1')).toBe(0);
    l.fail('10.0.0.1'); // the fifth, at 4 min
    expect(l.refusedForMs('10.0.0.1')).toBe(10 * 60_000 - 4 * 60_000);
    expect(l.refusedForMs('10.0.0.2')).toBe(0);
    t = 10 * 60_000 - 1;
    expect(l.refusedForMs('10.0.0.1')).toBe(1);
    // The first failure ages out: four remain in the window, so the address may try again.
    t = 10 * 60_000 + 1;
    expect(l.refusedForMs('10.0.0.1')).toBe(0);
  });

  it('does not refuse failures spread wider than the window', () => {
    let t = 0;
    const l = new FailureLimiter(() => t, limits);
    for (let i = 0; i < 10; i++) {
      l.fail('10.0.0.1');
      t += 3 * 60_000;
    }
    expect(l.refusedForMs('10.0.0.1')).toBe(0);
  });

  it('forgets addresses whose failures have aged out, and remembers at most maxAddresses', () => {
    let t = 0;
    const l = new FailureLimiter(() => t, limits);
    for (const a of ['a', 'b', 'c', 'd']) l.fail(a);
    expect(l.size).toBe(3);
    t += 11 * 60_000;
    for (const a of ['b', 'c', 'd']) l.refusedForMs(a);
    expect(l.size).toBe(0);
  });

  it('says how long to wait in whole minutes', () => {
    expect(refusedMessage(6 * 60_000 + 1)).toBe('too many wrong codes from this address; try again in 7 minutes');
    expect(refusedMessage(1000)).toBe('too many wrong codes from this address; try again in 1 minute');
  });
});
