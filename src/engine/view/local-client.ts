/** A client in the same process as the session: `run` uses it, and hot-seat is one that switches viewer. */
import type { DrillEvent } from '../events';
import type { DrillSession } from '../session';
import type { ClientControl, DrillClient } from './drill-client';
import { viewFor, type DrillView } from './drill-view';
import { canSee, player, seenBy, type SeenEvent } from './visibility';

/** How a local client moves the drill: the real-time driver in a live drill, a simulated clock in tests. */
export interface ClockDriver {
  drillNow(): number;
  readonly paused: boolean;
  readonly speed: number;
  pause(): void;
  resume(): void;
  setSpeed(x: number): void;
  injectNow(): void;
  abort(): void;
  input(actor: string, text: string): void;
}

export class LocalClient implements DrillClient {
  private current: string;

  /** `events` is the drill's journal so far, kept by whoever set the drill up (it grows as the drill runs). */
  constructor(
    private readonly session: DrillSession,
    private readonly driver: ClockDriver,
    readonly players: readonly string[],
    private readonly events: readonly DrillEvent[],
  ) {
    this.current = players[0] ?? '';
  }

  get viewer(): string {
    return this.current;
  }

  setViewer(name: string): void {
    if (this.players.includes(name)) this.current = name;
  }

  view(): DrillView {
    const s = this.session;
    return viewFor(s.state, player(this.current), { scenario: s.scenario, now: this.driver.drillNow(), metrics: s.dashboards(), events: this.events, nextInject: s.injectsFired });
  }

  /** Seen by any local player: on one shared screen, each sees the others' private lines too. */
  private seen(e: DrillEvent): SeenEvent | undefined {
    const who = this.players.find((p) => canSee(e, player(p)));
    return who === undefined ? undefined : seenBy(e, player(who));
  }

  eventsSince(seq: number): SeenEvent[] {
    return this.events.filter((e) => e.seq > seq).flatMap((e) => this.seen(e) ?? []);
  }

  subscribe(fn: (e: SeenEvent) => void): () => void {
    return this.session.onEvent((e) => {
      const seen = this.seen(e);
      if (seen) fn(seen);
    });
  }

  send(text: string): void {
    this.driver.input(this.current, text);
  }

  control(c: ClientControl): void {
    if (c.kind === 'pause') this.driver.pause();
    else if (c.kind === 'resume') this.driver.resume();
    else if (c.kind === 'speed') this.driver.setSpeed(c.speed);
    else if (c.kind === 'inject-now') this.driver.injectNow();
    else this.driver.abort();
  }

  now(): number {
    return this.driver.drillNow();
  }

  get paused(): boolean {
    return this.driver.paused;
  }

  get speed(): number {
    return this.driver.speed;
  }
}
