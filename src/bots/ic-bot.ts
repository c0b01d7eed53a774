/**
 * The Incident Commander's duty: take command when paged (the IC seat), or carry on after a handover (any
 * bot can be handed command); staff the call, keep the status rhythm, work the solution path through
 * assignments, follow up on time boxes, approve drafts, and end cleanly.
 */
import type { JournalEvent } from '../engine/journal';
import { promisedFixTime } from '../engine/intent/phrases';
import { ESCALATE_MS } from '../engine/session';
import { targetsOf } from '../scenario/targets';
import { Duty, MINUTE, SCRIBE_WINDOW_MS, SECOND, type Line } from './bot-base';
import { STAFF_ROLES } from '../engine/roles';
import { personOf } from '../engine/state/drill-state';

const LOWER: Record<string, string> = { 'SEV-1': 'SEV-2', 'SEV-2': 'SEV-3', 'SEV-3': 'SEV-4', 'SEV-4': 'SEV-5', 'SEV-5': 'SEV-5' };
const LEVEL = (s: string | undefined): number => Number(String(s).replace(/\D/g, '')) || 9;
/** Command is handed over about hourly (RD-26: training/courses/incident_response.md); not a scenario target. */
const STINT_MS = 60 * MINUTE;
/** A time box leaves this long, beyond the step itself, to write the report. */
const REPORT_MARGIN_MS = 3 * MINUTE;
/** What a step costs beyond its own duration: assigning, acknowledging, reporting (and a poll for a major one). */
const STEP_OVERHEAD_MS = 2 * MINUTE;
/** Closing the call: a last status, the resolve, a postmortem owner, the end. */
const FINISH_MS = 2 * MINUTE;
/** What a scribe notes (with follow-ups), so the call is not ended before they are written down. */

export class IcBot extends Duty {
  /** Solution steps whose result everyone has seen (a probe's reading, an action finishing). */
  private readonly done = new Set<string>();
  /** Steps whose task was reported on, whatever the result. */
  private readonly reported = new Set<string>();
  private current?: { task?: string; step: string; assignee: string };
  private paging?: string;
  /** People who did not answer a page or a follow-up; their steps go to someone else. */
  private readonly silent = new Set<string>();
  private finishing = false;
  /** Counts stints in command, so a timer from an earlier stint does nothing in a later one. */
  private stint = 0;
  /** Sloppy ICs keep count of the steps they went through, whatever happened. */
  private step = 0;
  /** Who handed command to this IC, if anyone. */
  private from?: string;
  /** When command was first taken, where the status rhythm starts. */
  private firstClaimAt?: number;
  /** When an executive last swooped in. */
  private swoopAt?: number;
  /** Key events a scribe notes, and the notes written, so the call is not ended mid-note. */
  private readonly keys: { atMs: number; ref?: string; todo: boolean }[] = [];
  private readonly notes: { atMs: number; refs: readonly string[]; todo: boolean }[] = [];

  private isIc(): boolean {
    return this.bot.isIc();
  }

  /** Types an IC command later, only if still in command in this same stint. */
  private command(minMs: number, maxMs: number, text: Line): void {
    const stint = this.stint;
    this.later(minMs, maxMs, () => (this.isIc() && stint === this.stint ? (typeof text === 'function' ? text() : text) : undefined));
  }

