import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postmortemMarkdown } from '../../src/scoring/postmortem';
import type { Scenario } from '../../src/scenario/types';
import { shipped } from '../helpers/drill';
import { ROOT } from '../helpers/cli';
import { judgementFixture, scorecardFixture } from '../helpers/scorecard-fixture';

const scenario = shipped(join(ROOT, 'scenarios/checkout-db-wal-disk-full.yaml'));

/** The lines of the first mermaid block in a text. */
function mermaid(text: string): string[] {
  const m = /```mermaid\n([\s\S]*?)\n```/.exec(text);
  expect(m, 'a mermaid block').not.toBeNull();
  return m![1]!.split('\n');
}

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
    expect(s).not.toContain('Name one postmortem owner');
  });

  it('says what to do differently in the next drill, with how often it went wrong, not the rule titles', () => {
    const s = section(md, 'Action Items');
    expect(s).toContain('### Do differently in the next drill');
    expect(s).toContain('- [ ] Assign with a time box ("@carol check the disk in 5m"): 1 task had none _(RD-10, Incident Commander)_');
    expect(s).toContain('- [ ] Change the system only on an assignment from the IC: 1 change was made without one _(RD-15, Responder)_');
    expect(s).toContain('- [ ] As Scribe, log every decision, assignment and status update within two minutes (/note): 1 key event was not logged in time _(RD-30, Scribe)_');
    for (const title of ['Every task has a time box', 'No freelancing', 'Practise in the next drill']) expect(s).not.toContain(title);
    const three = { atMs: 60_000, actor: 'alice', evidence: { seq: 1, type: 'task.assign', note: 'no time box' } };
    const card = scorecardFixture();
    const counted = postmortemMarkdown(scorecardFixture({
      rules: card.rules.map((r) => (r.id === 'RD-10' ? { ...r, violations: [three, three, three] } : r)),
    }), scenario);
    expect(section(counted, 'Action Items')).toContain('Assign with a time box ("@carol check the disk in 5m"): 3 tasks had none');
  });

  it('words the timeline so it says who did what to whom, for a player named "you" too', () => {
    const base = scorecardFixture();
    const out = postmortemMarkdown(scorecardFixture({
      participants: [...base.participants, { name: 'you', roles: ['scribe'], kind: 'human', score: 90, grade: 'A', violations: [], strengths: [] }],
      timeline: [
        { atMs: 60_000, actor: 'alice', role: 'ic', kind: 'role.appoint', text: 'you appointed scribe' },
        { atMs: 70_000, actor: 'you', role: 'ic', kind: 'role.appoint', text: 'bob appointed deputy' },
        { atMs: 80_000, actor: 'alice', role: 'ic', kind: 'pm.assign', text: 'you owns the postmortem' },
        { atMs: 90_000, actor: 'you', role: 'ic', kind: 'pm.assign', text: 'you owns the postmortem' },
        { atMs: 95_000, actor: 'you', role: 'ic', kind: 'role.claim', text: 'you took command' },
      ],
    }), scenario);
    const s = section(out, 'Timeline');
    expect(s).toContain('| T+01:00 | alice appointed you as Scribe | alice (Incident Commander) |');
    expect(s).toContain('| T+01:10 | you appointed bob as Deputy | you (Incident Commander) |');
    expect(s).toContain('| T+01:20 | alice made you the postmortem owner | alice (Incident Commander) |');
    expect(s).toContain('| T+01:30 | you took on the postmortem | you (Incident Commander) |');
    expect(s).toContain('| T+01:35 | you took command | you (Incident Commander) |');
    expect(out).not.toMatch(/\byou owns\b|\byou appointed scribe\b/);
  });

  it('draws the phases, the severity and the milestones as a Mermaid gantt in drill time', () => {
    const chart = mermaid(section(md, 'Timeline'));
    expect(chart).toEqual([
      'gantt',
      '    title Phases, severity and milestones in drill time',
      '    dateFormat HH:mm:ss',
      '    axisFormat %M:%S',
      '    section Phases',
      '    steady :00:00:00, 00:03:00',
      '    disk-filling :crit, 00:03:00, 00:13:00',
      '    outage :crit, 00:13:00, 00:35:20',
      '    failed-over :done, 00:35:20, 00:42:30',
      '    section Severity',
      '    SEV-2 :active, 00:09:15, 00:42:30',
      '    section Milestones',
      '    First page :milestone, 00:04:00, 0m',
      '    Acknowledged by carol :milestone, 00:06:10, 0m',
      '    Response triggered by carol :milestone, 00:07:00, 0m',
      '    alice took command (IC) :milestone, 00:08:30, 0m',
      '    Mitigated (impact stopped) :milestone, 00:35:20, 0m',
      '    Resolved :milestone, 00:42:00, 0m',
    ]);
  });

  it('keeps hostile names and phase ids from breaking out of the Mermaid block', () => {
    const evil = 'mallory :crit, 00:00:00, 99:00:00\n```\n# owned; %%{init}%% "x"';
    const base = scorecardFixture();
    const out = postmortemMarkdown(scorecardFixture({
      timeline: base.timeline.map((e) => (e.kind === 'role.claim' || e.kind === 'alert.ack' ? { ...e, actor: evil } : e))
        .concat({ atMs: 30 * 60_000, actor: evil, role: 'ic', kind: 'sev.set', text: `severity SEV-1${evil}` }),
    }), scenario);
    expect(out.match(/^```/gm)).toHaveLength(2);
    const chart = mermaid(section(out, 'Timeline'));
    // One statement per line, each task's name free of the colon that would end it, and nothing else added.
    expect(chart.filter((l) => /^ {4}section /.test(l))).toEqual(['    section Phases', '    section Severity', '    section Milestones']);
    for (const line of chart.filter((l) => / :/.test(l))) {
      const name = line.slice(0, line.indexOf(' :'));
      expect(name.replace(/#\d+;/g, '')).not.toMatch(/[:;#%"`]/);
    }
    expect(chart.some((l) => l.includes('99:00:00'))).toBe(false);
    const ack = chart.find((l) => l.startsWith('    Acknowledged by'));
    expect(ack).toMatch(/^ {4}Acknowledged by mallory #58;crit, 00#58;00#58;00, 99#58;00#58;00 #96;#96;#96; .*… :milestone, 00:06:10, 0m$/);
  });

  it('draws no chart for a drill with nothing on its timeline', () => {
    const card = scorecardFixture({ timeline: [], drill: { ...scorecardFixture().drill } });
    const out = postmortemMarkdown({ ...card, metrics: { ...card.metrics, timeToMitigate: null, timeToResolve: null } }, scenario);
    expect(out).not.toContain('```mermaid');
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

describe('postmortemMarkdown: response actions that made it worse (v2)', () => {
  it('lists each wrong move and what followed beside the contributing factors, without naming who ran it', () => {
    const md = postmortemMarkdown(scorecardFixture({ judgement: judgementFixture() }), scenario);
    const s = section(md, 'Contributing Factors');
    const at = s.indexOf('### Response actions that cost time or made it worse');
    expect(at).toBeGreaterThan(0);
    expect(s.slice(at).split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- T+12:05 Restart postgres on db-1 (`restart-db`, harmful): The database was healthy; a restart under load dropped every connection. The system then spent 05:00 in `outage`.',
      '- T+20:00 Flush the query cache (`flush-cache`, red herring).',
      '- T+30:00 to T+35:20 (05:20): the system was in `disk-full`, a worse state than the incident had to reach.',
    ]);
    expect(s.slice(at)).not.toMatch(/carol|Eli Park/);
  });

  it('has no such part for a v1 drill or a v2 drill without wrong moves', () => {
    expect(postmortemMarkdown(scorecardFixture(), scenario)).not.toContain('cost time or made it worse');
    expect(postmortemMarkdown(scorecardFixture({ judgement: { actions: [], points: 0, worsePhases: [], worseMs: 0 } }), scenario)).not.toContain('cost time or made it worse');
  });
});
