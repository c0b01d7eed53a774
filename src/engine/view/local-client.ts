/** A client in the same process as the session: `run` uses it, hot-seat is one that switches viewer, and a host gives one to each person. */
import type { DrillEvent } from '../events';
import type { DrillSession } from '../session';
import type { ClientControl, DrillClient } from './drill-client';
import { viewFor, type DrillView } from './drill-view';
import { canSee, FACILITATOR, player, seenBy, type SeenEvent, type Viewer } from './visibility';

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
  /** An ad-hoc inject spoken by a named character; time catches up first, as for input. */
  say(speaker: string, text: string): void;
}

/** v2: the session's upcoming injects for the view, when it has its own list (nothing for v1). */
function upcomingOf(s: DrillSession): { upcoming?: readonly { readonly index: number; readonly atMs: number }[] } {
  const upcoming = s.upcomingInjects();
  return upcoming ? { upcoming } : {};
}

export interface LocalClientOptions {
  /** Whose drill this client shows: its players' (default), or the facilitator's, with the hidden truth and every event. */
  readonly viewer?: 'players' | 'facilitator';
  /** Whether control() acts (default true); false for a remote participant, since facilitator controls belong to the host console. */
  readonly controls?: boolean;
}

export class LocalClient implements DrillClient {
  private current: string;
  private readonly facilitator: boolean;
  private readonly controls: boolean;

  /** `events` is the drill's journal so far, kept by whoever set the drill up (it grows as the drill runs). */
  constructor(
    private readonly session: DrillSession,
    private readonly driver: ClockDriver,
    readonly players: readonly string[],
    private readonly events: readonly DrillEvent[],
    options: LocalClientOptions = {},
  ) {
    this.facilitator = options.viewer === 'facilitator';
    this.controls = options.controls ?? true;
    this.current = this.facilitator ? 'facilitator' : players[0] ?? '';
  }

  get viewer(): string {
    return this.current;
  }

  setViewer(name: string): void {
    if (!this.facilitator && this.players.includes(name)) this.current = name;
  }

  private get whom(): Viewer {
    return this.facilitator ? FACILITATOR : player(this.current);
  }

  view(): DrillView {
    const s = this.session;
    return viewFor(s.state, this.whom, { scenario: s.scenario, now: this.driver.drillNow(), metrics: s.dashboards(), events: this.events, nextInject: s.injectsFired, ...upcomingOf(s) });
  }

  /** Seen by any local player: on one shared screen, each sees the others' private lines too. The facilitator sees every event. */
  private seen(e: DrillEvent): SeenEvent | undefined {
    if (this.facilitator) return seenBy(e, FACILITATOR);
    const who = this.players.find((p) => canSee(e, player(p)));
    return who === undefined ? undefined : seenBy(e, player(who));
  }

  eventsSince(seq: number): SeenEvent[] {
    return this.events.filter((e) => e.seq > seq).flatMap((e) => this.seen(e) ?? []);
  }

  /** The client's only hold on the session: the listener this returns the removal of. */
  subscribe(fn: (e: SeenEvent) => void): () => void {
    return this.session.onEvent((e) => {
      const seen = this.seen(e);
      if (seen) fn(seen);
    });
  }

  /** Throws for the facilitator's client: the facilitator is no participant, and speaks only through control({ kind: 'say' }). */
  send(text: string): void {
    if (this.facilitator) throw new Error('the facilitator does not type into the drill; use control({ kind: "say", speaker, text })');
    this.driver.input(this.current, text);
  }

  control(c: ClientControl): void {
    if (!this.controls) return;
    if (c.kind === 'pause') this.driver.pause();
    else if (c.kind === 'resume') this.driver.resume();
    else if (c.kind === 'speed') this.driver.setSpeed(c.speed);
    else if (c.kind === 'inject-now') this.driver.injectNow();
    else if (c.kind === 'say') this.driver.say(c.speaker, c.text);
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
