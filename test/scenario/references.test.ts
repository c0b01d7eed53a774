// The reference layer: every name used must exist, once, with matching units.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/scenario/problem';
import { brief, edit, editDoc, load, posOf } from '../fixtures/scenarios/variants';

interface RefCase {
  readonly name: string;
  readonly code: string;
  readonly text: string;
  /** Where the problem must point: the first `at` after `after`. */
  readonly at: string;
  readonly after?: string;
  readonly path: readonly (string | number)[];
  readonly message: RegExp;
  /** The exact hint, or null for none. */
  readonly hint: string | null;
}

const NO_PHASES = editDoc((doc) => {
  doc.setIn(['phases'], doc.createNode({}));
  doc.setIn(['probes', 0, 'reveals'], 'Nothing to see.');
});

const CASES: readonly RefCase[] = [
  {
    name: 'a timer to an unknown phase', code: 'ref/unknown-phase',
    text: edit(['after: { 2m: broken }', 'after: { 2m: brokn }']), at: 'brokn',
    path: ['phases', 'healthy', 'after', '2m'], message: /^unknown phase "brokn"$/, hint: 'did you mean "broken"? known phases: healthy, broken, recovered',
  },
  {
    name: 'an action edge to an unknown phase', code: 'ref/unknown-phase',
    text: edit(['on: { revert-config: recovered }', 'on: { revert-config: recoverd }']), at: 'recoverd',
    path: ['phases', 'broken', 'on', 'revert-config'], message: /^unknown phase "recoverd"$/, hint: 'did you mean "recovered"? known phases: healthy, broken, recovered',
  },
  {
    name: 'an unknown initial phase', code: 'ref/unknown-phase',
    text: edit(['tags: [example]', 'tags: [example]\ninitial: helthy']), at: 'helthy',
    path: ['initial'], message: /^unknown phase "helthy"$/, hint: 'did you mean "healthy"? known phases: healthy, broken, recovered',
  },
  {
    name: 'probe text for an unknown phase', code: 'ref/unknown-phase',
    text: edit(['      broken: Every error', '      brokn: Every error']), at: 'brokn',
    path: ['probes', 0, 'reveals', 'brokn'], message: /^unknown phase "brokn"$/, hint: 'did you mean "broken"? known phases: healthy, broken, recovered',
  },
  {
    name: 'an inject in an unknown phase', code: 'ref/unknown-phase',
    text: edit(['text: "Customers say checkout fails half the time." }', 'text: "Customers complain.", phase: zzz }']), at: 'zzz',
    path: ['injects', 0, 'phase'], message: /^unknown phase "zzz"$/, hint: 'known phases: healthy, broken, recovered',
  },
  {
    name: 'an edge for an unknown action', code: 'ref/unknown-action',
    text: edit(['on: { revert-config: recovered }', 'on: { revert-confg: recovered }']), at: 'revert-confg',
    path: ['phases', 'broken', 'on', 'revert-confg'], message: /^unknown action "revert-confg"$/, hint: 'did you mean "revert-config"? known actions: revert-config, restart-web',
  },
  {
    name: 'a probe id used as an action in on', code: 'ref/unknown-action',
    text: edit(['on: { revert-config: recovered }', 'on: { revert-config: recovered, web-logs: recovered }']), at: 'web-logs',
    path: ['phases', 'broken', 'on', 'web-logs'], message: /^"web-logs" is a probe; only actions \(\/run\) move the world between phases$/, hint: 'known actions: revert-config, restart-web',
  },
  {
    name: 'an action on an unknown service', code: 'ref/unknown-service',
    text: edit(['{ id: restart-web, service: web,', '{ id: restart-web, service: wbe,']), at: 'wbe',
    path: ['actions', 1, 'service'], message: /^unknown service "wbe"$/, hint: 'did you mean "web"? known services: web',
  },
  {
    name: 'a probe on an unknown service', code: 'ref/unknown-service',
    text: edit(['  - id: web-logs\n    service: web\n', '  - id: web-logs\n    service: frontend\n']), at: 'frontend',
    path: ['probes', 0, 'service'], message: /^unknown service "frontend"$/, hint: 'known services: web',
  },
  {
    name: 'logs from an unknown service', code: 'ref/unknown-service',
    text: edit(['{ service: web, level: error', '{ service: webb, level: error']), at: 'webb',
    path: ['phases', 'broken', 'logs', 0, 'service'], message: /^unknown service "webb"$/, hint: 'did you mean "web"? known services: web',
  },
  {
    name: 'an effect on a metric of an unknown service', code: 'ref/unknown-service',
    text: edit(['web.latency_p99: x3', 'wbe.latency_p99: x3']), at: 'wbe.latency_p99',
    path: ['phases', 'broken', 'effects', 'wbe.latency_p99'], message: /^unknown service "wbe" in "wbe.latency_p99"$/, hint: 'did you mean "web"? known services: web',
  },
  {
    name: 'an alert on an unknown service', code: 'ref/unknown-service',
    text: edit(['when: "web.error_rate > 5% for 1m"', 'when: "api.error_rate > 5% for 1m"']), at: '"api.error_rate',
    path: ['alerts', 0, 'when'], message: /^unknown service "api" in "api.error_rate"$/, hint: 'known services: web',
  },
  {
    name: 'an effect on an unknown metric', code: 'ref/unknown-metric',
    text: edit(['web.latency_p99: x3', 'web.latency_p98: x3']), at: 'web.latency_p98',
    path: ['phases', 'broken', 'effects', 'web.latency_p98'], message: /^service "web" has no metric "latency_p98"$/, hint: 'did you mean "web.latency_p99"? known metrics of web: web.error_rate, web.latency_p99',
  },
  {
    name: 'an alert on an unknown metric, nothing close', code: 'ref/unknown-metric',
    text: edit(['when: "web.error_rate > 5% for 1m"', 'when: "web.saturation > 5% for 1m"']), at: '"web.saturation',
    path: ['alerts', 0, 'when'], message: /^service "web" has no metric "saturation"$/, hint: 'known metrics of web: web.error_rate, web.latency_p99',
  },
  {
    name: 'a probe showing an unknown metric', code: 'ref/unknown-metric',
    text: edit(['    logs: true\n', '    logs: true\n    shows: [web.eror_rate]\n']), at: 'web.eror_rate',
    path: ['probes', 0, 'shows', 0], message: /^service "web" has no metric "eror_rate"$/, hint: 'did you mean "web.error_rate"? known metrics of web: web.error_rate, web.latency_p99',
  },
  {
    name: 'an alert paging an unknown team', code: 'ref/unknown-team',
    text: edit(['    pages: web-team', '    pages: web-teem']), at: 'web-teem',
    path: ['alerts', 0, 'pages'], message: /^unknown team "web-teem"; teams are service owners or listed under teams$/, hint: 'did you mean "web-team"? known teams: web-team',
  },
  {
    name: 'a solution step that is no action or probe', code: 'ref/unknown-step',
    text: edit(['path: [web-logs, revert-config]', 'path: [web-log, revert-config]']), at: 'web-log,',
    path: ['solution', 'path', 0], message: /^unknown action or probe "web-log"$/, hint: 'did you mean "web-logs"? known actions and probes: revert-config, restart-web, web-logs',
  },
  {
    name: 'a requires entry that is no action or probe', code: 'ref/unknown-step',
    text: edit(['on: { revert-config: recovered }', 'on: { revert-config: { to: recovered, requires: [web-lgs] } }']), at: 'web-lgs',
    path: ['phases', 'broken', 'on', 'revert-config', 'requires', 0], message: /^unknown action or probe "web-lgs"$/, hint: 'did you mean "web-logs"? known actions and probes: revert-config, restart-web, web-logs',
  },
  {
    name: 'an unknown placeholder in log text', code: 'ref/unknown-placeholder',
    text: edit(['"{host} rejected request', '"{hots} rejected request']), at: '"{hots}',
    path: ['phases', 'broken', 'logs', 0, 'text'], message: /^unknown placeholder \{hots\} in log text$/, hint: 'did you mean "host"?',
  },
  {
    name: 'an unknown placeholder with nothing close', code: 'ref/unknown-placeholder',
    text: edit(['"{host} rejected request', '"{zzzzzzzz} rejected request']), at: '"{zzzzzzzz}',
    path: ['phases', 'broken', 'logs', 0, 'text'], message: /^unknown placeholder \{zzzzzzzz\}/, hint: 'known: host, ip, pod, region, requestId, traceId, uuid, user, email, customer, path, status, port, number, ms, version, hex, wal, table, queue',
  },
  {
    name: 'a duplicate action id', code: 'ref/duplicate-id',
    text: edit(['{ id: restart-web,', '{ id: revert-config,']), at: 'revert-config', after: '{ id: revert-config, service: web, title: Restart',
    path: ['actions', 1, 'id'], message: /^duplicate action id "revert-config" \(first used at actions\[0\]\)$/, hint: null,
  },
  {
    name: 'a duplicate service id', code: 'ref/duplicate-id',
    text: edit(['services:\n', 'services:\n  - { id: web, owner: web-team }\n']), at: 'web', after: '  - id: web',
    path: ['services', 1, 'id'], message: /^duplicate service id "web" \(first used at services\[0\]\)$/, hint: null,
  },
  {
    name: 'a probe id that is also an action id', code: 'ref/duplicate-id',
    text: edit(['  - id: web-logs\n', '  - id: restart-web\n'], ['path: [web-logs,', 'path: [restart-web,']), at: 'restart-web', after: 'probes:',
    path: ['probes', 0, 'id'], message: /^probe id "restart-web" is also an action id/, hint: null,
  },
  {
    name: 'an effect in the wrong unit', code: 'ref/unit-mismatch',
    text: edit(['web.error_rate: 45%', 'web.error_rate: 45ms']), at: '45ms',
    path: ['phases', 'broken', 'effects', 'web.error_rate'], message: /^"45ms" is a time value but web.error_rate is measured as percent$/, hint: null,
  },
  {
    name: 'an effect target in the wrong unit', code: 'ref/unit-mismatch',
    text: edit(['web.latency_p99: x3', 'web.latency_p99: { to: 2GB, over: 2m }']), at: '{ to: 2GB',
    path: ['phases', 'broken', 'effects', 'web.latency_p99'], message: /^"2GB" is a bytes value but web.latency_p99 is measured as time$/, hint: null,
  },
  {
    name: 'a bare number for a percent metric', code: 'ref/unit-mismatch',
    text: edit(['web.error_rate: 45%', 'web.error_rate: 45']), at: '45',
    path: ['phases', 'broken', 'effects', 'web.error_rate'], message: /^"45" is a count value but web.error_rate is measured as percent$/, hint: null,
  },
  {
    name: 'an alert threshold in the wrong unit', code: 'ref/unit-mismatch',
    text: edit(['when: "web.error_rate > 5% for 1m"', 'when: "web.error_rate > 5ms for 1m"']), at: '"web.error_rate',
    path: ['alerts', 0, 'when'], message: /^threshold is a time value but web.error_rate is measured as percent$/, hint: null,
  },
  {
    name: 'noise in a different unit than the baseline', code: 'ref/unit-mismatch',
    text: edit(['noise: 0.1%', 'noise: 10ms']), at: '10ms',
    path: ['services', 0, 'metrics', 'error_rate', 'noise'], message: /^"10ms" is a time value but web.error_rate is measured as percent$/, hint: null,
  },
  {
    name: 'a condition that cannot be read', code: 'ref/bad-condition',
    text: edit(['when: "web.error_rate > 5% for 1m"', 'when: "web.error_rate is high"']), at: '"web.error_rate',
    path: ['alerts', 0, 'when'], message: /^cannot read condition "web.error_rate is high"; write service.metric OP value/, hint: null,
  },
  {
    name: 'a condition with a bad duration', code: 'ref/bad-condition',
    text: edit(['when: "web.error_rate > 5% for 1m"', 'when: "web.error_rate > 5% for ever"']), at: '"web.error_rate',
    path: ['alerts', 0, 'when'], message: /^"ever" is not a duration \(e\.g\. 30s, 1m\)$/, hint: null,
  },
  {
    name: 'a condition with a bad threshold', code: 'ref/bad-condition',
    text: edit(['when: "web.error_rate > 5% for 1m"', 'when: "web.error_rate > lots for 1m"']), at: '"web.error_rate',
    path: ['alerts', 0, 'when'], message: /^"lots" is not a quantity/, hint: null,
  },
  {
    name: 'an empty phases mapping', code: 'ref/no-phases',
    text: NO_PHASES, at: 'phases: {}',
    path: ['phases'], message: /^phases is empty; a scenario needs at least one phase$/, hint: null,
  },
  {
    name: 'logs more often than once a second', code: 'ref/too-frequent',
    text: edit(['level: error, every: 10s', 'level: error, every: 500ms']), at: '500ms',
    path: ['phases', 'broken', 'logs', 0, 'every'], message: /^logs every 500ms would flood the channel; use 1s or more$/, hint: null,
  },
];

