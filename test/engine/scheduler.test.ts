import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/engine/scheduler';

describe('Scheduler', () => {
  it('fires timers in deadline order, each at its own time', () => {
    const s = new Scheduler();
    const seen: string[] = [];
    s.setTimeout(() => seen.push(`b@${s.now()}`), 200);
    s.setTimeout(() => seen.push(`a@${s.now()}`), 100);
    s.setTimeout(() => seen.push(`c@${s.now()}`), 300);
    s.advanceTo(250);
    expect(seen).toEqual(['a@100', 'b@200']);
    expect(s.now()).toBe(250);
    expect(s.nextDeadline()).toBe(300);
  });

  it('runs timers due at the same instant in the order they were set', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) s.setTimeout(() => seen.push(i), 50);
    s.advanceTo(50);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('fires timers that a timer sets, if they fall due before the target time', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    const tick = () => {
      seen.push(s.now());
      s.setTimeout(tick, 10);
    };
    s.setTimeout(tick, 10);
    s.advanceTo(45);
    expect(seen).toEqual([10, 20, 30, 40]);
  });

  it('cancels timers and refuses to go back in time', () => {
    const s = new Scheduler();
    let fired = false;
    const id = s.setTimeout(() => (fired = true), 10);
    s.clearTimeout(id);
    s.advanceTo(20);
    expect(fired).toBe(false);
    expect(() => s.advanceTo(10)).toThrow(/back/);
  });
});
