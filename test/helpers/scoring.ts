// Scripted drills for the scoring tests: a clean incident run by the book, and ways to vary it.
import { expect } from 'vitest';
import type { CastRequest } from '../../src/engine/cast';
import { is, type EventOf, type EventType } from '../../src/engine/events';
import type { JournalEvent, JournalHeader } from '../../src/engine/journal';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { starterScenario } from '../../src/scenario/starter';
import type { Scenario } from '../../src/scenario/types';
import { score } from '../../src/scoring/score';
import type { RuleResult, Scorecard, Violation } from '../../src/scoring/types';
import { at, drill, starter } from './drill';

/** One scripted line: a label to vary it by, a drill time ("m:ss"), who types it and what. */
export interface Step {
  readonly key: string;
  readonly at: string;
  readonly actor: string;
  readonly text: string;
}

/** alice commands, bob writes it down, carol is web-team's primary on-call (the one paged). */
export const HUMANS: readonly CastRequest[] = [
  { name: 'alice', role: 'ic' },
  { name: 'bob', role: 'scribe' },
  { name: 'carol', role: 'responder', service: 'web' },
];

/** The starter's alert web-errors fires at T+3:10 and pages carol; revert-config takes 1m. */
export const ALERT_AT = at('3:10');

const s = (key: string, time: string, actor: string, text: string): Step => ({ key, at: time, actor, text });

/**
 * The clean incident on the starter scenario, every rule kept: ack → trigger → join → command →
 * scribe → severity → status → time-boxed task → wilco → check → report → poll → pause → decide →
 * time-boxed remediation → wilco → run (mitigated at 7:30) → report → status → resolve → postmortem → end,
 * with bob noting every severity, status, assignment, decision and the mitigation within a minute.
 */
export const CLEAN: readonly Step[] = [
  s('ack', '3:30', 'carol', '/ack'),
  s('trigger', '3:40', 'carol', '/trigger web error rate at 45%, page loads failing'),
  s('join', '3:50', 'carol', '/join web'),
  s('ic', '4:00', 'alice', '/ic This is alice, I am the Incident Commander'),
  s('appoint', '4:10', 'alice', '/appoint @bob scribe'),
  s('joinScribe', '4:15', 'bob', '/join scribe'),
  s('sev', '4:20', 'alice', '/sev SEV-2'),
  s('noteSev', '4:25', 'bob', '/note Severity SEV-2 declared by alice'),
  s('status1', '4:30', 'alice', '/status SEV-2: web errors since the config push, investigating; next update in 10 minutes'),
  s('noteStatus1', '4:35', 'bob', '/note Status: SEV-2, web errors since the config push, investigating'),
  s('assign1', '4:40', 'alice', '/assign @carol check web-logs for the cause in 3m'),
  s('noteAssign1', '4:45', 'bob', '/note T1: carol checks web-logs for the cause, 3m'),
  s('wilco1', '4:50', 'carol', '/wilco'),
  s('check', '5:00', 'carol', '/check web-logs'),
  s('report1', '5:40', 'carol', '/report T1 every error names the upstream config pushed at T+2m'),
  s('poll', '5:50', 'alice', '/poll Revert the config push with revert-config. Any strong objections?'),
  s('decide', '6:05', 'alice', '/decide revert-config: roll back the config push'),
  s('noteDecide', '6:10', 'bob', '/note X1: decided to revert-config, no objections'),
  s('assign2', '6:15', 'alice', '/assign @carol run revert-config in 3m'),
  s('wilco2', '6:20', 'carol', '/wilco T2'),
  s('noteAssign2', '6:25', 'bob', '/note T2: carol runs revert-config, 3m'),
  s('run', '6:30', 'carol', '/run revert-config'),
  s('report2', '7:40', 'carol', '/report T2 config reverted, errors back to baseline'),
  s('noteMitigation', '7:45', 'bob', '/note Mitigation: revert done, config push reverted, errors back to baseline'),
  s('status2', '7:50', 'alice', '/status SEV-2: mitigated by reverting the config push, errors back to baseline'),
  s('noteStatus2', '7:55', 'bob', '/note Status: mitigated by reverting the config push, errors at baseline'),
  s('resolve', '8:00', 'alice', '/resolve'),
  s('pm', '8:10', 'alice', '/postmortem @carol by Friday'),
  s('end', '8:20', 'alice', '/end'),
];

/** Clean-script instants, for hand-computed metrics. */
export const T = Object.fromEntries(CLEAN.map((x) => [x.key, at(x.at)])) as Readonly<Record<string, number>>;
/** revert-config runs at 6:30 and takes 1m: the world enters the mitigated phase at 7:30. */
export const MITIGATED_AT = at('7:30');

