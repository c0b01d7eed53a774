// The lint layer: for every rule, a fixture that trips it and a near-identical one that does not.
import { describe, expect, it } from 'vitest';
import { LINT_CODES, reachablePhases, walkSolution, type LintCode } from '../../src/scenario/lint';
import { brief, edit, load, posOf, scenarioOf, STARTER } from '../fixtures/scenarios/variants';

interface Trip {
  readonly name: string;
  readonly text: string;
  /** Where the problem points: the first `at` after `after`. */
  readonly at: string;
  readonly after?: string;
  readonly path: readonly (string | number)[];
  readonly message: RegExp;
}

interface LintFixture {
  readonly severity: 'error' | 'warning';
  readonly trips: readonly Trip[];
  /** Near-identical to the trips, and free of every problem. */
  readonly clean: readonly { readonly name: string; readonly text: string }[];
}

const LIMBO = ['    final: true\n\nactions:', '    final: true\n  limbo:\n    final: true\n\nactions:'] as const;
const REQUIRES = ['on: { revert-config: recovered }', 'on: { revert-config: { to: recovered, requires: [web-logs] } }'] as const;
const NO_DEFAULT = ['      default: No errors in the last minutes.\n', ''] as const;
const NOT_HERRING = [', redHerring: true }', ' }'] as const;
const REQUIRES_RESTART = ['on: { revert-config: recovered }', 'on: { revert-config: { to: recovered, requires: [restart-web] } }'] as const;
const V2 = ['schema: firedrill/v1', 'schema: firedrill/v2'] as const;
const LIAISON = ['roles: [ic, scribe]', 'roles: [ic, scribe, customer-liaison]'] as const;
const INJECT = 'text: "Customers say checkout fails half the time." }';
const withVariable = (extra = '') => ['debrief:\n', `variables: { spare: 0 }${extra}\ndebrief:\n`] as const;