  onEvent(e: JournalEvent): void {
    const s = this.session;
    if (e.type === 'status.update' || e.type === 'decision' || e.type === 'task.assign') this.keys.push({ atMs: e.atMs, ref: e.data.id, todo: false });
    else if (e.type === 'sev.set') this.keys.push({ atMs: e.atMs, todo: false });
    if (e.type === 'inject' && e.data.kind === 'followup') this.keys.push({ atMs: e.atMs, todo: true });
    if (e.type === 'scribe.note') this.notes.push({ atMs: e.atMs, refs: e.data.refs, todo: e.data.todo });
    switch (e.type) {
      case 'page.sent':
        if (e.data.user === this.me.name && this.me.seat === 'ic' && !s.state.incident.ic) {
          this.later(this.sloppy ? 3 * MINUTE : 30 * SECOND, this.sloppy ? 6 * MINUTE : 80 * SECOND, () =>
            s.state.incident.ic ? undefined : this.sloppy ? '/ic' : `/ic This is ${this.me.name}, I am the Incident Commander.`);
        }
        return;
      case 'probe.result':
        this.done.add(e.data.probe);
        return;
      case 'action.done':
        this.done.add(e.data.action);
        return;
      case 'role.claim':
        this.firstClaimAt ??= e.atMs;
        if (e.actor !== this.me.name) return;
        this.stint++;
        this.current = undefined;
        this.paging = undefined;
        if (e.data.via === 'handover') this.takeOver(e.data.from);
        else this.takeCommand();
        this.answerRecentSwoop();
        // v2: questions put to the call before this IC took command still need a decision.
        for (const q of s.state.questions ?? []) if (q.answer === undefined) this.answer(q.id);
        return;
      case 'participant.join':
        if (this.isIc() && this.paging && e.actor === this.paging) {
          this.paging = undefined;
          this.command(15 * SECOND, 40 * SECOND, () => this.advanceCmd());
        }
        return;
      case 'task.assign':
        if (e.actor === this.me.name && this.current && !this.current.task) this.current.task = e.data.id;
        return;
      case 'task.report':
        if (this.current?.task && e.data.id === this.current.task) {
          this.reported.add(this.current.step);
          this.current = undefined;
          this.step++;
          if (this.isIc()) this.command(20 * SECOND, 45 * SECOND, () => this.advanceCmd());
        }
        return;
      case 'task.due':
        if (this.isIc() && !this.sloppy) this.followUp(e.data.id);
        return;
      case 'draft.submit':
        if (this.isIc() && (!this.sloppy || this.rng.chance(0.5))) this.review(e.data.id, e.data.text);
        return;
      case 'inject':
        if (e.data.question && this.isIc()) this.answer(e.data.question.id);
        if (e.data.kind !== 'exec-swoop' || this.sloppy) return;
        this.swoopAt = e.atMs;
        if (this.isIc()) this.answerSwoop();
        return;
      case 'phase.enter':
        if (!this.isIc() || !e.data.mitigated) return;
        if (this.sloppy ? this.step >= s.scenario.solution.path.length : !this.timeFor(this.next())) this.finish();
        // The action that mitigated reports done just after the phase changes: look again once it has.
        else if (!this.sloppy) s.scheduler.setTimeout(() => { if (this.isIc() && !this.finishing && !this.timeFor(this.next())) this.finish(); }, 2 * SECOND);
        return;
    }
  }

  /**
   * v2: decides a question put to the call: by the book promptly, with the scenario's expected answer; a careless IC
   * minutes later, the other way.
   */
  private answer(id: string): void {
    const s = this.session;
    const q = s.state.questions?.find((x) => x.id === id);
    const inj = q ? s.scenario.injects[q.index] : undefined;
    if (!q || !inj) return;
    const expected = inj.expected ?? inj.answers?.[0];
    const reply = this.sloppy
      ? (inj.answers?.find((a) => a.toLowerCase() !== expected?.toLowerCase()) ?? 'ok')
      : (expected ?? 'Noted. We keep that until the incident is over and come back to it in the review.');
    const [min, max] = this.sloppy ? [3 * MINUTE, 6 * MINUTE] : [20 * SECOND, 45 * SECOND];
    this.command(min, max, () => (s.state.questions?.find((x) => x.id === id)?.answer === undefined ? `/answer ${id} ${reply}` : undefined));
  }

  private answerSwoop(): void {
    this.command(15 * SECOND, 40 * SECOND, 'Thanks. We keep comments until the end of the call; the incident comes first. If you wish to take command, say so and I will hand over.');
  }

  /** An executive who swooped in just before command changed hands still gets an answer, from the new IC. */
  private answerRecentSwoop(): void {
    if (!this.sloppy && this.swoopAt !== undefined && this.session.scheduler.now() - this.swoopAt < MINUTE) this.answerSwoop();
  }

  private seat(role: string): string | undefined {
    return this.session.options.cast.find((p) => p.seat === role)?.name;
  }

