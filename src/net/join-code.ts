/** The join code people type to enter a team drill, and the limit on wrong codes from one address. */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: letters and digits that sound or look alike when read out in a room.
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

/** A fresh random join code: three groups of four from an unambiguous alphabet, e.g. "K7QD-MXA3-TR9F". */
export function newJoinCode(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

// People read codes aloud and type them by hand: case, spaces and dashes are not part of what they mean.
const canonical = (code: string): string => code.normalize('NFKC').replace(/[\s-]+/g, '').toUpperCase();
const digest = (code: string): Buffer => createHash('sha256').update(canonical(code), 'utf8').digest();

/** Whether a typed code is the join code, in time that does not depend on where they differ (both hashed first, so not on length either). */
export function codesMatch(typed: string, code: string): boolean {
  return timingSafeEqual(digest(typed), digest(code));
}

/** How many wrong attempts an address may make in how long before it is refused. */
export interface FailureLimits {
  readonly maxFailures: number;
  readonly windowMs: number;
  /** Addresses remembered at most; the oldest are forgotten first, so a flood of addresses cannot grow memory without end. */
  readonly maxAddresses: number;
}

/** The defaults: five wrong attempts in ten minutes. */
export const DEFAULT_FAILURE_LIMITS: FailureLimits = { maxFailures: 5, windowMs: 10 * 60_000, maxAddresses: 10_000 };

/** Counts failed attempts per remote address in a sliding window; an address with too many is refused until the oldest of them ages out. */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number, private readonly limits: FailureLimits = DEFAULT_FAILURE_LIMITS) {}

  /** Records one failed attempt from `address`. */
  fail(address: string): void {
    const recent = this.recent(address);
    recent.push(this.now());
    // Re-inserted so the map's order is oldest-activity first for the cap below.
    this.failures.delete(address);
    this.failures.set(address, recent.slice(-this.limits.maxFailures));
    while (this.failures.size > this.limits.maxAddresses) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  /** Milliseconds until `address` may try again: 0 when it may now. */
  refusedForMs(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.limits.maxFailures) return 0;
    const oldest = recent[recent.length - this.limits.maxFailures] ?? this.now();
    return Math.max(0, oldest + this.limits.windowMs - this.now());
  }

  /** How many addresses are remembered now (for tests and stats). */
  get size(): number {
    return this.failures.size;
  }

  /** The failures of `address` still inside the window; forgets the address when none are. */
  private recent(address: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const kept = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(address);
    else this.failures.set(address, kept);
    return kept;
  }
}

/** The message for a refused address: "too many wrong codes from this address; try again in 7 minutes". */
export function refusedMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `too many wrong codes from this address; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