describe('reference checks', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('reports %s', (_, c) => {
    const r = load(c.text);
    expect(r.scenario).toBeUndefined();
    const matching = r.problems.filter((p) => p.code === c.code);
    expect(matching, brief(r.problems).join('\n')).toHaveLength(1);
    const p = matching[0]!;
    expect(p.layer).toBe('reference');
    expect(p.severity).toBe('error');
    expect(p.path).toEqual(c.path);
    expect(p.message).toMatch(c.message);
    expect(p.hint ?? null).toBe(c.hint);
    expect({ line: p.line, col: p.col }).toEqual(posOf(c.text, c.at, c.after));
  });

  it('has a case for every reference code in references.ts', () => {
    const source = readFileSync(join(import.meta.dirname, '../../src/scenario/references.ts'), 'utf8');
    const codes = new Set([...source.matchAll(/'(ref\/[a-z-]+)'/g)].map((m) => m[1]!));
    expect(codes.size).toBeGreaterThan(5);
    const covered = new Set(CASES.map((c) => c.code));
    expect([...codes].filter((c) => !covered.has(c))).toEqual([]);
  });

  it('reports nothing for the starter, and every fixture differs from it in one reference', () => {
    // each case's text really is the starter with one thing broken: it has no problems of other layers
    for (const c of CASES) {
      const other = load(c.text).problems.filter((p: Problem) => p.layer !== 'reference');
      expect(brief(other), c.name).toEqual([]);
    }
  });
});