  private takeCommand(): void {
    const s = this.session.scenario;
    if (this.sloppy) {
      const scribe = this.seat('scribe');
      if (scribe) this.command(15 * SECOND, 35 * SECOND, `/appoint @${scribe} scribe`);
    } else {
      // The staff are named in one breath, straight after taking command (RD-05).
      const staff = STAFF_ROLES.filter((r) => r !== 'ic').flatMap((role) => {
        const name = this.seat(role);
        return name ? [`@${name} ${role}`] : [];
      });
      if (staff.length) this.command(10 * SECOND, 25 * SECOND, `/appoint ${staff.join(' and ')}`);
    }
    if (this.sloppy) this.command(5 * MINUTE, 8 * MINUTE, `/sev ${LOWER[s.expects.severity]}`);
    else this.command(20 * SECOND, 40 * SECOND, () => this.severityCmd());
    const cl = this.seat('customer-liaison');
    if (cl && !this.sloppy) this.command(60 * SECOND, 100 * SECOND, () => (this.session.state.drafts.some((d) => d.by === cl) ? undefined : `@${cl} please draft an initial customer update for my approval.`));
    this.scheduleStatus(this.sloppy ? 12 * MINUTE : 3 * MINUTE);
    this.command(60 * SECOND, 120 * SECOND, () => this.advanceCmd());
    if (!this.sloppy) this.scheduleHandover();
  }

  /** Picks up command mid-incident: announce, hand back one's own tasks, then carry on from what the channel shows. */
  private takeOver(from: string | undefined): void {
    const s = this.session;
    this.command(10 * SECOND, 20 * SECOND, () => (s.state.incident.icAnnounced ? undefined : `This is ${this.me.name}, I am now the Incident Commander.`));
    if (this.sloppy) {
      this.scheduleStatus(2 * MINUTE);
      this.command(40 * SECOND, 70 * SECOND, () => this.advanceCmd());
      return;
    }
    // An IC holds no other role: tasks this person had go back to be reassigned (RD-07).
    for (const t of s.state.tasks) if (t.status === 'open' && t.owners.includes(this.me.name)) this.bot.handBack(t, 20 * SECOND, 30 * SECOND);
    // Nor the scribe's pen: someone else takes the notes.
    if (this.scribeNow() === this.me.name) {
      const next = [this.seat('deputy'), this.seat('internal-liaison'), from, this.seat('customer-liaison')].find((n) => n !== undefined && n !== this.me.name);
      if (next) this.command(25 * SECOND, 35 * SECOND, `/appoint @${next} scribe`);
    }
    this.command(20 * SECOND, 35 * SECOND, () => this.severityCmd());
    // Drafts the previous IC left waiting are reviewed like any other.
    for (const d of s.state.drafts) if (!d.approvedBy && d.postedAt === undefined) this.review(d.id, d.text);
    // The status rhythm did not stop with the handover: the next update is due when the last one runs out.
    const every = targetsOf(s.scenario).statusEvery;
    const dueIn = (s.state.incident.lastStatus?.atMs ?? this.firstClaimAt ?? s.scheduler.now()) + every - s.scheduler.now();
    this.scheduleStatus(Math.min(this.rng.delay(40 * SECOND, 70 * SECOND), Math.max(5 * SECOND, dueIn - 15 * SECOND)));
    const open = s.state.tasks.find((t) => t.status === 'open' && t.refs.some((r) => r === this.next()) && !t.owners.includes(this.me.name));
    if (open) this.current = { task: open.id, step: this.next()!, assignee: open.to };
    // Time boxes that ran out before this stint are asked after all the same.
    for (const t of s.state.tasks) if (t.status === 'open' && t.dueAt !== undefined && t.dueAt <= s.scheduler.now() && !t.owners.includes(this.me.name)) this.followUp(t.id);
    if (s.world.mitigatedAt !== undefined) this.finish();
    else this.command(60 * SECOND, 90 * SECOND, () => this.advanceCmd());
    this.scheduleHandover(from);
  }

  /** The scribe now, as the scorer reads it: the latest appointed, else the scribe seat. */
  private scribeNow(): string | undefined {
    let who = this.seat('scribe');
    for (const p of this.session.state.people) if (p.appointed.includes('scribe')) who = p.info.name;
    return who;
  }

  /** Declares the severity the impact calls for, if none or a lower one is declared (if unsure, the higher). */
  private severityCmd(): string | undefined {
    const want = this.session.scenario.expects.severity;
    const have = this.session.state.incident.severity;
    return have === undefined || LEVEL(have) > LEVEL(want) ? `/sev ${want}` : undefined;
  }