// Typed by LintCode, so a new code in LINT_CODES without an entry here fails the typecheck too.
const LINT_FIXTURES: Record<LintCode, LintFixture> = {
  'lint/unreachable-phase': {
    severity: 'warning',
    trips: [{
      name: 'a phase nothing leads to', text: edit(LIMBO), at: 'limbo:', path: ['phases', 'limbo'],
      message: /^phase "limbo" can never be reached from "healthy"$/,
    }],
    clean: [{ name: 'the same phase behind a timer', text: edit(LIMBO, ['after: { 2m: broken }', 'after: { 2m: broken, 25m: limbo }']) }],
  },
  'lint/dead-end': {
    severity: 'error',
    trips: [{
      name: 'a phase with no way out that is not final', text: edit(['    resolved: true\n    final: true\n', '']),
      at: 'recovered:', path: ['phases', 'recovered'], message: /^phase "recovered" has no way out \(no after: or on:\) and is not final$/,
    }],
    clean: [
      { name: 'the same phase marked final', text: edit(['    resolved: true\n    final: true\n', '    final: true\n']) },
      { name: 'the same phase marked resolved', text: edit(['    resolved: true\n    final: true\n', '    resolved: true\n']) },
    ],
  },
  'lint/no-mitigation': {
    severity: 'error',
    trips: [
      {
        name: 'no phase marked mitigated', text: edit(['    mitigated: true        # customer impact has stopped\n', '']),
        at: 'phases:', path: ['phases'], message: /^no phase is marked mitigated: true, so the drill can never be mitigated$/,
      },
      {
        name: 'the only mitigated phase unreachable',
        text: edit(['    mitigated: true        # customer impact has stopped\n', ''], LIMBO, ['  limbo:\n    final: true\n', '  limbo:\n    mitigated: true\n    final: true\n']),
        at: 'phases:', path: ['phases'], message: /^no mitigated phase \(limbo\) can be reached from "healthy"$/,
      },
    ],
    clean: [{ name: 'the starter', text: STARTER }],
  },
  'lint/timer-past-duration': {
    severity: 'warning',
    trips: [
      {
        name: 'a phase timer at the drill\'s end', text: edit(['after: { 2m: broken }', 'after: { 2m: broken, 30m: recovered }']),
        at: '30m: recovered', path: ['phases', 'healthy', 'after', '30m'], message: /^timer of 30m never fires within the drill's 30m$/,
      },
      {
        name: 'a phase timer written before a shorter one', text: edit(['after: { 2m: broken }', 'after: { 45m: recovered, 2m: broken }']),
        at: '45m', path: ['phases', 'healthy', 'after', '45m'], message: /^timer of 45m never fires/,
      },
      {
        name: 'an inject after the end', text: edit(['{ at: 6m,', '{ at: 31m,']),
        at: '31m', path: ['injects', 0, 'at'], message: /^inject at 31m comes after the drill's 30m end$/,
      },
      {
        name: 'a target after the end', text: edit(['resolve: 28m', 'resolve: 31m']),
        at: '31m', path: ['expects', 'targets', 'resolve'], message: /^target resolve of 31m is past the drill's 30m end$/,
      },
    ],
    clean: [
      { name: 'a timer just inside the drill', text: edit(['after: { 2m: broken }', 'after: { 2m: broken, 29m: recovered }']) },
      { name: 'an inject just inside the drill', text: edit(['{ at: 6m,', '{ at: 29m,']) },
      { name: 'a target at the end', text: edit(['resolve: 28m', 'resolve: 30m']) },
    ],
  },
  'lint/alert-never-fires': {
    severity: 'warning',
    trips: [
      {
        name: 'a threshold above every phase\'s value', text: edit(['web.error_rate > 5% for 1m', 'web.error_rate > 50% for 1m']),
        at: '"web.error_rate', path: ['alerts', 0, 'when'],
        message: /^alert "web-errors" can never fire: no reachable phase takes web.error_rate > its threshold$/,
      },
      {
        name: 'a threshold above a multiplied baseline', text: edit(['web.error_rate > 5% for 1m', 'web.latency_p99 > 700ms for 1m']),
        at: '"web.latency_p99', path: ['alerts', 0, 'when'], message: /can never fire/,
      },
    ],
    clean: [
      { name: 'a threshold the broken phase passes', text: edit(['web.error_rate > 5% for 1m', 'web.error_rate > 40% for 1m']) },
      { name: 'a threshold the multiplied baseline passes', text: edit(['web.error_rate > 5% for 1m', 'web.latency_p99 > 500ms for 1m']) },
    ],
  },
  'lint/solution-fails': {
    severity: 'warning',
    trips: [
      {
        name: 'a step that does nothing yet', text: edit(REQUIRES, ['path: [web-logs, revert-config]', 'path: [revert-config, web-logs]']),
        at: 'revert-config', after: 'path: [', path: ['solution', 'path', 0],
        message: /^solution step "revert-config" does nothing in phase "healthy" or the phases its timers lead to$/,
      },
      {
        name: 'a path that never mitigates', text: edit(['path: [web-logs, revert-config]', 'path: [web-logs]']),
        at: '[web-logs]', path: ['solution', 'path'], message: /^the solution path never reaches a mitigated phase \(it ends in "broken"\)$/,
      },
      {
        name: 'a red herring in the path', text: edit(['path: [web-logs, revert-config]', 'path: [web-logs, restart-web, revert-config]']),
        at: 'restart-web', after: 'path: [', path: ['solution', 'path', 1],
        message: /^solution step "restart-web" is marked redHerring; the ideal path should not need it$/,
      },
      {
        name: 'a v2 step limited to a phase the walk never reaches',
        text: edit(V2, LIMBO, ['takes: 1m, major: true }', 'takes: 1m, major: true, phases: [limbo] }']),
        at: 'revert-config', after: 'path: [', path: ['solution', 'path', 1],
        message: /^solution step "revert-config" cannot be run in phase "healthy" or the phases its timers lead to: it is limited to "limbo"$/,
      },
    ],
    clean: [
      { name: 'the required probe first', text: edit(REQUIRES) },
      { name: 'a v2 step limited to the phase where it is needed', text: edit(V2, ['takes: 1m, major: true }', 'takes: 1m, major: true, phases: [broken] }']) },
      {
        name: 'a path that ends where timers alone mitigate',
        text: edit(['path: [web-logs, revert-config]', 'path: [web-logs]'], ['    on: { revert-config: recovered }', '    after: { 10m: recovered }\n    on: { revert-config: recovered }']),
      },
      { name: 'a preparatory action that moves nothing itself', text: edit(['path: [web-logs, revert-config]', 'path: [web-logs, restart-web, revert-config]'], NOT_HERRING, REQUIRES_RESTART) },
    ],
  },
  'lint/probe-blind-phase': {
    severity: 'warning',
    trips: [{
      name: 'per-phase text without a default', text: edit(NO_DEFAULT),
      at: 'broken: Every error', path: ['probes', 0, 'reveals'], message: /^probe "web-logs" shows nothing in phases healthy, recovered$/,
    }],
    clean: [{
      name: 'per-phase text for every reachable phase',
      text: edit(NO_DEFAULT, ['      broken: Every error', '      healthy: Quiet.\n      recovered: Quiet again.\n      broken: Every error']),
    }],
  },
  'lint/action-changes-nothing': {
    severity: 'warning',
    trips: [
      {
        name: 'an action no on: moves on and no requires: names', text: edit(NOT_HERRING),
        at: 'restart-web', path: ['actions', 1, 'id'],
        message: /^action "restart-web" changes nothing: no phase's on: moves on it and no requires: names it$/,
      },
      {
        name: 'such an action in the solution path', text: edit(NOT_HERRING, ['path: [web-logs, revert-config]', 'path: [web-logs, restart-web, revert-config]']),
        at: 'restart-web', path: ['actions', 1, 'id'], message: /^action "restart-web" changes nothing/,
      },
    ],
    clean: [
      { name: 'the same action marked redHerring (the starter)', text: STARTER },
      { name: 'an action a requires: names', text: edit(NOT_HERRING, REQUIRES_RESTART, ['path: [web-logs, revert-config]', 'path: [web-logs, restart-web, revert-config]']) },
      { name: 'an action that moves a phase', text: edit(NOT_HERRING, ['on: { revert-config: recovered }', 'on: { revert-config: recovered, restart-web: broken }']) },
    ],
  },
  'lint/clue-and-herring': {
    severity: 'error',
    trips: [{
      name: 'a probe that is both', text: edit(['    clue: true\n', '    clue: true\n    redHerring: true\n']),
      at: 'id: web-logs', path: ['probes', 0], message: /^probe "web-logs" is marked both clue and redHerring$/,
    }],
    clean: [{ name: 'a clue that is explicitly no herring', text: edit(['    clue: true\n', '    clue: true\n    redHerring: false\n']) }],
  },
  'lint/inject-never-fires': {
    severity: 'warning',
    trips: [
      {
        name: 'a v2 inject whose only phase the world never reaches', text: edit(V2, LIMBO, [INJECT, `${INJECT.slice(0, -2)}, phases: [limbo] }`]),
        at: '[limbo]', path: ['injects', 0, 'phases'], message: /^inject 0 can never happen: the world never reaches "limbo"$/,
      },
      {
        name: 'a v2 inject timed from a phase the world never reaches',
        text: edit(V2, LIMBO, ['{ at: 6m, kind: customer-report', '{ after: 1m, since: "phase:limbo", kind: customer-report']),
        at: '"phase:limbo"', path: ['injects', 0, 'since'], message: /^inject 0 can never happen: it counts from phase "limbo", which the world never reaches$/,
      },
      {
        name: 'a v2 inject due after the drill has ended', text: edit(V2, ['{ at: 6m, kind: customer-report', '{ after: 40m, since: "phase:broken", kind: customer-report']),
        at: '40m', path: ['injects', 0, 'after'], message: /^inject 0 can never happen: 40m after its anchor is past the drill's 30m end$/,
      },
    ],
    clean: [
      { name: 'the same inject in a phase the world reaches', text: edit(V2, [INJECT, `${INJECT.slice(0, -2)}, phases: [broken, recovered] }`]) },
      { name: 'timed from a phase the world reaches', text: edit(V2, ['{ at: 6m, kind: customer-report', '{ after: 1m, since: "phase:broken", kind: customer-report']) },
    ],
  },
  'lint/variable-unused': {
    severity: 'warning',
    trips: [{
      name: 'a variable no condition tests', text: edit(V2, withVariable()), at: 'spare:', path: ['variables', 'spare'],
      message: /^variable "spare" is never tested by a condition, so setting it changes nothing$/,
    }],
    clean: [{ name: 'a variable an inject tests', text: edit(V2, withVariable(), [INJECT, `${INJECT.slice(0, -2)}, if: "spare = 0" }`]) }],
  },
  'lint/no-public-name': {
    severity: 'warning',
    trips: [{
      name: 'a v2 customer liaison seat and no public name', text: edit(V2, LIAISON), at: '[ic, scribe, customer-liaison]', path: ['roles'],
      message: /^the customer liaison's updates can only say "our service": no service has a public name$/,
    }],
    clean: [
      { name: 'the same with a public name', text: edit(V2, LIAISON, ['    owner: web-team', '    public: Web shop\n    owner: web-team']) },
      { name: 'a v1 file with a liaison (its bot names the first service\'s title)', text: edit(LIAISON) },
      { name: 'a v2 file with no liaison seat', text: edit(V2) },
    ],
  },
};