export interface Edit {
  /** Steps to leave out, by key. */
  readonly drop?: readonly string[];
  /** Steps to change, by key: a new time, actor or text. */
  readonly set?: Readonly<Record<string, Partial<Omit<Step, 'key'>>>>;
  /** Extra lines: [time, actor, text]. */
  readonly add?: readonly (readonly [string, string, string])[];
  /** Moves the step `from` and every step after it (in script order) later by `by` ("m:ss"). */
  readonly shift?: { readonly from: string; readonly by: string };
}

/** Drill time as "m:ss". */
export function clock(ms: number): string {
  const sec = Math.round(ms / 1000);
  return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
}

/** The clean script (or another one) with some steps left out, changed or added. */
export function script(edit: Edit = {}, base: readonly Step[] = CLEAN): Step[] {
  const keys = new Set(base.map((x) => x.key));
  for (const k of [...(edit.drop ?? []), ...Object.keys(edit.set ?? {}), ...(edit.shift ? [edit.shift.from] : [])]) {
    if (!keys.has(k)) throw new Error(`no step ${k}`);
  }
  const from = edit.shift ? base.findIndex((x) => x.key === edit.shift!.from) : Infinity;
  const out = base
    .map((x, i) => (i >= from ? { ...x, at: clock(at(x.at) + at(edit.shift!.by)) } : x))
    .filter((x) => !edit.drop?.includes(x.key))
    .map((x) => ({ ...x, ...edit.set?.[x.key] }));
  (edit.add ?? []).forEach(([time, actor, text], i) => out.push({ key: `add${i}`, at: time, actor, text }));
  return out;
}

