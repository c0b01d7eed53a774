import { describe, expect, it } from 'vitest';
import { InputLimiter } from '../../src/net/input-limiter';

describe('InputLimiter', () => {
  it('lets an 8 KiB burst through, then 2 KiB a second, dropping the excess', () => {
    let t = 0;
    const l = new InputLimiter(() => t);
    expect(l.take(Buffer.alloc(10_000)).length).toBe(8192);
    expect(l.take(Buffer.alloc(10)).length).toBe(0);
    t += 500;
    expect(l.take(Buffer.alloc(5000)).length).toBe(1024);
    t += 60_000;
    // The bucket never holds more than the burst, however long the pause.
    expect(l.take(Buffer.alloc(20_000)).length).toBe(8192);
    expect(l.dropped).toBe(10_000 - 8192 + 10 + 5000 - 1024 + 20_000 - 8192);
  });

  it('cuts before a UTF-8 character that does not fit whole', () => {
    const l = new InputLimiter(() => 0, { burstBytes: 4, bytesPerSecond: 0 });
    // "ab" then "✓" (3 bytes): only 2 of its bytes would fit.
    expect(l.take(Buffer.from('ab✓', 'utf8')).toString('utf8')).toBe('ab');
  });
});
