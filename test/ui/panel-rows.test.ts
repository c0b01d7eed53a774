// Role panel rows computed from a real drill's state: what the IC, Scribe, responder and liaison see.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CastRequest } from '../../src/engine/cast';
import type { JournalEvent } from '../../src/engine/journal';
import type { DrillView } from '../../src/engine/view/drill-view';
import { player } from '../../src/engine/view/visibility';
import {
  draftRows, lastCheckRows, MIN_SPARK, notesRows, pageRows, pollProposal, pollRows, queueRows, reportRows, rosterRows, serviceRows, taskRows,
} from '../../src/ui/panel-rows';
import { textWidth } from '../../src/ui/text-width';
import { at, drill, starter, viewOf } from '../helpers/drill';

const HUMANS: CastRequest[] = [
  { name: 'alice', role: 'ic' },
  { name: 'bob', role: 'scribe' },
  { name: 'carol', role: 'responder', service: 'web' },
  { name: 'dave', role: 'customer-liaison' },
];
const STARTER = starter();

/** A drill with scripted input up to `until`, stopped there (not run to the end). */
function drillTo(until: string, lines: [string, string, string][]) {
  const d = drill(STARTER, { humans: HUMANS, bots: 'none', seed: '1' });
  d.session.start();
  for (const [t, who, text] of lines) {
    d.session.advanceTo(at(t));
    d.session.dispatch(who, text);
  }
  d.session.advanceTo(at(until));
  return { events: d.journal.events, snap: viewOf(d), scribe: viewOf(d, player('bob')) };
}

/** The scribe panel's queue rows at a time, from the scribe's view. */
const unnotedRows = (x: { scribe: DrillView }, nowMs: number) => queueRows(x.scribe.unnoted ?? [], nowMs);

const SCRIPT: [string, string, string][] = [
  ['0:30', 'alice', '/ic'],
  ['0:40', 'alice', '/sev SEV-2'],
  ['0:50', 'bob', '/note SEV-2 declared'],
  ['3:20', 'carol', '/ack'],
  ['3:30', 'alice', '/assign @carol check web-logs in 5m'],
  ['3:35', 'alice', '/assign @bob keep the timeline'],
  ['3:40', 'carol', '/wilco'],
  ['3:45', 'carol', '/check web-logs'],
  ['4:00', 'alice', '/poll revert-config \x1b[31mnow'],
  ['4:10', 'bob', '/todo canary config pushes'],
  ['4:20', 'dave', '/draft We are investigating failed page loads.'],
  ['4:30', 'alice', '/approve'],
  ['4:40', 'dave', '/draft Second draft'],
];

let base: ReturnType<typeof drillTo>;
let events: readonly JournalEvent[];
let snap: DrillView;
beforeAll(() => {
  base = drillTo('9:00', SCRIPT);
  ({ events, snap } = base);
});

