/** A drill session: the one place that accepts Commands, changes drill state and writes the journal. */
import { VERSION } from '../cli/version';
import { formatClock } from '../scenario/duration';
import type { Phase, Scenario } from '../scenario/types';
import type { Command } from './command';
import { refsIn, type Draft, type IncidentState, type PersonState, type Poll, type Task } from './drill-state';
import type { JournalEvent, JournalHeader, JournalParticipant, JournalSink } from './journal';
import { isCommandError, mentionsIn, parseCommand } from './parse-command';
import { createFaker, createRng } from './random';
import type { Role } from './roles';
import { Scheduler } from './scheduler';
import { snapshotOf, type DrillSnapshot } from './snapshot';
import { World, type AlertState } from './world';

export type Outcome = 'resolved' | 'timed-out' | 'aborted';
export type FacilitatorControl = { kind: 'pause' } | { kind: 'resume' } | { kind: 'speed'; speed: number } | { kind: 'inject-now' } | { kind: 'end' };

/** An alert escalates to the backup on-call when nobody acknowledges it in this time (oncall/being_oncall.md). */
export const ESCALATE_MS = 5 * 60_000;

export interface SessionOptions {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly cast: readonly JournalParticipant[];
  readonly journal: JournalSink;
  readonly scheduler?: Scheduler;
  /** Wall-clock time for the journal's `wall` field; injected so the engine never reads the system clock. */
  readonly wall?: () => string;
  readonly scenarioFile?: string;
}

type Listener = (e: JournalEvent) => void;

/** One drill, from start to end. */
export class DrillSession {
  readonly scheduler: Scheduler;
  readonly world: World;
  readonly people = new Map<string, PersonState>();
  readonly incident: IncidentState = {};
  readonly tasks: Task[] = [];
  readonly polls: Poll[] = [];
  readonly drafts: Draft[] = [];
  readonly alertState = new Map<string, { ackedBy?: string; notified: string[]; escalation?: unknown }>();
  status: 'ready' | 'running' | 'ended' = 'ready';
  /** The journal header written at start (scoring reads it; a file journal does not keep it in memory). */
  header?: JournalHeader;
  outcome?: Outcome;
  private seq = 0;
  private readonly decisionLog: { id: string; actions: readonly string[] }[] = [];
  private nextInject = 0;
  private readonly listeners: Listener[] = [];
  private readonly wall: () => string;
  private endTimer: unknown;
  private readonly pending: { actor: string; text: string; bot: boolean }[] = [];

  constructor(readonly options: SessionOptions) {
    this.scheduler = options.scheduler ?? new Scheduler();
    this.wall = options.wall ?? (() => '');
    for (const p of options.cast) this.people.set(p.name, { info: p, appointed: [] });
    this.world = new World(options.scenario, this.scheduler, createRng(options.seed, 'noise'), createFaker(options.seed, 'logs'), {
      phaseEntered: (phase) => this.phaseEntered(phase),
      alertFired: (a, value) => this.alertFired(a, value),
      alertCleared: (a) => {
        this.scheduler.clearTimeout(this.alertState.get(a.alert.id)?.escalation);
        this.emit('alert.cleared', 'monitoring', 'system', { alert: a.alert.id });
      },
    });
  }

  get scenario(): Scenario {
    return this.options.scenario;
  }

  /** The drill as it stands now (see snapshot.ts); the UI and network render this. */
  snapshot(): DrillSnapshot {
    return snapshotOf(this);
  }

  /** Subscribes to every journal event as it happens; returns an unsubscribe function. */
  onEvent(fn: Listener): () => void {
    this.listeners.push(fn);
    return () => this.listeners.splice(this.listeners.indexOf(fn), 1);
  }

  /** Writes the header, starts the world and schedules injects and the hard stop. */
  start(): void {
    if (this.status !== 'ready') return;
    this.status = 'running';
    const s = this.scenario;
    this.header = {
      type: 'header', format: 1, firedrill: VERSION,
      scenario: { id: s.id, title: s.title, hash: s.hash, ...(this.options.scenarioFile ? { file: this.options.scenarioFile } : {}) },
      seed: this.options.seed, participants: this.options.cast, wall: this.wall(),
    };
    this.options.journal.header(this.header);
    this.emit('drill.start', 'facilitator', 'system', { scenario: s.id, durationMs: s.durationMs, ...(s.summary ? { summary: s.summary } : {}) });
    this.world.start();
    this.scheduleInject();
    this.endTimer = this.scheduler.setTimeout(() => this.end(this.resolvedAfterMitigation() ? 'resolved' : 'timed-out'), s.durationMs);
  }

