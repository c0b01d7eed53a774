/** Duties of the command staff and liaisons: scribe, deputy, customer liaison, internal liaison. */
import { hostIn, promisedFixTime } from '../engine/intent/phrases';
import type { EventOf } from '../engine/events';
import type { JournalEvent } from '../engine/journal';
import { targetsOf } from '../scenario/targets';
import { Duty, MINUTE, SCRIBE_WINDOW_MS, SECOND } from './bot-base';
import { publicServiceName } from './public-name';

/** A "we should..." remark for the postmortem. */
function isFollowup(e: JournalEvent): e is EventOf<'inject'> {
  return e.type === 'inject' && e.data.kind === 'followup';
}

/** Notes every decision, assignment, status update and severity change; writes follow-ups as TODOs. */
export class ScribeBot extends Duty {
  /** The scribe now, as the scorer reads it: the latest one appointed, else the scribe seat. */
  private scribe = this.session.options.cast.find((p) => p.seat === 'scribe')?.name;
  /** Follow-ups raised before there was a response to join; written down on joining. */
  private readonly pending: string[] = [];
  /** Key events of the last two minutes, so a scribe appointed just after one catches up on it. */
  private recent: JournalEvent[] = [];

  private mine(): boolean {
    return this.scribe === this.me.name;
  }

  onEvent(e: JournalEvent): void {
    if (!this.sloppy) this.recent = [...this.recent.filter((r) => e.atMs - r.atMs <= SCRIBE_WINDOW_MS), ...(this.noteFor(e) || isFollowup(e) ? [e] : [])];
    if (e.type === 'role.appoint' && e.data.role === 'scribe') {
      const before = this.scribe;
      this.scribe = e.data.user;
      // A new scribe starts with what was said in the last two minutes, in case it went unnoted in the change.
      if (!this.sloppy && this.mine() && before !== this.me.name) for (const r of this.recent) if (r !== e) this.record(r);
    }
    // The scribe joins (saying what they do) once there is a response: when it is triggered, command is taken, or on appointment.
    const starts = e.type === 'role.claim' || (!this.sloppy && e.type === 'ic.page');
    if (this.mine() && (starts || (e.type === 'role.appoint' && e.data.user === this.me.name)) && !this.bot.joined()) {
      this.bot.joinSoon(3 * SECOND, 12 * SECOND);
      if (!this.sloppy) for (const text of this.pending.splice(0)) this.say(20 * SECOND, 40 * SECOND, `/todo ${text}`);
    }
    if (this.mine()) this.record(e);
  }

  private record(e: JournalEvent): void {
    // Notes are kept for the response; what was said before there was one is not on its record.
    const note = this.sloppy || this.bot.responding() ? this.noteFor(e) : undefined;
    if (note) {
      if (this.sloppy && !this.rng.chance(0.35)) return;
      const [min, max] = this.sloppy ? [90 * SECOND, 4 * MINUTE] : [15 * SECOND, 60 * SECOND];
      if (this.sloppy) this.later(min, max, `/note ${note}`);
      else this.say(min, max, `/note ${note}`);
    }
    if (isFollowup(e) && !this.sloppy) {
      // A remark before anyone responded has no call to be noted on yet; it is written down on joining.
      if (this.bot.responding()) this.say(20 * SECOND, 60 * SECOND, `/todo ${e.data.text}`);
      else this.pending.push(e.data.text);
    }
  }

  private noteFor(e: JournalEvent): string | undefined {
    switch (e.type) {
      case 'role.claim': return `${e.actor} is Incident Commander${e.data.via === 'handover' ? ` (handover from ${e.data.from})` : ''}.`;
      case 'sev.set': return `Severity set to ${e.data.level} by ${e.actor}.`;
      case 'task.assign': {
        const owners = e.data.owners.length ? e.data.owners.join(' and ') : e.data.to;
        return `${e.data.id} assigned to ${owners}: ${e.data.text}${e.data.timeboxMs ? `, due in ${Math.round(e.data.timeboxMs / MINUTE)}m` : ''}.`;
      }
      case 'decision': return `Decision ${e.data.id}: ${e.data.text}`;
      case 'status.update': return `${e.data.id ? `${e.data.id} ` : ''}Status update from ${e.actor}: ${e.data.text}`;
      case 'task.report': return `${e.data.id ? `${e.data.id} reported` : 'Report'} by ${e.actor}: ${e.data.text}`;
      case 'incident.resolve': return `Incident resolved by ${e.actor}.`;
      default: return undefined;
    }
  }
}

