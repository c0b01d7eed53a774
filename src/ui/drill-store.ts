/** The UI's view of a running drill: channel lines, the viewer's view and screen state, with change notification. */
import { stripControl } from '../engine/sanitize';
import type { DrillClient } from '../engine/view/drill-client';
import type { DrillView } from '../engine/view/drill-view';
import type { SeenEvent } from '../engine/view/visibility';
import type { Scorecard } from '../scoring/types';
import { channelLine, type ChannelLine } from './channel';

export type Screen = 'drill' | 'confirm-quit' | 'confirm-end' | 'ended';

/** A line for one person's hint row: advice (a hint) or a refusal of what they typed (an error). */
export interface Notice {
  readonly text: string;
  readonly tone: 'hint' | 'error';
}

const MAX_LINES = 2000;

/** How often, at most, the clock of a team drill's screens redraws between events (in real milliseconds). */
export const REMOTE_TICK_MS = 1000;

export class DrillStore {
  /**
   * Stores waiting to tell their screens about a change, drawn one per turn of the event loop: a team host's twenty
   * screens hearing one chat line would otherwise all redraw in one turn (tens of ms), and a key typed meanwhile
   * would wait for all of them before its echo. Between two screens the loop reads the network.
   */
  private static readonly waiting: DrillStore[] = [];
  private static draining = false;

  private static drainOne(): void {
    const next = DrillStore.waiting.shift();
    if (DrillStore.waiting.length) setImmediate(DrillStore.drainOne);
    else DrillStore.draining = false;
    next?.notify();
  }

  private version = 0;
  /** Drill seconds the ticker has shown: a tick refreshes the view (the clock, countdowns, dashboards) but not the channel. */
  private ticks = 0;
  private listeners = new Set<() => void>();
  private readonly clockListeners = new Set<() => void>();
  private cached?: { version: number; ticks: number; view: DrillView };
  private pending = false;
  private readonly unsubscribe: () => void;
  readonly lines: ChannelLine[] = [];
  /** The events the local players have seen so far, for the panels. */
  readonly events: SeenEvent[] = [];
  /** Each person's latest private hint or error (cmd.hint, cmd.error, or a notice from the UI itself) until they type. */
  private readonly hints = new Map<string, Notice>();
  screen: Screen = 'drill';
  scorecard?: Scorecard;
  runDir?: string;

  /** v2's story clock (the channel stamps lines with the story's time of day), read once: it never changes. */
  private readonly clockMs: number | undefined;

  constructor(readonly client: DrillClient) {
    this.clockMs = client.view().scenario.clockMs;
    for (const e of client.eventsSince(0)) this.take(e);
    this.unsubscribe = client.subscribe((e) => {
      this.take(e);
      this.changed();
    });
  }

