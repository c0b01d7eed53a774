// score(): a pure function from (scenario, header, journal) to the scorecard contract.
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version';
import type { JournalEvent } from '../../src/engine/journal';
import { applicableMetrics, computeMetrics, METRIC_WEIGHTS, metricCredit } from '../../src/scoring/metrics';
import { indexJournal } from '../../src/scoring/journal-index';
import { METRIC_POINTS, METRIC_RULE, RULE_POINTS, score } from '../../src/scoring/score';
import { METRIC_KEYS, type Scorecard } from '../../src/scoring/types';
import { at, drill, shipped } from '../helpers/drill';
import { CLEAN, play, script, type Edit, type Played } from '../helpers/scoring';

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

const clean = play();

/** Scripts with more and more mistakes, from clean to a shambles. */
const DROPS = ['assign2', 'wilco2', 'noteAssign2', 'report2', 'poll', 'noteAssign1', 'noteDecide', 'pm', 'sev', 'noteSev', 'noteStatus1', 'noteStatus2'];
const SLOPPY_SET: Edit['set'] = { run: { actor: 'alice' }, ic: { text: '/ic' }, assign1: { text: '/assign @carol check web-logs for the cause' } };
const LADDER: readonly Edit[] = [
  {},
  { drop: ['poll'] },
  { drop: ['assign2', 'wilco2', 'noteAssign2', 'report2', 'poll'], set: { run: { actor: 'alice' } } },
  { drop: DROPS.slice(0, 8), set: SLOPPY_SET },
  { drop: DROPS, set: SLOPPY_SET },
  { drop: [...DROPS, 'appoint', 'wilco1'], set: SLOPPY_SET },
  {
    drop: [...DROPS, 'appoint', 'wilco1', 'status1', 'status2'],
    set: { ...SLOPPY_SET, ack: { actor: 'bob' } },
    add: [['4:35', 'alice', 'can someone check?'], ['4:36', 'alice', '/check web-logs']],
  },
  {
    drop: [...DROPS, 'appoint', 'wilco1', 'status1', 'status2', 'sev', 'join', 'joinScribe', 'pm'],
    set: { ...SLOPPY_SET, ack: { actor: 'bob' } },
    add: [['4:35', 'alice', 'can someone check?'], ['4:36', 'alice', '/check web-logs']],
  },
  // A shambles: the response is triggered late and then nobody does anything at all.
  { drop: CLEAN.map((x) => x.key).filter((k) => k !== 'trigger'), set: { trigger: { at: '9:00' } } },
];
const ladder: Played[] = LADDER.map((e) => play(script(e), { allowErrors: true }));

const BOT_FILES = ['scenarios/bad-deploy-rollback.yaml', 'scenarios/checkout-db-wal-disk-full.yaml'];
const botRuns = BOT_FILES.flatMap((file) => {
  const scenario = shipped(file);
  return ['1', '2', '3'].flatMap((seed) => (['by-the-book', 'sloppy'] as const).map((bots) => {
    const d = drill(scenario, { bots, seed });
    d.session.runSimulated([]);
    return { file, seed, bots, card: score(scenario, d.journal.headerLine!, d.journal.events) };
  }));
});
const allCards: Scorecard[] = [...ladder.map((p) => p.card), ...botRuns.map((r) => r.card)];