describe('IC panel', () => {
  it('lists each person with their seat and team, their open tasks or idle, and marks who is speaking here', () => {
    expect(rosterRows(snap, { width: 45, speaker: 'alice' })).toEqual([
      { text: '▸alice ic                               idle', token: 'me' },
      { text: ' bob   scribe                T2 · not joined', token: 'muted' },
      { text: ' carol responder web-team T1 · paged, not in', token: 'warn' },
      { text: ' dave  customer-liaison           not joined', token: 'muted' },
    ]);
    expect(rosterRows(snap, { width: 60, speaker: 'bob' }).map((r) => r.text)).toEqual([
      ' alice ic                                              idle',
      '▸bob   scribe                               T2 · not joined',
      ' carol responder web-team            T1 · paged, not joined',
      ' dave  customer-liaison                          not joined',
    ]);
  });

  // The reported bug: carol acknowledged her page at 3:20 and owns T1, but never joined the call, and she was gone.
  it('keeps someone who acknowledged a page but has not joined, a task owner too, as "paged, not joined"', () => {
    const carol = rosterRows(snap, { width: 60 }).find((r) => r.text.includes('carol'));
    expect(snap.people.find((p) => p.name === 'carol')).toMatchObject({ joined: false, paged: false });
    expect(carol).toEqual({ text: ' carol responder web-team            T1 · paged, not joined', token: 'warn' });
  });

  it('shows someone paged and not yet acknowledging as paged, and leaves bots nobody called off the roster', () => {
    const s = drillTo('3:15', []).snap;
    expect(rosterRows(s, { width: 45 }).map((r) => r.text)).toEqual([
      ' alice ic                         not joined',
      ' bob   scribe                     not joined',
      ' carol responder web-team  paged, not joined',
      ' dave  customer-liaison           not joined',
    ]);
    expect(rosterRows(s, { width: 45 })[2]?.token).toBe('warn');
    expect(s.people.map((p) => p.name)).toHaveLength(5);
  });

  it('says idle for someone on the call with nothing open, and lists every open task', () => {
    const s = drillTo('6:00', [
      ['0:30', 'alice', '/ic'], ['3:20', 'carol', '/ack'], ['3:25', 'carol', '/join web'],
      ['3:30', 'alice', '/assign @carol check web-logs in 5m'], ['3:40', 'alice', '/assign @carol look at restart-web in 5m'],
    ]).snap;
    const row = (name: string, width: number) => rosterRows(s, { width }).find((r) => r.text.includes(name))?.text.trim().replace(/ +/g, ' ');
    expect(row('carol', 45)).toBe('carol responder web-team T1 T2');
    expect(row('carol', 24)).toBe('carol web-team T1 T2');
    expect(row('alice', 45)).toBe('alice ic idle');
  });

  it('never cuts a role or a team mid-word, and fits every width from the narrowest panel up', () => {
    const s = drillTo('4:00', [['0:30', 'alice', '/ic'], ['0:40', 'alice', '/appoint @bob deputy'], ['3:20', 'carol', '/ack']]).snap;
    const words = new Set(['ic', 'deputy', 'scribe', 'responder', 'customer-liaison', 'web-team']);
    for (let width = 30; width <= 80; width++) {
      for (const row of rosterRows(s, { width, speaker: 'alice' })) {
        expect(textWidth(row.text), `${width}: ${row.text}`).toBeLessThanOrEqual(width - 1);
        const seat = row.text.slice(7).trim().split(/\s{2,}| (?=T\d|idle|not|paged|away)/)[0]!;
        for (const w of seat.replace(/\+\d+$/, '').split(/[, ]/)) expect(words, `${width}: "${row.text}"`).toContain(w);
      }
    }
    // bob holds both seats; a narrow panel says so as "scribe+1", never "scribe,dep".
    expect(rosterRows(s, { width: 30 }).find((r) => r.text.includes('bob'))?.text).toMatch(/^ bob +scribe(,deputy|\+1) /);
  });

  it('shows a task for two people by its first owner and how many more', () => {
    const d = drillTo('4:00', [['0:30', 'alice', '/ic'], ['3:30', 'alice', '/assign @carol and @dave check web-logs in 5m']]);
    expect(d.snap.tasks[0]?.owners).toEqual(['carol', 'dave']);
    expect(taskRows(d.snap, at('4:00'))).toEqual([{ text: 'T1 carol+1   04:30 ? check web-logs', token: 'text' }]);
  });

  it('lists open tasks with owner, time left or overdue, and acknowledgement', () => {
    expect(taskRows(snap, at('9:00'))).toEqual([
      { text: 'T1 carol    -00:30 ✓ check web-logs', token: 'bad' },
      { text: 'T2 bob      no box ? keep the timeline', token: 'warn' },
    ]);
    expect(taskRows(snap, at('4:00'))[0]).toEqual({ text: 'T1 carol     04:30 ✓ check web-logs', token: 'text' });
    // Exactly at the deadline it is not overdue yet.
    expect(taskRows(snap, at('8:30'))[0]?.text).toBe('T1 carol     00:00 ✓ check web-logs');
  });

  it('drops reported tasks', () => {
    const s = drillTo('5:00', [...SCRIPT.slice(0, 8), ['4:50', 'carol', '/report T1 the config push broke it']]).snap;
    expect(taskRows(s, at('5:00')).map((r) => r.text)).toEqual(['T2 bob      no box ? keep the timeline']);
  });

  it('shows the open poll with its objection count first, and control sequences removed', () => {
    expect(pollRows(snap)).toEqual([{ text: 'P1 0 objections: revert-config now', token: 'accent' }]);
    expect(pollRows(drillTo('1:00', SCRIPT.slice(0, 1)).snap)).toEqual([]);
    const objected = drillTo('4:30', [['0:30', 'alice', '/ic'], ['4:00', 'alice', '/poll revert-config'], ['4:10', 'bob', '/object the canary is still running']]).snap;
    expect(pollRows(objected)).toEqual([{ text: 'P1 1 objection: revert-config', token: 'warn' }]);
  });

  it('does not echo the question every poll asks', () => {
    const asked = (proposal: string) => drillTo('4:10', [['0:30', 'alice', '/ic'], ['4:00', 'alice', `/poll ${proposal}`]]).snap;
    expect(pollRows(asked('Proposal: revert-config now. Are there any strong objections?'))[0]?.text).toBe('P1 0 objections: revert-config now');
    expect(pollRows(asked('revert-config — any strong objections?'))[0]?.text).toBe('P1 0 objections: revert-config');
    expect(pollProposal('any strong objections?')).toBe('any strong objections?');
    expect(pollProposal('Any objections to revert-config first?')).toBe('Any objections to revert-config first?');
  });
});