  private scheduleInject(): void {
    const inj = this.scenario.injects[this.nextInject];
    if (!inj) return;
    const index = this.nextInject;
    this.scheduler.setTimeout(() => this.fireInject(index), Math.max(0, inj.atMs - this.scheduler.now()));
  }

  private fireInject(index: number): void {
    const inj = this.scenario.injects[index];
    if (this.status !== 'running' || index !== this.nextInject || !inj) return;
    this.nextInject++;
    if (!inj.phase || inj.phase === this.world.currentPhase().id) {
      this.emit('inject', inj.from, 'system', { index, kind: inj.kind, text: inj.text });
    }
    this.scheduleInject();
  }

  /** Records an event in the journal and tells every listener. */
  emit(type: string, actor: string, role: JournalEvent['role'], data: Record<string, unknown> = {}): JournalEvent {
    const e: JournalEvent = { seq: ++this.seq, atMs: this.scheduler.now(), actor, role, type, data, wall: this.wall() };
    this.options.journal.event(e);
    for (const l of [...this.listeners]) l(e);
    return e;
  }

  /**
   * The role a person acts in right now: IC only while they hold command; otherwise their latest
   * appointment or their seat. Someone in the IC seat who does not hold command acts as a responder.
   */
  roleOf(name: string): Role {
    if (this.incident.ic === name) return 'ic';
    const p = this.people.get(name);
    if (!p) return 'facilitator';
    const role = p.appointed[p.appointed.length - 1] ?? p.info.seat;
    return role === 'ic' ? 'responder' : role;
  }

  /** Every role a person holds now. */
  rolesOf(name: string): Role[] {
    const p = this.people.get(name);
    if (!p) return [];
    const roles = new Set<Role>([...(this.incident.ic === name ? (['ic'] as const) : []), ...(p.info.seat === 'ic' ? [] : [p.info.seat]), ...p.appointed]);
    return [...roles];
  }

  private resolvedAfterMitigation(): boolean {
    return this.incident.resolvedAt !== undefined && this.world.mitigatedAt !== undefined && this.incident.resolvedAt >= this.world.mitigatedAt;
  }

  /**
   * Queues input from inside a timer (bots). Queued input runs once every timer due at this instant has fired,
   * the same order replay uses, so a replayed journal matches the original event for event.
   */
  submit(actor: string, text: string, meta: { bot?: boolean } = {}): void {
    this.pending.push({ actor, text, bot: meta.bot ?? false });
  }

  /** Moves drill time to `t`: fires due timers instant by instant, then the input queued at each instant. */
  advanceTo(t: number): void {
    for (;;) {
      const next = this.scheduler.nextDeadline();
      if (next === undefined || next > t) break;
      this.scheduler.advanceTo(next);
      this.flush();
    }
    if (t > this.scheduler.now()) this.scheduler.advanceTo(t);
    this.flush();
  }

  private flush(): void {
    while (this.pending.length) {
      const p = this.pending.shift()!;
      this.dispatch(p.actor, p.text, { bot: p.bot });
    }
  }

  /** Runs a headless drill on simulated time until it ends, feeding scripted input at its times. */
  runSimulated(inputs: readonly { atMs: number; actor: string; text: string }[] = []): void {
    this.start();
    const ordered = inputs.map((x, i) => ({ ...x, i })).sort((a, b) => a.atMs - b.atMs || a.i - b.i);
    for (const input of ordered) {
      if (this.status !== 'running') break;
      this.advanceTo(input.atMs);
      this.dispatch(input.actor, input.text);
    }
    while (this.status === 'running') {
      const next = this.scheduler.nextDeadline();
      if (next === undefined) break;
      this.advanceTo(next);
    }
  }

