/** A drill session: the one place that accepts Commands, changes drill state and writes the journal. */
import { VERSION } from '../version';
import { formatClock } from '../scenario/duration';
import type { Phase, Scenario } from '../scenario/types';
import type { Command } from './command';
import { eventIdsIn, type Decision, type Draft, type IncidentState, type PersonState, type Poll, type Task } from './drill-state';
import { readChat, type ChatContext } from './chat-reading';
import { linkIntent } from './intent/link';
import type { DrillEvent, EventData, EventOf, EventRole, EventType } from './events';
import type { JournalEvent, JournalHeader, JournalParticipant, JournalSink } from './journal';
import { isCommandError, mentionsIn, parseCommand } from './parse-command';
import { createFaker, createRng } from './random';
import type { Role } from './roles';
import { Scheduler } from './scheduler';
import { snapshotOf, type DrillSnapshot } from './snapshot';
import { World, type AlertState } from './world';
import { escapeRe } from './intent/escape-re';

export type Outcome = 'resolved' | 'timed-out' | 'aborted';
export type FacilitatorControl = { kind: 'pause' } | { kind: 'resume' } | { kind: 'speed'; speed: number } | { kind: 'inject-now' } | { kind: 'end' };

/** How long after a decision "do it" in an assignment still means that decision. */
const DECISION_CARRIES_MS = 10 * 60_000;
// Words that carry out what was just decided: "go ahead", "do it", "run X1", "execute", "make it happen".
const CARRY_OUT_RE = /\b(?:do|run|execute|carry|perform|implement|apply|action|go ahead|proceed|make it (?:so|happen)|kick (?:it )?off|start|handle|take care of)\b/i;


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
  private readonly decisions: Decision[] = [];
  /** Timer handles of task time boxes, kept out of the task so tasks stay plain data. */
  private readonly dueTimers = new Map<string, unknown>();
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
  emit<T extends EventType>(type: T, actor: string, role: EventRole, data: EventData<T>): DrillEvent {
    const e = { seq: ++this.seq, atMs: this.scheduler.now(), actor, role, type, data, wall: this.wall() } as EventOf<T> as DrillEvent;
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
    if (parsed.kind !== 'say') return this.handle(actor, role, parsed);
    const reading = readChat(parsed.text, this.chatContext(actor));
    // "Status: SEV-1, ..." declares the level the update then reports, so the severity goes first.
    const first = reading.instead?.kind === 'status' ? reading.also : [];
    for (const c of first) this.handle(actor, role, c, 'chat');
    if (reading.instead) this.handle(actor, role, reading.instead, 'chat');
    else this.handle(actor, role, parsed);
    for (const c of reading.also) if (!first.includes(c)) this.handle(actor, this.roleOf(actor), c, 'chat');
    if (!reading.instead && this.people.get(actor)?.joinedAt === undefined && this.incident.ic !== actor) {
      const covers = this.scenario.services.find((x) => x.owner === this.people.get(actor)?.info.team)?.id ?? role;
      this.hint(actor, role, `you have not joined the call yet: say who you are and what you cover first (/join ${covers})`);
    }
  }

  /** What chat reading needs to know about a speaker right now. */
  private chatContext(actor: string): ChatContext {
    const open = this.tasks.filter((t) => t.owners.includes(actor) && t.status === 'open');
    const poll = this.polls.find((p) => p.decidedBy === undefined && !p.closed);
    return {
      actor, role: this.roleOf(actor), people: [...this.people.keys()], pollActions: poll?.actions ?? [],
      scenario: this.scenario, isIc: this.incident.ic === actor, hasIc: this.incident.ic !== undefined,
      icAnnounced: this.incident.icAnnounced === true, joined: this.people.get(actor)?.joinedAt !== undefined,
      ...(this.incident.severity ? { severity: this.incident.severity } : {}),
      hasUnackedTask: open.some((t) => t.ackedAt === undefined), hasOpenTask: open.length > 0,
      draftWaiting: this.drafts.some((d) => !d.approvedBy && d.postedAt === undefined),
      pollUndecided: poll !== undefined,
    };
  }

  /** A facilitator control: pause, resume, speed, inject now, end. */
  control(c: FacilitatorControl): void {
    if (this.status !== 'running') return;
    if (c.kind === 'speed') this.emit('facilitator.speed', 'facilitator', 'facilitator', { speed: c.speed });
    else this.emit(`facilitator.${c.kind}`, 'facilitator', 'facilitator', {});
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
    for (const t of this.dueTimers.values()) this.scheduler.clearTimeout(t);
    for (const a of this.alertState.values()) this.scheduler.clearTimeout(a.escalation);
    this.emit('drill.end', 'facilitator', 'system', { outcome, phase: this.world.currentPhase().id });
  }

  private refuse(actor: string, role: Role, message: string, suggestion?: string): void {
    this.emit('cmd.error', actor, role, { message, ...(suggestion ? { suggestion } : {}) });
  }

  /** Tells one person something privately (their hint line, never the channel): what a command kept, or how to link it. */
  hint(actor: string, role: Role | 'system', message: string): void {
    this.emit('cmd.hint', actor, role, { message });
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

  /** An open task of this person: the one named, else one their words are about, else their oldest. */
  private openTaskOf(name: string, id?: string, text?: string): Task | undefined {
    if (id) return this.tasks.find((t) => t.id === id && t.owners.includes(name));
    const open = this.tasks.filter((t) => t.owners.includes(name) && t.status === 'open');
    if (text !== undefined && open.length > 1) {
      const about = linkIntent(text, this.scenario);
      const hit = open.find((t) => t.refs.some((r) => about.actions.includes(r) || about.probes.includes(r)));
      if (hit) return hit;
    }
    return open[0];
  }

  /** Whether a task covers running an action: named in it, or (for a minor action) a fix asked of its service. */
  private covers(task: Task, action: Scenario['actions'][number]): boolean {
    if (task.actions.includes(action.id)) return true;
    // A major action needs to be named: "look at orders-api" does not cover rolling it back (RD-15).
    if (action.major || !task.remediation) return false;
    if (task.services.includes(action.service)) return true;
    const team = this.people.get(task.to)?.info.team;
    return task.refs.length === 0 && task.services.length === 0 && this.scenario.services.some((x) => x.id === action.service && x.owner === team);
  }

  /** A decision in words ("run X1", or "do it" right after deciding): the actions a task carries out. */
  private decidedActions(text: string, now: number, namesOwn: boolean): string[] {
    const named = eventIdsIn(text).filter((id) => id.startsWith('X'));
    const byId = this.decisions.filter((d) => named.includes(d.id)).flatMap((d) => d.actions);
    if (byId.length || namesOwn) return byId;
    // Only a task that names nothing else carries out the last decision: "check the logs, run the query" does not.
    const last = this.decisions.at(-1);
    const recent = last !== undefined && now - last.atMs <= DECISION_CARRIES_MS;
    return recent && CARRY_OUT_RE.test(text) ? [...last.actions] : [];
  }

  /** The poll a decision settles: the one it names, else the latest undecided poll about the same actions. */
  private pollFor(text: string, actions: readonly string[]): Poll | undefined {
    const named = eventIdsIn(text).find((id) => id.startsWith('P'));
    if (named) return this.polls.find((p) => p.id === named);
    const undecided = [...this.polls].reverse().filter((p) => p.decidedBy === undefined);
    if (actions.length === 0) return undecided.find((p) => !p.closed);
    // A poll that names no action may be about anything, so the open one is given the benefit of the doubt.
    return undecided.find((p) => p.actions.some((a) => actions.includes(a))) ?? undecided.find((p) => !p.closed && p.actions.length === 0);
  }

  private handle(actor: string, role: Role, c: Command, via?: 'chat'): void {
    const s = this.scenario;
    const now = this.scheduler.now();
    const chat = via ? { via } : {};
    switch (c.kind) {
      case 'ack': {
        const mine = [...this.alertState.entries()].find(([, st]) => !st.ackedBy && st.notified.includes(actor));
        const unackedTask = this.tasks.find((t) => t.owners.includes(actor) && t.status === 'open' && t.ackedAt === undefined);
        // "/ack T1", or "/ack" with no page waiting but a task to acknowledge, is a /wilco.
        if (c.taskId !== undefined || (!mine && unackedTask)) return this.handle(actor, role, { kind: 'wilco', ...(c.taskId ? { taskId: c.taskId } : {}) });
        const any = mine ?? [...this.alertState.entries()].find(([, st]) => !st.ackedBy);
        if (!any) return this.refuse(actor, role, 'there is no unacknowledged page or task');
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
        this.emit('participant.join', actor, role, { system: c.text, ...chat });
        return;
      }
      case 'ic': {
        if (this.incident.ic === actor) {
          // The new IC after a handover (or an IC who first typed a bare /ic) announces command in full.
          if (c.text.trim() === '' || this.incident.icAnnounced) return this.refuse(actor, role, 'you are already the Incident Commander');
          this.incident.icAnnounced = true;
          this.emit('role.announce', actor, 'ic', { text: c.text, ...chat });
          return;
        }
        // Coded, so RD-02 can count attempts on command however they were made (typed /ic, or said in chat).
        if (this.incident.ic) return void this.emit('cmd.error', actor, role, { message: `${this.incident.ic} is the Incident Commander; command changes only by /handover`, code: 'command-held' });
        this.incident.ic = actor;
        this.incident.icAnnounced = c.text.trim() !== '';
        this.ensureJoined(actor, 'ic');
        this.emit('role.claim', actor, 'ic', { role: 'ic', text: c.text, ...chat });
        return;
      }
      case 'appoint': {
        if (!this.requireIc(actor, role, 'appoints roles')) return;
        for (const a of c.appointments) {
          const p = this.people.get(a.target)!;
          if (!p.appointed.includes(a.role)) p.appointed.push(a.role);
          this.emit('role.appoint', actor, role, { user: a.target, role: a.role });
        }
        return;
      }
      case 'sev': {
        if (!this.requireIc(actor, role, 'declares severity')) return;
        const previous = this.incident.severity ?? null;
        this.incident.severity = c.level;
        this.emit('sev.set', actor, role, { level: c.level, previous, mitigated: this.world.mitigatedAt !== undefined, ...(c.note ? { note: c.note } : {}), ...chat });
        return;
      }
      case 'assign': return this.assign(actor, role, c, now);
      case 'wilco': {
        const task = c.taskId ? this.openTaskOf(actor, c.taskId) : this.tasks.find((t) => t.owners.includes(actor) && t.status === 'open' && t.ackedAt === undefined);
        if (!task) return this.refuse(actor, role, c.taskId ? `${c.taskId} is not a task of yours` : 'you have no task to acknowledge');
        if (task.ackedAt === undefined) task.ackedAt = now;
        this.emit('task.ack', actor, role, { id: task.id, ...chat });
        return;
      }
      case 'report': {
        const task = this.openTaskOf(actor, c.taskId, c.text);
        if (c.taskId && !task) return this.refuse(actor, role, `${c.taskId} is not a task of yours`);
        if (task) {
          task.status = 'done';
          task.reportedAt = now;
          this.scheduler.clearTimeout(this.dueTimers.get(task.id));
        }
        this.emit('task.report', actor, role, { id: task?.id ?? null, text: c.text, ...chat });
        return;
      }
      case 'more': {
        const task = this.openTaskOf(actor, c.taskId);
        if (!task || task.status !== 'open') return this.refuse(actor, role, c.taskId ? `${c.taskId} is not an open task of yours` : 'you have no open task to extend');
        this.emit('task.extend', actor, role, { id: task.id, estimateMs: c.ms, ...chat });
        this.setDue(task, c.ms);
        return;
      }
      case 'check': {
        const probe = s.probes.find((p) => p.id === c.probe)!;
        const open = this.tasks.filter((t) => t.owners.includes(actor) && t.status === 'open');
        const task = open.find((t) => t.refs.includes(probe.id)) ?? open[0];
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
        const task = this.tasks.find((t) => t.owners.includes(actor) && t.status === 'open' && this.covers(t, action));
        const decision = [...this.decisions].reverse().find((d) => d.actions.includes(action.id));
        this.emit('action.start', actor, role, {
          action: action.id, service: action.service, major: action.major, taskId: task?.id ?? null, decisionId: decision?.id ?? null,
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
        const actions = linkIntent(c.proposal, s).actions;
        this.polls.push({ id, proposal: c.proposal, openedAt: now, actions, objections: [], closed: false });
        this.emit('poll.open', actor, role, { id, proposal: c.proposal, actions, ...chat });
        if (actions.length === 0) this.hint(actor, role, `${id} names no action, so a decision and a /run cannot be tied to it; say which (Tab after /poll lists them)`);
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
        const own = linkIntent(c.text, s).actions;
        const poll = this.pollFor(c.text, own);
        // "Hearing none, we proceed" is about whatever the poll proposed.
        const actions = own.length ? own : [...(poll?.actions ?? [])];
        const id = `X${this.decisions.length + 1}`;
        if (poll) {
          poll.closed = true;
          poll.decidedBy = id;
        }
        this.decisions.push({ id, atMs: now, actions, pollId: poll?.id ?? null });
        this.emit('decision', actor, role, {
          id, pollId: poll?.id ?? null, text: c.text, actions,
          major: actions.some((a) => s.actions.find((x) => x.id === a)?.major), ...chat,
        });
        if (actions.length === 0) this.hint(actor, role, `${id} names no action; a /run of what you decided will not count as decided (Tab after /decide lists actions)`);
        return;
      }
      case 'status': {
        if (!this.requireIc(actor, role, 'gives status updates')) return;
        this.incident.lastStatus = { atMs: now, text: c.text };
        this.incident.statusCount = (this.incident.statusCount ?? 0) + 1;
        this.emit('status.update', actor, role, { id: `S${this.incident.statusCount}`, audience: 'call', text: c.text, severity: this.incident.severity ?? null, ...chat });
        return;
      }
      case 'note':
      case 'todo': {
        const about = linkIntent(c.text, s);
        const refs = [...new Set([...eventIdsIn(c.text), ...about.actions, ...about.probes])];
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
        this.emit('draft.approve', actor, role, { id: d.id, ...chat });
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
        this.incident.icAnnounced = false;
        this.ensureJoined(c.target, this.roleOf(c.target));
        this.emit('role.claim', c.target, 'ic', { role: 'ic', via: 'handover', from: actor });
        this.hint(c.target, 'ic', `${actor} handed you command. Announce it to everyone: /ic This is ${c.target}, I am now the Incident Commander`);
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
        this.emit('pm.assign', actor, role, { owner: c.owner, ...(c.owners ? { owners: c.owners } : {}), due: c.due ?? null, ...chat });
        if (c.owners) this.hint(actor, role, `the postmortem went to ${c.owners.join(' and ')}: it needs one owner (/postmortem @${c.owner} by Friday)`);
        else if (c.due === undefined) this.hint(actor, role, `${c.owner} owns the postmortem; say when it is due too: /postmortem @${c.owner} by Friday`);
        return;
      }
      case 'say': return this.say(actor, role, c.text, now);
    }
  }

  private assign(actor: string, role: Role, c: Extract<Command, { kind: 'assign' }>, now: number): void {
    if (!this.requireIc(actor, role, 'assigns tasks')) return;
    const id = `T${this.tasks.length + 1}`;
    const about = linkIntent(c.task, this.scenario);
    const actions = [...new Set([...about.actions, ...this.decidedActions(c.task, now, about.actions.length + about.probes.length > 0)])];
    const refs = [...actions, ...about.probes];
    const to = c.owners[0] ?? c.group ?? 'someone';
    const task: Task = {
      id, to, owners: c.owners, by: actor, text: c.task, refs, actions, services: about.services,
      remediation: about.remediation || actions.length > 0, assignedAt: now, timeboxMs: c.timeboxMs, status: 'open',
    };
    this.tasks.push(task);
    this.emit('task.assign', actor, role, {
      id, to, owners: c.owners, ...(c.group ? { group: c.group } : {}), text: c.task, timeboxMs: c.timeboxMs, refs, actions,
      services: about.services, remediation: task.remediation,
    });
    if (c.timeboxMs !== null) this.setDue(task, c.timeboxMs);
    // Say at once what was kept, so a lost owner or time box is not first found in the scorecard.
    const kept: string[] = [];
    if (c.group) kept.push(`${id} went to "${c.group}", which is nobody in particular: give it to one person by name`);
    else if (c.owners.length > 1) kept.push(`${id} went to ${c.owners.join(' and ')}: one owner per task keeps it clear (give each their own)`);
    if (c.unreadTimebox) kept.push(`${id} has no time box: "${c.unreadTimebox}" is not a time I can count down (say "in 5m")`);
    else if (c.timeboxMs === null) kept.push(`${id} has no time box (add "in 5m")`);
    if (refs.length === 0) kept.push(`${id} names no probe or action${about.services.length ? ` on ${about.services.join(', ')}` : ''}; Tab after the task lists them`);
    if (kept.length) this.hint(actor, role, kept.join('; '));
  }

  private say(actor: string, role: Role, text: string, now: number): void {
    const mentions = mentionsIn(text, [...this.people.keys()]);
    this.emit('say', actor, role, { text, mentions });
    if (this.incident.ic !== actor) return;
    const ids = eventIdsIn(text);
    for (const t of this.tasks) {
      // The IC asking after an expired task: by @name, by name, or by its id.
      const asked = mentions.includes(t.to) || ids.includes(t.id) || new RegExp(`\\b${escapeRe(t.to)}\\b`, 'i').test(text);
      if (t.status === 'open' && asked && t.dueAt !== undefined && now >= t.dueAt) this.emit('task.followup', actor, role, { id: t.id, to: t.to });
    }
  }

  private setDue(task: Task, ms: number): void {
    this.scheduler.clearTimeout(this.dueTimers.get(task.id));
    task.dueAt = this.scheduler.now() + ms;
    this.dueTimers.set(task.id, this.scheduler.setTimeout(() => {
      if (task.status === 'open' && this.status === 'running') this.emit('task.due', task.to, this.people.has(task.to) ? this.roleOf(task.to) : 'system', { id: task.id, to: task.to });
    }, ms));
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