describe('reference checks on data the schema rejected', () => {
  it('still run when the schema fails, so both kinds are reported', () => {
    const text = edit(['difficulty: intro', 'difficulty: medum'], ['after: { 2m: broken }', 'after: { 2m: brokn }']);
    expect(load(text).problems.map((p) => p.code)).toEqual(['schema/invalid-value', 'ref/unknown-phase']);
  });

  it.each([
    ['a boolean effect', ['web.error_rate: 45%', 'web.error_rate: true']],
    ['a list effect', ['web.error_rate: 45%', 'web.error_rate: [1, 2]']],
    ['an effect whose target is a mapping', ['web.error_rate: 45%', 'web.error_rate: { to: { a: 1 } }']],
    ['a boolean baseline', ['baseline: 0.5%', 'baseline: true']],
    ['a null baseline', ['baseline: 0.5%', 'baseline:']],
    ['a list baseline', ['baseline: 0.5%', 'baseline: [1]']],
    ['a list of services that are not mappings', ['  - id: web\n    owner: web-team', '  - web\n  - id: web\n    owner: web-team']],
    ['a numeric when', ['when: "web.error_rate > 5% for 1m"', 'when: 5']],
    ['requires that is not a list', ['on: { revert-config: recovered }', 'on: { revert-config: { to: recovered, requires: web-logs } }']],
    ['a log that is a string', ['      - { service: web, level: error, every: 10s, text: "{host} rejected request {requestId}: invalid upstream config" }', '      - just text']],
  ] as const)('do not throw on %s and report only the schema problem there', (_, change) => {
    const text = edit(change);
    let problems: readonly Problem[] = [];
    expect(() => (problems = load(text).problems)).not.toThrow();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.layer === 'schema')).toBe(true);
  });

  it('do not throw on phases written as a list', () => {
    const text = editDoc((doc) => doc.setIn(['phases'], doc.createNode(['healthy', 'broken'])));
    const problems = load(text).problems;
    expect(problems.find((p) => p.layer === 'schema')).toMatchObject({ code: 'schema/invalid-type', path: ['phases'] });
  });

  it('does not claim a metric with a malformed baseline is missing', () => {
    const text = edit(['baseline: 0.5%', 'baseline: true']);
    expect(load(text).problems.map((p) => p.code)).toEqual(['schema/invalid-union']);
  });
});

