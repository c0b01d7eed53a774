// v2 presentation on the drill screen at 100×30: a metric written per minute shown per minute under its label,
// and, with a story clock, the header, the channel and a check's log lines stamped with the story's time of day.
// The same screen for the v1 starter keeps drill time and rps.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/types';
import { at } from '../helpers/drill';
import { startsRigs } from '../helpers/start-rigs';
import { edit, scenarioOf } from '../fixtures/scenarios/variants';

const COLS = 100;
const ROWS = 30;
const ORDERS = ['      latency_p99: { baseline: 200ms, noise: 20ms }', '      latency_p99: { baseline: 200ms, noise: 20ms }\n      orders: { baseline: 600/min, label: orders placed }'] as const;
const SHOWS = ['    logs: true\n', '    logs: true\n    shows: [web.orders]\n'] as const;
/** The starter as v2, with an orders metric written per minute (no noise, so its value is exact) and a story clock. */
const V2: Scenario = scenarioOf(edit(['schema: firedrill/v1', 'schema: firedrill/v2\nclock: "09:40"'], ORDERS, SHOWS));
const V1: Scenario = scenarioOf(edit(ORDERS.map((s) => s.replace(', label: orders placed', '')) as unknown as readonly [string, string], SHOWS));

const startRig = startsRigs();

/** carol, on call for web, checks the web log in the broken phase; the screen 40 s later. */
async function checked(scenario: Scenario): Promise<string[]> {
  const r = await startRig({ scenario, columns: COLS, rows: ROWS, humans: [{ name: 'carol', role: 'responder', service: 'web' }] });
  await r.advance(at('3:00'));
  await r.type('/check web-logs', { enter: true });
  await r.advance(at('0:40'));
  const lines = r.ui.lines();
  expect(lines.length).toBeLessThanOrEqual(ROWS);
  return lines;
}

describe('v2 presentation on the drill screen', () => {
  it('shows a per-minute metric per minute, under its label, on the panel and in the check result', async () => {
    const lines = await checked(V2);
    expect(lines.find((l) => l.includes(' orders placed '))).toMatch(/│ {2}orders placed 600\/min ▁{6,}$/u);
    expect(lines.some((l) => l.includes('orders placed=600/min'))).toBe(true);
    expect(lines.some((l) => /rps/.test(l))).toBe(false);
  });

  it('stamps the header, the channel and the log lines with the story clock', async () => {
    const lines = await checked(V2);
    // T+03:40 is 09:43:40 in the story; the header keeps drill time beside it.
    expect(lines[0]).toMatch(/ 09:43 T\+03:40  1x  SEV \?/);
    // The check started at 09:43:00 and its result came 30 s later, both in the channel's time column.
    expect(lines[1]).toMatch(/^09:40 The drill has started\./);
    expect(lines.some((l) => l.startsWith('09:43 carol is checking web-logs'))).toBe(true);
    expect(lines.some((l) => /^09:43 carol: web-logs: /.test(l))).toBe(true);
    // Log lines the check read are stamped with the story's time of day, to the second.
    const logs = lines.filter((l) => /^ {6} {2}09:4[0-3]:\d\d ERROR web-\d+ rejected request/.test(l));
    expect(logs.length).toBeGreaterThan(0);
    expect(lines.some((l) => /^ {8}0[0-3]:\d\d ERROR/.test(l))).toBe(false);
  });

  it('leaves a v1 file as it was: drill time everywhere, rates in rps', async () => {
    const lines = await checked(V1);
    expect(lines[0]).toMatch(/ T\+03:40  1x  SEV \?/);
    expect(lines[0]).not.toMatch(/09:4/);
    expect(lines.find((l) => l.includes(' orders '))).toMatch(/│ {2}orders +10rps ▁{6,}$/u);
    expect(lines.some((l) => l.includes('web.orders=10rps'))).toBe(true);
    expect(lines.filter((l) => /^ {8}0[23]:\d\d ERROR web-\d+ rejected request/.test(l)).length).toBeGreaterThan(0);
  });
});
