/** An Incident Commander bot: takes command, staffs the call, works the solution path through assignments. */
import type { JournalEvent } from '../engine/journal';
import { Bot, MINUTE, SECOND } from './bot-base';

const LOWER: Record<string, string> = { 'SEV-1': 'SEV-2', 'SEV-2': 'SEV-3', 'SEV-3': 'SEV-4', 'SEV-4': 'SEV-5', 'SEV-5': 'SEV-5' };

export class IcBot extends Bot {
  private step = 0;
  private current?: { task?: string; step: string; assignee: string };
  private paging?: string;
  private finishing = false;

  private isIc(): boolean {
    return this.session.incident.ic === this.me.name;
  }

  onEvent(e: JournalEvent): void {
    const s = this.session;
    switch (e.type) {
      case 'page.sent':
        if (e.data.user === this.me.name && !s.incident.ic) {
          this.later(this.sloppy ? 3 * MINUTE : 30 * SECOND, this.sloppy ? 6 * MINUTE : 80 * SECOND, () =>
            s.incident.ic ? undefined : this.sloppy ? '/ic' : `/ic This is ${this.me.name}, I am the Incident Commander.`);
        }
        return;
      case 'role.claim':
        if (e.actor === this.me.name) {
          if (e.data.via === 'handover') this.takeOver();
          else this.takeCommand();
        }
        return;
      case 'participant.join':
        if (this.isIc() && this.paging && e.actor === this.paging) {
          this.paging = undefined;
          this.later(15 * SECOND, 40 * SECOND, () => this.advanceCmd());
        }
        return;
      case 'task.assign':
        if (e.actor === this.me.name && this.current && !this.current.task) this.current.task = String(e.data.id);
        return;
      case 'task.report':
        if (this.isIc() && this.current?.task && e.data.id === this.current.task) {
          this.current = undefined;
          this.step++;
          this.later(20 * SECOND, 45 * SECOND, () => this.advanceCmd());
        }
        return;
      case 'task.due':
        if (this.isIc() && !this.sloppy) {
          this.later(10 * SECOND, 30 * SECOND, () =>
            s.tasks.some((t) => t.id === e.data.id && t.status === 'open') ? `@${String(e.data.to)}, the time box on ${String(e.data.id)} is up. Where are we?` : undefined);
        }
        return;
      case 'draft.submit':
        if (this.isIc() && (!this.sloppy || this.rng.chance(0.5))) this.later(20 * SECOND, 50 * SECOND, `/approve ${String(e.data.id)}`);
        return;
      case 'inject':
        if (this.isIc() && e.data.kind === 'exec-swoop' && !this.sloppy) {
          this.later(15 * SECOND, 40 * SECOND, 'Thanks. We keep comments until the end of the call; the incident comes first. If you wish to take command, say so and I will hand over.');
        }
        return;
      case 'phase.enter':
        if (this.isIc() && e.data.mitigated && this.step >= s.scenario.solution.path.length) this.finish();
        return;
    }
  }

  private seat(role: string): string | undefined {
    return this.session.options.cast.find((p) => p.seat === role)?.name;
  }

  private takeCommand(): void {
    const s = this.session.scenario;
    const staff = this.sloppy ? (['scribe'] as const) : (['deputy', 'scribe', 'customer-liaison', 'internal-liaison'] as const);
    let wait = 0;
    for (const role of staff) {
      const name = this.seat(role);
      if (!name) continue;
      wait += 15 * SECOND;
      this.later(wait, wait + 20 * SECOND, `/appoint @${name} ${role}`);
    }
    if (this.sloppy) this.later(5 * MINUTE, 8 * MINUTE, `/sev ${LOWER[s.expects.severity]}`);
    else this.later(40 * SECOND, 90 * SECOND, `/sev ${s.expects.severity}`);
    const cl = this.seat('customer-liaison');
    if (cl && !this.sloppy) this.later(60 * SECOND, 100 * SECOND, `@${cl} please draft an initial customer update for my approval.`);
    this.scheduleStatus(this.sloppy ? 12 * MINUTE : 3 * MINUTE);
    this.later(60 * SECOND, 120 * SECOND, () => this.advanceCmd());
    const deputy = this.seat('deputy');
    // Command is handed over about hourly (RD-26); the deputy is the hot standby.
    if (deputy && !this.sloppy) this.later(50 * MINUTE, 55 * MINUTE, () => this.handoverCmd(deputy));
  }

