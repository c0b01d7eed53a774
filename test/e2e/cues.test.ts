// Issue 13 in a real pseudo-terminal, through the built CLI: the hot-seat cue and footer, the paging cues (the bell
// byte on the wire, the header badge, and no bell with --quiet), and two control keys arriving in one write.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';
import { KEYS, PtyRun } from '../helpers/pty';
import { tempDir } from '../helpers/tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');
const runs: PtyRun[] = [];
const start = (extra: string[], o: { cols?: number; rows?: number } = {}) => {
  const r = new PtyRun(['run', INTRO, '--seed', '7', '--out', 'run', ...extra], { ...o, cwd: tempDir('e2e') });
  runs.push(r);
  return r;
};
afterEach(async () => {
  await Promise.all(runs.splice(0).map((r) => r.stop()));
});
const header = (s: string) => s.split('\n')[0] ?? '';
const footer = (s: string) => s.split('\n').filter((l) => l.trim()).at(-1) ?? '';
const bells = (r: PtyRun) => r.output.split('\x07').length - 1;

describe('hot-seat cues in a pseudo-terminal', () => {
  it('Ctrl+N says who speaks now for a moment, and the footer names who is next', async () => {
    const r = start(['--as', 'alice:ic', '--as', 'bob:scribe', '--as', 'carol:responder:orders-team']);
    const first = await r.waitFor('alice (ic)>');
    expect(footer(first)).toMatch(/^\^C quit {2}\^N → bob/);
    expect(first).not.toContain('Now speaking');
    r.press(KEYS.CTRL_N);
    const s = await r.waitFor((x) => x.includes('bob (scribe)>') && x.includes('Now speaking: bob (scribe)'));
    const lines = s.split('\n');
    expect(lines[lines.findIndex((l) => l.startsWith('bob (scribe)>')) + 1]).toMatch(/^ Now speaking: bob \(scribe\)/);
    expect(footer(s)).toMatch(/^\^C quit {2}\^N → carol/);
    // It goes by itself; the prompt stays.
    const later = await r.waitFor((x) => !x.includes('Now speaking'), 6000);
    expect(later).toContain('bob (scribe)>');
  });
});

describe('paging cues in a pseudo-terminal', () => {
  it('rings the bell once and badges the header until the page is acknowledged', async () => {
    const r = start(['--as', 'carol:responder:orders-team', '--speed', '30']);
    await r.waitFor('carol (responder)>');
    expect(bells(r)).toBe(0);
    const paged = await r.waitFor((s) => header(s).includes('PAGED orders-api'), 20_000);
    expect(header(paged)).toMatch(/PAGED orders-api +T\+0\d:\d\d/);
    expect(bells(r)).toBe(1);
    await r.type('/ack\r');
    await r.waitFor((s) => !header(s).includes('PAGED') && s.includes('carol acknowledged orders-api-5xx'));
    expect(bells(r)).toBe(1);
  });

  it('rings no bell with --quiet, and still shows the badge', async () => {
    const r = start(['--as', 'carol:responder:orders-team', '--speed', '30', '--quiet']);
    await r.waitFor((s) => header(s).includes('PAGED orders-api'), 20_000);
    expect(bells(r)).toBe(0);
  });
});

describe('several keys in one write', () => {
  it('handles two control keys arriving together (C-f C-f, then C-n C-n)', async () => {
    const r = start(['--as', 'alice:ic', '--as', 'bob:scribe', '--as', 'carol:responder:orders-team']);
    await r.waitFor('alice (ic)>');
    r.press('\x06\x06');
    await r.waitFor((s) => /T\+\d\d:\d\d {2}4x /.test(header(s)));
    r.press('\x0e\x0e');
    await r.waitFor('carol (responder)>');
  });
});
