// Property test: random damage to the valid starter never throws, and always ends in a scenario or in
// well-formed, positioned problems.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { compileScenario } from '../../src/scenario/compile';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { STARTER } from '../fixtures/scenarios/variants';

type Path = (string | number)[];

/** Every path to a node in the document, in document order (the root is []). */
function nodePaths(doc: Document): { path: Path; node: unknown }[] {
  const out: { path: Path; node: unknown }[] = [];
  const walk = (node: unknown, path: Path) => {
    out.push({ path, node });
    if (isMap(node)) {
      for (const item of node.items) if (isPair(item) && isScalar(item.key)) walk(item.value, [...path, String(item.key.value)]);
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return out;
}

const scalars = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '5m', '45%', 'x8', '{host}', 'web', 'broken', 'SEV-1', 'web.error_rate > 5% for 1m', '*', '&a', '- x', '[', '{'),
);
const values = fc.oneof(scalars, fc.array(scalars, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), scalars, { maxKeys: 3 }));

type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'rename'; pick: number; name: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: values }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('durration', 'phase', 'after', 'on', 'id', '<<', '? x')) }),
  fc.record({
    kind: fc.constant('insert' as const), at: fc.nat(),
    text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(':', '- ', '\n', '\t', '"', "'", '[', ']', '{', '}', '&a ', '*a', '---\n', '#', '|\n', '\n  x: 1\n', '\u0000', '\ufeff')),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies a mutation to the text; structural ones go through the yaml document so they stay near-valid. */
function apply(text: string, m: Mutation): string {
  if (m.kind === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  if (m.kind === 'truncate') return text.slice(0, m.at % (text.length + 1));
  const doc = parseDocument(text);
  if (doc.errors.length) return text;
  const paths = nodePaths(doc).filter((p) => p.path.length > 0);
  if (!paths.length) return text;
  const { path, node } = paths[m.pick % paths.length]!;
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1]!;
  switch (m.kind) {
    case 'delete':
      doc.deleteIn(path);
      break;
    case 'set':
      doc.setIn(path, doc.createNode(m.value));
      break;
    case 'duplicate': {
      const parent = doc.getIn(parentPath, true) as Node | undefined;
      if (isSeq(parent) && typeof last === 'number') parent.items.splice(last, 0, doc.createNode((node as Node | null)?.toJSON?.() ?? null));
      else doc.setIn([...parentPath, `${String(last)}-copy`], doc.createNode((node as Node | null)?.toJSON?.() ?? null));
      break;
    }
    case 'rename': {
      const parent = doc.getIn(parentPath, true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last));
        if (pair) pair.key = doc.createNode(m.name);
      }
      break;
    }
  }
  return doc.toString();
}

describe('random damage to the starter scenario', () => {
  it('never throws, and ends in a scenario or in well-formed problems', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let text = STARTER;
        for (const m of mutations) text = apply(text, m);
        const r = loadScenarioText(text, 'fuzz.yaml');
        expect(Array.isArray(r.problems)).toBe(true);
        for (const p of r.problems) {
          expect(p.file).toBe('fuzz.yaml');
          expect(p.message.trim().length).toBeGreaterThan(0);
          expect(p.message).not.toMatch(/\bundefined\b|\[object Object\]/);
          expect(p.code).toMatch(/^(file|syntax|schema|ref|lint)\/[a-z-]+$/);
          expect(['error', 'warning']).toContain(p.severity);
          if (p.line === 0) {
            expect(p.layer).toBe('file');
            expect(p.col).toBe(0);
          } else {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.col).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(text.split('\n').length + 1);
          }
        }
        if (r.scenario) {
          valid++;
          expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
          // a valid scenario always compiles and starts
          const [snapshot] = initialTransition(compileScenario(r.scenario));
          expect(snapshot.value).toBe(r.scenario.initial);
        } else {
          invalid++;
          expect(r.problems.length).toBeGreaterThan(0);
          expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
        }
      }),
      { seed: 1_126_2025, numRuns: 300 },
    );
    // the generator exercises both outcomes, so the assertions above are not vacuous
    expect(valid).toBeGreaterThan(10);
    expect(invalid).toBeGreaterThan(100);
  });
});