describe('purity', () => {
  it('the same inputs give a deep-equal scorecard', () => {
    expect(score(clean.scenario, clean.header, clean.events)).toEqual(clean.card);
    const p = ladder[4]!;
    expect(score(p.scenario, p.header, p.events)).toEqual(p.card);
  });

  it('it neither mutates nor depends on mutating the journal, header or scenario (all deeply frozen)', () => {
    for (const p of [clean, ladder[5]!]) {
      const before = JSON.stringify([p.header, p.events]);
      const events = deepFreeze(structuredClone(p.events) as JournalEvent[]);
      const header = deepFreeze(structuredClone(p.header));
      const scenario = deepFreeze(structuredClone(p.scenario));
      expect(score(scenario, header, events)).toEqual(p.card);
      expect(JSON.stringify([p.header, p.events])).toBe(before);
    }
  });

  it('two runs of the same drill score the same (the wall clock plays no part)', () => {
    const again = play();
    expect(again.card).toEqual(clean.card);
    const walled = clean.events.map((e, i) => ({ ...e, wall: `2030-01-01T00:00:${String(i % 60).padStart(2, '0')}Z` }));
    expect(score(clean.scenario, { ...clean.header, wall: 'then' }, walled)).toEqual(clean.card);
  });

  it('the scorecard is plain JSON: it survives a round trip unchanged', () => {
    for (const c of allCards) expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});

describe('the facilitator\'s ad-hoc injects', () => {
  it('change no rule, metric, score or grade (facilitator.say is not the players\' doing)', () => {
    const said: JournalEvent[] = [];
    for (const [i, e] of clean.events.entries()) {
      said.push(e);
      if (i % 7 === 3) said.push({ seq: 0, atMs: e.atMs, actor: 'facilitator', role: 'facilitator', type: 'facilitator.say', data: { speaker: 'Priya (Customer Support)', text: 'customers say T1 checkout fails; alice, status?' }, wall: '' });
    }
    const renumbered = said.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(renumbered.length).toBeGreaterThan(clean.events.length + 3);
    const card = score(clean.scenario, clean.header, renumbered);
    const summary = (c: Scorecard) => ({ score: c.score, grade: c.grade, metrics: c.metrics, rules: c.rules.map((r) => [r.id, r.status]) });
    expect(summary(card)).toEqual(summary(clean.card));
  });
});

describe('score and grade', () => {
  it('every score is an integer from 0 to 100', () => {
    for (const c of allCards) {
      expect(Number.isInteger(c.score)).toBe(true);
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(100);
    }
  });

  it('each extra mistake lowers the score', () => {
    const scores = ladder.map((p) => p.card.score);
    expect(scores[0]).toBe(100);
    for (let i = 1; i < scores.length; i++) expect(scores[i], `ladder ${i}: ${scores.join(', ')}`).toBeLessThan(scores[i - 1]!);
  });

  it('grades: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F', () => {
    const expected = (s: number) => (s >= 90 ? 'A' : s >= 80 ? 'B' : s >= 70 ? 'C' : s >= 60 ? 'D' : 'F');
    for (const c of allCards) expect(c.grade, `score ${c.score}`).toBe(expected(c.score!));
    // The ladder walks through every grade, so each boundary is exercised from both sides.
    expect(new Set(ladder.map((p) => p.card.grade))).toEqual(new Set(['A', 'B', 'C', 'D', 'F']));
  });

  it('deductions add up to roughly 100 − score, largest first', () => {
    for (const c of allCards) {
      const sum = c.deductions.reduce((n, d) => n + d.points, 0);
      expect(Math.abs(sum - (100 - c.score!)), `${c.score}: ${JSON.stringify(c.deductions)}`).toBeLessThanOrEqual(1.5);
      const points = c.deductions.map((d) => d.points);
      expect(points).toEqual([...points].sort((a, b) => b - a));
      for (const d of c.deductions) expect(d.points).toBeGreaterThanOrEqual(0);
    }
  });

  it('is 40 points of metrics and 60 of rules, each weighted over what applies', () => {
    expect(METRIC_POINTS + RULE_POINTS).toBe(100);
    for (const p of [...ladder, play(script({}, CLEAN.slice(0, 3)))]) {
      const ctx = { scenario: p.scenario, header: p.header, ix: indexJournal(p.header, p.events) };
      const metrics = computeMetrics(ctx);
      const keys = applicableMetrics(ctx);
      const mw = keys.reduce((n, k) => n + METRIC_WEIGHTS[k], 0);
      // A metric timing the same interval as a broken rule is charged once, under the rule.
      const broken = new Set(p.card.rules.filter((r) => r.status === 'violated').map((r) => r.id));
      const credit = (k: (typeof keys)[number]) => (broken.has(METRIC_RULE[k] ?? '') ? 1 : metricCredit(metrics[k]));
      const metricPoints = keys.reduce((n, k) => n + (METRIC_POINTS * METRIC_WEIGHTS[k] / mw) * credit(k), 0);
      const applicable = p.card.rules.filter((r) => r.status !== 'not-applicable');
      const rw = applicable.reduce((n, r) => n + r.weight, 0);
      const rulePoints = applicable.reduce((n, r) => n + (RULE_POINTS * r.weight / rw) * (1 - r.penalty), 0);
      // Anything lost keeps the score below 100, however little.
      const exact = Math.round(metricPoints + rulePoints);
      expect(p.card.score).toBe(p.card.deductions.length ? Math.min(99, exact) : exact);
    }
  });
});

describe('not-applicable is not passed', () => {
  // Nobody takes command: most rules cannot apply.
  const noCommand = play(script({}, CLEAN.slice(0, 3)));

  it('a rule that cannot apply has no weight in the score and is no strength', () => {
    const na = noCommand.card.rules.filter((r) => r.status === 'not-applicable');
    expect(na.length).toBeGreaterThan(10);
    for (const r of na) {
      expect(r.reason, r.id).toBeTruthy();
      expect(r.violations).toEqual([]);
    }
    // Counting them as passed would give a much better score than the drill deserves.
    const applicable = noCommand.card.rules.filter((r) => r.status !== 'not-applicable');
    const lost = (rules: typeof applicable) => {
      const w = rules.reduce((n, r) => n + r.weight, 0);
      return rules.reduce((n, r) => n + (RULE_POINTS * r.weight / w) * r.penalty, 0);
    };
    expect(lost(noCommand.card.rules as typeof applicable)).toBeLessThan(lost(applicable));
    const deducted = noCommand.card.deductions.filter((d) => d.what.startsWith('RD-')).reduce((n, d) => n + d.points, 0);
    expect(deducted).toBeCloseTo(lost(applicable), 0);
    // ... and none of them is listed as anyone's strength.
    const naTitles = new Set(clean.card.rules.filter((r) => r.status === 'not-applicable').map((r) => r.title));
    for (const person of clean.card.participants) {
      for (const s of person.strengths) expect(naTitles.has(s), `${person.name}: ${s}`).toBe(false);
    }
  });

  it('the clean drill counts only its applicable rules as passed', () => {
    const passed = clean.card.rules.filter((r) => r.status === 'passed').map((r) => r.id);
    expect(passed).not.toContain('RD-14');
    expect(passed).not.toContain('RD-34');
    expect(passed).toHaveLength(21);
  });
});

describe('the scorecard contract', () => {
  const CONTRACT = ['scenario', 'seed', 'version', 'outcome', 'score', 'grade', 'metrics', 'rules', 'participants', 'scribe', 'timeline'];
  const c = clean.card;

  it('has the contract keys, and only deductions and drill besides', () => {
    expect(Object.keys(c).sort()).toEqual([...CONTRACT, 'deductions', 'drill'].sort());
    expect(c.scenario).toEqual({ id: 'demo', title: 'Demo', hash: clean.scenario.hash });
    expect(c.seed).toBe('1');
    expect(c.version).toBe(VERSION);
    expect(c.outcome).toBe('resolved');
    expect(Object.keys(c.metrics).sort()).toEqual([...METRIC_KEYS].sort());
    expect(Object.keys(c.scribe).sort()).toEqual(['coverage', 'missed', 'noted', 'total']);
  });

  it('rules carry id, title, role, severity and violations of {atMs, actor, evidence}', () => {
    const p = ladder[5]!;
    for (const r of p.card.rules) {
      expect(r).toEqual(expect.objectContaining({ id: expect.stringMatching(/^RD-\d\d$/), title: expect.any(String), role: expect.any(String), severity: expect.stringMatching(/^(high|medium|low)$/), violations: expect.any(Array) }));
      expect(Object.keys(r).sort()).toEqual(['id', 'penalty', 'role', 'severity', 'source', 'status', 'title', 'violations', 'weight', ...(r.status === 'not-applicable' ? ['reason'] : [])].sort());
      for (const v of r.violations) {
        expect(Object.keys(v).sort()).toEqual(['actor', 'atMs', 'evidence']);
        expect(Object.keys(v.evidence).sort()).toEqual(['note', 'seq', 'type']);
        // The evidence is a real journal event at that instant.
        const e = p.events.find((x) => x.seq === v.evidence.seq);
        expect(e).toMatchObject({ type: v.evidence.type, atMs: v.atMs });
      }
    }
    expect(p.card.rules.some((r) => r.violations.length > 0)).toBe(true);
  });

  it('participants carry name, roles, score and violations', () => {
    expect(c.participants.map((x) => x.name)).toEqual(clean.header.participants.map((x) => x.name));
    for (const person of [...c.participants, ...ladder[5]!.card.participants]) {
      expect(Object.keys(person).sort()).toEqual(['grade', 'kind', 'name', 'roles', 'score', 'seat', 'strengths', 'violations']);
      for (const v of person.violations) expect(Object.keys(v).sort()).toEqual(['atMs', 'note', 'rule']);
    }
    expect(c.participants.find((x) => x.name === 'alice')?.roles).toEqual(['ic']);
    expect(c.participants.find((x) => x.name === 'bob')?.roles).toEqual(['scribe']);
  });

  it('a violator\'s personal score drops by the severity of what they did', () => {
    // ladder[2]: alice runs the revert herself (RD-07, high: −15) and decides without a poll (RD-18, high: −15).
    const alice = ladder[2]!.card.participants.find((x) => x.name === 'alice')!;
    expect(alice.violations.map((v) => v.rule).sort()).toEqual(['RD-07', 'RD-18']);
    expect(alice.score).toBe(70);
    expect(ladder[2]!.card.participants.find((x) => x.name === 'carol')!.score).toBe(100);
  });

  it('the timeline: drill-time entries of {atMs, actor, role, kind, text}, in order', () => {
    for (const e of c.timeline) expect(Object.keys(e).sort()).toEqual(['actor', 'atMs', 'kind', 'role', 'text']);
    const atMs = c.timeline.map((e) => e.atMs);
    expect(atMs).toEqual([...atMs].sort((a, b) => a - b));
    expect(c.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['alert.fired', 'alert.ack', 'ic.page', 'role.claim', 'task.assign', 'decision', 'action.start', 'status.update', 'incident.resolve', 'call.end', 'drill.end']));
    expect(c.timeline.find((e) => e.kind === 'role.claim')).toEqual({ atMs: at('4:00'), actor: 'alice', role: 'ic', kind: 'role.claim', text: 'alice took command' });
  });
});

describe('scribe coverage', () => {
  it('the clean scribe notes all 7 key events: severity, 2 status updates, 2 assignments, the decision, the mitigation', () => {
    expect(clean.card.scribe).toEqual({ coverage: 1, noted: 7, total: 7, missed: [] });
  });

  it('missing T1\'s assignment: 6 of 7, and the miss is listed', () => {
    const p = play(script({ drop: ['noteAssign1'] }));
    expect(p.card.scribe).toEqual({
      coverage: Math.round((6 / 7) * 1000) / 1000, noted: 6, total: 7,
      missed: [{ atMs: at('4:40'), actor: 'alice', role: 'ic', kind: 'assignment', text: 'T1 assigned to carol: check web-logs for the cause' }],
    });
  });

  it('missing the severity: coverage drops but RD-30 (decisions, assignments, status only) still passes', () => {
    // (The status note must not say "SEV-2" either: any note naming the level covers the severity.)
    const p = play(script({ drop: ['noteSev'], set: { noteStatus1: { text: '/note Status: web errors since the config push, investigating' } } }));
    expect(p.card.scribe).toMatchObject({ noted: 6, total: 7, missed: [{ kind: 'severity' }] });
    expect(p.rule('RD-30').status).toBe('passed');
  });

  it('no key events at all: coverage is null, not 0 or 1', () => {
    const p = play(script({}, CLEAN.slice(0, 4)));
    expect(p.card.scribe).toEqual({ coverage: null, noted: 0, total: 0, missed: [] });
  });
});

describe('scoring must discriminate', () => {
  for (const file of BOT_FILES) {
    for (const seed of ['1', '2', '3']) {
      it(`${file} seed ${seed}: by-the-book bots score at least 25 points above sloppy ones`, () => {
        const good = botRuns.find((r) => r.file === file && r.seed === seed && r.bots === 'by-the-book')!.card;
        const bad = botRuns.find((r) => r.file === file && r.seed === seed && r.bots === 'sloppy')!.card;
        expect(good.score! - bad.score!, `${good.score} vs ${bad.score}`).toBeGreaterThanOrEqual(25);
        expect(good.seed).toBe(seed);
        expect(bad.seed).toBe(seed);
      });
    }
  }
});