  private handoverCmd(to: string): string | undefined {
    const s = this.session;
    if (!this.isIc() || this.finishing || s.scenario.durationMs - s.scheduler.now() < 10 * MINUTE) return undefined;
    return `/handover @${to}`;
  }

  /** Picks up command mid-incident: the progress is read from the task board, not remembered. */
  private takeOver(): void {
    const s = this.session;
    const path = s.scenario.solution.path;
    let step = 0;
    while (step < path.length && s.tasks.some((t) => t.status === 'done' && t.refs.includes(path[step]!))) step++;
    this.step = step;
    const id = path[step];
    const open = id === undefined ? undefined : s.tasks.find((t) => t.status === 'open' && t.refs.includes(id));
    this.current = open && id ? { task: open.id, step: id, assignee: open.to } : undefined;
    this.later(10 * SECOND, 20 * SECOND, `This is ${this.me.name}, I am now the Incident Commander.`);
    this.scheduleStatus(2 * MINUTE);
    this.later(40 * SECOND, 70 * SECOND, () => this.advanceCmd());
  }

  private scheduleStatus(inMs: number): void {
    const every = this.session.scenario.expects.statusEveryMs ?? 10 * MINUTE;
    this.session.scheduler.setTimeout(() => {
      if (this.session.status !== 'running' || !this.isIc() || this.finishing) return;
      this.session.submit(this.me.name, this.statusText(), { bot: true });
      if (!this.sloppy) this.scheduleStatus(Math.max(MINUTE, every - this.rng.delay(60 * SECOND, 120 * SECOND)));
    }, inMs);
  }

  private statusText(): string {
    const s = this.session;
    const sev = s.incident.severity ?? 'severity not yet set';
    const open = s.tasks.filter((t) => t.status === 'open').map((t) => `${t.id} @${t.to} (${t.text})`);
    const next = Math.round((s.scenario.expects.statusEveryMs ?? 10 * MINUTE) / MINUTE);
    return `/status ${sev}. ${open.length ? `Open: ${open.join('; ')}.` : 'No open tasks.'} Next update in ${next} minutes.`;
  }

  /** The next command on the solution path, or undefined while waiting. */
  private advanceCmd(): string | undefined {
    const s = this.session;
    if (!this.isIc() || this.current || this.paging || this.finishing) return undefined;
    const path = s.scenario.solution.path;
    const id = path[this.step];
    if (id === undefined) {
      if (s.world.mitigatedAt !== undefined) this.finish();
      return undefined;
    }
    const action = s.scenario.actions.find((a) => a.id === id);
    const probe = s.scenario.probes.find((p) => p.id === id);
    const service = action?.service ?? probe?.service;
    const team = s.scenario.services.find((x) => x.id === service)?.owner;
    const assignee = s.options.cast.find((p) => p.team === team && p.onCall === 'primary')?.name;
    if (!assignee || !team) return undefined;
    if (this.sloppy && probe && this.step === 0) {
      // Sloppy ICs go hands-on: they look at the first clue themselves.
      this.step++;
      this.later(60 * SECOND, 90 * SECOND, () => this.advanceCmd());
      return `/check ${probe.id}`;
    }
    if (s.people.get(assignee)?.joinedAt === undefined) {
      this.paging = assignee;
      return `/page ${team}`;
    }
    this.current = { step: id, assignee };
    const title = action?.title ?? probe?.title ?? id;
    const boxMin = Math.ceil(((action?.takesMs ?? probe?.takesMs ?? 60_000) + 3 * MINUTE) / MINUTE);
    const assign = `/assign @${assignee} ${id}: ${title}${this.sloppy ? '' : ` in ${boxMin}m`}`;
    if (action?.major && !this.sloppy) {
      this.later(30 * SECOND, 50 * SECOND, `/decide No strong objections heard; proceeding with ${id}.`);
      this.later(60 * SECOND, 70 * SECOND, assign);
      return `/poll Proposal: ${title} (${id}). Are there any strong objections?`;
    }
    return assign;
  }

  private finish(): void {
    if (this.finishing) return;
    this.finishing = true;
    const scribe = this.seat('scribe') ?? this.session.options.cast.find((p) => p.seat === 'responder')?.name;
    this.later(30 * SECOND, 60 * SECOND, '/status Customer impact has stopped and metrics are back to normal. Resolving.');
    this.later(90 * SECOND, 110 * SECOND, '/resolve');
    if (!this.sloppy && scribe) this.later(120 * SECOND, 140 * SECOND, `/postmortem @${scribe}`);
    this.later(150 * SECOND, 170 * SECOND, '/end');
  }
}
