/**
 * What every bot shares. A bot is one person in the drill: it has a name, it joins the call before it
 * speaks, it answers for every task given to it, and it carries out the duties of whatever roles it holds
 * right now (a seat, an appointment, command handed to it). Bots type commands exactly as people do.
 */
import type { BotPolicyName } from '../engine/cast';
import { personOf, type Task } from '../engine/state/drill-state';
import type { JournalEvent, JournalParticipant } from '../engine/journal';
import type { Rng } from '../engine/random';
import type { Role } from '../engine/roles';
import type { DrillSession } from '../engine/session';

export const SECOND = 1000;
export const MINUTE = 60_000;
/** How long a scribe has to note a key event (incident-process.md §4 SCRIBE_WINDOW [drill proposal]); not a scenario target. */
export const SCRIBE_WINDOW_MS = 2 * MINUTE;

/** Text to type, or a function deciding at typing time (undefined: say nothing after all). */
export type Line = string | (() => string | undefined);

const ROLE_WORDS: Partial<Record<Role, string>> = {
  ic: 'backup incident commander', deputy: 'deputy', scribe: 'scribe', 'customer-liaison': 'customer liaison', 'internal-liaison': 'internal liaison',
};

/** A role's behaviour, for one bot person. */
export abstract class Duty {
  constructor(
    protected readonly bot: BotPerson,
    protected readonly rng: Rng,
  ) {}

  protected get session(): DrillSession {
    return this.bot.session;
  }

  protected get me(): JournalParticipant {
    return this.bot.me;
  }

  get sloppy(): boolean {
    return this.bot.sloppy;
  }

  /** Called for every journal event, in order. */
  abstract onEvent(e: JournalEvent): void;

  /** Types `text` after a random delay in [minMs, maxMs]; for commands that are not taking part in the call (/ack, /join, /ic...). */
  protected later(minMs: number, maxMs: number, text: Line): void {
    this.bot.type(this.rng, minMs, maxMs, text);
  }

  /** Says `text` (chat, a note, a report, a draft) after a random delay, joining the call first if not on it yet. */
  protected say(minMs: number, maxMs: number, text: Line): void {
    this.bot.speak(this.rng, minMs, maxMs, text);
  }
}

/** A duty that can work a task hands-on (a responder's). */
export interface Worker {
  /** Whether this person may do hands-on work right now (a responder, not command staff). */
  canWork(): boolean;
  /** Works a task just given to this person, reporting on it when done. */
  take(task: Task): void;
}

/** One person played by a bot. */
export class BotPerson {
  readonly duties: Duty[] = [];
  /** The duty that works tasks hands-on, when this person is a responder. */
  worker?: Worker;
  private joinSent = false;
  private joinScheduled = false;
  /** Shared tasks this person left to their co-owners. */
  private readonly sharedBack = new Set<string>();
  /** Steps co-owners started on shared tasks, by task id. */
  private readonly work = new Map<string, { startedAt: number; takesMs: number }>();

  constructor(
    readonly session: DrillSession,
    readonly me: JournalParticipant,
    readonly policy: BotPolicyName,
    private readonly rng: Rng,
  ) {}

  get sloppy(): boolean {
    return this.policy === 'sloppy';
  }

  /** Whether this person is on the call. */
  joined(): boolean {
    return personOf(this.session.state, this.me.name)?.joinedAt !== undefined;
  }

  /** Whether this person holds command now. */
  isIc(): boolean {
    return this.session.state.incident.ic === this.me.name;
  }

  /** Whether the incident response has started: someone triggered it or took command. */
  responding(): boolean {
    return this.session.state.incident.triggeredAt !== undefined || this.session.state.incident.ic !== undefined;
  }

  /** The role this person acts in now (what the journal records for what they do). */
  role(): Role {
    return this.session.roleOf(this.me.name);
  }

  /** The services this person is on call for. */
  services(): string[] {
    return this.session.scenario.services.filter((s) => s.owner === this.me.team).map((s) => s.id);
  }