/** Elapsed-time callouts the Deputy makes (training/deputy.md); a process constant, not a scenario target. */
const CALLOUT_EVERY_MS = 10 * MINUTE;

/** Keeps time for the IC once appointed Deputy: callouts every ten minutes from the trigger, and expired time boxes. */
export class DeputyBot extends Duty {
  private appointedAt?: number;
  private claimedAt?: number;
  /** The last ten-minute mark called out (or passed before the appointment). */
  private mark = 0;
  private timer?: number;

  onEvent(e: JournalEvent): void {
    if (this.sloppy) return;
    const s = this.session;
    if (e.type === 'role.claim') {
      this.claimedAt ??= e.atMs;
      if (e.data.via !== 'handover' && this.me.seat === 'deputy') this.bot.joinSoon(10 * SECOND, 30 * SECOND);
    }
    if (e.type === 'role.appoint' && e.data.role === 'deputy' && e.data.user === this.me.name && this.appointedAt === undefined) {
      this.appointedAt = e.atMs;
      this.bot.joinSoon(3 * SECOND, 10 * SECOND);
      const start = this.start();
      // Marks already past when appointed are not this deputy's to call; one falling at that very moment is.
      if (start !== undefined) this.mark = Math.max(0, Math.ceil((e.atMs - start) / CALLOUT_EVERY_MS) - 1);
      this.tick();
    }
    // The callouts count from the trigger: a trigger after command was taken moves every mark.
    if (e.type === 'ic.page' && this.appointedAt !== undefined) this.replan();
    if (e.type === 'task.due' && this.appointedAt !== undefined && s.state.incident.ic !== this.me.name) {
      this.say(3 * SECOND, 12 * SECOND, () => (s.state.incident.ic === this.me.name ? undefined : `IC, be advised: the time box on ${e.data.id} (${e.data.to}) has run out.`));
    }
  }

  /** When the clock started, as the scorer counts it: the trigger, else command being taken. */
  private start(): number | undefined {
    return this.session.state.incident.triggeredAt ?? this.claimedAt;
  }

  /** Schedules the next elapsed-time callout, at the next ten-minute mark not yet called. */
  private tick(): void {
    const s = this.session;
    const start = this.start();
    if (this.timer !== undefined || start === undefined) return;
    const mark = this.mark + 1;
    this.timer = s.scheduler.setTimeout(() => {
      this.timer = undefined;
      if (s.status !== 'running' || s.state.incident.resolvedAt !== undefined) return;
      this.mark = mark;
      const text = `IC, be advised: we are at the ${Math.round((mark * CALLOUT_EVERY_MS) / MINUTE)}-minute mark.`;
      if (s.state.incident.ic !== this.me.name) this.say(0, 0, text);
      // Holding command just before the mark: if it is handed on by the mark itself, the callout is still due.
      else this.say(start + mark * CALLOUT_EVERY_MS - s.scheduler.now() + 5 * SECOND, start + mark * CALLOUT_EVERY_MS - s.scheduler.now() + 5 * SECOND, () => (s.state.incident.ic === this.me.name ? undefined : text));
      this.tick();
    // Just before the mark rather than after: the call may end at it, and a callout is good either side of it.
    }, Math.max(0, start + mark * CALLOUT_EVERY_MS - this.rng.delay(10 * SECOND, 40 * SECOND) - s.scheduler.now()));
  }

  /** The clock started again (the response was triggered after command was taken): count the marks from the trigger. */
  private replan(): void {
    const start = this.start();
    if (start === undefined) return;
    this.session.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
    this.mark = Math.max(0, Math.ceil((this.session.scheduler.now() - start) / CALLOUT_EVERY_MS) - 1);
    this.tick();
  }
}

/** Host-like words ("orders-db-1") that stay internal ([drill proposal] RD-35's pattern). */

/** Whether a message may go to customers: no promised fix time, no internal host names (RD-35). */
function fitToPost(text: string): boolean {
  return promisedFixTime(text) === undefined && hostIn(text) === undefined;
}

/** Drafts customer updates, waits for the IC's approval, posts them, and relays customer reports. */
export class CustomerLiaisonBot extends Duty {
  private lastPost?: number;
  private drafting = false;
  private firstDrafted = false;
  /** When command was first taken: the call's start, from which the first post is due. */
  private callStart?: number;
  /** Customer reports that came in before anyone held command, for the IC once someone does. */
  private readonly unrelayed: string[] = [];