  private scheduleStatus(inMs: number): void {
    const stint = this.stint;
    const every = targetsOf(this.session.scenario).statusEvery;
    this.session.scheduler.setTimeout(() => {
      // The rhythm holds until the incident is resolved, closing included (RD-20).
      if (this.session.status !== 'running' || !this.isIc() || stint !== this.stint || this.session.state.incident.resolvedAt !== undefined) return;
      if (this.sloppy && this.finishing) return;
      // Severity first: a status update never goes out before one is declared (RD-21).
      if (!this.sloppy && this.session.state.incident.severity === undefined) {
        const sev = this.severityCmd();
        if (sev) this.session.submit(this.me.name, sev, { bot: true });
      }
      this.session.submit(this.me.name, this.statusText(), { bot: true });
      if (!this.sloppy) this.scheduleStatus(Math.max(MINUTE, every - this.rng.delay(60 * SECOND, 120 * SECOND)));
    }, inMs);
  }

  private statusText(): string {
    const s = this.session;
    const sev = s.state.incident.severity ?? 'severity not yet set';
    const open = s.state.tasks.filter((t) => t.status === 'open').map((t) => `${t.id} @${t.owners.join(' @') || t.to} (${t.text})`);
    const next = Math.round(targetsOf(s.scenario).statusEvery / MINUTE);
    return `/status ${sev}. ${open.length ? `Open: ${open.join('; ')}.` : 'No open tasks.'} Next update in ${next} minutes.`;
  }

  /** Asks after a task whose time box ran out (RD-12); if nobody answers, its step goes to someone else. */
  private followUp(id: string): void {
    const s = this.session;
    const task = s.state.tasks.find((t) => t.id === id);
    if (!task) return;
    const who = task.owners.length ? task.owners.map((o) => `@${o}`).join(' ') : 'Whoever has it';
    this.command(10 * SECOND, 30 * SECOND, () => (task.status === 'open' ? `${who}, the time box on ${id} is up. Where are we?` : undefined));
    const dueAt = task.dueAt;
    const stint = this.stint;
    s.scheduler.setTimeout(() => {
      if (!this.isIc() || stint !== this.stint || task.status !== 'open' || task.dueAt !== dueAt || this.current?.task !== id) return;
      // No report and no request for more time: the non-answer rule, the step goes to the backup on-call.
      this.silent.add(task.to);
      this.current = undefined;
      this.command(5 * SECOND, 15 * SECOND, () => this.advanceCmd());
    }, 3 * MINUTE);
  }

  /** Approves a draft, unless it promises a fix time, which customers must never be given (RD-35). */
  private review(id: string, text: string): void {
    const s = this.session;
    const waiting = () => s.state.drafts.some((d) => d.id === id && !d.approvedBy && d.postedAt === undefined);
    const promise = this.sloppy ? undefined : promisedFixTime(text);
    const author = s.state.drafts.find((d) => d.id === id)?.by;
    // A read-through takes a little while, less when the customers' next update is about due: the liaison
    // needs time to post it after the OK.
    const t = targetsOf(s.scenario);
    const lastPost = Math.max(...s.state.drafts.map((d) => d.postedAt ?? -Infinity));
    const due = lastPost > -Infinity ? lastPost + t.externalEvery : (this.firstClaimAt ?? s.scheduler.now()) + t.firstExternal;
    const max = Math.max(3 * SECOND, Math.min(50 * SECOND, due - s.scheduler.now() - 45 * SECOND));
    const min = Math.min(20 * SECOND, max);
    if (promise && author) this.command(min, max, () => (waiting() ? `@${author} ${id} promises a fix time ("${promise}"); please redraft without one.` : undefined));
    else this.command(min, max, () => (waiting() ? `/approve ${id}` : undefined));
  }

  /** Plans to hand command over before the stint passes an hour. */
  private scheduleHandover(from?: string): void {
    this.from = from;
    this.command(STINT_MS - 10 * MINUTE, STINT_MS - 5 * MINUTE, () => {
      const s = this.session;
      if (this.finishing || s.scenario.durationMs - s.scheduler.now() < 10 * MINUTE) return undefined;
      return this.handoverTo(from);
    });
  }

  /** Hands command to someone able to take it: the deputy (the hot standby), the IC on call, whoever handed it over; one on the call first. */
  private handoverTo(from: string | undefined): string | undefined {
    const candidates = [this.seat('deputy'), this.seat('ic'), from ?? this.from].filter((n): n is string => n !== undefined && n !== this.me.name && !this.silent.has(n));
    const to = candidates.find((n) => personOf(this.session.state, n)?.joinedAt !== undefined) ?? candidates[0];
    return to ? `/handover @${to}` : undefined;
  }

