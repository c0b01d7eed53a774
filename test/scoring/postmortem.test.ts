import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postmortemMarkdown } from '../../src/scoring/postmortem';
import type { Scenario } from '../../src/scenario/types';
import { shipped } from '../helpers/drill';
import { ROOT } from '../helpers/cli';
import { scorecardFixture } from '../helpers/scorecard-fixture';

const scenario = shipped(join(ROOT, 'scenarios/checkout-db-wal-disk-full.yaml'));

function section(md: string, title: string): string {
  const start = md.indexOf(`\n## ${title}\n`);
  expect(start, `section "${title}"`).toBeGreaterThan(-1);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
}

// The sections of PagerDuty's postmortem template, in its order.
const TEMPLATE = ['Overview', 'What Happened', 'Contributing Factors', 'Resolution', 'Impact', 'Responders', 'Timeline', "How'd We Do?", 'Action Items'];

describe('postmortemMarkdown', () => {
  const md = postmortemMarkdown(scorecardFixture(), scenario);

  it("follows the template's sections in order, under a header marking it as a drill", () => {
    expect(md.startsWith('# Postmortem: Checkout slows down and fails at peak hour (drill)\n')).toBe(true);
    expect(md).toContain('> **This was a drill**');
    const at = TEMPLATE.map((t) => md.indexOf(`\n## ${t}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain('| Postmortem owner | alice |');
    expect(md).toContain('| Status | Draft |');
  });

  it('sums the drill up in the overview: severity minutes, outcome, contributing factor', () => {
    const s = section(md, 'Overview');
    expect(s).toContain('32.8 minutes at SEV-2');
    expect(s).toContain('resolved (time to resolve 38:00)');
    expect(s).toContain('Contributing factor: The backup bucket keys were rotated on Tuesday, but wal-g');
    expect(s).not.toContain('PostgreSQL kept every unarchived segment');
  });

  it('tells what happened from the scenario summary and the phases the drill went through', () => {
    const s = section(md, 'What Happened');
    expect(s).toContain('Thursday, 12:20, the busiest hour of the week for checkout.');
    expect(s).toContain('- T+03:00 `disk-filling`: About one checkout in eight fails; the rest take over a second.');
    expect(s).toContain('- T+13:00 `outage`: Every checkout fails.');
  });

  it('reveals the root cause and the mitigation', () => {
    expect(section(md, 'Contributing Factors')).toContain(scenario.solution.rootCause);
    expect(section(md, 'Contributing Factors')).toContain('Low CPU is a red herring.');
    expect(section(md, 'Resolution')).toContain(`Temporary fix (the scenario's mitigation): ${scenario.solution.mitigation}`);
    expect(section(md, 'Resolution')).toContain('mitigated 31:20 after the first alert (target 25:00)');
  });

  it('gives minutes at each severity and the simulated impact per phase', () => {
    const s = section(md, 'Impact');
    expect(s).toContain('| SEV-2 | 32.8 |');
    expect(s).toContain('- T+03:00 to T+13:00 (10 min): About one checkout in eight fails');
    expect(s).toContain('- T+13:00 to T+35:20 (22.3 min): Every checkout fails.');
  });

  it('names the responders by role, marking bots', () => {
    const s = section(md, 'Responders');
    expect(s).toContain('- Incident Commander: alice');
    expect(s).toContain('- Scribe: bob');
    expect(s).toContain('- Deputy: Eli Park (bot)');
    expect(s).toContain('- Responders: carol');
  });

  it('lays out the timeline in drill time, one row per entry', () => {
    const s = section(md, 'Timeline');
    const rows = s.split('\n').filter((l) => /^\| T\+/.test(l));
    expect(rows).toHaveLength(scorecardFixture().timeline.length);
    expect(rows).toContain('| T+08:30 | alice: I am the Incident Commander | alice (Incident Commander) |');
    expect(rows).toContain('| T+14:00 | Fail over to db-2 \\| promote the replica | alice (Incident Commander) |');
  });

  it("says how we did blamelessly, and brings the scenario's debrief questions", () => {
    const s = section(md, "How'd We Do?");
    expect(s).toContain('### What went well');
    expect(s).toContain("### What didn't go so well");
    expect(s).toContain('- Time to mitigate: 31:20, over the 25:00 target.');
    expect(s).toContain(`- ${scenario.debrief[0]}`);
    const judged = s.slice(0, s.indexOf('### Questions'));
    for (const name of ['alice', 'bob', 'carol', 'Dana', 'Eli']) expect(judged).not.toContain(name);
  });

  it("turns the Scribe's TODOs and the rules not kept into action items", () => {
    const s = section(md, 'Action Items');
    expect(s).toContain('`sev2_YYYYMMDD` and `sev2`');
    expect(s).toContain('- [ ] TODO rebuild db-1 as a replica');
    expect(s).toContain('- [ ] TODO alert on failing WAL archiving');
    expect(s).toContain('- [ ] Practise in the next drill (Responder): No freelancing: act only on an assignment');
    expect(s).not.toContain('Name one postmortem owner');
  });

  it('handles a drill that timed out with no owner, no severity, no TODOs and no phases', () => {
    const base = scorecardFixture();
    const out = postmortemMarkdown(scorecardFixture({
      outcome: 'timed-out',
      metrics: { ...base.metrics, timeToMitigate: null, timeToResolve: null },
      timeline: base.timeline.filter((e) => e.kind !== 'phase.enter'),
      drill: { ...base.drill, severityMinutes: {}, postmortemOwner: null, todos: [] },
    }), scenario);
    expect(out).toContain('| Postmortem owner | _not named during the drill_ |');
    expect(section(out, 'Overview')).toContain('no severity declared');
    expect(section(out, 'Overview')).toContain("never mitigated and still open when the drill's time ran out at T+42:30");
    expect(section(out, 'Impact')).toContain('No severity was declared during the drill');
    // Without timed phases, the impact of each stage is quoted from the scenario and labelled as such.
    expect(section(out, 'Impact')).toContain('as the scenario describes each stage');
    expect(section(out, 'Impact')).toContain('- `outage`: Every checkout fails.');
    expect(section(out, 'What Happened')).not.toContain('How the failure developed');
    expect(section(out, 'Resolution')).toContain('was not mitigated during the drill');
    expect(out).toContain('_The Scribe recorded no TODOs during the drill._');
    expect(out).toContain('- [ ] Name one postmortem owner');
    expect(out).toContain('`sevn_YYYYMMDD`');
  });

  it('matches a phase by whole id, preferring the longest', () => {
    const s: Scenario = { ...scenario, phases: [...scenario.phases, { ...scenario.phases[2]!, id: 'outage-2', impact: 'Second wave.' }] };
    const out = postmortemMarkdown(scorecardFixture({ timeline: [{ atMs: 60_000, actor: 'world', role: 'system', kind: 'phase.enter', text: 'phase outage-2' }] }), s);
    expect(section(out, 'What Happened')).toContain('- T+01:00 `outage-2`: Second wave.');
  });

  it('strips control sequences from scenario and drill text', () => {
    const s: Scenario = { ...scenario, summary: 'Calm\u001b]8;;http://evil\u0007 day\nsecond line', solution: { ...scenario.solution, rootCause: 'Keys\u009b31m rotated.' } };
    const out = postmortemMarkdown(scorecardFixture({ drill: { ...scorecardFixture().drill, todos: ['TODO \u001b[2Jwipe'] } }), s);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('Calm day second line');
    expect(out).toContain('Keys rotated.');
    expect(out).toContain('- [ ] TODO wipe');
  });
});
