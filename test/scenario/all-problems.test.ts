// One file with many mistakes reports all of them in one pass, in file order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/scenario-file';
import { brief, edit, load, posOf } from '../fixtures/scenarios/variants';

describe('reporting every problem at once', () => {
  const text = edit(
    ['difficulty: intro', 'difficulty: medum'], // schema: enum typo
    ['duration: 30m ', 'durration: 30m '], // schema: unknown key + missing key
    ['tags: [example]', 'tags: 3'], // schema: wrong type
    ['    pages: web-team', '    pages: web-teem'], // reference: unknown team
    ['after: { 2m: broken }', 'after: { 2m: brokn }'], // reference: unknown phase
    ['web.latency_p99: x3', 'web.latency_p98: x3'], // reference: unknown metric
    ['{ id: restart-web, service: web,', '{ id: restart-web, service: wbe,'], // reference: unknown service
    ['path: [web-logs, revert-config]', 'path: [web-log, revert-config]'], // reference: unknown step
  );

  it('reports every schema and reference error, each once, in file order', () => {
    const r = load(text);
    expect(r.scenario).toBeUndefined();
    expect(r.problems.map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual([
      `${posOf(text, 'schema:').line}:1 schema/missing-key`,
      `${posOf(text, 'medum').line}:${posOf(text, 'medum').col} schema/invalid-value`,
      `${posOf(text, 'tags: 3').line}:${posOf(text, '3', 'tags:').col} schema/invalid-type`,
      `${posOf(text, 'durration').line}:1 schema/unknown-key`,
      `${posOf(text, 'web-teem').line}:${posOf(text, 'web-teem').col} ref/unknown-team`,
      `${posOf(text, 'brokn').line}:${posOf(text, 'brokn').col} ref/unknown-phase`,
      `${posOf(text, 'web.latency_p98').line}:${posOf(text, 'web.latency_p98').col} ref/unknown-metric`,
      `${posOf(text, 'wbe').line}:${posOf(text, 'wbe').col} ref/unknown-service`,
      `${posOf(text, 'web-log,').line}:${posOf(text, 'web-log,').col} ref/unknown-step`,
    ]);
    expect(r.problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('does not run lint while there are errors (its findings would be noise)', () => {
    expect(load(text).problems.some((p) => p.layer === 'lint')).toBe(false);
  });

  it('reports the same for the committed many-problems fixture file', () => {
    const file = join(import.meta.dirname, '../fixtures/scenarios/many-problems.yaml');
    const r = loadScenario(file);
    const layers = new Set(r.problems.map((p) => p.layer));
    expect(layers).toEqual(new Set(['schema', 'reference']));
    expect(brief(r.problems).length).toBeGreaterThanOrEqual(6);
    expect(r.problems.every((p) => p.file === file)).toBe(true);
    // and the file is the starter with those edits, so it stays in step with the format
    expect(readFileSync(file, 'utf8')).toContain('difficulty: medum');
  });
});
