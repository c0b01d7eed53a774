/** A responder (subject-matter expert) bot: acks pages, joins, works assigned tasks and reports. */
import type { JournalEvent } from '../engine/journal';
import { Bot, MINUTE, SECOND } from './bot-base';

export class ResponderBot extends Bot {
  private paged = false;
  private freelanced = false;

  private services(): string[] {
    return this.session.scenario.services.filter((s) => s.owner === this.me.team).map((s) => s.id);
  }

  private join(): void {
    if (this.joined()) return;
    this.later(20 * SECOND, 70 * SECOND, () => (this.joined() ? undefined : `/join ${this.services().join(', ') || this.me.team}`));
  }

  onEvent(e: JournalEvent): void {
    const s = this.session;
    switch (e.type) {
      case 'alert.notified':
        if (e.data.user !== this.me.name) return;
        this.paged = true;
        this.later(this.sloppy ? 2 * MINUTE : 30 * SECOND, this.sloppy ? 6 * MINUTE : 90 * SECOND, () => (s.alertState.get(String(e.data.alert))?.ackedBy ? undefined : '/ack'));
        return;
      case 'alert.ack':
        if (e.actor !== this.me.name) return;
        if (s.incident.triggeredAt === undefined) {
          const alert = s.scenario.alerts.find((a) => a.id === e.data.alert);
          this.later(20 * SECOND, 60 * SECOND, () => (s.incident.triggeredAt === undefined ? `/trigger ${alert?.title ?? 'alert'} is firing and customers may be affected` : undefined));
        }
        return;
      case 'ic.page':
        if (this.paged) this.join();
        return;
      case 'page.sent':
        if (e.data.user !== this.me.name) return;
        this.paged = true;
        this.join();
        return;
      case 'participant.join':
        if (e.actor === this.me.name && this.sloppy && !this.freelanced) this.freelance();
        return;
      case 'task.assign':
        if (e.data.to !== this.me.name) return;
        this.work(String(e.data.id), e.data.refs as string[]);
        return;
      case 'probe.result':
        if (e.actor !== this.me.name) return;
        this.reportOn(`${String(e.data.probe)}: ${String(e.data.text)}`);
        return;
      case 'action.done':
        if (e.actor !== this.me.name) return;
        this.reportOn(String(e.data.result));
        return;
      case 'task.due':
        if (e.data.to !== this.me.name) return;
        if (!this.sloppy) this.later(10 * SECOND, 30 * SECOND, () => (this.openTask(String(e.data.id)) ? `/more 3m ${String(e.data.id)}` : undefined));
        return;
    }
  }

  private openTask(id: string): boolean {
    return this.session.tasks.some((t) => t.id === id && t.status === 'open');
  }

  private work(id: string, refs: readonly string[]): void {
    const s = this.session.scenario;
    if (!this.sloppy || this.rng.chance(0.5)) this.later(5 * SECOND, 20 * SECOND, `/wilco ${id}`);
    const step = refs.find((r) => s.probes.some((p) => p.id === r) || s.actions.some((a) => a.id === r));
    if (!step) {
      this.later(2 * MINUTE, 4 * MINUTE, () => (this.openTask(id) ? `/report ${id} looked into it; nothing conclusive on my side yet` : undefined));
      return;
    }
    const cmd = s.probes.some((p) => p.id === step) ? `/check ${step}` : `/run ${step}`;
    this.later(20 * SECOND, 50 * SECOND, cmd);
  }

  private reportOn(text: string): void {
    const task = this.session.tasks.find((t) => t.to === this.me.name && t.status === 'open');
    const short = text.length > 160 ? `${text.slice(0, 157)}...` : text;
    if (task) {
      const delay = this.sloppy ? [2 * MINUTE, 8 * MINUTE] as const : [10 * SECOND, 30 * SECOND] as const;
      this.later(delay[0], delay[1], () => (this.openTask(task.id) ? `/report ${task.id} ${short}` : undefined));
    } else if (this.sloppy) {
      this.later(10 * SECOND, 40 * SECOND, `found something: ${short}`);
    }
  }

  /** Sloppy responders dive in without an assignment: check their service, then try a fix. */
  private freelance(): void {
    this.freelanced = true;
    const s = this.session.scenario;
    const mine = this.services();
    const probe = s.probes.find((p) => mine.includes(p.service));
    const path = s.solution.path.filter((id) => s.actions.some((a) => a.id === id && mine.includes(a.service)));
    const herring = s.actions.find((a) => a.redHerring && mine.includes(a.service));
    if (probe) this.later(30 * SECOND, 60 * SECOND, `/check ${probe.id}`);
    const action = herring?.id ?? path[0];
    if (action) this.later(90 * SECOND, 150 * SECOND, `/run ${action}`);
  }
}
