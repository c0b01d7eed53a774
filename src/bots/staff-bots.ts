/** Bots for the command staff and liaisons: scribe, deputy, customer liaison, internal liaison. */
import type { JournalEvent } from '../engine/journal';
import { Bot, MINUTE, SECOND } from './bot-base';

/** Notes every decision, assignment, status update and severity change; writes follow-ups as TODOs. */
export class ScribeBot extends Bot {
  onEvent(e: JournalEvent): void {
    // Join (saying what you do) once there is a call to join: when command is taken or when appointed.
    if ((e.type === 'role.claim' || (e.type === 'role.appoint' && e.data.user === this.me.name)) && !this.joined()) {
      this.later(3 * SECOND, 12 * SECOND, () => (this.joined() ? undefined : '/join scribe'));
    }
    const note = this.noteFor(e);
    if (note) {
      if (this.sloppy && !this.rng.chance(0.35)) return;
      const [min, max] = this.sloppy ? [90 * SECOND, 4 * MINUTE] : [15 * SECOND, 60 * SECOND];
      this.later(min, max, `/note ${note}`);
    }
    if (e.type === 'inject' && e.data.kind === 'followup' && !this.sloppy) {
      this.later(20 * SECOND, 60 * SECOND, `/todo ${String(e.data.text)}`);
    }
  }

  private noteFor(e: JournalEvent): string | undefined {
    const d = e.data;
    switch (e.type) {
      case 'role.claim': return `${e.actor} is Incident Commander${d.via === 'handover' ? ` (handover from ${String(d.from)})` : ''}.`;
      case 'sev.set': return `Severity set to ${String(d.level)} by ${e.actor}.`;
      case 'task.assign': return `${String(d.id)} assigned to ${String(d.to)}: ${String(d.text)}${d.timeboxMs ? `, due in ${Math.round(Number(d.timeboxMs) / MINUTE)}m` : ''}.`;
      case 'decision': return `Decision ${String(d.id)}: ${String(d.text)}`;
      case 'status.update': return `Status update from ${e.actor}: ${String(d.text)}`;
      case 'task.report': return d.id ? `${String(d.id)} reported by ${e.actor}: ${String(d.text)}` : undefined;
      case 'incident.resolve': return `Incident resolved by ${e.actor}.`;
      default: return undefined;
    }
  }
}

/** Keeps time for the IC: 10-minute callouts and expired time boxes. */
export class DeputyBot extends Bot {
  private started = false;

  onEvent(e: JournalEvent): void {
    if (this.sloppy) return;
    if (e.type === 'role.claim' && !this.started) {
      this.started = true;
      this.joinSoon();
      this.callout(10);
    }
    if (e.type === 'task.due' && this.session.incident.ic !== this.me.name) {
      this.later(5 * SECOND, 20 * SECOND, `IC, be advised: the time box on ${String(e.data.id)} for ${String(e.data.to)} has run out.`);
    }
  }

  private joinSoon(): void {
    this.later(10 * SECOND, 30 * SECOND, () => (this.joined() ? undefined : '/join deputy'));
  }

  private callout(minute: number): void {
    const start = this.session.incident.triggeredAt ?? 0;
    const at = start + minute * MINUTE - this.session.scheduler.now();
    this.session.scheduler.setTimeout(() => {
      if (this.session.status !== 'running' || this.session.incident.ic === this.me.name) return;
      this.session.submit(this.me.name, `IC, be advised: we are at the ${minute}-minute mark.`, { bot: true });
      this.callout(minute + 10);
    }, Math.max(0, at));
  }
}

/** Drafts customer updates, waits for the IC's approval, posts them, and relays customer reports. */
export class CustomerLiaisonBot extends Bot {
  private lastPost?: number;
  private drafting = false;

  onEvent(e: JournalEvent): void {
    const s = this.session;
    const ic = s.incident.ic;
    switch (e.type) {
      case 'role.claim':
        if (!this.joined()) this.later(20 * SECOND, 60 * SECOND, () => (this.joined() ? undefined : '/join customer liaison'));
        this.later(2 * MINUTE, 3 * MINUTE, () => this.draft('first'));
        return;
      case 'draft.approve':
        if (s.drafts.find((d) => d.id === e.data.id)?.by === this.me.name) {
          this.later(10 * SECOND, 30 * SECOND, () => (s.drafts.find((d) => d.id === e.data.id)?.postedAt === undefined ? `/post ${String(e.data.id)}` : undefined));
        }
        return;
      case 'draft.submit':
        if (e.actor === this.me.name && this.sloppy) this.later(5 * SECOND, 15 * SECOND, `/post ${String(e.data.id)}`);
        return;
      case 'external.post':
        if (e.actor !== this.me.name) return;
        this.drafting = false;
        this.lastPost = e.atMs;
        this.scheduleUpdate();
        return;
      case 'inject':
        if (e.data.kind === 'customer-report' && ic) this.later(30 * SECOND, 90 * SECOND, `@${ic} customer impact: ${String(e.data.text)}`);
        return;
      case 'incident.resolve':
        this.later(30 * SECOND, 60 * SECOND, () => this.draft('final'));
        return;
    }
  }

  private scheduleUpdate(): void {
    const every = this.session.scenario.expects.externalEveryMs ?? 20 * 60_000;
    const at = (this.lastPost ?? 0) + every - 3 * MINUTE;
    this.session.scheduler.setTimeout(() => {
      if (this.session.status !== 'running' || this.session.incident.resolvedAt !== undefined) return;
      const t = this.draft('update');
      if (t) this.session.submit(this.me.name, t, { bot: true });
    }, Math.max(MINUTE, at - this.session.scheduler.now()));
  }

  private draft(kind: 'first' | 'update' | 'final'): string | undefined {
    if (this.drafting && kind !== 'final') return undefined;
    this.drafting = true;
    const s = this.session.scenario;
    const what = s.services[0]?.title ?? 'our service';
    const eta = this.sloppy ? ' We expect it to be fixed within 30 minutes.' : '';
    if (kind === 'final') return `/draft Resolved: the issue affecting ${what} has been resolved and service is operating normally. We are sorry for the disruption.`;
    if (kind === 'first') return `/draft Investigating: some customers may see errors or slow responses from ${what}. We are investigating.${eta} Next update in 20 minutes.`;
    return `/draft Update: we are still working on the issue affecting ${what} and will keep you posted.${eta} Next update in 20 minutes.`;
  }
}

/** Keeps stakeholders off the main call. */
export class InternalLiaisonBot extends Bot {
  onEvent(e: JournalEvent): void {
    if (e.type === 'role.claim' && !this.joined()) this.later(20 * SECOND, 60 * SECOND, () => (this.joined() ? undefined : '/join internal liaison'));
    if (e.type === 'inject' && (e.data.kind === 'exec-swoop' || e.data.kind === 'stakeholder') && !this.sloppy) {
      this.later(20 * SECOND, 45 * SECOND, `${String(e.actor)}: I will brief you in the stakeholder channel every 30 minutes; the IC needs this channel for the response.`);
    }
  }
}
