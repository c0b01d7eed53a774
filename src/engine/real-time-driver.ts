/** Drives a session on real time scaled by a speed, with pause and resume (the TUI and `simulate --speed`). */
import type { Outcome, DrillSession } from './session';

/** The host's timers and monotonic time, injected so the engine never reads the system clock itself. */
export interface HostTime {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export class RealTimeDriver {
  private base = 0;
  private offset = 0;
  private handle: unknown;
  private resolveDone?: (o: Outcome) => void;
  paused = false;
  /** Resolves with the outcome when the drill ends. */
  readonly done: Promise<Outcome>;

  constructor(private readonly session: DrillSession, private readonly host: HostTime, public speed = 1, private readonly stepMs = 50) {
    this.done = new Promise((r) => (this.resolveDone = r));
  }

  /** Drill time now, from wall time since the last (re)base. */
  drillNow(): number {
    if (this.paused) return this.offset;
    return Math.min(this.offset + (this.host.now() - this.base) * this.speed, this.session.scenario.durationMs);
  }

  /**
   * Starts the drill and the time loop. With `resumed`, the session is already running (rebuilt from its journal by
   * resumeSession): drill time goes on from the session's own time, so the time the process was dead does not count.
   * With `paused`, the clock starts frozen (a real facilitator.pause, unless the journal already ended paused), so
   * people can come back before it moves; a resumed drill whose journal ended paused and is not asked to start paused
   * resumes (facilitator.resume).
   */
  start(opts: { readonly resumed?: boolean; readonly paused?: boolean } = {}): void {
    this.base = this.host.now();
    if (!opts.resumed) this.session.start();
    else if (this.session.status !== 'running') return this.stop();
    else this.offset = this.session.scheduler.now();
    this.handle = this.host.setInterval(() => this.pump(), this.stepMs);
    if (opts.resumed && this.session.clockPaused) {
      this.paused = true;
      if (!opts.paused) this.resume();
    } else if (opts.paused) this.pause();
  }

  /** Brings drill time up to now, firing what is due; stops the loop when the drill has ended. */
  pump(): void {
    if (this.session.status === 'running') {
      const t = Math.floor(this.drillNow());
      if (t > this.session.scheduler.now()) this.session.advanceTo(t);
    }
    if (this.session.status === 'ended') this.stop();
  }

  private stop(): void {
    if (this.handle !== undefined) this.host.clearInterval(this.handle);
    this.handle = undefined;
    this.resolveDone?.(this.session.outcome ?? 'aborted');
  }

  /** A person typed a line: time catches up first, so the input lands at the right drill time. */
  input(actor: string, text: string): void {
    this.pump();
    this.session.dispatch(actor, text);
    this.pump();
  }

  /** The facilitator speaks as a named character: time catches up first, as for input. */
  say(speaker: string, text: string): void {
    this.pump();
    this.session.control({ kind: 'say', speaker, text });
    this.pump();
  }

  /** Freezes drill time. */
  pause(): void {
    if (this.paused) return;
    this.pump();
    this.offset = this.drillNow();
    this.paused = true;
    this.session.control({ kind: 'pause' });
  }

  /** Lets drill time run again from where it stopped. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.base = this.host.now();
    this.session.control({ kind: 'resume' });
  }

  /** Changes the speed without a jump in drill time. */
  setSpeed(speed: number): void {
    this.pump();
    this.offset = this.drillNow();
    this.base = this.host.now();
    this.speed = speed;
    this.session.control({ kind: 'speed', speed });
  }

  /** Fires the next scripted inject now. */
  injectNow(): void {
    this.pump();
    this.session.control({ kind: 'inject-now' });
  }

  /** Ends the drill as aborted (facilitator end, or Ctrl+C). */
  abort(): void {
    this.pump();
    this.session.control({ kind: 'end' });
    this.stop();
  }
}
