/** Service metrics: baseline plus seeded noise, ramping toward each phase's effects. */
import type { Effect, Metric, Phase } from '../scenario/types';
import type { Rng } from './random';

/** Samples kept per metric for sparklines and probes (at one per tick). */
export const HISTORY = 120;

interface MetricState {
  readonly metric: Metric;
  from: number;
  target: number;
  rampStart: number;
  rampMs: number;
  /** v2 `add ... every`: the metric moves steadily by this much per millisecond from `from` at `rampStart`. */
  rate?: number;
  value: number;
  readonly history: number[];
}

function targetOf(m: Metric, e: Effect | undefined): number {
  if (!e) return m.baseline;
  return e.kind === 'multiply' ? m.baseline * e.value : e.value;
}

/** Holds every metric's state; the world calls enterPhase and sample. */
export class MetricBoard {
  private readonly states = new Map<string, MetricState>();

  constructor(metrics: readonly Metric[], private readonly rng: Rng) {
    for (const m of metrics) {
      this.states.set(m.ref, { metric: m, from: m.baseline, target: m.baseline, rampStart: 0, rampMs: 0, value: m.baseline, history: [] });
    }
  }

  private smooth(s: MetricState, t: number): number {
    if (s.rate !== undefined) {
      const v = Math.max(0, s.from + s.rate * (t - s.rampStart));
      return s.metric.family === 'percent' ? Math.min(100, v) : v;
    }
    if (s.rampMs <= 0 || t >= s.rampStart + s.rampMs) return s.target;
    const f = Math.max(0, (t - s.rampStart) / s.rampMs);
    return s.from + (s.target - s.from) * f;
  }

  /** Starts ramps toward a phase's effects; metrics it does not mention drift back to baseline. */
  enterPhase(phase: Phase, t: number): void {
    for (const s of this.states.values()) {
      const e = phase.effects.find((x) => x.metric === s.metric.ref);
      if (s.rate !== undefined || (e ? e.kind === 'hold' || e.kind === 'add' : phase.others === 'hold')) {
        this.enterV2(s, e, phase, t);
        continue;
      }
      s.from = this.smooth(s, t);
      s.target = targetOf(s.metric, e);
      s.rampStart = t;
      s.rampMs = e?.overMs ?? phase.rampMs;
    }
  }

  /** The v2 effects: hold where it is, add to where it is (once or steadily); a metric leaving a steady climb starts from where it got to. */
  private enterV2(s: MetricState, e: Effect | undefined, phase: Phase, t: number): void {
    const now = this.smooth(s, t);
    s.rate = undefined;
    s.from = now;
    s.rampStart = t;
    if (!e) {
      const hold = phase.others === 'hold';
      s.target = hold ? now : s.metric.baseline;
      s.rampMs = hold ? 0 : phase.rampMs;
      return;
    }
    s.rampMs = e.kind === 'hold' || e.everyMs !== undefined ? 0 : e.overMs;
    if (e.kind === 'hold') s.target = now;
    else if (e.kind === 'add' && e.everyMs !== undefined) {
      s.rate = e.value / e.everyMs;
      s.target = now;
    } else if (e.kind === 'add') s.target = Math.max(0, now + e.value);
    else s.target = targetOf(s.metric, e);
  }

  /** Takes one sample of every metric at time t (called once per tick). */
  sample(t: number): void {
    for (const s of this.states.values()) {
      const noise = s.metric.noise ? (this.rng.next() * 2 - 1) * s.metric.noise : 0;
      let v = Math.max(0, this.smooth(s, t) + noise);
      if (s.metric.family === 'percent') v = Math.min(100, v);
      s.value = v;
      s.history.push(v);
      if (s.history.length > HISTORY) s.history.shift();
    }
  }

  /** The latest sampled value of a metric. */
  value(ref: string): number {
    return this.states.get(ref)?.value ?? 0;
  }

  /** The latest samples of a metric, oldest first. */
  history(ref: string): readonly number[] {
    return this.states.get(ref)?.history ?? [];
  }

  /** Every metric definition, in scenario order. */
  metrics(): Metric[] {
    return [...this.states.values()].map((s) => s.metric);
  }
}
