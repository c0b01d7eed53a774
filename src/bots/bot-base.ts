/** What every bot shares: a name, a seeded stream for human-like delays, and a way to speak later. */
import type { JournalEvent, JournalParticipant } from '../engine/journal';
import type { Rng } from '../engine/random';
import type { DrillSession } from '../engine/session';
import type { BotPolicyName } from '../engine/cast';

/** A bot reacts to journal events by scheduling commands, exactly as a person would type them. */
export abstract class Bot {
  constructor(
    protected readonly session: DrillSession,
    readonly me: JournalParticipant,
    protected readonly rng: Rng,
    protected readonly policy: BotPolicyName,
  ) {}

  get sloppy(): boolean {
    return this.policy === 'sloppy';
  }

  /** Called for every journal event, in order. */
  abstract onEvent(e: JournalEvent): void;

  /** Types `text` after a random delay in [minMs, maxMs]. */
  protected later(minMs: number, maxMs: number, text: string | (() => string | undefined)): void {
    this.session.scheduler.setTimeout(() => {
      if (this.session.status !== 'running') return;
      const t = typeof text === 'function' ? text() : text;
      if (t) this.session.submit(this.me.name, t, { bot: true });
    }, this.rng.delay(minMs, maxMs));
  }

  /** Whether this bot is on the call. */
  protected joined(): boolean {
    return this.session.people.get(this.me.name)?.joinedAt !== undefined;
  }

}

export const SECOND = 1000;
export const MINUTE = 60_000;
