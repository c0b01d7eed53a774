// Drives the whole terminal app on simulated drill time, modelled on gemini-cli's AppRig: build a session
// for a scenario, render <App> at a fixed size, then type, press keys and advance the clock.
import type { CastRequest, BotPolicyName } from '../../src/engine/cast';
import type { JournalEvent, MemoryJournal } from '../../src/engine/journal';
import type { DrillSession } from '../../src/engine/session';
import type { Scenario } from '../../src/scenario/types';
import { App } from '../../src/ui/components/App';
import { LocalClient, type ClockDriver } from '../../src/engine/view/local-client';
import { DrillStore } from '../../src/ui/drill-store';
import { MAX_HINT_ROWS } from '../../src/ui/layout';
import { createTheme, type Theme } from '../../src/ui/theme';
import { drill, starter } from './drill';
import { ENTER, render, settle, type Rendered } from './render';

/** A clock driver on the session's own scheduler: time moves only when a test calls advance(). */
export class SimClock implements ClockDriver {
  paused = false;
  speed = 1;
  aborts = 0;
  constructor(private readonly session: DrillSession) {}
  drillNow(): number {
    return this.session.scheduler.now();
  }
  pause(): void {
    this.paused = true;
    this.session.control({ kind: 'pause' });
  }
  resume(): void {
    this.paused = false;
    this.session.control({ kind: 'resume' });
  }
  setSpeed(x: number): void {
    this.speed = x;
    this.session.control({ kind: 'speed', speed: x });
  }
  injectNow(): void {
    this.session.control({ kind: 'inject-now' });
  }
  abort(): void {
    this.aborts++;
    this.session.control({ kind: 'end' });
  }
  input(actor: string, text: string): void {
    this.session.dispatch(actor, text);
  }
  say(speaker: string, text: string): void {
    this.session.control({ kind: 'say', speaker, text });
  }
  /** Moves drill time forward by ms, firing everything due on the way. */
  advance(ms: number): void {
    this.session.advanceTo(this.session.scheduler.now() + ms);
  }
}

/**
 * Where the prompt row is: above the footer and one to MAX_HINT_ROWS hint rows. Searched from the top of that
 * window, since a wrapped hint's later rows may start with anything, and body rows start with a time or a space.
 */
function promptIndex(lines: readonly string[], speaker: string): number {
  for (let i = Math.max(0, lines.length - 2 - MAX_HINT_ROWS); i <= lines.length - 3; i++) if (lines[i]?.startsWith(`${speaker} (`)) return i;
  return lines.length - 3;
}

/** How the cue row starts (CommandLine pads it by a space). */
const CUE_START = ' Now speaking: ';

export interface DrillSetup {
  readonly scenario?: Scenario;
  /** Local humans; the first is the first speaker. Default: alice as IC. */
  readonly humans?: CastRequest[];
  readonly bots?: BotPolicyName | 'none';
  readonly seed?: string;
  /** Start the drill (emits drill.start) once the store listens. Default true. */
  readonly start?: boolean;
}

/** A session, its simulated clock and a store listening to it, without any rendering. */
export function createDrill(setup: DrillSetup = {}) {
  const humans = setup.humans ?? [{ name: 'alice', role: 'ic' }];
  const d = drill(setup.scenario ?? starter(), { humans, bots: setup.bots ?? 'none', seed: setup.seed ?? '1' });
  const clock = new SimClock(d.session);
  const store = new DrillStore(new LocalClient(d.session, clock, humans.map((h) => h.name), d.journal.events));
  if (setup.start ?? true) d.session.start();
  return { ...d, clock, store };
}

export interface RigOptions extends DrillSetup {
  readonly columns?: number;
  readonly rows?: number;
  readonly theme?: Theme;
  /** No bell for pages (`run --quiet`). */
  readonly quiet?: boolean;
}

export class DrillRig {
  /** How many times the App asked to abort (Ctrl+C confirmed, or the facilitator's end). */
  aborted = 0;
  /** How many times the App asked to leave (after the scorecard). */
  exited = 0;

  private constructor(
    readonly session: DrillSession,
    readonly journal: MemoryJournal,
    readonly clock: SimClock,
    readonly store: DrillStore,
    readonly ui: Rendered,
  ) {}

  static async start(opts: RigOptions = {}): Promise<DrillRig> {
    const { session, journal, clock, store } = createDrill(opts);
    let rig: DrillRig | undefined;
    const onAbort = (): void => {
      if (rig) rig.aborted++;
      clock.abort();
    };
    const onExit = (): void => {
      if (rig) rig.exited++;
    };
    const ui = await render(<App store={store} theme={opts.theme ?? createTheme(false)} onAbort={onAbort} onExit={onExit} quiet={opts.quiet ?? false} />, {
      columns: opts.columns ?? 100,
      rows: opts.rows ?? 30,
    });
    rig = new DrillRig(session, journal, clock, store, ui);
    return rig;
  }

  /** The journal so far. */
  get events(): readonly JournalEvent[] {
    return this.journal.events;
  }

  /** Presses each character as its own keypress, then Enter if asked. */
  async type(text: string, opts: { enter?: boolean } = {}): Promise<void> {
    // Ink handles a keypress synchronously; one round is enough between characters, a full settle at the end.
    for (const ch of text) {
      this.ui.stdin.write(ch);
      await settle(1);
    }
    await (opts.enter ? this.ui.press(ENTER) : settle());
  }

  press(...keys: string[]): Promise<void> {
    return this.ui.pressAll(...keys);
  }

  /** Advances drill time by ms and lets the store's notifications render. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    // The live app's ticker re-renders when the drill second changes; the rig does it after every advance.
    this.store.changed();
    await settle();
  }

  /** How many times the app rang the terminal bell. */
  bells(): number {
    return this.ui.stdout.writes.join('').split('\x07').length - 1;
  }

  /** The current frame, ANSI stripped. */
  frame(): string {
    return this.ui.lastFrame();
  }

  waitForFrame(pred: (frame: string) => boolean, timeoutMs?: number): Promise<string> {
    return this.ui.waitForFrame(pred, timeoutMs);
  }

  /** Waits for a frame containing text. */
  waitForText(text: string, timeoutMs?: number): Promise<string> {
    return this.ui.waitForFrame((f) => f.includes(text), timeoutMs);
  }

  /** The command line row (the prompt and what is typed). */
  promptLine(): string {
    const lines = this.ui.lines();
    return lines[promptIndex(lines, this.store.speaker)] ?? '';
  }

  /** The hint under the command line: its one row, or a wrapped private hint's rows joined by spaces (not the cue above them). */
  hintLine(): string {
    return this.hintRows().join(' ');
  }

  /** The hint rows under the command line, as drawn, without the "Now speaking" cue that Ctrl+N puts above them for a moment. */
  hintRows(): string[] {
    const lines = this.ui.lines();
    const rows = lines.slice(promptIndex(lines, this.store.speaker) + 1, -1);
    return rows[0]?.startsWith(CUE_START) ? rows.slice(1) : rows;
  }

  /** The cue row under the command line ("Now speaking: bob (scribe)"), or undefined when none shows. */
  cueLine(): string | undefined {
    const lines = this.ui.lines();
    const row = lines[promptIndex(lines, this.store.speaker) + 1];
    return row?.startsWith(CUE_START) ? row.trim() : undefined;
  }

  unmount(): void {
    this.ui.unmount();
  }
}
