/**
 * When format v2 injects come due: from the drill start (at:), or after an anchor (after: with since:), the first
 * time the world enters a phase or is mitigated. Each comes due once; what happens then is the session's call.
 * (v1 injects keep their own sequential timer in the session, so their journals stay as they were.)
 */
import type { Inject, Phase, Scenario } from '../scenario/types';
import type { Scheduler } from './scheduler';

interface Pending {
  readonly index: number;
  readonly atMs: number;
  readonly timer: unknown;
}

/** The v2 inject timers of one drill. */
export class InjectClock {
  private readonly pending: Pending[] = [];
  /** Injects whose anchor has come (their timer is set, or they came due). */
  private readonly anchored = new Set<number>();
  private dueCount = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly scheduler: Scheduler,
    /** The seeded shift of each inject's time (see variation.ts). */
    private readonly jitters: readonly number[],
    private readonly due: (index: number) => void,
  ) {}

  /** Sets the timers of injects timed from the drill start. */
  start(): void {
    this.scenario.injects.forEach((inj, i) => {
      if (!inj.anchor || inj.anchor.kind === 'start') this.arm(i, inj);
    });
  }

  /** The world entered a phase: injects anchored on it (or, for a mitigated phase, on mitigation) start counting. */
  phaseEntered(phase: Phase): void {
    this.scenario.injects.forEach((inj, i) => {
      const a = inj.anchor;
      if (!a || this.anchored.has(i)) return;
      if ((a.kind === 'phase' && a.phase === phase.id) || (a.kind === 'mitigation' && phase.mitigated)) this.arm(i, inj);
    });
  }

  private arm(index: number, inj: Inject): void {
    this.anchored.add(index);
    const now = this.scheduler.now();
    const from = !inj.anchor || inj.anchor.kind === 'start' ? 0 : now;
    const atMs = Math.max(now, from + inj.atMs + (this.jitters[index] ?? 0), 0);
    const timer = this.scheduler.setTimeout(() => this.comeDue(index), atMs - now);
    // Kept in due order (ties in the order set, as the scheduler runs them) for the facilitator's list.
    let at = this.pending.length;
    while (at > 0 && this.pending[at - 1]!.atMs > atMs) at--;
    this.pending.splice(at, 0, { index, atMs, timer });
  }

  private comeDue(index: number): void {
    const i = this.pending.findIndex((p) => p.index === index);
    if (i < 0) return;
    this.pending.splice(i, 1);
    this.dueCount++;
    this.due(index);
  }

  /** The facilitator fires the next inject now: the one due soonest. */
  fireNext(): void {
    const next = this.pending[0];
    if (!next) return;
    this.scheduler.clearTimeout(next.timer);
    this.comeDue(next.index);
  }

  /** Injects set to come due, soonest first. */
  upcoming(): readonly { readonly index: number; readonly atMs: number }[] {
    return this.pending.map(({ index, atMs }) => ({ index, atMs }));
  }

  /** How many injects have come due so far (happened or skipped). */
  get cameDue(): number {
    return this.dueCount;
  }

  /** Clears every timer (the drill ended). */
  stop(): void {
    for (const p of this.pending) this.scheduler.clearTimeout(p.timer);
    this.pending.length = 0;
  }
}