  /** A participant (human, bot or script) sends a line of chat-ops text. */
  dispatch(actor: string, text: string, meta: { bot?: boolean } = {}): void {
    if (this.status !== 'running') return;
    if (!this.people.has(actor)) {
      this.emit('input', actor, 'system', { text, ...(meta.bot ? { bot: true } : {}) });
      this.emit('cmd.error', actor, 'system', { message: `${actor} is not a participant in this drill` });
      return;
    }
    const role = this.roleOf(actor);
    this.emit('input', actor, role, { text, ...(meta.bot ? { bot: true } : {}) });
    const s = this.scenario;
    const parsed = parseCommand(text, {
      people: [...this.people.keys()],
      probes: s.probes.map((p) => p.id),
      actions: s.actions.map((a) => a.id),
      teams: s.teams.map((t) => t.id),
    });
    if (isCommandError(parsed)) {
      this.emit('cmd.error', actor, role, { message: parsed.error, ...(parsed.suggestion ? { suggestion: parsed.suggestion } : {}) });
      return;
    }
    this.handle(actor, role, parsed);
  }

  /** A facilitator control: pause, resume, speed, inject now, end. */
  control(c: FacilitatorControl): void {
    if (this.status !== 'running') return;
    this.emit(`facilitator.${c.kind}`, 'facilitator', 'facilitator', c.kind === 'speed' ? { speed: c.speed } : {});
    if (c.kind === 'inject-now') this.fireInject(this.nextInject);
    if (c.kind === 'end') this.end('aborted');
  }

  /** Ends the drill once; later inputs are ignored. */
  end(outcome: Outcome): void {
    if (this.status !== 'running') return;
    this.status = 'ended';
    this.outcome = outcome;
    this.world.stop();
    this.scheduler.clearTimeout(this.endTimer);
    for (const t of this.tasks) this.scheduler.clearTimeout(t.dueTimer);
    for (const a of this.alertState.values()) this.scheduler.clearTimeout(a.escalation);
    this.emit('drill.end', 'facilitator', 'system', { outcome, phase: this.world.currentPhase().id });
  }

  private refuse(actor: string, role: Role, message: string, suggestion?: string): void {
    this.emit('cmd.error', actor, role, { message, ...(suggestion ? { suggestion } : {}) });
  }

  private requireIc(actor: string, role: Role, what: string): boolean {
    if (this.incident.ic === actor) return true;
    const who = this.incident.ic ? `${this.incident.ic} is the Incident Commander` : 'nobody has taken command yet (/ic)';
    this.refuse(actor, role, `only the Incident Commander ${what}; ${who}`);
    return false;
  }

  private ensureJoined(actor: string, role: Role): void {
    const p = this.people.get(actor);
    if (p && p.joinedAt === undefined) {
      p.joinedAt = this.scheduler.now();
      this.emit('participant.join', actor, role, { system: '', implicit: true });
    }
  }

  private openTaskOf(name: string, id?: string): Task | undefined {
    if (id) return this.tasks.find((t) => t.id === id && t.to === name);
    return this.tasks.find((t) => t.to === name && t.status === 'open');
  }