  /** What this person says they cover when joining: their roles, and the services they are on call for. */
  covers(): string {
    const roles = this.session.rolesOf(this.me.name).filter((r) => r !== 'responder').map((r) => ROLE_WORDS[r] ?? r);
    const services = this.me.seat === 'responder' ? [this.services().join(', ') || this.me.team || 'on call'] : [];
    if (!roles.length && !services.length) roles.push(ROLE_WORDS[this.me.seat] ?? this.me.seat);
    return [...roles, ...services].join(', ');
  }

  /** Joins the call after a pause, unless already on it or about to be. */
  joinSoon(minMs: number, maxMs: number): void {
    if (this.joined() || this.joinSent || this.joinScheduled) return;
    this.joinScheduled = true;
    this.session.scheduler.setTimeout(() => {
      this.joinScheduled = false;
      this.joinNow();
    }, this.rng.delay(minMs, maxMs));
  }

  /** Joins the call now, unless already on it or the join is on its way. */
  joinNow(): void {
    if (this.session.status !== 'running' || this.joined() || this.joinSent) return;
    this.joinSent = true;
    this.session.submit(this.me.name, `/join ${this.covers()}`, { bot: true });
  }

  /** Passes an event to every duty, after what any person does whatever their role. */
  onEvent(e: JournalEvent): void {
    if (e.actor === this.me.name && (e.type === 'participant.join' || (e.type === 'cmd.error' && this.joinSent && !this.joined()))) this.joinSent = false;
    if (!this.sloppy) this.asAPerson(e);
    for (const d of this.duties) d.onEvent(e);
  }

  private asAPerson(e: JournalEvent): void {
    const s = this.session;
    switch (e.type) {
      case 'participant.join':
        // Someone who finds no Incident Commander on the call pages one rather than carry on without (RD-04).
        if (e.actor === this.me.name && s.state.incident.triggeredAt === undefined && s.state.incident.ic === undefined) {
          this.type(this.rng, 40 * SECOND, 90 * SECOND, () =>
            s.state.incident.triggeredAt === undefined && s.state.incident.ic === undefined ? '/trigger I joined the call and there is no Incident Commander yet' : undefined);
        }
        return;
      case 'role.appoint':
        // Being given a role is being asked onto the call.
        if (e.data.user === this.me.name) this.joinSoon(3 * SECOND, 10 * SECOND);
        return;
      case 'task.assign': {
        const task = s.state.tasks.find((t) => t.id === e.data.id);
        if (task?.owners.includes(this.me.name)) this.taskGiven(task);
        return;
      }
      case 'probe.start':
      case 'action.start': {
        const id = e.data.taskId;
        if (typeof id !== 'string' || e.actor === this.me.name || !this.sharedBack.has(id)) return;
        const sc = s.scenario;
        const takesMs = (e.type === 'probe.start' ? sc.probes.find((p) => p.id === e.data.probe) : sc.actions.find((a) => a.id === e.data.action))?.takesMs ?? MINUTE;
        this.work.set(id, { startedAt: e.atMs, takesMs });
        return;
      }
      case 'task.due': {
        const task = s.state.tasks.find((t) => t.id === e.data.id);
        if (task && task.to === this.me.name && this.sharedBack.has(task.id)) this.sharedDue(task);
        return;
      }
    }
  }

  /** A task given to this person, alone or with others: join, acknowledge, then work it or hand it back. */
  private taskGiven(task: Task): void {
    this.joinSoon(3 * SECOND, 8 * SECOND);
    this.type(this.rng, 10 * SECOND, 25 * SECOND, () => (task.ackedAt === undefined ? `/wilco ${task.id}` : undefined));
    if (this.worker?.canWork()) return this.worker.take(task);
    this.handBack(task, 30 * SECOND, 50 * SECOND);
  }

