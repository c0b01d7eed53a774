/** A drill session: the one place that accepts Commands, changes drill state and writes the journal. */
import { VERSION } from '../version';
import { stampAt } from '../scenario/story-clock';
import type { Phase, Scenario } from '../scenario/types';
import { InjectClock } from './inject-clock';
import { drawJitters, VARIATION_STREAM } from './variation';
import type { Command } from './command';
import { commandVocabulary } from './command-vocabulary';
import { handleCommand } from './commands';
import type { CommandContext, NewEvent } from './commands/context';
import { readChat, type ChatContext } from './chat-reading';
import { initialState, personOf, type DrillState, type Outcome } from './state/drill-state';
import { evolve } from './state/evolve';
import { roleOf, rolesOf } from './state/roles-of';
import { stripControl } from './sanitize';
import type { DrillEvent, EventData, EventOf, EventRole, EventType } from './events';
import type { JournalEvent, JournalHeader, JournalParticipant, JournalSink } from './journal';
import { isCommandError, parseCommand } from './parse-command';
import { createFaker, createRng } from './random';
import type { Role } from './roles';
import { Scheduler } from './scheduler';
import type { ViewMetric } from './view/drill-view';
import { World, type AlertState } from './world';

export type { Outcome } from './state/drill-state';
export type FacilitatorControl =
  | { kind: 'pause' } | { kind: 'resume' } | { kind: 'speed'; speed: number } | { kind: 'inject-now' } | { kind: 'end' }
  | { kind: 'say'; speaker: string; text: string };

/** The longest speaker name and line an ad-hoc inject keeps (facilitator.say); longer ones are cut. */
export const SAY_SPEAKER_MAX = 80;
export const SAY_TEXT_MAX = 500;

/** Text cut to `max` characters (never through a surrogate pair), one line, no control sequences, trimmed. */
function sayPart(text: string, max: number): string {
  return Array.from(stripControl(text).trim()).slice(0, max).join('').trim();
}

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

/** One drill, from start to end: the lifecycle, time and the journal. What a command does lives in commands/. */
export class DrillSession {
  readonly scheduler: Scheduler;
  readonly world: World;
  /** The session's lifecycle (the state's status follows it through drill.start and drill.end). */
  status: 'ready' | 'running' | 'ended' = 'ready';
  /** The journal header written at start (scoring reads it; a file journal does not keep it in memory). */
  header?: JournalHeader;
  outcome?: Outcome;
  private current: DrillState;
  private seq = 0;
  /** Timer handles (task time boxes, alert escalations) live here, never in the state. */
  private readonly dueTimers = new Map<string, unknown>();
  private readonly escalations = new Map<string, unknown>();
  private nextInject = 0;
  private readonly listeners: Listener[] = [];
  private readonly wall: () => string;
  private endTimer: unknown;
  private readonly pending: { actor: string; text: string; bot: boolean }[] = [];
  private pausedByFacilitator = false;
  /** v2: the inject timers (v1 injects use nextInject and one timer at a time, as they always have). */
  private readonly injectClock?: InjectClock;

  constructor(readonly options: SessionOptions) {
    this.scheduler = options.scheduler ?? new Scheduler();
    this.wall = options.wall ?? (() => '');
    const v2 = options.scenario.version === 2;
    // Only a v2 drill draws from the variation stream: a v1 drill's randomness is what it always was.
    const variationRng = v2 ? createRng(options.seed, VARIATION_STREAM) : undefined;
    const jitters = variationRng ? drawJitters(options.scenario, variationRng) : undefined;
    this.world = new World(options.scenario, this.scheduler, createRng(options.seed, 'noise'), createFaker(options.seed, 'logs'), {
      phaseEntered: (phase) => this.phaseEntered(phase),
      alertFired: (a, value) => this.alertFired(a, value),
      alertCleared: (a) => {
        this.scheduler.clearTimeout(this.escalations.get(a.alert.id));
        this.emit('alert.cleared', 'monitoring', 'system', { alert: a.alert.id });
      },
      variableSet: (name, value, by) => this.emit('variable.set', 'world', 'system', { name, value, by }),
    }, variationRng && jitters ? { rng: variationRng, jitters } : undefined);
    if (jitters) this.injectClock = new InjectClock(options.scenario, this.scheduler, jitters.injects, (i) => this.injectDue(i));
    this.current = initialState(options.cast, this.world.currentPhase().id);
  }