/** The starter scenario YAML, edited, loaded (fails the test if it no longer validates). */
export function starterVariant(editYaml: (yaml: string) => string): Scenario {
  const text = editYaml(starterScenario('demo', 'x'));
  const r = loadScenarioText(text);
  if (!r.scenario) throw new Error(`variant invalid: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

/** Replaces exactly one occurrence of `from` in the YAML (fails loudly when the starter changes). */
export function yamlReplace(from: string, to: string): (yaml: string) => string {
  return (yaml) => {
    if (yaml.split(from).length !== 2) throw new Error(`starter YAML should contain "${from}" exactly once`);
    return yaml.replace(from, to);
  };
}

export interface Played {
  readonly scenario: Scenario;
  readonly header: JournalHeader;
  readonly events: readonly JournalEvent[];
  readonly card: Scorecard;
  rule(id: string): RuleResult;
  /** The one event of a type (optionally matching a predicate); fails when there is not exactly one. */
  one<T extends EventType>(type: T, pred?: (e: EventOf<T>) => boolean): EventOf<T>;
}

export interface PlayOptions {
  readonly scenario?: Scenario;
  readonly humans?: readonly CastRequest[];
  readonly seed?: string;
  /** Lines the engine may refuse (cmd.error); by default any refusal fails, since it means a broken script. */
  readonly allowErrors?: boolean;
}

let STARTER: Scenario | undefined;
/** The starter scenario, loaded once (a Scenario is plain data that sessions only read). */
export function starterOnce(): Scenario {
  return (STARTER ??= starter());
}

/** Plays a script with humans only (no bots act) and scores the journal. */
export function play(steps: readonly Step[] = CLEAN, opts: PlayOptions = {}): Played {
  const scenario = opts.scenario ?? starterOnce();
  const d = drill(scenario, { humans: [...(opts.humans ?? HUMANS)], bots: 'none', seed: opts.seed ?? '1' });
  d.session.runSimulated(steps.map((x) => ({ atMs: at(x.at), actor: x.actor, text: x.text })));
  const header = d.journal.headerLine!;
  const events = d.journal.events;
  const card = score(scenario, header, events);
  const refused = events.filter((e) => e.type === 'cmd.error').map((e) => `${e.actor} at ${clock(e.atMs)}: ${String(e.data.message)}`);
  if (!opts.allowErrors && refused.length) throw new Error(`the engine refused scripted lines:\n${refused.join('\n')}`);
  return {
    scenario, header, events, card,
    rule: (id) => {
      const r = card.rules.find((x) => x.id === id);
      if (!r) throw new Error(`no rule ${id} in the scorecard`);
      return r;
    },
    one: (type, pred) => {
      const hits = events.filter(is(type)).filter((e) => !pred || pred(e));
      if (hits.length !== 1) throw new Error(`expected one ${type} event, found ${hits.length}`);
      return hits[0]!;
    },
  };
}

/** Asserts a rule has exactly one violation, naming `actor`, whose evidence is `event`. */
export function expectViolation(p: Played, id: string, actor: string, event: JournalEvent): Violation {
  const r = p.rule(id);
  expect(r.status, `${id}: ${JSON.stringify(r.violations)}`).toBe('violated');
  expect(r.violations, `${id} violations`).toHaveLength(1);
  const v = r.violations[0]!;
  expect(v).toMatchObject({ atMs: event.atMs, actor, evidence: { seq: event.seq, type: event.type } });
  expect(v.evidence.note.length).toBeGreaterThan(0);
  return v;
}

/** Asserts a rule passed (applied, nothing wrong). */
export function expectPassed(p: Played, id: string): void {
  const r = p.rule(id);
  expect(r.status, `${id}: ${r.reason ?? JSON.stringify(r.violations)}`).toBe('passed');
  expect(r.violations).toEqual([]);
  expect(r.penalty).toBe(0);
}

/** Asserts a rule did not apply, and why. */
export function expectNotApplicable(p: Played, id: string, reason: RegExp): void {
  const r = p.rule(id);
  expect(r.status, `${id}: ${JSON.stringify(r.violations)}`).toBe('not-applicable');
  expect(r.reason).toMatch(reason);
  expect(r.violations).toEqual([]);
  expect(r.penalty).toBe(0);
}

/** Starter variants for rules that only apply with more seats, longer drills or other injects. */
export const VARIANTS = {
  /** A deputy seat besides the IC and the scribe. */
  deputy: () => starterVariant(yamlReplace('roles: [ic, scribe] ', 'roles: [ic, scribe, deputy] ')),
  /** A customer liaison seat: external posting rules and metrics apply. */
  liaison: () => starterVariant(yamlReplace('roles: [ic, scribe] ', 'roles: [ic, scribe, customer-liaison] ')),
  /** No deputy or scribe seat at all. */
  icOnly: () => starterVariant(yamlReplace('roles: [ic, scribe] ', 'roles: [ic] ')),
  /** 90 minutes long, so someone can hold command for over an hour. */
  long: () => starterVariant(yamlReplace('duration: 30m ', 'duration: 90m ')),
  /** An executive swoops in at `time`. */
  swoop: (time = '5m') => starterVariant(yamlReplace('injects:                   # scripted people\n',
    `injects:                   # scripted people\n  - { at: ${time}, kind: exec-swoop, from: CEO, text: "Why is the site down? Restart everything now!" }\n`)),
  /** Someone raises a follow-up at 5m. */
  followup: () => starterVariant(yamlReplace('injects:                   # scripted people\n',
    'injects:                   # scripted people\n  - { at: 5m, kind: followup, from: Support, text: "We should add a canary for config pushes." }\n')),
} as const;

export const DAVE_DEPUTY: CastRequest = { name: 'dave', role: 'deputy' };
export const DAVE_RESPONDER: CastRequest = { name: 'dave', role: 'responder', service: 'web' };
export const DAVE_IC: CastRequest = { name: 'dave', role: 'ic' };
export const ERIN_LIAISON: CastRequest = { name: 'erin', role: 'customer-liaison' };

/** The clean script's extra lines when erin is the customer liaison: appointed, drafts, gets approval, posts at 4:50. */
export const LIAISON_LINES: readonly (readonly [string, string, string])[] = [
  ['4:12', 'alice', '/appoint @erin customer-liaison'],
  ['4:14', 'erin', '/join customer liaison'],
  ['4:44', 'erin', '/draft We are investigating elevated errors on the website. Next update in 20 minutes.'],
  ['4:46', 'alice', '/approve D1'],
  ['4:50', 'erin', '/post D1'],
  ['6:20', 'erin', '@alice customer impact: checkout fails about half the time for customers who wrote in'],
];

/**
 * A scenario's fairness check for one seed, as the library's bar asks it: by-the-book bots resolve it and careless
 * (sloppy) bots score at least 25 points lower. Returns both drills for further checks.
 */
export function expectFairOnSeed(scenario: Scenario, seed: string): { good: ReturnType<typeof drill>; bad: ReturnType<typeof drill> } {
  const good = drill(scenario, { seed, bots: 'by-the-book' });
  good.session.runSimulated();
  expect(good.session.outcome, `seed ${seed}`).toBe('resolved');
  const bad = drill(scenario, { seed, bots: 'sloppy' });
  bad.session.runSimulated();
  const g = score(scenario, good.journal.headerLine!, good.journal.events).score ?? 0;
  const b = score(scenario, bad.journal.headerLine!, bad.journal.events).score ?? 0;
  expect(g - b, `seed ${seed}: by-the-book ${g}, sloppy ${b}`).toBeGreaterThanOrEqual(25);
  return { good, bad };
}
