// Fake team-drill screen models for frame tests: plain objects over a real Lobby (and a real DrillStore once
// "started"), recording what the screens ask of them.
import type { DrillClient } from '../../src/engine/view/drill-client';
import { FACILITATOR } from '../../src/engine/view/visibility';
import { Lobby, parseSeat, type SeatChoice } from '../../src/net/lobby';
import type { Scenario } from '../../src/scenario/types';
import { DrillStore } from '../../src/ui/drill-store';
import type { ConsolePerson, HostConsoleModel, HostPhase, ParticipantModel } from '../../src/ui/host-models';
import { createDrill } from './drill-rig';
import { starter, viewOf } from './drill';

/** A change source the fakes share: subscribe, and notify the screens. */
class Changes {
  private readonly listeners = new Set<() => void>();
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  notify(): void {
    for (const l of [...this.listeners]) l();
  }
}

/** A lobby of the starter scenario with these people arrived (and those in `dropped` seated, then gone). */
export function lobbyWith(people: readonly { name: string; seat?: SeatChoice; dropped?: boolean }[], scenario: Scenario = starter()): Lobby {
  const lobby = new Lobby(scenario);
  for (const p of people) {
    lobby.arrive(p.name);
    if (p.seat) lobby.seat(p.name, p.seat);
    if (p.dropped) lobby.depart(p.name);
  }
  return lobby;
}

/** A participant model over a lobby: records leaves; `begin()` moves it to the drill with a store. */
export class FakeParticipant implements ParticipantModel {
  leaves = 0;
  private current: HostPhase = 'lobby';
  private drill?: DrillStore;
  private readonly changes = new Changes();
  readonly subscribe = this.changes.subscribe;
  constructor(readonly name: string, readonly room: Lobby, private readonly scenario: Scenario = starter()) {}
  phase(): HostPhase {
    return this.current;
  }
  lobby() {
    return this.room.view();
  }
  takeSeat(choice: SeatChoice | undefined): string | undefined {
    const err = this.room.seat(this.name, choice);
    this.changes.notify();
    return err;
  }
  parseSeat(text: string) {
    return parseSeat(this.scenario, text);
  }
  store(): DrillStore | undefined {
    return this.drill;
  }
  leave(): void {
    this.leaves++;
  }
  /** Moves to a phase, with the drill's store from then on. */
  go(phase: HostPhase, store?: DrillStore): void {
    this.current = phase;
    if (store) this.drill = store;
    this.changes.notify();
  }
}

/** A facilitator's store on a real drill: alice's events, the facilitator's view (truth included, plus `truth`'s extras). */
export function facilitatorDrill(extras: Record<string, unknown> = {}) {
  const d = createDrill({ humans: [{ name: 'alice', role: 'ic' }, { name: 'bob', role: 'scribe' }] });
  const local = d.store.client;
  const client: DrillClient = {
    players: [],
    viewer: 'facilitator',
    setViewer: () => undefined,
    view: () => {
      const v = viewOf(d, FACILITATOR);
      return { ...v, ...(v.truth ? { truth: { ...v.truth, ...extras } } : {}) };
    },
    eventsSince: (seq) => local.eventsSince(seq),
    subscribe: (fn) => local.subscribe(fn),
    send: () => undefined,
    control: (c) => local.control(c),
    now: () => local.now(),
    get paused() {
      return local.paused;
    },
    get speed() {
      return local.speed;
    },
  };
  return { ...d, store: new DrillStore(client) };
}

/** A console model over a lobby: records what the console asked; `go()` moves it through the phases. */
export class FakeConsole implements HostConsoleModel {
  readonly said: [string, string][] = [];
  readonly assigned: [string, SeatChoice | undefined][] = [];
  starts = 0;
  quits = 0;
  startError?: string;
  everyone: ConsolePerson[] = [];
  joins: string[] = ['ssh -p 2222 NAME@10.0.0.5', 'join code: 4821', 'host key: SHA256:abcdefghijklmnop'];
  private current: HostPhase = 'lobby';
  private drill?: DrillStore;
  private readonly changes = new Changes();
  readonly subscribe = this.changes.subscribe;
  constructor(readonly room: Lobby, private readonly scenario: Scenario = starter()) {}
  phase(): HostPhase {
    return this.current;
  }
  joinLines(): readonly string[] {
    return this.joins;
  }
  lobby() {
    return this.room.view();
  }
  assign(name: string, choice: SeatChoice | undefined): string | undefined {
    this.assigned.push([name, choice]);
    const err = this.room.seat(name, choice);
    this.changes.notify();
    return err;
  }
  parseSeat(text: string) {
    return parseSeat(this.scenario, text);
  }
  start(): string | undefined {
    this.starts++;
    return this.startError;
  }
  store(): DrillStore | undefined {
    return this.drill;
  }
  people(): readonly ConsolePerson[] {
    return this.everyone;
  }
  say(speaker: string, text: string): void {
    this.said.push([speaker, text]);
  }
  quit(): void {
    this.quits++;
  }
  go(phase: HostPhase, store?: DrillStore): void {
    this.current = phase;
    if (store) this.drill = store;
    this.changes.notify();
  }
}