  /** Whether this person works as customer liaison: the seat, or an appointment. */
  private active(): boolean {
    return this.me.seat === 'customer-liaison' || this.session.rolesOf(this.me.name).includes('customer-liaison');
  }

  onEvent(e: JournalEvent): void {
    if (e.type === 'role.claim') this.callStart ??= e.atMs;
    if (!this.active()) return;
    switch (e.type) {
      case 'role.claim': return this.onCommandTaken();
      case 'role.appoint': return this.onAppointed(e);
      case 'draft.approve': return this.onApproved(e);
      case 'draft.submit':
        if (e.actor !== this.me.name) return;
        if (this.sloppy) this.later(5 * SECOND, 15 * SECOND, `/post ${e.data.id}`);
        else this.remind(e.data.id);
        return;
      case 'external.post': return this.onPosted(e);
      case 'inject': return this.onCustomerReport(e);
      case 'incident.resolve':
        if (e.data.mitigated === true) this.say(30 * SECOND, 60 * SECOND, () => this.draft('final'));
        return;
    }
  }

  /** Someone took command: reports held back go to them, and the first customer post is drafted. */
  private onCommandTaken(): void {
    const s = this.session;
    if (!this.sloppy && this.unrelayed.length) {
      const reports = this.unrelayed.splice(0);
      this.say(30 * SECOND, 60 * SECOND, () => (s.state.incident.ic ? `@${s.state.incident.ic} customer impact so far: ${reports.join(' / ')}` : undefined));
    }
    if (this.firstDrafted) return;
    this.firstDrafted = true;
    if (this.sloppy) {
      this.later(20 * SECOND, 60 * SECOND, () => (this.bot.joined() ? undefined : '/join customer liaison'));
      this.later(2 * MINUTE, 3 * MINUTE, () => this.draft('first'));
      return;
    }
    // The first post is due within the first-external target of the call starting; the draft goes to the IC early.
    this.bot.joinSoon(10 * SECOND, 30 * SECOND);
    this.say(40 * SECOND, Math.min(90 * SECOND, targetsOf(s.scenario).firstExternal / 3), () => this.draft('first'));
  }

  private onAppointed(e: EventOf<'role.appoint'>): void {
    const s = this.session;
    // Taking up the role: what the IC already approved and nobody posted goes out first.
    if (e.data.user === this.me.name && e.data.role === 'customer-liaison' && !this.sloppy && !this.bot.isIc()) {
      for (const d of s.state.drafts) if (d.approvedBy && d.postedAt === undefined && fitToPost(d.text)) this.later(2 * SECOND, 6 * SECOND, () => (d.postedAt === undefined ? `/post ${d.id}` : undefined));
    }
    if (e.data.user === this.me.name && e.data.role === 'customer-liaison' && s.state.incident.ic !== undefined && !this.firstDrafted && !this.sloppy) {
      this.firstDrafted = true;
      // The first post may be nearly due already: the draft goes to the IC with time left to approve and post it.
      const due = (this.callStart ?? e.atMs) + targetsOf(s.scenario).firstExternal - e.atMs - 75 * SECOND;
      const max = Math.max(5 * SECOND, Math.min(60 * SECOND, due));
      this.say(Math.min(30 * SECOND, max), max, () => this.draft('first'));
    }
  }

  private onApproved(e: EventOf<'draft.approve'>): void {
    const draft = this.session.state.drafts.find((d) => d.id === e.data.id);
    if (!draft) return;
    // The liaison posts what the IC approved, someone else's draft included, unless it says what customers must not be told.
    const mine = draft.by === this.me.name;
    if (!mine && (this.sloppy || this.bot.isIc() || !fitToPost(draft.text))) return;
    // Posted as soon as it is approved: the liaison has it ready and is waiting for the OK.
    const [min, max] = this.sloppy ? [10 * SECOND, 30 * SECOND] : [2 * SECOND, 6 * SECOND];
    this.later(min, max, () => (draft.postedAt === undefined ? `/post ${draft.id}` : undefined));
  }

