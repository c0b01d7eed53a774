/** A responder (subject-matter expert) bot: acks its pages, joins when paged, works the tasks given to it and reports. */
import type { Task } from '../engine/state/drill-state';
import type { JournalEvent } from '../engine/journal';
import { Duty, MINUTE, SECOND, type Worker } from './bot-base';
import { isWrongMove } from '../scenario/judgement';

/** A step in hand: the probe or action being run, for which tasks, and when it will be done. */
interface Work {
  readonly target: string;
  readonly tasks: Set<string>;
  /** When the command goes (or went) out, and how long the step takes after that. */
  startsAt: number;
  readonly takesMs: number;
  started: boolean;
}

export class ResponderBot extends Duty implements Worker {
  private paged = false;
  private freelanced = false;
  /** Steps being worked, by probe or action id. */
  private readonly work = new Map<string, Work>();
  /** Task owners already told that this person is working on the same thing (RD-17). */
  private readonly told = new Set<string>();
  /** Who else started a step for a task ("T1>probe"), so a co-owner does not do it twice. */
  private readonly startedBy = new Map<string, string>();

  /** v2: the action this person just typed /run for, until the drill starts it or refuses it. */
  private running?: string;

  onEvent(e: JournalEvent): void {
    const s = this.session;
    if (s.scenario.version === 2 && e.actor === this.me.name) this.refusedRun(e);
    switch (e.type) {
      case 'alert.notified': {
        if (e.data.user !== this.me.name) return;
        this.paged = true;
        const alert = e.data.alert;
        // Only one's own page is acknowledged (RD-38): a page re-fired for someone else is theirs.
        const mine = () => {
          const st = s.state.pages.find((x) => x.alert === alert);
          return st !== undefined && st.ackedBy === undefined && st.notified.includes(this.me.name);
        };
        this.later(this.sloppy ? 2 * MINUTE : 30 * SECOND, this.sloppy ? 6 * MINUTE : 90 * SECOND, () => (mine() ? '/ack' : undefined));
        // Paged after the response started: join it.
        if (!this.sloppy && s.state.incident.triggeredAt !== undefined) this.bot.joinSoon(20 * SECOND, 70 * SECOND);
        return;
      }
      case 'alert.ack':
        if (e.actor !== this.me.name) return;
        if (s.state.incident.triggeredAt === undefined) {
          const alert = s.scenario.alerts.find((a) => a.id === e.data.alert);
          this.later(20 * SECOND, 60 * SECOND, () => (s.state.incident.triggeredAt === undefined ? `/trigger ${alert?.title ?? 'alert'} is firing and customers may be affected` : undefined));
        }
        return;
      case 'ic.page':
        if (this.paged) this.bot.joinSoon(20 * SECOND, 70 * SECOND);
        return;
      case 'page.sent':
        if (e.data.user !== this.me.name) return;
        this.paged = true;
        this.bot.joinSoon(20 * SECOND, 70 * SECOND);
        return;
      case 'participant.join':
        if (e.actor === this.me.name && this.sloppy && !this.freelanced) this.freelance();
        return;
      case 'task.assign':
        // By the book, tasks come through take() once the person has joined and acknowledged.
        if (this.sloppy && e.data.to === this.me.name) this.sloppyWork(e.data.id, e.data.refs);
        return;
      case 'probe.start':
      case 'action.start':
        if (e.actor !== this.me.name && typeof e.data.taskId === 'string') this.startedBy.set(`${e.data.taskId}>${e.type === 'probe.start' ? e.data.probe : e.data.action}`, e.actor);
        return;
      case 'probe.result':
        if (e.actor !== this.me.name) return;
        this.done(e.data.probe, `${e.data.probe}: ${e.data.text}`);
        return;
      case 'action.done':
        if (e.actor !== this.me.name) return;
        this.done(e.data.action, e.data.result);
        return;
      case 'task.due': {
        const task = s.state.tasks.find((t) => t.id === e.data.id);
        if (!task?.owners.includes(this.me.name)) return;
        if (this.sloppy) return;
        // Ask for more time with an estimate: what the step still needs, and a minute to write it up (RD-13).
        this.later(10 * SECOND, 30 * SECOND, () => (this.open(task.id) ? `/more ${Math.ceil((this.remaining(task.id) + MINUTE) / MINUTE)}m ${task.id}` : undefined));
        return;
      }
    }
  }

