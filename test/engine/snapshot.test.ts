import { describe, expect, it } from 'vitest';
import { drill, starter } from '../helpers/drill';

describe('snapshot', () => {
  it('shows what participants know, with the ground truth kept apart', () => {
    const mid = drill(starter(), { bots: 'none', humans: [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder', service: 'web' }] });
    mid.session.start();
    for (const [t, who, text] of [[200_000, 'carol', '/ack'], [210_000, 'carol', '/trigger'], [215_000, 'carol', '/join web'], [220_000, 'alice', '/ic'], [230_000, 'alice', '/sev SEV-2'], [240_000, 'alice', '/assign @carol check web-logs in 5m'], [250_000, 'alice', '/poll revert-config?']] as const) {
      mid.session.advanceTo(t);
      mid.session.dispatch(who, text);
    }
    const snap = mid.session.snapshot();
    expect(snap.atMs).toBe(250_000);
    expect(snap.status).toBe('running');
    expect(snap.incident).toEqual({ triggered: true, ic: 'alice', severity: 'SEV-2', resolved: false });
    expect(snap.people.find((p) => p.name === 'alice')?.roles).toEqual(['ic']);
    expect(snap.people.find((p) => p.name === 'carol')).toMatchObject({ joined: true, paged: false, team: 'web-team' });
    expect(snap.tasks).toEqual([{ id: 'T1', to: 'carol', owners: ['carol'], text: 'check web-logs', status: 'open', acked: false, timeboxMs: 300_000, dueAt: 540_000 }]);
    expect(snap.poll).toEqual({ id: 'P1', proposal: 'revert-config?', objections: 0 });
    expect(snap.alerts).toEqual([{ id: 'web-errors', title: 'web-errors', firing: true, ackedBy: 'carol', notified: ['carol'] }]);
    const err = snap.metrics.find((m) => m.ref === 'web.error_rate')!;
    expect(err.value).toBeGreaterThan(30);
    expect(err.history.length).toBe(51); // one sample per 5 s tick, T+0 to T+250s
    expect(snap.truth).toEqual({ phase: 'broken', mitigated: false });
    mid.session.control({ kind: 'end' });
    expect(mid.session.snapshot()).toMatchObject({ status: 'ended', outcome: 'aborted' });
  });
});