  private onPosted(e: EventOf<'external.post'>): void {
    const s = this.session;
    // Any post tells customers something, so the next update is due an interval after it; a post of this
    // liaison's own draft (whoever pressed the button) also frees them to draft the next one. Before anyone
    // takes command there is no call to do it on.
    if (s.state.incident.ic === undefined && !this.sloppy) return;
    if (e.actor === this.me.name || s.state.drafts.find((d) => d.id === e.data.draftId)?.by === this.me.name) this.drafting = false;
    this.lastPost = e.atMs;
    this.scheduleUpdate();
  }

  /** A customer report goes to the IC, or waits for one. */
  private onCustomerReport(e: EventOf<'inject'>): void {
    const s = this.session;
    if (e.data.kind !== 'customer-report') return;
    if (s.state.incident.ic) {
      const text = `customer impact: ${e.data.text}`;
      if (this.sloppy) this.later(30 * SECOND, 90 * SECOND, `@${s.state.incident.ic} ${text}`);
      else this.say(20 * SECOND, 60 * SECOND, () => (s.state.incident.ic ? `@${s.state.incident.ic} ${text}` : undefined));
    } else if (!this.sloppy) this.unrelayed.push(e.data.text);
  }

  /** A draft waiting for approval is brought to the IC's attention again. */
  private remind(id: string): void {
    const s = this.session;
    this.say(2 * MINUTE, 3 * MINUTE, () => {
      const d = s.state.drafts.find((x) => x.id === id);
      return d && !d.approvedBy && d.postedAt === undefined && s.state.incident.ic && s.state.incident.resolvedAt === undefined ? `@${s.state.incident.ic} ${id} is ready and waiting for your approval.` : undefined;
    });
  }

  private scheduleUpdate(): void {
    const every = targetsOf(this.session.scenario).externalEvery;
    // Drafted a quarter of the interval early, so the IC has time to approve it before the update is due.
    const post = this.lastPost ?? 0;
    const at = post + every - (this.sloppy ? 3 * MINUTE : every / 4);
    const delay = Math.max(MINUTE, at - this.session.scheduler.now());
    if (!this.sloppy) {
      // A later post planned its own update.
      this.say(delay, delay, () => (this.session.state.incident.resolvedAt === undefined && this.lastPost === post ? this.draft('update') : undefined));
      return;
    }
    this.session.scheduler.setTimeout(() => {
      if (this.session.status !== 'running' || this.session.state.incident.resolvedAt !== undefined) return;
      const t = this.draft('update');
      if (t) this.session.submit(this.me.name, t, { bot: true });
    }, delay);
  }

  private draft(kind: 'first' | 'update' | 'final'): string | undefined {
    if (this.drafting && kind !== 'final') return undefined;
    if (kind !== 'final' && this.session.state.incident.resolvedAt !== undefined) return undefined;
    this.drafting = true;
    const s = this.session.scenario;
    const what = publicServiceName(s);
    const eta = this.sloppy ? ' We expect it to be fixed within 30 minutes.' : '';
    const next = Math.round(targetsOf(s).externalEvery / MINUTE);
    if (kind === 'final') return `/draft Resolved: the issue affecting ${what} has been resolved and service is operating normally. We are sorry for the disruption.`;
    if (kind === 'first') return `/draft Investigating: some customers may see errors or slow responses from ${what}. We are investigating.${eta} Next update in ${next} minutes.`;
    return `/draft Update: we are still working on the issue affecting ${what} and will keep you posted.${eta} Next update in ${next} minutes.`;
  }
}

/** Keeps stakeholders off the main call. */
export class InternalLiaisonBot extends Duty {
  onEvent(e: JournalEvent): void {
    const active = this.me.seat === 'internal-liaison' || this.session.rolesOf(this.me.name).includes('internal-liaison');
    if (!active) return;
    if (e.type === 'role.claim' && !this.bot.joined()) {
      if (this.sloppy) this.later(20 * SECOND, 60 * SECOND, () => (this.bot.joined() ? undefined : '/join internal liaison'));
      else this.bot.joinSoon(20 * SECOND, 60 * SECOND);
    }
    // Only once there is a response to speak on: before that, nobody is on a call.
    if (e.type === 'inject' && (e.data.kind === 'exec-swoop' || e.data.kind === 'stakeholder') && !this.sloppy && this.bot.responding()) {
      this.say(20 * SECOND, 45 * SECOND, `${String(e.actor)}: I will brief you in the stakeholder channel every 30 minutes; the IC needs this channel for the response.`);
    }
  }
}