  /** Stops hearing the drill (a screen that closed): nothing of this store stays attached to the session. */
  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
    this.clockListeners.clear();
  }

  private take(e: SeenEvent): void {
    this.events.push(e);
    if (e.type === 'cmd.hint') this.hints.set(e.actor, { text: stripControl(e.data.message), tone: 'hint' });
    // A refusal of what someone at this terminal typed goes to their hint row, never the channel, where it read as
    // their own chat. The journal keeps it as it was; a facilitator's console (no players) still shows it in the channel.
    if (e.type === 'cmd.error' && this.client.players.includes(e.actor)) {
      this.hints.set(e.actor, { text: stripControl(`${e.data.message}${e.data.suggestion ? ` — ${e.data.suggestion}` : ''}`), tone: 'error' });
      return;
    }
    const line = channelLine(e, this.clockMs);
    if (line) {
      this.lines.push(line);
      if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
    }
  }

  /** The local humans at this terminal. */
  get speakers(): readonly string[] {
    return this.client.players;
  }

  /** Who is typing now (hot-seat switches between the local humans). */
  get speaker(): string {
    return this.client.viewer;
  }

  /**
   * The role to show for a local player: their journal role, except that the IC on call who has not
   * taken command yet sees the IC's view (they are about to need it).
   */
  displayRole(name: string): string {
    const view = this.view();
    const me = view.people.find((p) => p.name === name);
    if (!me) return 'facilitator';
    if (me.role === 'responder' && me.seat === 'ic' && !this.events.some((e) => e.type === 'role.claim' && e.actor === name)) return 'ic';
    return me.role;
  }

  /** The current viewer's view, rebuilt at most once per change or clock tick. */
  view(): DrillView {
    if (this.cached?.version !== this.version || this.cached.ticks !== this.ticks) this.cached = { version: this.version, ticks: this.ticks, view: this.client.view() };
    return this.cached.view;
  }

  /** Hears each drill second the ticker shows (only what shows the time needs to redraw); returns an unsubscribe function. */
  subscribeClock = (fn: () => void): (() => void) => {
    this.clockListeners.add(fn);
    return () => this.clockListeners.delete(fn);
  };

  /**
   * Drill time in whole seconds, read from the clock once per turn of the event loop. React asks for it several
   * times in one render and commit; a fast drill's clock moving in between would make it render again and again.
   */
  getSeconds = (): number => {
    if (!this.secondsRead) {
      this.secondsRead = true;
      this.seconds = this.clockNow();
      queueMicrotask(() => (this.secondsRead = false));
    }
    return this.seconds;
  };

  private seconds = 0;
  private secondsRead = false;

  private clockNow(): number {
    return Math.floor(this.client.now() / 1000);
  }

  getVersion = (): number => this.version;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** Marks the store changed; listeners hear about a burst of events once, on a later turn of the event loop. */
  changed(): void {
    this.version++;
    if (this.pending) return;
    this.pending = true;
    DrillStore.waiting.push(this);
    if (!DrillStore.draining) {
      DrillStore.draining = true;
      setImmediate(DrillStore.drainOne);
    }
  }

  private notify(): void {
    this.pending = false;
    for (const l of [...this.listeners]) l();
  }

  /**
   * Tells the clock's listeners once whenever the displayed drill second changes. One timer for the whole screen
   * keeps a clock tick to the parts that show time (the header, countdowns, dashboards): the channel and the rest
   * of the screen are not drawn again, which matters when one host draws twenty screens. `minGapMs` spaces the
   * ticks out in real time (a remote screen need not show every second of a fast drill). Returns what stops it.
   */
  startTicker(everyMs = 100, minGapMs = 0): () => void {
    let last = this.clockNow();
    let lastAt = 0;
    const id = setInterval(() => {
      const s = this.clockNow();
      if (s === last) return;
      // A screen served over the network redraws its clock at most every minGapMs: at 4x, once a second, not four times.
      const at = performance.now();
      if (at - lastAt < minGapMs) return;
      lastAt = at;
      last = s;
      this.ticks++;
      for (const l of [...this.clockListeners]) l();
    }, everyMs);
    return () => clearInterval(id);
  }

  /** Sends a line typed by the current speaker; their old hint goes, and any hint about this line follows. */
  send(text: string): void {
    this.hints.delete(this.speaker);
    this.client.send(text);
    this.changed();
  }

  /** The notice waiting for a person, with whether it is a hint or an error. */
  noticeFor(name: string): Notice | undefined {
    return this.hints.get(name);
  }

  /** Shows a person a notice on their hint line, as the engine's hints are shown (nothing is journalled). */
  tell(name: string, message: string, tone: Notice['tone'] = 'hint'): void {
    this.hints.set(name, { text: stripControl(message), tone });
    this.changed();
  }

  /** Drops a person's hint once they have read it (they typed). */
  dismissHint(name: string): void {
    if (this.hints.delete(name)) this.changed();
  }

  /** Who Ctrl+N hands the keyboard to next, in hot-seat; undefined with one local human. */
  get nextSpeakerName(): string | undefined {
    const all = this.speakers;
    return all.length < 2 ? undefined : all[(all.indexOf(this.speaker) + 1) % all.length];
  }

  /** Hands the keyboard to the next local human (hot-seat). */
  nextSpeaker(): void {
    const next = this.nextSpeakerName;
    if (next === undefined) return;
    this.client.setViewer(next);
    this.changed();
  }

  /** Switches between the drill, its confirmations and the scorecard. */
  setScreen(screen: Screen): void {
    this.screen = screen;
    this.changed();
  }

  /** Pauses a running drill clock, or resumes a paused one. */
  togglePause(): void {
    this.client.control({ kind: this.client.paused ? 'resume' : 'pause' });
    this.changed();
  }

  /** Multiplies the speed by a factor, within 0.25x and 512x. */
  scaleSpeed(factor: number): void {
    this.client.control({ kind: 'speed', speed: Math.min(512, Math.max(0.25, this.client.speed * factor)) });
    this.changed();
  }

  /** Shows the scorecard screen once the drill has ended and been scored. */
  finish(card: Scorecard, runDir: string): void {
    this.scorecard = card;
    this.runDir = runDir;
    this.setScreen('ended');
  }
}