  /** v2: an action limited to some phases can be refused; the refusal is the step's result, reported like any other. */
  private refusedRun(e: JournalEvent): void {
    if (e.type === 'input') this.running = /^\/run\s+(\S+)/.exec(e.data.text)?.[1];
    else if (e.type === 'action.start') this.running = undefined;
    else if (e.type === 'cmd.error' && this.running !== undefined) {
      const target = this.running;
      this.running = undefined;
      this.done(target, `could not run ${target}: ${e.data.message}`);
    }
  }

  /** Whether this person may do hands-on work now: acting as a responder, not holding command or a staff role given them. */
  canWork(): boolean {
    return !this.sloppy && this.bot.role() === 'responder';
  }

  /** Works a task given to this person: the probe or action it names, or a look at their own service. */
  take(task: Task): void {
    const target = this.targetOf(task);
    if (!target) return this.bot.handBack(task, 40 * SECOND, 70 * SECOND);
    const running = this.work.get(target);
    if (running && running.startsAt + running.takesMs > this.session.scheduler.now()) {
      // Asked twice: the step already under way answers both tasks.
      running.tasks.add(task.id);
      return;
    }
    const s = this.session.scenario;
    const takesMs = s.probes.find((p) => p.id === target)?.takesMs ?? s.actions.find((a) => a.id === target)?.takesMs ?? MINUTE;
    const delay = this.rng.delay(20 * SECOND, 50 * SECOND);
    const w: Work = { target, tasks: new Set([task.id]), startsAt: this.session.scheduler.now() + delay, takesMs, started: false };
    this.work.set(target, w);
    this.session.scheduler.setTimeout(() => this.start(w), delay);
  }

  /** The probe or action a task is about; for a task that names none, the first look at this person's own service. */
  private targetOf(task: Task): string | undefined {
    const s = this.session.scenario;
    const named = task.refs.find((r) => s.probes.some((p) => p.id === r) || s.actions.some((a) => a.id === r));
    if (named) return named;
    const mine = this.bot.services();
    // A loose task ("check things") about this person's services, or about nothing in particular.
    if (task.remediation || (task.services.length && !task.services.some((x) => mine.includes(x)))) return undefined;
    // Something nobody else has been asked to look at, so two people are not on the same thing (RD-17).
    const taken = new Set(this.session.state.tasks.filter((t) => t.status === 'open' && t.id !== task.id).flatMap((t) => t.refs));
    const probes = s.probes.filter((p) => mine.includes(p.service) && !taken.has(p.id));
    return (probes.find((p) => p.clue && !p.redHerring) ?? probes[0])?.id;
  }

  private start(w: Work): void {
    const s = this.session;
    if (s.status !== 'running') return;
    const tasks = [...w.tasks].map((id) => s.state.tasks.find((t) => t.id === id)).filter((t): t is Task => t !== undefined && t.status === 'open');
    if (!tasks.length) return void this.work.delete(w.target);
    // Given a staff role or command meanwhile: hands off, so the task goes back (RD-07, RD-08).
    if (!this.canWork()) {
      this.work.delete(w.target);
      for (const t of tasks) this.bot.handBack(t, 5 * SECOND, 15 * SECOND);
      return;
    }
    if (!this.bot.joined()) {
      this.bot.joinNow();
      w.startsAt = s.scheduler.now() + 10 * SECOND;
      s.scheduler.setTimeout(() => this.start(w), this.rng.delay(5 * SECOND, 10 * SECOND));
      return;
    }
    // A co-owner already at it for the same task: their result answers it, so this one stands by.
    const started = s.state.tasks.filter((t) => w.tasks.has(t.id) && t.owners.length > 1).some((t) => this.startedBy.get(`${t.id}>${w.target}`) !== undefined);
    if (started) return void this.work.delete(w.target);
    // Two people on the same problem get in each other's way: tell the other owners first (RD-17).
    const others = s.state.tasks
      .filter((t) => t.status === 'open' && !t.owners.includes(this.me.name) && t.refs.includes(w.target))
      .flatMap((t) => t.owners)
      .filter((o) => o !== this.me.name && !this.told.has(o));
    if (others.length) {
      for (const o of others) this.told.add(o);
      s.submit(this.me.name, `${others.map((o) => `@${o}`).join(' ')} heads up, I am also on ${w.target} for ${tasks[0]!.id}; shout if that gets in your way.`, { bot: true });
      w.startsAt = s.scheduler.now() + 10 * SECOND;
      s.scheduler.setTimeout(() => this.start(w), this.rng.delay(5 * SECOND, 10 * SECOND));
      return;
    }
    w.started = true;
    w.startsAt = s.scheduler.now();
    const isProbe = s.scenario.probes.some((p) => p.id === w.target);
    s.submit(this.me.name, `${isProbe ? '/check' : '/run'} ${w.target}`, { bot: true });
  }

