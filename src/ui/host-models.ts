/**
 * What the team drill's screens read and send: one model per participant's SSH terminal, one for the facilitator
 * console on the host's own terminal. The host (src/net/drill-host.ts) implements them; the screens never see the
 * session, the SSH connection or the file system.
 */
import type { LobbyView, SeatChoice } from '../net/lobby';
import type { DrillStore } from './drill-store';

/** Where a team drill is: people gathering, the drill running, or over (each person on their scorecard). */
export type HostPhase = 'lobby' | 'drill' | 'ended';

/** One participant's screen: the lobby, then the drill as they may see it, then their scorecard. */
export interface ParticipantModel {
  /** The person at this terminal (their SSH user name). */
  readonly name: string;
  /** Hears any change of phase or lobby (the drill itself notifies through its store); returns an unsubscribe function. */
  subscribe(fn: () => void): () => void;
  phase(): HostPhase;
  lobby(): LobbyView;
  /** Takes a seat (undefined stands up); returns why not, when it cannot. Only in the lobby. */
  takeSeat(choice: SeatChoice | undefined): string | undefined;
  /** Reads a typed seat ("scribe", "responder payments") as a choice, or says what is wrong with it. */
  parseSeat(text: string): SeatChoice | string;
  /** The drill as this person sees it, once it has started; its screen is 'ended' with their scorecard at the end. */
  store(): DrillStore | undefined;
  /** The person leaves (their seat is kept; the same name reconnecting carries on). */
  leave(): void;
}

/** One line of the facilitator's people table during the drill. */
export interface ConsolePerson {
  readonly name: string;
  /** The seat label ("Scribe", "Responder (payments)"), or "bot: Scribe". */
  readonly seat: string;
  readonly kind: 'human' | 'bot';
  /** For humans: whether their SSH connection is up. */
  readonly connected: boolean;
  /** What they last typed, and when (drill time). */
  readonly lastAction?: { readonly atMs: number; readonly text: string };
  /** Ids and texts of the open tasks they own. */
  readonly openTasks: readonly { readonly id: string; readonly text: string }[];
}

/** The facilitator console on the host terminal. Facilitator controls exist only here. */
export interface HostConsoleModel {
  subscribe(fn: () => void): () => void;
  phase(): HostPhase;
  /** The lines to copy for joining: the ssh command, the join code, the host key's fingerprint, warnings. */
  joinLines(): readonly string[];
  lobby(): LobbyView;
  /** Seats (or stands up) a person in the lobby; returns why not, when it cannot. */
  assign(name: string, choice: SeatChoice | undefined): string | undefined;
  parseSeat(text: string): SeatChoice | string;
  /** Starts the drill: bots take the seats nobody took. Returns why not, when it cannot. */
  start(): string | undefined;
  /** The drill as the facilitator sees it (the hidden truth included), once started; pause, speed, inject-now and end go through its client. */
  store(): DrillStore | undefined;
  /** The people table, once started. */
  people(): readonly ConsolePerson[];
  /** An ad-hoc inject spoken by a named character: `say('Priya (Customer Support)', 'customers are posting screenshots')`. */
  say(speaker: string, text: string): void;
  /** The facilitator leaves the console (after the end: the host stops; before it: ends the drill first). */
  quit(): void;
}
