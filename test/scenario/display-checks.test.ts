// v2 presentation keys: a metric's display unit and label, the story clock and public service names; how they
// validate (a unit must fit its metric, at the unit's line and column, with the units that do), what they become,
// and that a v1 file may not use them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';
import { expectNeedsV2 } from '../helpers/needs-v2';
import { brief, edit, editText, load, posOf, scenarioOf, withCode } from '../fixtures/scenarios/variants';

const V2_FILE = readFileSync(join(ROOT, 'test/fixtures/v2/retention-purge.yaml'), 'utf8');
const v2 = (...edits: (readonly [string, string])[]) => editText(V2_FILE, ...edits);
const ERRORS = '      error_rate: { baseline: 0.3%, noise: 0.05% }';
const DELETE_RATE = '      delete_rate: { baseline: 1rps, noise: 0.2rps }';

describe('metric units and labels (v2)', () => {
  it('a unit that does not fit the metric is an error at the unit, listing the units that do', () => {
    const text = v2([ERRORS, '      error_rate: { baseline: 0.3%, noise: 0.05%, unit: /min }']);
    const r = load(text);
    expect(r.scenario).toBeUndefined();
    const [p, ...rest] = withCode(r.problems, 'ref/unit-mismatch');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      ...posOf(text, '/min }'), severity: 'error',
      message: 'unit "/min" does not fit uploads-api.error_rate: its baseline 0.3% is a percentage',
      hint: 'units for a percentage: %',
    });
  });

  it('a count takes no unit, and the error says how to give it one', () => {
    const text = v2(['      deleted: { baseline: 0, title:', '      deleted: { baseline: 0, unit: /min, title:']);
    const [p] = withCode(load(text).problems, 'ref/unit-mismatch');
    expect(p).toMatchObject({ ...posOf(text, '/min, title'), hint: expect.stringContaining('a count has no unit') });
  });

  it('a unit that is no unit at all lists every unit', () => {
    const text = v2([DELETE_RATE, '      delete_rate: { baseline: 1rps, unit: per-minute }']);
    const r = load(text);
    expect(r.scenario).toBeUndefined();
    expect(brief(r.problems)).toEqual([`${posOf(text, 'per-minute').line}:${posOf(text, 'per-minute').col} error schema/invalid-value expected a display unit: %, ms, s, KB, MB, GB, TB, rps, /s, /min (leave it out for a count), got string "per-minute"`]);
  });

  it('a rate is shown in the unit its baseline is written in; unit: overrides; other families keep their usual unit', () => {
    const s = scenarioOf(v2(
      [DELETE_RATE, '      delete_rate: { baseline: 60/min, noise: 6/min, label: deletes/min }\n      lag: { baseline: 2s, unit: s }\n      p99: { baseline: 180ms }\n      rps_made_min: { baseline: 5rps, unit: /min }'],
    ));
    const byName = new Map(s.services.flatMap((x) => x.metrics).map((m) => [m.name, m]));
    expect(byName.get('delete_rate')).toMatchObject({ baseline: 1, family: 'rate', unit: '/min', label: 'deletes/min' });
    expect(byName.get('lag')).toMatchObject({ baseline: 2000, unit: 's' });
    expect(byName.get('p99')?.unit).toBeUndefined();
    expect(byName.get('rps_made_min')).toMatchObject({ baseline: 5, unit: '/min' });
    expect(byName.get('error_rate')?.label).toBeUndefined();
  });

  it('a count whose baseline is a whole number is shown as one (v2 only); a fractional baseline keeps its decimals', () => {
    const s = scenarioOf(v2([DELETE_RATE, '      delete_rate: { baseline: 60/min }\n      waiting: { baseline: 3 }\n      load: { baseline: 0.5 }']));
    const byName = new Map(s.services.flatMap((x) => x.metrics).map((m) => [m.name, m]));
    expect(byName.get('waiting')?.whole).toBe(true);
    expect(byName.get('load')?.whole).toBeUndefined();
    expect(byName.get('delete_rate')?.whole).toBeUndefined();
    const v1 = scenarioOf(edit(['      error_rate: { baseline: 0.5%, noise: 0.1% }', '      error_rate: { baseline: 0.5%, noise: 0.1% }\n      waiting: { baseline: 3 }']));
    expect(v1.services.flatMap((x) => x.metrics).find((m) => m.name === 'waiting')).toMatchObject({ family: 'count' });
    expect(v1.services.flatMap((x) => x.metrics).find((m) => m.name === 'waiting')?.whole).toBeUndefined();
  });
});

describe('the story clock (v2)', () => {
  it('is kept as milliseconds after midnight', () => {
    expect(scenarioOf(v2(['duration: 40m\n', 'duration: 40m\nclock: "09:40"\n'])).clockMs).toBe((9 * 60 + 40) * 60_000);
    expect(scenarioOf(V2_FILE).clockMs).toBeUndefined();
  });

  it('unquoted HH:MM is read as the time it says', () => {
    expect(scenarioOf(v2(['duration: 40m\n', 'duration: 40m\nclock: 23:05\n'])).clockMs).toBe((23 * 60 + 5) * 60_000);
  });

  it('anything but HH:MM on the 24-hour clock is an error at the value', () => {
    for (const bad of ['"9:40"', '"24:00"', '"09:40:00"', '940']) {
      const text = v2(['duration: 40m\n', `duration: 40m\nclock: ${bad}\n`]);
      const r = load(text);
      expect(r.scenario, bad).toBeUndefined();
      expect(r.problems.map((p) => [p.line, p.col, p.path]), bad).toEqual([[posOf(text, bad, 'clock').line, posOf(text, bad, 'clock').col, ['clock']]]);
      expect(r.problems[0]?.message, bad).toMatch(/time of day/);
    }
  });
});

describe('public service names (v2)', () => {
  it('are kept apart from the title', () => {
    const s = scenarioOf(v2(['  - id: uploads-api\n', '  - id: uploads-api\n    title: uploads-api (k8s, media team)\n    public: Photos\n']));
    expect(s.services[0]).toMatchObject({ title: 'uploads-api (k8s, media team)', publicName: 'Photos' });
    expect(s.services[1]?.publicName).toBeUndefined();
  });
});

describe('the presentation keys in a v1 file', () => {
  it('are each an error saying the file needs schema: firedrill/v2', () => {
    const text = edit(
      ['      error_rate: { baseline: 0.5%, noise: 0.1% }', '      error_rate: { baseline: 0.5%, noise: 0.1%, unit: "%", label: errors }'],
      ['    owner: web-team', '    public: Web shop\n    owner: web-team'],
      ['difficulty:', 'clock: "09:40"\ndifficulty:'],
    );
    expectNeedsV2(text, ['clock', 'public', 'unit', 'label']);
  });

  it('a v1 metric written per minute keeps v1\'s display (no unit is taken from its baseline)', () => {
    const s = scenarioOf(edit(['      latency_p99: { baseline: 200ms, noise: 20ms }', '      latency_p99: { baseline: 200ms, noise: 20ms }\n      orders: { baseline: 600/min }']));
    expect(s.services[0]?.metrics.find((m) => m.name === 'orders')).toEqual({ ref: 'web.orders', service: 'web', name: 'orders', baseline: 10, noise: 0, family: 'rate' });
    expect(s.clockMs).toBeUndefined();
  });
});
