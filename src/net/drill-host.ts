/**
 * The team drill host: the lobby, the one authoritative drill, a screen per connected person and the facilitator
 * console's model. It holds no file, socket or terminal of its own: the CLI hands it the drill's set-up and
 * scoring, the SSH gate hands it terminals, and the UI mounts the screens.
 */
import type { CastRequest } from '../engine/cast';
import type { JournalEvent } from '../engine/journal';
import { personNameKey } from '../engine/person-name';
import type { DrillSession, Outcome } from '../engine/session';
import { stripControl } from '../engine/sanitize';
import { LocalClient, type ClockDriver } from '../engine/view/local-client';
import type { Scenario } from '../scenario/types';
import type { Scorecard } from '../scoring/types';
import { DrillStore } from '../ui/drill-store';
import type { ConsolePerson, HostConsoleModel, HostPhase, ParticipantModel } from '../ui/host-models';
import { Lobby, parseSeat, seatLabel, type LobbyView, type SeatChoice } from './lobby';
import type { Terminal } from './terminal';

/** A drill under way: the session, the clock that drives it, and its events so far (the journal's, in memory). */
export interface HostedDrill {
  readonly session: DrillSession;
  readonly driver: ClockDriver & { readonly done: Promise<Outcome> };
  readonly events: readonly JournalEvent[];
}

/** What a drill leaves when it ends: its scorecard (unless scoring failed) and its run folder. */
export interface HostedResult {
  readonly card?: Scorecard;
  readonly dir: string;
}

export interface DrillHostOptions {
  readonly scenario: Scenario;
  /** The lines to copy for joining (the ssh command, the code, the host key's fingerprint, warnings); asked each time, as the port is known only once the gate listens. */
  readonly joinLines: () => readonly string[];
  /** Sets the drill up for these humans (bots take the other seats) and starts its clock. May throw a user error. */
  readonly begin: (humans: readonly CastRequest[]) => HostedDrill;
  /** Ends the drill's files: closes the journal, scores the drill and writes the run folder. */
  readonly finish: (outcome: Outcome) => HostedResult;
  /** Puts a participant's screen on their terminal; returns what takes it off. */
  readonly mount: (t: Terminal, model: ParticipantModel) => { unmount(): void };
  /** A drill rebuilt from its journal (--resume): there is no lobby, and its humans reconnect to their seats. */
  readonly resumed?: HostedDrill;
}

/** One person's live connection and everything it holds (freed when it closes). */
interface Connection {
  readonly name: string;
  readonly t: Terminal;
  screen?: { unmount(): void };
  store?: DrillStore;
}

/** What the facilitator is told when a person cannot join. */
const NOT_IN_DRILL = (name: string) => `firedrill: the drill has started and ${name} has no seat in it; seats are taken in the lobby before the start (ask the facilitator).`;

/** The host of one team drill: the console's model, and the hub every participant's screen hangs from. */
export class DrillHost implements HostConsoleModel {
  private readonly lobbyState: Lobby;
  private readonly connections = new Map<string, Connection>();
  private readonly listeners = new Set<() => void>();
  private current: HostPhase = 'lobby';
  private drill?: HostedDrill;
  private console?: DrillStore;
  private result?: HostedResult;
  private outcome?: Outcome;
  private resolveQuit!: (o: Outcome | undefined) => void;
  private quitting = false;
  /** Resolves with the drill's outcome (undefined when it never started) once the facilitator has quit. */
  readonly quitted: Promise<Outcome | undefined>;

  constructor(private readonly o: DrillHostOptions) {
    this.lobbyState = new Lobby(o.scenario);
    this.quitted = new Promise((r) => (this.resolveQuit = r));
    if (o.resumed) {
      // The journal's humans keep their seats; they are in the lobby as dropped until they reconnect.
      for (const p of o.resumed.session.options.cast.filter((c) => c.kind === 'human')) {
        this.lobbyState.arrive(p.name);
        this.lobbyState.seat(p.name, p.seat === 'facilitator' ? undefined : { role: p.seat, ...(p.team ? { service: p.team } : {}) });
        this.lobbyState.depart(p.name);
      }
      this.run(o.resumed);
    }
  }

  // ---- connections ------------------------------------------------------------------------------------------

  /** A person's terminal has connected: they get the lobby, their drill, or a clear refusal. */
  connect(t: Terminal): void {
    if (this.quitting) return t.close('firedrill: the drill host is stopping.', 1);
    const known = this.lobbyState.person(t.name);
    if (this.current !== 'lobby' && !this.humanNamed(t.name)) return t.close(NOT_IN_DRILL(stripControl(t.name)), 1);
    const name = known?.name ?? this.humanNamed(t.name) ?? t.name;
    const key = personNameKey(name);
    const old = this.connections.get(key);
    if (old) {
      // The same name again: the newest terminal takes the seat (the old one may be a connection that died silently).
      this.connections.delete(key);
      this.sendAway(old, 'firedrill: you connected again from another terminal; this one is closed.');
    }
    const c: Connection = { name, t };
    this.connections.set(key, c);
    this.lobbyState.arrive(name);
    if (this.drill) this.attachStore(c);
    t.closed.then(() => this.closed(c)).catch(() => this.closed(c));
    try {
      c.screen = this.o.mount(t, this.participant(c));
    } catch (e) {
      t.close(`firedrill: could not draw the drill on this terminal (${stripControl(String((e as Error)?.message ?? e))})`, 1);
    }
    this.changed();
  }