  get scenario(): Scenario {
    return this.options.scenario;
  }

  /** The drill state as events have made it (plain, read-only data). */
  get state(): DrillState {
    return this.current;
  }

  /** The dashboards: every metric's value and recent history, public as monitoring is. */
  dashboards(): ViewMetric[] {
    const m = this.world.metrics;
    return m.metrics().map((x) => ({
      ref: x.ref, family: x.family, value: m.value(x.ref), history: m.history(x.ref),
      ...(x.unit !== undefined ? { unit: x.unit } : {}), ...(x.label !== undefined ? { label: x.label } : {}), ...(x.whole ? { whole: true } : {}),
    }));
  }

  /** How many of the scenario's injects have come due (fired, or passed over in another phase). */
  get injectsFired(): number {
    return this.injectClock ? this.injectClock.cameDue : this.nextInject;
  }

  /** v2: the injects set to come due, soonest first, for the facilitator (undefined for v1: the rest of the list, in order). */
  upcomingInjects(): readonly { readonly index: number; readonly atMs: number }[] | undefined {
    return this.injectClock?.upcoming();
  }

  /** Subscribes to every journal event as it happens; returns an unsubscribe function. */
  onEvent(fn: Listener): () => void {
    this.listeners.push(fn);
    // Idempotent: a second call must not remove someone else's listener (indexOf -1 would splice the last one).
    return () => {
      const i = this.listeners.indexOf(fn);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** How many listeners hear events now (clients that come and go must leave none behind). */
  get listenerCount(): number {
    return this.listeners.length;
  }

  /** Whether the last clock control was a pause not yet resumed (a resumed session starts its driver as the journal left it). */
  get clockPaused(): boolean {
    return this.pausedByFacilitator;
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
    if (this.injectClock) this.injectClock.start();
    else this.scheduleInject();
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

  /** v2: an inject came due; it happens if the world is in one of its phases and its condition holds, else it is journalled as skipped. */
  private injectDue(index: number): void {
    const inj = this.scenario.injects[index];
    if (this.status !== 'running' || !inj) return;
    const phase = this.world.currentPhase().id;
    const phases = inj.phases ?? (inj.phase ? [inj.phase] : undefined);
    if (phases && !phases.includes(phase)) {
      const list = phases.length === 1 ? `"${phases[0]}"` : phases.map((p) => `"${p}"`).join(' or ');
      this.emit('inject.skipped', 'world', 'system', { index, reason: `the world was in "${phase}", not in ${list}` });
      return;
    }
    if (inj.if && !this.world.holds(inj.if)) {
      this.emit('inject.skipped', 'world', 'system', { index, reason: `its condition "${inj.if.text}" did not hold` });
      return;
    }
    const question = inj.kind === 'question' && inj.id !== undefined ? { question: { id: inj.id, ...(inj.answers ? { answers: inj.answers } : {}) } } : {};
    this.emit('inject', inj.from, 'system', { index, kind: inj.kind, text: inj.text, ...question });
    this.world.applySets(inj.sets, `inject:${inj.id ?? index}`);
  }

  /** Records an event: the state evolves, the journal keeps it, every listener hears it, then its timers are set. */
  emit<T extends EventType>(type: T, actor: string, role: EventRole, data: EventData<T>): DrillEvent {
    const e = { seq: ++this.seq, atMs: this.scheduler.now(), actor, role, type, data, wall: this.wall() } as EventOf<T> as DrillEvent;
    this.current = evolve(this.current, e);
    this.options.journal.event(e);
    for (const l of [...this.listeners]) l(e);
    this.effects(e);
    return e;
  }

  private record(events: readonly NewEvent[]): void {
    for (const n of events) this.emit(n.type, n.actor, n.role, n.data as never);
  }

  /** What an event sets going on the drill clock: time boxes, probe and action results, the end of the call. */
  private effects(e: DrillEvent): void {
    switch (e.type) {
      case 'task.assign': if (e.data.timeboxMs !== null) this.setDue(e.data.id, e.data.timeboxMs); return;
      case 'task.extend': this.setDue(e.data.id, e.data.estimateMs); return;
      case 'task.report': if (e.data.id !== null) this.scheduler.clearTimeout(this.dueTimers.get(e.data.id)); return;
      case 'alert.ack': this.scheduler.clearTimeout(this.escalations.get(e.data.alert)); return;
      case 'probe.start': {
        const probe = this.scenario.probes.find((p) => p.id === e.data.probe)!;
        this.scheduler.setTimeout(() => {
          if (this.status !== 'running') return;
          this.world.probeDone(probe.id);
          const reading = this.world.read(probe);
          this.emit('probe.result', e.actor, e.role, { probe: probe.id, text: reading.text, metrics: reading.metrics, logs: reading.logs.map((l) => `${stampAt(l.atMs, this.scenario.clockMs)} ${l.level.toUpperCase()} ${l.text}`) });
        }, probe.takesMs);
        return;
      }
      case 'action.start': {
        const action = this.scenario.actions.find((a) => a.id === e.data.action)!;
        this.scheduler.setTimeout(() => {
          if (this.status !== 'running') return;
          // v2: the result's cases read the world as the action found it, before its own changes and transition.
          const result = this.world.resultOf(action) ?? action.result;
          this.world.applySets(action.sets, `action:${action.id}`);
          const changed = this.world.actionDone(action.id);
          // The author's result text describes the action finishing, whether or not the world changed.
          this.emit('action.done', e.actor, e.role, { action: action.id, changed, result: result ?? (changed ? `${action.title}: done.` : `${action.title}: done; no visible change yet.`) });
        }, action.takesMs);
        return;
      }
      case 'question.answer': this.world.setVariable(`answer.${e.data.id}`, e.data.answer, `answer:${e.actor}`); return;
      case 'call.end': this.end('resolved'); return;
      default: return;
    }
  }

  /** The role a person acts in right now (see state/roles-of.ts). */
  roleOf(name: string): Role {
    return roleOf(this.current, name);
  }

  /** Every role a person holds now. */
  rolesOf(name: string): Role[] {
    return rolesOf(this.current, name);
  }

  private resolvedAfterMitigation(): boolean {
    return this.current.incident.resolvedAt !== undefined && this.world.mitigatedAt !== undefined && this.current.incident.resolvedAt >= this.world.mitigatedAt;
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
    if (!personOf(this.current, actor)) {
      this.emit('input', actor, 'system', { text, ...(meta.bot ? { bot: true } : {}) });
      this.emit('cmd.error', actor, 'system', { message: `${actor} is not a participant in this drill` });
      return;
    }
    const role = this.roleOf(actor);
    this.emit('input', actor, role, { text, ...(meta.bot ? { bot: true } : {}) });
    const parsed = parseCommand(text, commandVocabulary(this.scenario, this.current));
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
    if (!reading.instead && personOf(this.current, actor)?.joinedAt === undefined && this.current.incident.ic !== actor) {
      const covers = this.scenario.services.find((x) => x.owner === personOf(this.current, actor)?.info.team)?.id ?? role;
      this.hint(actor, role, `you have not joined the call yet: say who you are and what you cover first (/join ${covers})`);
    }
  }

  /** What chat reading needs to know about a speaker right now. */
  private chatContext(actor: string): ChatContext {
    const open = this.current.tasks.filter((t) => t.owners.includes(actor) && t.status === 'open');
    const poll = this.current.polls.find((p) => p.decidedBy === undefined && !p.closed);
    return {
      actor, role: this.roleOf(actor), people: this.current.people.map((p) => p.info.name), pollActions: poll?.actions ?? [],
      scenario: this.scenario, isIc: this.current.incident.ic === actor, hasIc: this.current.incident.ic !== undefined,
      icAnnounced: this.current.incident.icAnnounced === true, joined: personOf(this.current, actor)?.joinedAt !== undefined,
      ...(this.current.incident.severity ? { severity: this.current.incident.severity } : {}),
      hasUnackedTask: open.some((t) => t.ackedAt === undefined), hasOpenTask: open.length > 0,
      draftWaiting: this.current.drafts.some((d) => !d.approvedBy && d.postedAt === undefined),
      pollUndecided: poll !== undefined,
    };
  }

  /** A facilitator control: pause, resume, speed, inject now, end, or an ad-hoc inject a named character says. */
  control(c: FacilitatorControl): void {
    if (this.status !== 'running') return;
    if (c.kind === 'say') return this.say(c.speaker, c.text);
    if (c.kind === 'pause') this.pausedByFacilitator = true;
    if (c.kind === 'resume') this.pausedByFacilitator = false;
    if (c.kind === 'speed') this.emit('facilitator.speed', 'facilitator', 'facilitator', { speed: c.speed });
    else this.emit(`facilitator.${c.kind}`, 'facilitator', 'facilitator', {});
    if (c.kind === 'inject-now') {
      if (this.injectClock) this.injectClock.fireNext();
      else this.fireInject(this.nextInject);
    }
    if (c.kind === 'end') this.end('aborted');
  }

  /** The facilitator speaks as a character ("Priya (Customer Support)"): cleaned and capped; an empty line says nothing. */
  private say(speaker: string, text: string): void {
    const line = sayPart(text, SAY_TEXT_MAX);
    if (!line) return;
    this.emit('facilitator.say', 'facilitator', 'facilitator', { speaker: sayPart(speaker, SAY_SPEAKER_MAX) || 'Facilitator', text: line });
  }

  /** Ends the drill once; later inputs are ignored. */
  end(outcome: Outcome): void {
    if (this.status !== 'running') return;
    this.status = 'ended';
    this.outcome = outcome;
    this.world.stop();
    this.injectClock?.stop();
    this.scheduler.clearTimeout(this.endTimer);
    for (const t of this.dueTimers.values()) this.scheduler.clearTimeout(t);
    for (const t of this.escalations.values()) this.scheduler.clearTimeout(t);
    this.emit('drill.end', 'facilitator', 'system', { outcome, phase: this.world.currentPhase().id });
  }

  /** Tells one person something privately (their hint line, never the channel): what a command kept, or how to link it. */
  private hint(actor: string, role: EventRole, message: string): void {
    this.emit('cmd.hint', actor, role, { message });
  }

  /** Carries out one command: its handler reads the state and says which events happen. */
  private handle(actor: string, role: Role, c: Command, via?: 'chat'): void {
    const ctx: CommandContext = { scenario: this.scenario, actor, role, now: this.scheduler.now(), mitigated: this.world.mitigatedAt !== undefined, ...(via ? { via } : {}) };
    this.record(handleCommand(this.current, c, ctx));
  }

  private setDue(id: string, ms: number): void {
    this.scheduler.clearTimeout(this.dueTimers.get(id));
    this.dueTimers.set(id, this.scheduler.setTimeout(() => {
      const task = this.current.tasks.find((t) => t.id === id);
      if (task?.status === 'open' && this.status === 'running') this.emit('task.due', task.to, personOf(this.current, task.to) ? this.roleOf(task.to) : 'system', { id: task.id, to: task.to });
    }, ms));
  }

  private phaseEntered(phase: Phase): void {
    this.emit('phase.enter', 'world', 'system', { phase: phase.id, mitigated: phase.mitigated, resolved: phase.resolved });
    this.injectClock?.phaseEntered(phase);
  }

  private alertFired(a: AlertState, value: number): void {
    const id = a.alert.id;
    const primary = this.current.people.find((p) => p.info.team === a.alert.pages && p.info.onCall === 'primary');
    const backup = this.current.people.find((p) => p.info.team === a.alert.pages && p.info.onCall === 'backup');
    this.emit('alert.fired', 'monitoring', 'system', { alert: id, title: a.alert.title, metric: a.alert.metric, value, urgency: a.alert.urgency });
    this.scheduler.clearTimeout(this.escalations.get(id));
    this.escalations.delete(id);
    if (primary) this.emit('alert.notified', 'monitoring', 'system', { alert: id, user: primary.info.name, level: 1 });
    if (backup) {
      // A re-fired alert clears this timer, so the page it checks is the one this firing made.
      this.escalations.set(id, this.scheduler.setTimeout(() => {
        const page = this.current.pages.find((x) => x.alert === id);
        if (!page || page.ackedBy || this.status !== 'running') return;
        this.emit('alert.notified', 'monitoring', 'system', { alert: id, user: backup.info.name, level: 2, escalated: true });
      }, ESCALATE_MS));
    }
  }
}