  /**
   * Hands a task back unworked: this person's role keeps them hands-off, or it is not theirs to do. A task
   * shared with others is left to them (a report would close it for everyone); one of one's own is reported back.
   */
  handBack(task: Task, minMs: number, maxMs: number): void {
    const s = this.session;
    const role = this.role();
    const what = role === 'responder' && this.me.seat !== 'responder' ? this.me.seat : role;
    const why = role === 'ic' ? 'I hold command now, so I am handing this back to be reassigned'
      : this.me.seat === 'responder' && role === 'responder' ? 'this is not something I can do from my side; it needs whoever owns it'
      : `I am the ${ROLE_WORDS[what] ?? what} and stay hands-off, so this needs a responder`;
    const owner = this.ownerFor(task);
    const open = () => s.state.tasks.some((t) => t.id === task.id && t.status === 'open');
    const others = task.owners.filter((o) => o !== this.me.name);
    if (others.length) {
      this.sharedBack.add(task.id);
      this.speak(this.rng, minMs, maxMs, () => (open() ? `About ${task.id}: ${why}; I leave it with ${others.map((o) => `@${o}`).join(' and ')}.` : undefined));
      return;
    }
    this.speak(this.rng, minMs, maxMs, () => (open() ? `/report ${task.id} ${why}${owner ? ` (the on-call for it is ${owner})` : ''}.` : undefined));
  }

  /**
   * A shared task this person left to others ran out of time: the first owner answers for it (RD-13), asking for
   * more time while a co-owner is at work on it, or handing it back when nobody is.
   */
  private sharedDue(task: Task): void {
    this.type(this.rng, 5 * SECOND, 20 * SECOND, () => {
      if (task.status !== 'open') return undefined;
      const busy = this.coOwnerAtWork(task);
      return busy ? `/more ${Math.ceil(busy / MINUTE) + 1}m ${task.id}` : `/report ${task.id} nobody has started on this; handing it back to be reassigned.`;
    });
  }

  /** How long a co-owner's step on a task still needs (0 when nobody is at work on it). */
  private coOwnerAtWork(task: Task): number {
    const w = this.work.get(task.id);
    if (!w) return 0;
    return Math.max(MINUTE, w.startedAt + w.takesMs - this.session.scheduler.now());
  }

  /** The primary on-call of the service a task is about, if that is someone else. */
  private ownerFor(task: Task): string | undefined {
    const s = this.session.scenario;
    const service = [...task.refs.map((r) => s.probes.find((p) => p.id === r)?.service ?? s.actions.find((a) => a.id === r)?.service), ...task.services].find((x) => x !== undefined);
    const team = s.services.find((x) => x.id === service)?.owner;
    const who = this.session.options.cast.find((p) => p.team === team && p.onCall === 'primary')?.name;
    return who && who !== this.me.name ? who : undefined;
  }

  /** Types `text` after a random delay from `rng`. */
  type(rng: Rng, minMs: number, maxMs: number, text: Line): void {
    this.session.scheduler.setTimeout(() => {
      if (this.session.status !== 'running') return;
      const t = typeof text === 'function' ? text() : text;
      if (t) this.session.submit(this.me.name, t, { bot: true });
    }, rng.delay(minMs, maxMs));
  }

  /** Says `text` after a random delay from `rng`, joining the call first when not on it. */
  speak(rng: Rng, minMs: number, maxMs: number, text: Line): void {
    this.session.scheduler.setTimeout(() => this.speakNow(rng, text, 0), rng.delay(minMs, maxMs));
  }

  private speakNow(rng: Rng, text: Line, tries: number): void {
    if (this.session.status !== 'running') return;
    const t = typeof text === 'function' ? text() : text;
    if (!t) return;
    if (this.joined() || tries > 2) {
      this.session.submit(this.me.name, t, { bot: true });
      return;
    }
    // Nobody speaks on a call before joining it and saying who they are (RD-06): join, then speak.
    this.joinNow();
    this.session.scheduler.setTimeout(() => this.speakNow(rng, text, tries + 1), rng.delay(3 * SECOND, 8 * SECOND));
  }
}
