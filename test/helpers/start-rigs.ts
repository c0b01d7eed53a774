// Rigs for frame tests, each unmounted after its test (kept apart from drill-rig, which benchmarks import too).
import { afterEach } from 'vitest';
import { DrillRig, type RigOptions } from './drill-rig';

/** A DrillRig.start for one test file: every rig it starts is unmounted after each test. */
export function startsRigs(): (opts?: RigOptions) => Promise<DrillRig> {
  const rigs: DrillRig[] = [];
  afterEach(() => {
    for (const r of rigs.splice(0)) r.unmount();
  });
  return async (opts = {}) => {
    const r = await DrillRig.start(opts);
    rigs.push(r);
    return r;
  };
}
