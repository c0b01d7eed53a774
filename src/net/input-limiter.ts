/** A token bucket on what one connection may type: a burst up to a cap, then a steady rate; the rest is dropped. */

/** The bucket's size and refill rate, in bytes. */
export interface InputLimits {
  readonly burstBytes: number;
  readonly bytesPerSecond: number;
}

/** The defaults: plenty for typing and pasting a line, far too little to flood the host. */
export const DEFAULT_INPUT_LIMITS: InputLimits = { burstBytes: 8 * 1024, bytesPerSecond: 2 * 1024 };

/** Lets input through while tokens last; excess bytes are dropped rather than queued, so a flood costs the host nothing later. */
export class InputLimiter {
  private tokens: number;
  private last: number;
  /** Bytes dropped so far (for tests and logs). */
  dropped = 0;

  constructor(private readonly now: () => number, private readonly limits: InputLimits = DEFAULT_INPUT_LIMITS) {
    this.tokens = limits.burstBytes;
    this.last = now();
  }

  /** The part of `data` allowed through now (cut back to a whole UTF-8 character), the tokens it used taken. */
  take(data: Buffer): Buffer {
    this.refill();
    let n = Math.min(data.length, Math.floor(this.tokens));
    if (n < data.length) n = utf8Boundary(data, n);
    this.tokens -= n;
    this.dropped += data.length - n;
    return n === data.length ? data : data.subarray(0, n);
  }

  private refill(): void {
    const t = this.now();
    const elapsed = Math.max(0, t - this.last);
    this.last = t;
    this.tokens = Math.min(this.limits.burstBytes, this.tokens + (elapsed * this.limits.bytesPerSecond) / 1000);
  }
}

/** The largest cut at or before `n` that does not split a UTF-8 sequence. */
function utf8Boundary(data: Buffer, n: number): number {
  let i = n;
  // Step back over continuation bytes (10xxxxxx) to the lead byte; cut before it if its sequence does not fit.
  while (i > 0 && i > n - 4 && ((data[i] ?? 0) & 0xc0) === 0x80) i--;
  return i;
}
