/** The UI's view of a running drill: channel lines, snapshot, speakers and screen state, with change notification. */
import type { JournalEvent } from '../engine/journal';
import type { RealTimeDriver } from '../engine/real-time-driver';
import type { DrillSession } from '../engine/session';
import type { DrillSnapshot } from '../engine/snapshot';
import { stripControl } from '../engine/sanitize';
import type { Scorecard } from '../scoring/types';
import { channelLine, type ChannelLine } from './channel';

export type Screen = 'drill' | 'confirm-quit' | 'confirm-end' | 'ended';

/** How the UI moves drill time: the real-time driver in a live drill, a test rig in tests. */
export interface DrillClock {
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

/** Adapts the real-time driver to the clock the UI expects. */
export function driverClock(driver: RealTimeDriver): DrillClock {
  return {
    drillNow: () => driver.drillNow(),
    get paused() { return driver.paused; },
    get speed() { return driver.speed; },
    pause: () => driver.pause(),
    resume: () => driver.resume(),
    setSpeed: (x) => driver.setSpeed(x),
    injectNow: () => driver.injectNow(),
    abort: () => driver.abort(),
    input: (a, t) => driver.input(a, t),
  };
}

const MAX_LINES = 2000;

export class DrillStore {
  private version = 0;
  private listeners = new Set<() => void>();
  private cached?: { version: number; snap: DrillSnapshot };
  private pending = false;
  readonly lines: ChannelLine[] = [];
  /** Key events of the journal so far, for the scribe panel. */
  readonly events: JournalEvent[] = [];
  /** Each person's latest private hint (cmd.hint, or a notice from the UI itself) until they type. */
  private readonly hints = new Map<string, string>();
  speakerIndex = 0;
  screen: Screen = 'drill';
  scorecard?: Scorecard;
  runDir?: string;

  constructor(readonly session: DrillSession, readonly clock: DrillClock, readonly speakers: readonly string[]) {
    session.onEvent((e) => {
      this.events.push(e);
      if (e.type === 'cmd.hint') this.hints.set(e.actor, stripControl(String(e.data.message ?? '')));
      const line = channelLine(e);
      if (line) {
        this.lines.push(line);
        if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
      }
      this.changed();
    });
  }

  /** Who is typing now (hot-seat switches between the local humans). */
  get speaker(): string {
    return this.speakers[this.speakerIndex] ?? this.speakers[0] ?? '';
  }

  /**
   * The role to show for a local player: their journal role, except that the IC on call who has not
   * taken command yet sees the IC's view (they are about to need it).
   */
  displayRole(name: string): string {
    const role = this.session.roleOf(name);
    const seat = this.session.people.get(name)?.info.seat;
    if (role === 'responder' && seat === 'ic' && !this.events.some((e) => e.type === 'role.claim' && e.actor === name)) return 'ic';
    return role;
  }

  /** The drill's snapshot, rebuilt at most once per change. */
  snapshot(): DrillSnapshot {
    if (this.cached?.version !== this.version) this.cached = { version: this.version, snap: this.session.snapshot() };
    return this.cached.snap;
  }

  getVersion = (): number => this.version;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** Marks the store changed; listeners hear about a burst of events once. */
  changed(): void {
    this.version++;
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      for (const l of [...this.listeners]) l();
    });
  }

  /**
   * Re-renders once whenever the displayed drill second changes. One timer for the whole screen keeps a
   * clock tick to a single render (and a few bytes of output). Returns a function that stops it.
   */
  startTicker(everyMs = 100): () => void {
    let last = Math.floor(this.clock.drillNow() / 1000);
    const id = setInterval(() => {
      const s = Math.floor(this.clock.drillNow() / 1000);
      if (s !== last) {
        last = s;
        this.changed();
      }
    }, everyMs);
    return () => clearInterval(id);
  }

  /** Sends a line typed by the current speaker; their old hint goes, and any hint about this line follows. */
  send(text: string): void {
    this.hints.delete(this.speaker);
    this.clock.input(this.speaker, text);
    this.changed();
  }

  /** The private hint waiting for a person, if any. */
  hintFor(name: string): string | undefined {
    return this.hints.get(name);
  }

  /** Shows a person a notice on their hint line, as the engine's hints are shown (nothing is journalled). */
  tell(name: string, message: string): void {
    this.hints.set(name, stripControl(message));
    this.changed();
  }

  /** Drops a person's hint once they have read it (they typed). */
  dismissHint(name: string): void {
    if (this.hints.delete(name)) this.changed();
  }

  /** Hands the keyboard to the next local human (hot-seat). */
  nextSpeaker(): void {
    if (this.speakers.length < 2) return;
    this.speakerIndex = (this.speakerIndex + 1) % this.speakers.length;
    this.changed();
  }

  /** Switches between the drill, its confirmations and the scorecard. */
  setScreen(screen: Screen): void {
    this.screen = screen;
    this.changed();
  }

  /** Pauses a running drill clock, or resumes a paused one. */
  togglePause(): void {
    if (this.clock.paused) this.clock.resume();
    else this.clock.pause();
    this.changed();
  }

  /** Multiplies the speed by a factor, within 0.25x and 512x. */
  scaleSpeed(factor: number): void {
    this.clock.setSpeed(Math.min(512, Math.max(0.25, this.clock.speed * factor)));
    this.changed();
  }

  /** Shows the scorecard screen once the drill has ended and been scored. */
  finish(card: Scorecard, runDir: string): void {
    this.scorecard = card;
    this.runDir = runDir;
    this.setScreen('ended');
  }
}
