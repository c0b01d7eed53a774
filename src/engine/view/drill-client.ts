/** The one interface the UI drives a drill through: what it may see, and what it may send. */
import type { DrillView } from './drill-view';
import type { SeenEvent } from './visibility';

/** The facilitator's controls: the drill clock, and an ad-hoc inject spoken by a named character. */
export type ClientControl =
  | { readonly kind: 'pause' } | { readonly kind: 'resume' } | { readonly kind: 'speed'; readonly speed: number } | { readonly kind: 'inject-now' } | { readonly kind: 'end' }
  | { readonly kind: 'say'; readonly speaker: string; readonly text: string };

export interface DrillClient {
  /** The local players this client speaks for (several in hot-seat, one on a terminal of one's own). */
  readonly players: readonly string[];
  /** Whose view is shown and who types now. */
  readonly viewer: string;
  /** Hands the keyboard to another local player (hot-seat). */
  setViewer(name: string): void;
  /** The drill as the current viewer may see it. */
  view(): DrillView;
  /** Events after `seq` that any local player may see, for catching up. */
  eventsSince(seq: number): SeenEvent[];
  /** Hears each new event a local player may see; returns an unsubscribe function. */
  subscribe(fn: (e: SeenEvent) => void): () => void;
  /** Sends a line typed by the current viewer. */
  send(text: string): void;
  /** A facilitator control. */
  control(c: ClientControl): void;
  /** Drill time now (it moves between events on the real clock). */
  now(): number;
  readonly paused: boolean;
  readonly speed: number;
}