  /** A connection closed: its screen, store and timers go; the seat stays. */
  private closed(c: Connection): void {
    const key = personNameKey(c.name);
    this.release(c);
    if (this.connections.get(key) !== c) return;
    this.connections.delete(key);
    this.lobbyState.depart(c.name);
    this.changed();
  }

  /** Takes the screen down first (the person's own screen comes back), then says why and closes the connection. */
  private sendAway(c: Connection, message: string): void {
    this.release(c);
    c.t.close(message);
  }

  private release(c: Connection): void {
    try {
      c.screen?.unmount();
    } finally {
      c.screen = undefined;
      c.store?.dispose();
      c.store = undefined;
    }
  }

  /** The name a human of the drill's cast has (names compare without case). */
  private humanNamed(name: string): string | undefined {
    const cast = this.drill?.session.options.cast ?? [];
    return cast.find((p) => p.kind === 'human' && personNameKey(p.name) === personNameKey(name))?.name;
  }

  private attachStore(c: Connection): void {
    const d = this.drill!;
    c.store = new DrillStore(new LocalClient(d.session, d.driver, [c.name], d.events, { controls: false }));
    if (this.result?.card) c.store.finish(this.result.card, this.result.dir);
  }

  private participant(c: Connection): ParticipantModel {
    return {
      name: c.name,
      subscribe: (fn) => this.subscribe(fn),
      phase: () => this.current,
      lobby: () => this.lobby(),
      takeSeat: (choice) => this.assign(c.name, choice),
      parseSeat: (text) => this.parseSeat(text),
      store: () => c.store,
      leave: () => this.sendAway(c, `You left the drill; your seat is kept. Connect again as ${c.name} to carry on.`),
    };
  }

  /** Counts of what the host holds, for tests that show a closed connection frees everything but its seat. */
  stats(): { readonly connections: number; readonly screens: number; readonly stores: number } {
    const all = [...this.connections.values()];
    return { connections: all.length, screens: all.filter((c) => c.screen).length, stores: all.filter((c) => c.store).length };
  }

  // ---- the drill ----------------------------------------------------------------------------------------------

  start(): string | undefined {
    if (this.current !== 'lobby') return 'the drill has already started';
    let drill: HostedDrill;
    try {
      drill = this.o.begin(this.lobbyState.cast());
    } catch (e) {
      return stripControl(String((e as Error)?.message ?? e));
    }
    this.run(drill);
    return undefined;
  }

  private run(drill: HostedDrill): void {
    this.drill = drill;
    this.current = 'drill';
    this.console = new DrillStore(new LocalClient(drill.session, drill.driver, [], drill.events, { viewer: 'facilitator' }));
    for (const c of this.connections.values()) this.attachStore(c);
    void drill.driver.done.then((outcome) => this.ended(outcome));
    this.changed();
  }

  private ended(outcome: Outcome): void {
    this.outcome = outcome;
    this.result = this.o.finish(outcome);
    const { card, dir } = this.result;
    if (card) {
      this.console?.finish(card, dir);
      for (const c of this.connections.values()) c.store?.finish(card, dir);
    }
    this.current = 'ended';
    this.changed();
    if (this.quitting) this.stop();
  }

  /** The run folder, once the drill has ended. */
  get runDir(): string | undefined {
    return this.result?.dir;
  }

  quit(): void {
    if (this.quitting) return;
    this.quitting = true;
    // A drill still running ends first (aborted), so its run folder is written before anyone is sent away.
    if (this.current === 'drill') this.drill?.driver.abort();
    else this.stop();
  }

  private stop(): void {
    const bye = this.result ? `The drill is over; its run folder is ${this.result.dir} on the host.` : 'The facilitator closed the drill host.';
    for (const c of [...this.connections.values()]) this.sendAway(c, `firedrill: ${bye}`);
    this.resolveQuit(this.outcome);
  }

  // ---- the console's model ------------------------------------------------------------------------------------

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  phase(): HostPhase {
    return this.current;
  }

  joinLines(): readonly string[] {
    return this.o.joinLines();
  }

  lobby(): LobbyView {
    return this.lobbyState.view();
  }

  assign(name: string, choice: SeatChoice | undefined): string | undefined {
    if (this.current !== 'lobby') return 'the drill has started: seats are fixed';
    const why = this.lobbyState.seat(name, choice);
    if (!why) this.changed();
    return why;
  }

  parseSeat(text: string): SeatChoice | string {
    return parseSeat(this.o.scenario, text);
  }

  store(): DrillStore | undefined {
    return this.console;
  }

  people(): readonly ConsolePerson[] {
    const view = this.console?.view();
    if (!view) return [];
    const activity = new Map((view.truth?.activity ?? []).map((a) => [a.name, a]));
    return view.people.map((p) => {
      const last = activity.get(p.name);
      const seat = seatLabel({ role: p.seat === 'facilitator' ? 'responder' : p.seat, ...(p.seat === 'responder' && p.team ? { service: p.team } : {}) });
      return {
        name: p.name,
        seat: p.kind === 'bot' ? `bot: ${seat}` : seat,
        kind: p.kind,
        connected: p.kind === 'human' && this.connections.has(personNameKey(p.name)),
        ...(last ? { lastAction: { atMs: last.atMs, text: last.text } } : {}),
        openTasks: view.tasks.filter((t) => t.status === 'open' && t.owners.includes(p.name)).map((t) => ({ id: t.id, text: t.text })),
      };
    });
  }

  say(speaker: string, text: string): void {
    this.console?.client.control({ kind: 'say', speaker, text });
  }
}
