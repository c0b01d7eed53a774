// Issue 11: what replay prints at a divergence is bounded and says what happened (a 50 MB event once printed
// 52 MB; a gap in the numbering looked like two identical lines), and a journal with a byte-order mark reads.
import { describe, expect, it } from 'vitest';
import { divergenceLines } from '../../src/cli/actions/replay';
import type { JournalEvent } from '../../src/engine/journal';
import { runBounded } from '../helpers/cli-bounded';
import { recordedJournal } from '../helpers/recorded-journal';

const recorded = recordedJournal('divergence');
/** A copy of the run's journal with its lines edited, in a fresh folder; returns the journal's path. */
const editedJournal = (edit: (lines: string[]) => string[] | string): string => recorded.edited(edit);

describe('replay', () => {
  it('reads a journal that starts with a UTF-8 byte-order mark', () => {
    const journal = editedJournal((lines) => `\uFEFF${lines.join('\n')}\n`);
    const r = runBounded(['replay', journal]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/reproduces/);
  });

  it('names a gap in the journal\'s numbering as a gap, and the two sides do not look the same', () => {
    // Renumber every event from the 10th on: event 10 is missing from the numbering.
    const journal = editedJournal(([header, ...events]) => [header!, ...events.map((l, i) => (i < 9 ? l : l.replace(/^\{"seq":\d+/, `{"seq":${i + 2}`)))]);
    const r = runBounded(['replay', journal]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/first divergence at event 10: .*journal\.jsonl:11 is numbered 11, so the journal skips event 10 \(a gap/);
    const [, journalSide, replaySide] = r.stdout.split('\n');
    expect(journalSide).toMatch(/^ {2}journal: #11 /);
    expect(replaySide).toMatch(/^ {2}replay: {2}#10 /);
  });

  it('prints a bounded excerpt of each side when one event is 50 MB, around where they differ', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const journal = editedJournal((lines) => lines.map((l) => (l.includes('"type":"alert.fired"') ? l.replace(/"title":"/, `"title":"${huge}`) : l)));
    const r = runBounded(['replay', journal], { timeoutMs: 60_000 });
    expect(r.code, r.stderr.slice(0, 2000)).toBe(1);
    expect(r.stdout.length).toBeLessThan(2000);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^ {2}journal: #\d+ T\+\S+ \S+ \(system\) alert\.fired \{"alert":"[^"]+","title":"x+ …\(\d+ more characters\)$/);
    expect(lines[2]).toMatch(/^ {2}replay: {2}#\d+ T\+\S+ \S+ \(system\) alert\.fired \{"alert":/);
  }, 60_000);

  it('keeps --json small too: each string of the divergent events is cut, saying how much was left out', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const journal = editedJournal((lines) => lines.map((l) => (l.includes('"type":"alert.fired"') ? l.replace(/"title":"/, `"title":"${huge}`) : l)));
    const r = runBounded(['replay', journal, '--json'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr.slice(0, 2000)).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.divergence.expected.data.title).toMatch(/^x{300}… \(\d+ more characters\)$/);
    expect(doc.divergence.expected.type).toBe('alert.fired');
    expect(JSON.stringify(doc.divergence).length).toBeLessThan(5000);
  }, 60_000);
});

const event = (seq: number, data: Record<string, unknown>, type = 'alert.fired'): JournalEvent =>
  ({ seq, atMs: 60_000, actor: 'monitoring', role: 'system', type, data, wall: '2026-01-01T00:00:00.000Z' }) as unknown as JournalEvent;

describe('the divergence report', () => {
  it('shows both sides whole when they are short, each with its number', () => {
    const lines = divergenceLines('j.jsonl', { seq: 3, expected: event(3, { title: 'a' }), actual: event(3, { title: 'b' }) });
    expect(lines).toEqual([
      'j.jsonl: does NOT reproduce: first divergence at event 3',
      '  journal: #3 T+01:00 monitoring (system) alert.fired {"title":"a"}',
      '  replay:  #3 T+01:00 monitoring (system) alert.fired {"title":"b"}',
    ]);
  });

  it('shows a few hundred characters of each side, around where they first differ', () => {
    const long = 'y'.repeat(5000);
    const lines = divergenceLines('j.jsonl', { seq: 3, expected: event(3, { title: `${long}A${long}` }), actual: event(3, { title: `${long}B${long}` }) });
    for (const l of lines) expect(l.length).toBeLessThan(400);
    expect(lines[1]).toMatch(/^ {2}journal: …\(\d+ characters\) y+Ay+ …\(\d+ more characters\)$/);
    expect(lines[2]).toMatch(/^ {2}replay: {2}…\(\d+ characters\) y+By+ …\(\d+ more characters\)$/);
  });

  it('never cuts a surrogate pair in half', () => {
    const lines = divergenceLines('j.jsonl', { seq: 1, expected: event(1, { t: '😀'.repeat(3000) }), actual: event(1, { t: 'x' }) });
    for (const l of lines) expect(l).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('names a gap in the numbering, and a repeated number, as what they are', () => {
    expect(divergenceLines('j.jsonl', { seq: 5, expected: event(7, {}), actual: event(5, {}) })[0])
      .toBe('j.jsonl: does NOT reproduce: first divergence at event 5: j.jsonl:6 is numbered 7, so the journal skips events 5–6 (a gap: lines were removed or renumbered)');
    expect(divergenceLines('j.jsonl', { seq: 5, expected: event(4, {}), actual: event(5, {}) })[0])
      .toBe('j.jsonl: does NOT reproduce: first divergence at event 5: j.jsonl:6 is numbered 4, but event 5 belongs there (a repeated or out-of-order number)');
    expect(divergenceLines('j.jsonl', { seq: 5, actual: event(5, {}) })).toEqual([
      'j.jsonl: does NOT reproduce: first divergence at event 5', '  journal: (nothing)', '  replay:  #5 T+01:00 monitoring (system) alert.fired {}',
    ]);
  });
});
