// Replay of journals another firedrill version wrote, and of journals whose events do not fit the event union.
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version';
import { runCli } from '../helpers/cli';
import { recordedJournal } from '../helpers/recorded-journal';

const recorded = recordedJournal('replay-versions', '3');

/** Writes a journal made from the recorded one by `edit`, and replays it. */
function replayEdited(name: string, edit: (lines: string[]) => string[], args: string[] = []) {
  return runCli(['replay', recorded.edited(edit, `${name}.jsonl`), ...args]);
}
const withVersion = (v: string) => (ls: string[]) => [JSON.stringify({ ...JSON.parse(ls[0]!), firedrill: v }), ...ls.slice(1)];
const inputAt = (ls: string[]) => ls.findIndex((l) => JSON.parse(l).type === 'input');

describe('replay across versions', () => {
  it('replays a journal another version recorded and says who recorded it', () => {
    const r = replayEdited('older', withVersion('0.0.9'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/reproduces — \d+ events identical/);
    expect(r.stdout).toContain('recorded by firedrill 0.0.9');
  });

  it('names the recording version instead of a divergence when the other version plays differently', () => {
    const changed = (ls: string[]) => {
      const out = withVersion('0.0.9')(ls);
      const i = inputAt(out);
      const e = JSON.parse(out[i]!);
      out[i] = JSON.stringify({ ...e, data: { ...e.data, text: '/note something this version never typed' } });
      return out;
    };
    const r = replayEdited('older-diverges', changed);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`recorded by firedrill 0\\.0\\.9; this is firedrill ${VERSION.replace(/\./g, '\\.')}, and this firedrill plays it differently from event \\d+`));
    expect(r.stdout).not.toMatch(/does NOT reproduce/);
    const json = JSON.parse(replayEdited('older-diverges-json', changed, ['--json']).stdout);
    expect(json).toMatchObject({ reproduces: false, reason: 'other-version', recordedBy: '0.0.9', version: VERSION });
  });

  it('names the recording version when the other version wrote events this one does not know', () => {
    const r = replayEdited('older-unknown', (ls) => [...withVersion('0.0.9')(ls).slice(0, 3), JSON.stringify({ ...JSON.parse(ls[2]!), seq: 3, type: 'pager.snooze', data: {} })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/recorded by firedrill 0\.0\.9; .* it cannot read the journal \(.*:4: malformed event \(type: unknown event type "pager\.snooze"\)\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('replay checks every event against the event union', () => {
  it('names the line of an event of an unknown type', () => {
    const r = replayEdited('unknown', (ls) => [...ls.slice(0, 3), JSON.stringify({ ...JSON.parse(ls[2]!), type: 'pager.snooze' })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown\.jsonl:4: malformed event \(type: unknown event type "pager\.snooze"\)/);
  });

  it('names the line, the type and the field of an event whose data does not fit its type', () => {
    const r = replayEdited('bad-data', (ls) => {
      const i = inputAt(ls);
      const e = JSON.parse(ls[i]!);
      ls[i] = JSON.stringify({ ...e, data: { text: 42 } });
      return ls;
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-data\.jsonl:\d+: malformed input event \(data\.text: .*expected string/i);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