  private handle(actor: string, role: Role, c: Command): void {
    const s = this.scenario;
    const now = this.scheduler.now();
    switch (c.kind) {
      case 'ack': {
        const mine = [...this.alertState.entries()].find(([, st]) => !st.ackedBy && st.notified.includes(actor));
        const any = mine ?? [...this.alertState.entries()].find(([, st]) => !st.ackedBy);
        if (!any) return this.refuse(actor, role, 'there is no unacknowledged page');
        const [alert, st] = any;
        st.ackedBy = actor;
        this.scheduler.clearTimeout(st.escalation);
        this.emit('alert.ack', actor, role, { alert, paged: st.notified.includes(actor) });
        return;
      }
      case 'trigger': {
        if (this.incident.triggeredAt !== undefined) return this.refuse(actor, role, `incident response is already under way (triggered at T+${formatClock(this.incident.triggeredAt)})`);
        this.incident.triggeredAt = now;
        this.emit('ic.page', actor, role, { text: c.text });
        const ic = [...this.people.values()].find((p) => p.info.seat === 'ic');
        if (ic) {
          ic.pagedAt = now;
          this.emit('page.sent', actor, role, { team: 'incident-commanders', user: ic.info.name });
        }
        return;
      }
      case 'join': {
        const p = this.people.get(actor)!;
        if (p.joinedAt !== undefined) return this.refuse(actor, role, 'you are already on the call');
        p.joinedAt = now;
        this.emit('participant.join', actor, role, { system: c.text });
        return;
      }
      case 'ic': {
        if (this.incident.ic === actor) return this.refuse(actor, role, 'you are already the Incident Commander');
        if (this.incident.ic) return this.refuse(actor, role, `${this.incident.ic} is the Incident Commander; command changes only by /handover`);
        this.incident.ic = actor;
        this.ensureJoined(actor, 'ic');
        this.emit('role.claim', actor, 'ic', { role: 'ic', text: c.text });
        return;
      }
      case 'appoint': {
        if (!this.requireIc(actor, role, 'appoints roles')) return;
        const p = this.people.get(c.target)!;
        if (!p.appointed.includes(c.role)) p.appointed.push(c.role);
        this.emit('role.appoint', actor, role, { user: c.target, role: c.role });
        return;
      }
      case 'sev': {
        if (!this.requireIc(actor, role, 'declares severity')) return;
        const previous = this.incident.severity ?? null;
        this.incident.severity = c.level;
        this.emit('sev.set', actor, role, { level: c.level, previous, mitigated: this.world.mitigatedAt !== undefined });
        return;
      }
      case 'assign': {
        if (!this.requireIc(actor, role, 'assigns tasks')) return;
        const id = `T${this.tasks.length + 1}`;
        const refs = refsIn(c.task, [...s.probes.map((p) => p.id), ...s.actions.map((a) => a.id), ...s.services.map((x) => x.id)]);
        const task: Task = { id, to: c.target, by: actor, text: c.task, refs, assignedAt: now, timeboxMs: c.timeboxMs, status: 'open' };
        this.tasks.push(task);
        this.emit('task.assign', actor, role, { id, to: c.target, text: c.task, timeboxMs: c.timeboxMs, refs });
        if (c.timeboxMs !== null) this.setDue(task, c.timeboxMs);
        return;
      }
      case 'wilco': {
        const task = c.taskId ? this.openTaskOf(actor, c.taskId) : this.tasks.find((t) => t.to === actor && t.status === 'open' && t.ackedAt === undefined);
        if (!task) return this.refuse(actor, role, c.taskId ? `${c.taskId} is not a task of yours` : 'you have no task to acknowledge');
        task.ackedAt = now;
        this.emit('task.ack', actor, role, { id: task.id });
        return;
      }
      case 'report': {
        const task = this.openTaskOf(actor, c.taskId);
        if (c.taskId && !task) return this.refuse(actor, role, `${c.taskId} is not a task of yours`);
        if (task) {
          task.status = 'done';
          task.reportedAt = now;
          this.scheduler.clearTimeout(task.dueTimer);
        }
        this.emit('task.report', actor, role, { id: task?.id ?? null, text: c.text });
        return;
      }
      case 'more': {
        const task = this.openTaskOf(actor, c.taskId);
        if (!task || task.status !== 'open') return this.refuse(actor, role, c.taskId ? `${c.taskId} is not an open task of yours` : 'you have no open task to extend');
        this.emit('task.extend', actor, role, { id: task.id, estimateMs: c.ms });
        this.setDue(task, c.ms);
        return;
      }
      case 'check': {
        const probe = s.probes.find((p) => p.id === c.probe)!;
        const task = this.tasks.find((t) => t.to === actor && t.status === 'open');
        this.emit('probe.start', actor, role, { probe: probe.id, service: probe.service, taskId: task?.id ?? null });
        this.scheduler.setTimeout(() => {
          if (this.status !== 'running') return;
          this.world.probeDone(probe.id);
          const reading = this.world.read(probe);
          this.emit('probe.result', actor, role, { probe: probe.id, text: reading.text, metrics: reading.metrics, logs: reading.logs.map((l) => `${formatClock(l.atMs)} ${l.level.toUpperCase()} ${l.text}`) });
        }, probe.takesMs);
        return;
      }
      case 'run': {
        const action = s.actions.find((a) => a.id === c.action)!;
        const task = this.tasks.find((t) => t.to === actor && t.status === 'open' && (t.refs.length === 0 || t.refs.includes(action.id) || t.refs.includes(action.service)));
        const lastDecision = this.lastDecisionMentioning(action.id);
        this.emit('action.start', actor, role, {
          action: action.id, service: action.service, major: action.major, taskId: task?.id ?? null,
          decisionId: lastDecision ?? null,
        });
        this.scheduler.setTimeout(() => {
          if (this.status !== 'running') return;
          const changed = this.world.actionDone(action.id);
          // The author's result text describes the action finishing, whether or not the world changed.
          this.emit('action.done', actor, role, { action: action.id, changed, result: action.result ?? (changed ? `${action.title}: done.` : `${action.title}: done; no visible change yet.`) });
        }, action.takesMs);
        return;
      }
      case 'poll': {
        if (!this.requireIc(actor, role, 'runs polls')) return;
        for (const p of this.polls) p.closed = true;
        const id = `P${this.polls.length + 1}`;
        this.polls.push({ id, proposal: c.proposal, openedAt: now, objections: [], closed: false });
        this.emit('poll.open', actor, role, { id, proposal: c.proposal, actions: refsIn(c.proposal, s.actions.map((a) => a.id)) });
        return;
      }
      case 'object': {
        const poll = this.polls.find((p) => !p.closed);
        if (!poll) return this.refuse(actor, role, 'no poll is open; say it in chat instead');
        poll.objections.push({ by: actor, text: c.text });
        this.emit('poll.object', actor, role, { id: poll.id, text: c.text });
        return;
      }
      case 'decide': {
        if (!this.requireIc(actor, role, 'records decisions')) return;
        const poll = this.polls.find((p) => !p.closed);
        if (poll) poll.closed = true;
        const actions = refsIn(c.text, s.actions.map((a) => a.id));
        const id = `X${this.decisionLog.length + 1}`;
        this.decisionLog.push({ id, actions });
        this.emit('decision', actor, role, {
          id, pollId: poll?.id ?? null, text: c.text, actions,
          major: actions.some((a) => s.actions.find((x) => x.id === a)?.major),
        });
        return;
      }
      case 'status': {
        if (!this.requireIc(actor, role, 'gives status updates')) return;
        this.incident.lastStatus = { atMs: now, text: c.text };
        this.emit('status.update', actor, role, { audience: 'call', text: c.text, severity: this.incident.severity ?? null });
        return;
      }
      case 'note':
      case 'todo': {
        const refs = [...c.text.matchAll(/\b([TXPD]\d+)\b/g)].map((m) => m[1]!);
        this.emit('scribe.note', actor, role, { text: c.text, todo: c.kind === 'todo' || /^todo\b/i.test(c.text), refs });
        return;
      }
      case 'draft': {
        const id = `D${this.drafts.length + 1}`;
        this.drafts.push({ id, by: actor, text: c.text, at: now });
        this.emit('draft.submit', actor, role, { id, text: c.text });
        return;
      }
      case 'approve': {
        if (!this.requireIc(actor, role, 'approves external messages')) return;
        const d = c.draftId ? this.drafts.find((x) => x.id === c.draftId) : [...this.drafts].reverse().find((x) => !x.approvedBy && x.postedAt === undefined);
        if (!d) return this.refuse(actor, role, c.draftId ? `no draft ${c.draftId}` : 'there is no draft waiting for approval');
        d.approvedBy = actor;
        this.emit('draft.approve', actor, role, { id: d.id });
        return;
      }
      case 'post': {
        const d = c.draftId ? this.drafts.find((x) => x.id === c.draftId) : [...this.drafts].reverse().find((x) => x.postedAt === undefined);
        if (!d) return this.refuse(actor, role, c.draftId ? `no draft ${c.draftId}` : 'there is no draft to post; /draft one first');
        if (d.postedAt !== undefined) return this.refuse(actor, role, `${d.id} was already posted`);
        d.postedAt = now;
        this.emit('external.post', actor, role, { draftId: d.id, text: d.text, approvedBy: d.approvedBy ?? null });
        return;
      }
      case 'page': {
        const primary = [...this.people.values()].find((p) => p.info.team === c.team && p.info.onCall === 'primary');
        if (primary) primary.pagedAt = now;
        this.emit('page.sent', actor, role, { team: c.team, user: primary?.info.name ?? null });
        return;
      }
      case 'handover': {
        if (!this.requireIc(actor, role, 'hands over command')) return;
        if (c.target === actor) return this.refuse(actor, role, 'you already hold command');
        this.emit('handover.announce', actor, role, { from: actor, to: c.target });
        this.incident.ic = c.target;
        this.ensureJoined(c.target, this.roleOf(c.target));
        this.emit('role.claim', c.target, 'ic', { role: 'ic', via: 'handover', from: actor });
        return;
      }
      case 'resolve': {
        if (!this.requireIc(actor, role, 'resolves the incident')) return;
        if (this.incident.resolvedAt !== undefined) return this.refuse(actor, role, 'the incident is already resolved');
        const mitigated = this.world.mitigatedAt !== undefined;
        if (mitigated) this.incident.resolvedAt = now;
        this.emit('incident.resolve', actor, role, { finalSev: this.incident.severity ?? null, mitigated });
        return;
      }
      case 'end': {
        if (!this.requireIc(actor, role, 'ends the call')) return;
        if (this.incident.resolvedAt === undefined) return this.refuse(actor, role, 'the incident is not resolved yet; /resolve it first (only once it is mitigated)');
        this.incident.callEndedAt = now;
        this.emit('call.end', actor, role, {});
        this.end('resolved');
        return;
      }
      case 'postmortem': {
        if (!this.requireIc(actor, role, 'names the postmortem owner')) return;
        this.incident.postmortemOwner = c.owner;
        this.emit('pm.assign', actor, role, { owner: c.owner });
        return;
      }
      case 'say': {
        const mentions = mentionsIn(c.text, [...this.people.keys()]);
        this.emit('say', actor, role, { text: c.text, mentions });
        if (this.incident.ic === actor) {
          for (const t of this.tasks) {
            if (t.status === 'open' && mentions.includes(t.to) && t.dueAt !== undefined && now >= t.dueAt) this.emit('task.followup', actor, role, { id: t.id, to: t.to });
          }
        }
        return;
      }
    }
  }