describe('LINT_CODES', () => {
  it('each has a fixture that trips it and one that does not', () => {
    for (const code of LINT_CODES) {
      const f = LINT_FIXTURES[code];
      expect(f, `no fixture for ${code}`).toBeDefined();
      expect(f.trips.length, code).toBeGreaterThan(0);
      expect(f.clean.length, code).toBeGreaterThan(0);
      for (const t of f.trips) expect(load(t.text).problems.some((p) => p.code === code), `${code}: ${t.name}`).toBe(true);
      for (const c of f.clean) expect(load(c.text).problems.some((p) => p.code === code), `${code}: ${c.name}`).toBe(false);
    }
  });

  it('has no fixture for a code that no longer exists', () => {
    expect(Object.keys(LINT_FIXTURES).sort()).toEqual([...LINT_CODES].sort());
  });
});

describe.each(LINT_CODES.map((code) => [code, LINT_FIXTURES[code]] as const))('%s', (code, fixture) => {
  it.each(fixture.trips.map((t) => [t.name, t] as const))('trips on %s', (_, t) => {
    const r = load(t.text);
    const hits = r.problems.filter((p) => p.code === code);
    expect(hits, brief(r.problems).join('\n')).toHaveLength(1);
    const p = hits[0]!;
    expect(p).toMatchObject({ layer: 'lint', severity: fixture.severity, path: t.path });
    expect(p.message).toMatch(t.message);
    expect({ line: p.line, col: p.col }).toEqual(posOf(t.text, t.at, t.after));
    // only lint problems: the fixture is valid apart from the story
    expect(r.problems.every((x) => x.layer === 'lint')).toBe(true);
    // an error withholds the scenario, a warning does not
    expect(r.scenario === undefined).toBe(fixture.severity === 'error');
  });

  it.each(fixture.clean.map((c) => [c.name, c] as const))('does not trip on %s', (_, c) => {
    const r = load(c.text);
    expect(brief(r.problems)).toEqual([]);
    expect(r.scenario).toBeDefined();
  });
});