  /** The first solution step nobody has seen done or reported on; once the impact stopped, only what a remaining fix needs. */
  private next(): string | undefined {
    const s = this.session.scenario;
    const left = s.solution.path.filter((id) => !this.done.has(id) && !this.reported.has(id));
    if (this.sloppy || this.session.world.mitigatedAt === undefined) return left[0];
    // After recovery a diagnostic is clean-up, unless a fix still to make depends on its reading.
    const needed = new Set(s.phases.flatMap((p) => p.on).filter((o) => left.includes(o.action)).flatMap((o) => o.requires));
    return left.find((id) => s.actions.some((a) => a.id === id) || needed.has(id));
  }

  /** Who should do a step of a team's service: an on-call already on the call (the primary first), else the primary, else the backup; never the IC. */
  private assigneeFor(team: string): string | undefined {
    const cast = this.session.options.cast;
    const candidates = (['primary', 'backup'] as const)
      .map((onCall) => cast.find((p) => p.team === team && p.onCall === onCall)?.name)
      .filter((n): n is string => n !== undefined && n !== this.me.name && !this.silent.has(n));
    if (this.sloppy) return candidates[0];
    return candidates.find((n) => personOf(this.session.state, n)?.joinedAt !== undefined) ?? candidates[0];
  }

  /** The next command on the solution path, or undefined while waiting. */
  private advanceCmd(): string | undefined {
    const s = this.session;
    if (!this.isIc() || this.current || this.paging || this.finishing) return undefined;
    const path = s.scenario.solution.path;
    const id = this.sloppy ? path[this.step] : this.next();
    if (id === undefined || (!this.sloppy && s.world.mitigatedAt !== undefined && !this.timeFor(id))) {
      if (s.world.mitigatedAt !== undefined) this.finish();
      return undefined;
    }
    const action = s.scenario.actions.find((a) => a.id === id);
    const probe = s.scenario.probes.find((p) => p.id === id);
    const service = action?.service ?? probe?.service;
    const team = s.scenario.services.find((x) => x.id === service)?.owner;
    const assignee = team === undefined ? undefined : this.assigneeFor(team);
    if (!assignee || !team) {
      if (this.sloppy) return undefined;
      if (s.world.mitigatedAt !== undefined) this.finish();
      // The only one left who can do it is the IC: hand over command first, then work it as a responder.
      else if (team === this.me.team) return this.handoverTo(undefined);
      return undefined;
    }
    if (this.sloppy && probe && this.step === 0) {
      // Sloppy ICs go hands-on: they look at the first clue themselves.
      this.step++;
      this.command(60 * SECOND, 90 * SECOND, () => this.advanceCmd());
      return `/check ${probe.id}`;
    }
    const primary = s.options.cast.find((p) => p.team === team && p.onCall === 'primary')?.name;
    if (personOf(s.state, assignee)?.joinedAt === undefined && (this.sloppy || assignee === primary)) {
      this.paging = assignee;
      if (!this.sloppy) this.escalateIfUnanswered(assignee);
      return `/page ${team}`;
    }
    this.current = { step: id, assignee };
    const title = action?.title ?? probe?.title ?? id;
    const boxMin = Math.ceil(((action?.takesMs ?? probe?.takesMs ?? MINUTE) + REPORT_MARGIN_MS) / MINUTE);
    const assign = `/assign @${assignee} ${id}: ${title}${this.sloppy ? '' : ` in ${boxMin}m`}`;
    if (action?.major && !this.sloppy) {
      this.command(30 * SECOND, 50 * SECOND, `/decide No strong objections heard; proceeding with ${id}.`);
      this.command(60 * SECOND, 70 * SECOND, assign);
      return `/poll Proposal: ${title} (${id}). Are there any strong objections?`;
    }
    return assign;
  }

  /** Whether the steps left from `id` on, and closing the call after them, fit in the drill's remaining time. */
  private timeFor(id: string | undefined): boolean {
    const s = this.session.scenario;
    if (id === undefined) return false;
    const rest = s.solution.path.slice(s.solution.path.indexOf(id));
    const work = rest.reduce((n, step) => n + (s.actions.find((a) => a.id === step)?.takesMs ?? s.probes.find((p) => p.id === step)?.takesMs ?? MINUTE) + STEP_OVERHEAD_MS, 0);
    return this.session.scheduler.now() + work + FINISH_MS < s.durationMs;
  }

