import { describe, expect, it } from 'vitest';
import { scorecardMarkdown } from '../../src/scoring/scorecard-markdown';
import type { Scorecard } from '../../src/scoring/types';
import { judgementFixture, perfectFixture, scorecardFixture } from '../helpers/scorecard-fixture';

/** The text of one `## ` section (up to the next `## `). */
function section(md: string, title: string): string {
  const start = md.indexOf(`\n## ${title}\n`);
  expect(start, `section "${title}"`).toBeGreaterThan(-1);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
}

const NAMES = ['alice', 'bob', 'carol', 'Dana Ortiz', 'Eli Park'];

describe('scorecardMarkdown', () => {
  const md = scorecardMarkdown(scorecardFixture());

  it('has a title, the score, grade and outcome, and the sections in order', () => {
    expect(md.startsWith('# Scorecard: Checkout slows down and fails at peak hour\n')).toBe(true);
    // Each person's own score leads; the team's follows.
    expect(md).toContain('**alice, Incident Commander: 85 (B) · bob, Scribe: 90 (A) · carol, Responder: 70 (C) · team 78 (C).** Outcome: **resolved** at T+42:30 of a 45:00 drill.');
    expect(md).toContain('Team score 78/100, grade C.');
    const order = ['Where the points went', 'Response times', 'Role discipline', 'Scribe coverage', 'Participants', 'How did we do?'].map((t) => md.indexOf(`## ${t}`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('explains where every point went, and that they add up', () => {
    const s = section(md, 'Where the points went');
    expect(s).toContain('| Time to mitigate 31:20 missed the 25:00 target | −8 |');
    expect(s).toContain('| **Total** | **−22** |');
    expect(s).toContain('100 − 22 = 78.');
  });

  it('does not claim a sum that does not add up', () => {
    const s = section(scorecardMarkdown(scorecardFixture({ score: 80 })), 'Where the points went');
    expect(s).toContain('**−22**');
    expect(s).not.toContain('100 − 22');
  });

  it('shows each time against its target as mm:ss, and what never happened', () => {
    const s = section(md, 'Response times');
    expect(s).toContain('| Time to acknowledge | 02:10 | 05:00 | met | from the first page (the first alert) to the first acknowledgement |');
    expect(s).toContain('| Time to mitigate | 31:20 | 25:00 | **missed** |');
    expect(s).toContain('| Longest gap between external posts | — | — | did not happen |');
  });

  it('groups rules by role, command staff first, with each violation', () => {
    const s = section(md, 'Role discipline');
    const roles = [...s.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(roles).toEqual(['Incident Commander', 'Scribe', 'Responder', 'Customer Liaison', 'Internal Liaison']);
    expect(s).toContain('| RD-10 Every task has a time box | 3 (high) | **not kept**, 1 time; 50% of its weight lost |');
    expect(s).toContain('- T+09:00 RD-10, alice: T2 "look at the replica" was assigned without a time box');
    expect(s).toContain('did not apply: no Internal Liaison in this drill');
  });

  it('reports the scribe coverage and what the log missed', () => {
    const s = section(md, 'Scribe coverage');
    expect(s).toContain('The Scribe logged 8 of 10 decisions, assignments and status updates (80%).');
    expect(s).toContain('- T+14:00 alice (Incident Commander), decision: Fail over to db-2');
  });

  it('gives each participant their roles, score, violations and strengths, marking bots', () => {
    const s = section(md, 'Participants');
    expect(s).toContain('### alice\n\n- Roles held: Incident Commander\n- Own score: 85 (B)\n- Violations:\n  - T+09:00 RD-10: T2 was assigned without a time box\n- Did well:\n  - took command 1:30 after the trigger');
    expect(s).toContain('### Dana Ortiz (bot)\n\n- Roles held: Customer Liaison\n- Own score: 100 (A)\n- Violations: none');
  });

  it('writes what went well and what did not about roles and the process, naming nobody', () => {
    const s = section(md, 'How did we do?');
    expect(s).toContain('### What went well');
    expect(s).toContain('- Time to acknowledge: 02:10, within the 05:00 target.');
    expect(s).toContain('- The Customer Liaison role kept every rule that applied (1 of 1).');
    expect(s).toContain("### What didn't go so well");
    expect(s).toContain('- Responder: not kept 1 time: No freelancing: act only on an assignment.');
    expect(s).toContain('- Time to mitigate: 31:20, over the 25:00 target.');
    for (const name of NAMES) expect(s).not.toContain(name);
  });

  it('says so when nothing was lost', () => {
    const perfect = scorecardMarkdown(perfectFixture());
    expect(section(perfect, 'Where the points went')).toContain('No points were lost.');
    expect(section(perfect, 'How did we do?')).toContain('- Nothing: every target was met and every rule kept.');
  });

  it('covers a drill with no scribe, no rules, nobody and an unfinished incident', () => {
    const empty = scorecardMarkdown(scorecardFixture({
      outcome: 'timed-out', rules: [], participants: [], deductions: [],
      scribe: { coverage: null, noted: 0, total: 0, missed: [] },
      metrics: { ...scorecardFixture().metrics, timeToMitigate: null, timeToResolve: null },
    }));
    expect(empty).toContain('No rules were checked.');
    expect(empty).toContain('Nobody took part.');
    expect(empty).toContain('There was nothing the Scribe had to log');
    expect(empty).toContain('- The drill reached its time limit before the incident was resolved.');
    expect(empty).toContain('- Time to mitigate: it never happened during the drill.');
  });

  it('strips control sequences and keeps table cells and lines intact', () => {
    const base = scorecardFixture();
    const hostile: Scorecard = {
      ...base,
      scenario: { ...base.scenario, title: 'Checkout\u001b]0;owned\u0007 down' },
      participants: [{ ...base.participants[0]!, name: 'mal\u001b[31mlory', strengths: ['line one\n## Injected heading'] }],
      deductions: [{ what: 'a | b\u009b2J', points: 3 }],
    };
    const out = scorecardMarkdown(hostile);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('# Scorecard: Checkout down');
    expect(out).toContain('### mallory');
    expect(out).not.toMatch(/^## Injected heading/m);
    expect(out).toContain('| a \\| b | −3 |');
  });
});

describe('scorecardMarkdown: judgement (v2)', () => {
  const md = scorecardMarkdown(scorecardFixture({ judgement: judgementFixture() }));

  it('has its own section after role discipline, naming each move: when, what, kind, who ran it, who asked, the cost', () => {
    const order = ['Role discipline', 'Judgement', 'Scribe coverage'].map((t) => md.indexOf(`\n## ${t}\n`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const s = section(md, 'Judgement');
    expect(s).toContain('| When | Action | Judged | Run by | Asked by | Points |');
    expect(s).toContain('| T+12:05 | restart-db: Restart postgres on db-1 | harmful | carol | — | −10 |');
    expect(s).toContain('| T+20:00 | flush-cache: Flush the query cache (still running when the drill ended) | red herring | Eli Park (bot) | alice | −3 |');
    expect(s).toContain('- `restart-db`: The database was healthy; a restart under load dropped every connection.');
    // Role discipline keeps to the rules: the moves are not in it.
    expect(section(md, 'Role discipline')).not.toContain('flush-cache');
  });

  it('shows the time in worse phases and what put the world there, as not scored again', () => {
    const s = section(md, 'Judgement');
    expect(s).toContain('Time in worse phases: 10:20 in all (shown, not scored again: it already costs through time to mitigate).');
    expect(s).toContain('| T+13:00 | T+18:00 | `outage` | 05:00 | restart-db, run by carol |');
    expect(s).toContain('| T+30:00 | T+35:20 | `disk-full` | 05:20 | the scenario marks it worse |');
  });

  it('says so when no wrong move was taken, and lists the moves among what did not go so well', () => {
    const clean = scorecardMarkdown(scorecardFixture({ judgement: { actions: [], points: 0, worsePhases: [], worseMs: 0 } }));
    expect(section(clean, 'Judgement')).toContain('No harmful or red-herring action was taken.');
    expect(section(clean, 'Judgement')).toContain('The world spent no time in worse phases.');
    expect(section(clean, 'How did we do?')).toContain('- No harmful or red-herring action was taken.');
    const bad = section(md, 'How did we do?');
    expect(bad).toContain('- A harmful action was taken at T+12:05: Restart postgres on db-1 (restart-db).');
    expect(bad).toContain('- A red herring was acted on at T+20:00: Flush the query cache (flush-cache).');
  });

  it('is absent from a v1 scorecard', () => {
    expect(scorecardMarkdown(scorecardFixture())).not.toMatch(/judgement|harmful|red herring/i);
  });
});