describe('Scribe panel', () => {
  it("lists a scribe's notes, TODOs marked, newest last and at most n", () => {
    expect(notesRows(events, 'bob', 8)).toEqual([
      { text: '00:50 SEV-2 declared', token: 'text' },
      { text: '04:10 TODO canary config pushes', token: 'warn' },
    ]);
    expect(notesRows(events, 'bob', 1).map((r) => r.text)).toEqual(['04:10 TODO canary config pushes']);
    expect(notesRows(events, 'carol', 8)).toEqual([]);
  });

  it('lists key events no scribe note covers yet, from the ledger RD-30 scores, with their time left or LATE', () => {
    // The severity was noted ("SEV-2 declared"); the two assignments were not, and at 9:00 both are past their two minutes.
    expect(unnotedRows(base, at('9:00'))).toEqual([
      { text: ' LATE T1 → carol: check web-logs', token: 'bad' },
      { text: ' LATE T2 → bob: keep the timeline', token: 'bad' },
    ]);
    // A minute after T1 was given it still has a minute left.
    expect(unnotedRows(base, at('4:30'))[0]).toEqual({ text: '01:00 T1 → carol: check web-logs', token: 'warn' });
    // Exactly at the deadline it is not late yet.
    expect(unnotedRows(base, at('5:30'))[0]).toEqual({ text: '00:00 T1 → carol: check web-logs', token: 'warn' });
  });

  it('counts notes by someone appointed Scribe during the drill', () => {
    const d = drillTo('1:30', [['0:30', 'alice', '/ic'], ['0:40', 'alice', '/appoint @carol scribe'], ['0:50', 'alice', '/sev SEV-3'], ['1:00', 'carol', '/note SEV-3 declared']]);
    expect(unnotedRows(d, at('1:30'))).toEqual([]);
    const e = drillTo('1:30', [['0:30', 'alice', '/ic'], ['0:50', 'alice', '/sev SEV-3'], ['1:00', 'carol', '/note SEV-3 declared']]);
    expect(unnotedRows(e, at('1:30')).map((r) => r.text)).toEqual(['01:20 SEV-3 declared']);
  });

  it('names decisions, status updates and tasks for several people as the channel does, and keeps the newest six', () => {
    const d = drillTo('5:00', [
      ['0:30', 'alice', '/ic'], ['1:00', 'alice', '/decide revert-config'], ['1:10', 'alice', '/status SEV-2, reverting'],
      ['1:20', 'alice', '/assign @carol and @dave check web-logs in 5m'], ['1:30', 'alice', '/assign someone look at restart-web in 5m'],
      ...['2:00', '2:10', '2:20', '2:30'].map((t, i): [string, string, string] => [t, 'alice', `/decide step ${i + 1} of revert-config`]),
    ]);
    expect(unnotedRows(d, at('2:40')).map((r) => r.text)).toEqual([
      '00:40 T1 → carol, dave: check web-logs',
      '00:50 T2 → someone (no owner): look at restart-web',
      '01:20 X2 decision: step 1 of revert-config',
      '01:30 X3 decision: step 2 of revert-config',
      '01:40 X4 decision: step 3 of revert-config',
      '01:50 X5 decision: step 4 of revert-config',
    ]);
    const e = drillTo('1:30', [['0:30', 'alice', '/ic'], ['1:00', 'alice', '/decide revert-config'], ['1:10', 'alice', '/status SEV-2, reverting']]);
    expect(unnotedRows(e, at('1:30')).map((r) => r.text)).toEqual(['01:30 X1 decision: revert-config', '01:40 S1 status: SEV-2, reverting']);
  });
});

