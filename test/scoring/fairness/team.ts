// The fairness bar: a by-the-book human team, typing the way people type, plays a library scenario from
// a drill script in scripts/; one edit to that script makes one mistake. Shared by every scenario's test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCast } from '../../../src/engine/cast';
import { MemoryJournal, type JournalEvent, type JournalHeader } from '../../../src/engine/journal';
import { createFaker } from '../../../src/engine/random';
import { DrillSession } from '../../../src/engine/session';
import { parse as parseYaml } from 'yaml';
import { loadDrillScript } from '../../../src/io/drill-script-file';
import { loadScenario } from '../../../src/io/scenario-file';
import type { Scenario } from '../../../src/scenario/types';
import { score } from '../../../src/scoring/score';
import type { Scorecard } from '../../../src/scoring/types';
import { ROOT } from '../../helpers/cli';

/** One line of a drill script. */
export interface Line {
  readonly at: string;
  readonly by: string;
  readonly do: string;
}

/** One deliberate mistake: lines changed, dropped or added, and the one rule it must cost. */
export interface Mistake {
  /** The rule family (one module in src/scoring/rules). */
  readonly family: string;
  readonly rule: string;
  /** What the team did wrong, in words. */
  readonly what: string;
  /** Lines to remove, found by the start of their text (and who typed them). */
  readonly drop?: readonly (readonly [by: string, startsWith: string])[];
  /** Lines whose text changes. */
  readonly change?: readonly (readonly [by: string, startsWith: string, to: string])[];
  readonly add?: readonly Line[];
}

export interface Team {
  readonly scenario: Scenario;
  readonly lines: readonly Line[];
  readonly participants: readonly { name: string; role: string; service?: string }[];
}

/** A library scenario and its by-the-book script. */
export function team(id: string): Team {
  const scenario = loadScenario(join(ROOT, 'scenarios', `${id}.yaml`)).scenario;
  if (!scenario) throw new Error(`${id}: the scenario does not load`);
  const file = join(ROOT, 'test', 'scoring', 'fairness', 'scripts', `${id}.yaml`);
  // The script must load as a real drill script (so `simulate --script` can play it too).
  const checked = loadDrillScript(file, scenario);
  if (!checked.script) throw new Error(`${file}: ${JSON.stringify(checked.problems)}`);
  const raw = parseYaml(readFileSync(file, 'utf8')) as { participants: Team['participants']; actions: Line[] };
  return { scenario, lines: raw.actions.map((a) => ({ at: String(a.at), by: a.by, do: a.do })), participants: raw.participants };
}

function find(lines: readonly Line[], by: string, start: string): number {
  const i = lines.findIndex((l) => l.by === by && l.do.startsWith(start));
  if (i < 0) throw new Error(`no line by ${by} starting "${start}"`);
  return i;
}

/** The script with one mistake made. */
export function withMistake(lines: readonly Line[], m: Mistake): Line[] {
  const out = [...lines];
  for (const [by, start, to] of m.change ?? []) {
    const i = find(out, by, start);
    out[i] = { ...out[i]!, do: to };
  }
  for (const [by, start] of m.drop ?? []) out.splice(find(out, by, start), 1);
  return [...out, ...(m.add ?? [])];
}

const toMs = (at: string): number => {
  const [m, s] = at.split(':').map(Number);
  return ((m ?? 0) * 60 + (s ?? 0)) * 1000;
};

export interface Played {
  readonly card: Scorecard;
  readonly header: JournalHeader;
  readonly events: readonly JournalEvent[];
}

/** Plays the team's lines with nobody else acting (no bots), and scores the journal. */
export function play(t: Team, lines: readonly Line[] = t.lines, seed = '1'): Played {
  const humans = t.participants.map((p) => ({ name: p.name, role: p.role as 'ic', ...(p.service ? { service: p.service } : {}) }));
  const cast = buildCast(t.scenario, humans, createFaker(seed, 'people'), 'by-the-book');
  const journal = new MemoryJournal();
  const session = new DrillSession({ scenario: t.scenario, seed, cast, journal });
  session.runSimulated(lines.map((l) => ({ atMs: toMs(l.at), actor: l.by, text: l.do })));
  return { card: score(t.scenario, journal.headerLine!, journal.events), header: journal.headerLine!, events: journal.events };
}

/** What went wrong, readable in a failure message: refused lines and every violation. */
export function explain(p: Played): string {
  const clock = (ms: number) => `${Math.floor(ms / 60000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;
  const refused = p.events.filter((e) => e.type === 'cmd.error').map((e) => `refused ${clock(e.atMs)} ${e.actor}: ${String(e.data.message)}`);
  const violations = p.card.rules.flatMap((r) => r.violations.map((v) => `${r.id} ${clock(v.atMs)} ${v.actor}: ${v.evidence.note}`));
  return [`score ${p.card.score}`, ...refused, ...violations, ...p.card.deductions.map((d) => `−${d.points} ${d.what}`)].join('\n');
}

/** The by-the-book team scores 100 with nothing refused and no violation. */
export function expectPerfect(p: Played): void {
  expect(p.events.filter((e) => e.type === 'cmd.error'), explain(p)).toEqual([]);
  expect(p.card.rules.filter((r) => r.status === 'violated').map((r) => r.id), explain(p)).toEqual([]);
  expect(p.card.deductions, explain(p)).toEqual([]);
  expect(p.card.score, explain(p)).toBe(100);
}

/** One mistake costs exactly its rule: that rule is the only one broken and the only deduction. */
export function expectOnly(p: Played, rule: string): void {
  expect(p.card.rules.filter((r) => r.status === 'violated').map((r) => r.id), explain(p)).toEqual([rule]);
  expect(p.card.deductions.map((d) => d.what.split(' ')[0]), explain(p)).toEqual([rule]);
  expect(p.card.score, explain(p)).toBeLessThan(100);
}

/** The fairness bar for one scenario: the by-the-book team scores 100, and each mistake costs its rule and nothing else. */
export function fairnessSuite(id: string, mistakes: readonly Mistake[]): void {
  const t = team(id);
  describe(`fairness: ${id}`, () => {
    it('a by-the-book team typing naturally scores 100 with no violations', () => expectPerfect(play(t)));
    for (const m of mistakes) {
      it(`${m.family}: ${m.what} costs ${m.rule} and nothing else`, () => expectOnly(play(t, withMistake(t.lines, m)), m.rule));
    }
  });
}