  private lastDecisionMentioning(action: string): string | undefined {
    return [...this.decisionLog].reverse().find((d) => d.actions.includes(action))?.id;
  }

  private setDue(task: Task, ms: number): void {
    this.scheduler.clearTimeout(task.dueTimer);
    task.dueAt = this.scheduler.now() + ms;
    task.dueTimer = this.scheduler.setTimeout(() => {
      if (task.status === 'open' && this.status === 'running') this.emit('task.due', task.to, this.roleOf(task.to), { id: task.id, to: task.to });
    }, ms);
  }

  private phaseEntered(phase: Phase): void {
    this.emit('phase.enter', 'world', 'system', { phase: phase.id, mitigated: phase.mitigated, resolved: phase.resolved });
  }

  private alertFired(a: AlertState, value: number): void {
    const id = a.alert.id;
    const primary = [...this.people.values()].find((p) => p.info.team === a.alert.pages && p.info.onCall === 'primary');
    const backup = [...this.people.values()].find((p) => p.info.team === a.alert.pages && p.info.onCall === 'backup');
    this.emit('alert.fired', 'monitoring', 'system', { alert: id, title: a.alert.title, metric: a.alert.metric, value, urgency: a.alert.urgency });
    this.scheduler.clearTimeout(this.alertState.get(id)?.escalation);
    const st = { notified: [] as string[], escalation: undefined as unknown };
    this.alertState.set(id, st);
    if (primary) {
      st.notified.push(primary.info.name);
      this.emit('alert.notified', 'monitoring', 'system', { alert: id, user: primary.info.name, level: 1 });
    }
    if (backup) {
      st.escalation = this.scheduler.setTimeout(() => {
        const cur = this.alertState.get(id);
        if (cur !== st || cur.ackedBy || this.status !== 'running') return;
        cur.notified.push(backup.info.name);
        this.emit('alert.notified', 'monitoring', 'system', { alert: id, user: backup.info.name, level: 2, escalated: true });
      }, ESCALATE_MS);
    }
  }
}
