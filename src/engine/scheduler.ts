/** The drill's one source of time: a deterministic timer queue that drivers advance. */

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void;
}

/**
 * A clock that only moves when told to. Timers due at the same time run in the order they were set,
 * so a drill replays identically. It satisfies XState's Clock interface.
 */
export class Scheduler {
  private t = 0;
  private nextId = 1;
  private queue: Timer[] = [];

  /** Drill time in milliseconds since the start. */
  now(): number {
    return this.t;
  }

  /** Runs fn once drill time reaches now + ms. */
  setTimeout(fn: () => void, ms: number): number {
    const timer = { id: this.nextId++, at: this.t + Math.max(0, ms), fn };
    // Binary insert after every timer due at or before this one keeps same-time timers in FIFO order.
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.queue[mid]!.at <= timer.at) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, timer);
    return timer.id;
  }

  /** Cancels a timer; unknown ids are ignored. */
  clearTimeout(id: unknown): void {
    const i = this.queue.findIndex((t) => t.id === id);
    if (i >= 0) this.queue.splice(i, 1);
  }

  /** When the next timer is due, or undefined when none is set. */
  nextDeadline(): number | undefined {
    return this.queue[0]?.at;
  }

  /** Moves time forward to `until`, running each due timer at its own deadline, in order. */
  advanceTo(until: number): void {
    if (until < this.t) throw new Error(`cannot move drill time back from ${this.t} to ${until}`);
    for (;;) {
      const next = this.queue[0];
      if (!next || next.at > until) break;
      this.queue.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = until;
  }
}