  /** A page unanswered for as long as an alert waits before escalating goes to the backup on-call instead. */
  private escalateIfUnanswered(who: string): void {
    const stint = this.stint;
    this.session.scheduler.setTimeout(() => {
      if (this.session.status !== 'running' || !this.isIc() || stint !== this.stint || this.paging !== who) return;
      this.silent.add(who);
      this.paging = undefined;
      const next = this.advanceCmd();
      if (next) this.session.submit(this.me.name, next, { bot: true });
    }, ESCALATE_MS);
  }

  private finish(): void {
    if (this.finishing) return;
    this.finishing = true;
    if (this.sloppy) {
      this.command(30 * SECOND, 60 * SECOND, '/status Customer impact has stopped and metrics are back to normal. Resolving.');
      this.command(90 * SECOND, 110 * SECOND, '/resolve');
      this.command(150 * SECOND, 170 * SECOND, '/end');
      return;
    }
    const left = this.session.scenario.solution.path.filter((id) => !this.done.has(id) && !this.reported.has(id));
    const cleanup = left.length ? ` Still to do as clean-up: ${left.join(', ')}.` : '';
    // The record closes with a severity: declared first if it never was (RD-21).
    this.command(10 * SECOND, 20 * SECOND, () => {
      const sev = this.severityCmd();
      if (sev && this.session.state.incident.severity === undefined) this.session.submit(this.me.name, sev, { bot: true });
      return `/status Customer impact has stopped and metrics are back to normal.${cleanup} Resolving.`;
    });
    this.closeAfterPost(this.session.scheduler.now() + 25 * SECOND);
  }

  /** Resolves, names the postmortem owner and ends the call, once customers have been told (when a liaison is on the call). */
  private closeAfterPost(notBefore: number): void {
    const s = this.session;
    const stint = this.stint;
    const t = targetsOf(s.scenario);
    const deadline = Math.min(s.scheduler.now() + t.firstExternal, s.scenario.durationMs - FINISH_MS);
    const check = (): void => {
      if (s.status !== 'running' || !this.isIc() || stint !== this.stint) return;
      const told = !s.scenario.roles.includes('customer-liaison') || s.state.drafts.some((d) => d.postedAt !== undefined);
      if (s.scheduler.now() < notBefore || (!told && s.scheduler.now() < deadline)) {
        s.scheduler.setTimeout(check, 15 * SECOND);
        return;
      }
      const scribe = this.scribeNow();
      const owner = scribe === undefined || scribe === this.me.name ? s.options.cast.find((p) => p.seat === 'responder')?.name : scribe;
      this.command(5 * SECOND, 10 * SECOND, () => (s.state.incident.resolvedAt === undefined ? '/resolve' : undefined));
      if (owner) this.command(15 * SECOND, 20 * SECOND, `/postmortem @${owner} by Friday`);
      s.scheduler.setTimeout(() => this.endWhenNoted(stint), this.rng.delay(25 * SECOND, 30 * SECOND));
    };
    s.scheduler.setTimeout(check, Math.max(0, notBefore - s.scheduler.now()));
  }

  /** Ends the call once the scribe has caught up with the last key events (or had the time to), or the drill is about to stop. */
  private endWhenNoted(stint: number): void {
    const s = this.session;
    if (s.status !== 'running' || !this.isIc() || stint !== this.stint) return;
    const now = s.scheduler.now();
    // A follow-up needs a TODO of its own after it; anything else a note after it, naming it when it has an id.
    const used = new Set<(typeof this.notes)[number]>();
    const noted = (k: (typeof this.keys)[number]): boolean => {
      const n = this.notes.find((x) => x.atMs >= k.atMs && (k.todo ? x.todo && !used.has(x) : k.ref === undefined || x.refs.includes(k.ref)));
      if (n && k.todo) used.add(n);
      return n !== undefined;
    };
    const caughtUp = this.keys.map((k) => noted(k) || now - k.atMs >= SCRIBE_WINDOW_MS).every(Boolean);
    if (caughtUp || s.scenario.durationMs - now <= 15 * SECOND) {
      s.submit(this.me.name, '/end', { bot: true });
      return;
    }
    s.scheduler.setTimeout(() => this.endWhenNoted(stint), 10 * SECOND);
  }
}