describe('responder panel', () => {
  it('lists the probes, actions (* for major) and metric rows of their services: name, value with unit, sparkline', () => {
    const svc = serviceRows(snap, 'web-team', 38);
    expect(svc.probes).toEqual([{ text: 'web-logs  Tail the web error log' }]);
    expect(svc.actions).toEqual([{ text: 'revert-config*  Revert the last config push' }, { text: 'restart-web  Restart all web pods' }]);
    expect(svc.metrics.map((m) => m.token)).toEqual(['info', 'info']);
    // Names in one column, values right-aligned in the next, the sparkline filling the row (38 less the indent).
    expect(svc.metrics[0]?.text).toMatch(/^error_rate {2,}\d+(\.\d+)?% [▁▂▃▄▅▆▇█]+$/u);
    expect(svc.metrics[1]?.text).toMatch(/^latency_p99 +\d+ms [▁▂▃▄▅▆▇█]+$/u);
    for (const m of svc.metrics) expect([...m.text]).toHaveLength(37);
    const bars = (t: string): number => t.search(/ [▁▂▃▄▅▆▇█]/u);
    expect(bars(svc.metrics[0]!.text)).toBe(bars(svc.metrics[1]!.text));
  });

  it('shows nothing for a team with no services, and everything for no team', () => {
    expect(serviceRows(snap, 'db-team', 38)).toEqual({ probes: [], actions: [], metrics: [] });
    expect(serviceRows(snap, undefined, 38).probes).toHaveLength(1);
  });

  it('always shows the unit: a narrow panel cuts the name, then the sparkline stops at its fewest bars', () => {
    const view = (ref: string, value: number, family: 'time' | 'percent'): DrillView => ({
      ...snap,
      metrics: [{ ...snap.metrics[0]!, ref: `web.${ref}`, value, family, history: [7.1, 7.4, 7.9, 7.9, 7.2, 7.1, 7.5, 7.9, 7.9, 7.9] }],
    });
    const narrow = serviceRows(view('commit_latency_p99', 7.9, 'time'), undefined, 24).metrics[0]!.text;
    expect(narrow).toBe(`commit_la… 7.9ms ${narrow.slice(-MIN_SPARK)}`);
    expect(narrow.slice(-MIN_SPARK)).toMatch(/^ *[▁▂▃▄▅▆▇█]+$/u);
    // At 80 columns (a 32-column panel) the whole name and "ms" fit beside the sparkline.
    expect(serviceRows(view('commit_latency_p99', 7.9, 'time'), undefined, 32).metrics[0]!.text).toMatch(/^commit_latency_p99 7\.9ms [▁▂▃▄▅▆▇█]+ *$/u);
    // Too narrow even for that: the name goes to "…" and the value keeps its unit.
    expect(serviceRows(view('error_rate', 12.5, 'percent'), undefined, 10).metrics[0]!.text).toMatch(/^… 12\.5% [▁▂▃▄▅▆▇█]{6}$/u);
  });

  it('shows the last check and its newest four log lines', () => {
    const rows = lastCheckRows(events, 'carol');
    expect(rows[0]).toEqual({ text: 'web-logs: Every error names the upstream config pushed at T+2m.', token: 'info' });
    expect(rows.slice(1).map((r) => r.token)).toEqual(['muted', 'muted', 'muted', 'muted']);
    expect(rows[4]?.text).toMatch(/^0[34]:\d\d ERROR web-\d+ rejected request [0-9a-f]+: invalid upstream config$/);
    expect(lastCheckRows(events, 'bob')).toEqual([]);
  });

  it('shows a page waiting for acknowledgement, and nothing once acknowledged', () => {
    const before = drillTo('3:15', []).snap;
    expect(pageRows(before, 'carol')).toEqual([{ text: 'web-errors — /ack', token: 'alert' }]);
    expect(pageRows(before, 'bob')).toEqual([]);
    expect(pageRows(snap, 'carol')).toEqual([]);
    expect(pageRows(snap, 'nobody')).toEqual([]);
  });

  it('tells someone paged to the call to /join', () => {
    const s = drillTo('3:30', [['3:20', 'carol', '/ack'], ['3:25', 'carol', '/trigger web is down']]).snap;
    expect(pageRows(s, 'alice')).toEqual([{ text: 'you are paged to the incident call — /join', token: 'alert' }]);
  });
});

describe('liaison panel', () => {
  it('lists drafts as waiting, approved or POSTED', () => {
    expect(draftRows(snap)).toEqual([
      { text: 'D1 approved We are investigating failed page loads.', token: 'accent' },
      { text: 'D2 waiting Second draft', token: 'warn' },
    ]);
    const posted = drillTo('5:00', [...SCRIPT, ['4:50', 'dave', '/post D1']]).snap;
    expect(draftRows(posted)[0]).toEqual({ text: 'D1 POSTED We are investigating failed page loads.', token: 'ok' });
  });

  it('lists customer reports from injects', () => {
    expect(reportRows(events)).toEqual([{ text: '06:00 Support: Customers say checkout fails half the time.', token: 'inject' }]);
    expect(reportRows(drillTo('5:00', []).events)).toEqual([]);
  });
});