describe('reference performance', () => {
  it('checks a 1 MiB file full of misspelt names in seconds, not minutes', () => {
    let text = 'schema: firedrill/v1\nid: x\ntitle: x\ndifficulty: intro\nduration: 30m\nexpects: { severity: SEV-2 }\nsolution: { rootCause: x, path: [a0] }\nservices:\n';
    const n = 6_500;
    for (let i = 0; i < n; i++) text += `  - { id: service-number-${i}, owner: team }\n`;
    text += 'actions:\n';
    for (let i = 0; i < n; i++) text += `  - { id: a${i}, service: servce-numbr-${i}, title: x, takes: 1m }\n`;
    expect(text.length).toBeLessThan(1024 * 1024);
    const t0 = performance.now();
    const r = load(text);
    const ms = performance.now() - t0;
    expect(r.problems.filter((p) => p.code === 'ref/unknown-service')).toHaveLength(n);
    // the first ones still get suggestions and the closest names
    expect(r.problems.find((p) => p.path.join('.') === 'actions.0.service')?.hint)
      .toBe('did you mean "service-number-0"? closest of 6500 services: service-number-0, service-number-1, service-number-2, service-number-3, service-number-4');
    // the rest list the first names the file declares, without edit distances
    expect(r.problems.find((p) => p.path.join('.') === `actions.${n - 1}.service`)?.hint)
      .toBe('6500 services, the first: service-number-0, service-number-1, service-number-2, service-number-3, service-number-4');
    // it took minutes before suggestions had a budget and locating problems stopped being quadratic
    expect(ms).toBeLessThan(15_000);
  });
});