describe('reachablePhases', () => {
  it('follows timers and action edges from the initial phase', () => {
    const s = scenarioOf(edit(LIMBO));
    expect([...reachablePhases(s)].sort()).toEqual(['broken', 'healthy', 'recovered']);
  });

  it('can follow timers only', () => {
    const s = scenarioOf(STARTER);
    expect([...reachablePhases(s, 'healthy', true)].sort()).toEqual(['broken', 'healthy']);
    expect([...reachablePhases(s, 'broken', true)]).toEqual(['broken']);
  });
});

describe('walkSolution', () => {
  it('follows the starter\'s solution through the timer into the fix', () => {
    expect(walkSolution(scenarioOf(STARTER))).toEqual({ visited: ['healthy', 'broken', 'recovered'] });
  });

  it('treats a requires edge as usable only after the required step', () => {
    expect(walkSolution(scenarioOf(edit(REQUIRES))).stuck).toBeUndefined();
    const stuck = walkSolution(scenarioOf(edit(REQUIRES, ['path: [web-logs, revert-config]', 'path: [revert-config, web-logs]'])));
    expect(stuck).toEqual({ visited: ['healthy'], stuck: { step: 'revert-config', index: 0, phase: 'healthy' } });
  });

  it('uses a v2 phase-limited action only in its phases', () => {
    const limited = (phases: string) => scenarioOf(edit(V2, LIMBO, ['takes: 1m, major: true }', `takes: 1m, major: true, phases: [${phases}] }`]));
    expect(walkSolution(limited('broken'))).toEqual({ visited: ['healthy', 'broken', 'recovered'] });
    expect(walkSolution(limited('limbo')).stuck).toEqual({ step: 'revert-config', index: 1, phase: 'healthy', unavailable: ['limbo'] });
  });
});

describe('lint performance', () => {
  it('lints a long chain of phases with a long solution quickly', () => {
    const n = 5_000;
    let text = 'schema: firedrill/v1\nid: x\ntitle: x\ndifficulty: intro\nduration: 30m\nexpects: { severity: SEV-2 }\n'
      + 'services:\n  - { id: s, owner: t, metrics: { m: { baseline: 1 } } }\nactions:\n';
    for (let i = 0; i < n; i++) text += `  - { id: a${i}, service: s, title: x, takes: 1m }\n`;
    text += 'phases:\n';
    for (let i = 0; i < n; i++) text += `  p${i}: { after: { 1s: p${i + 1} }, on: { a${i}: p${i + 1} } }\n`;
    text += `  p${n}: { mitigated: true, final: true }\n`;
    text += `solution: { rootCause: x, path: [${Array.from({ length: n }, (_, i) => `a${i}`).join(', ')}] }\n`;
    expect(text.length).toBeLessThan(1024 * 1024);
    const t0 = performance.now();
    const r = load(text);
    expect(brief(r.problems)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