  /** A step finished: report on every open task of this person it answers. */
  private done(target: string, text: string): void {
    const w = this.work.get(target);
    if (this.sloppy) return this.sloppyReport(text);
    this.work.delete(target);
    const ids = new Set(w?.tasks ?? []);
    for (const t of this.session.state.tasks) if (t.status === 'open' && t.owners.includes(this.me.name) && t.refs.includes(target)) ids.add(t.id);
    // The whole finding: a report cut to fit a line ("...settings unde...") hid the very clue the IC needed.
    for (const id of ids) this.say(10 * SECOND, 30 * SECOND, () => (this.open(id) ? `/report ${id} ${text}` : undefined));
  }

  private open(id: string): boolean {
    return this.session.state.tasks.some((t) => t.id === id && t.status === 'open');
  }

  /** How much longer the step for a task still needs. */
  private remaining(id: string): number {
    const w = [...this.work.values()].find((x) => x.tasks.has(id));
    if (!w) return 0;
    return Math.max(0, w.startsAt + w.takesMs - this.session.scheduler.now());
  }

  // ---- Sloppy: acknowledges half the time, dives in without an assignment, reports late.

  private sloppyWork(id: string, refs: readonly string[]): void {
    const s = this.session.scenario;
    if (this.rng.chance(0.5)) this.later(5 * SECOND, 20 * SECOND, `/wilco ${id}`);
    const step = refs.find((r) => s.probes.some((p) => p.id === r) || s.actions.some((a) => a.id === r));
    if (!step) {
      this.later(2 * MINUTE, 4 * MINUTE, () => (this.open(id) ? `/report ${id} looked into it; nothing conclusive on my side yet` : undefined));
      return;
    }
    const cmd = s.probes.some((p) => p.id === step) ? `/check ${step}` : `/run ${step}`;
    this.later(20 * SECOND, 50 * SECOND, cmd);
  }

  private sloppyReport(text: string): void {
    const task = this.session.state.tasks.find((t) => t.to === this.me.name && t.status === 'open');
    if (task) this.later(2 * MINUTE, 8 * MINUTE, () => (this.open(task.id) ? `/report ${task.id} ${text}` : undefined));
    else this.later(10 * SECOND, 40 * SECOND, `found something: ${text}`);
  }

  /** Sloppy responders dive in without an assignment: check their service, then try a fix. */
  private freelance(): void {
    this.freelanced = true;
    const s = this.session.scenario;
    const mine = this.bot.services();
    const probe = s.probes.find((p) => mine.includes(p.service));
    const path = s.solution.path.filter((id) => s.actions.some((a) => a.id === id && mine.includes(a.service)));
    // The first wrong move on their service: a red herring, or (v2) an action marked harmful.
    const herring = s.actions.find((a) => isWrongMove(a) && mine.includes(a.service));
    if (probe) this.later(30 * SECOND, 60 * SECOND, `/check ${probe.id}`);
    const action = herring?.id ?? path[0];
    if (action) this.later(90 * SECOND, 150 * SECOND, `/run ${action}`);
  }
}
