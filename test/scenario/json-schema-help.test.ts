// The editor help in the generated JSON Schema: every property described, enums with a description per value,
// user-named maps with a described name pattern, known names listed, and examples that the schema itself accepts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildScenarioJsonSchema, type JsonNode } from '../../src/scenario/json-schema';
import { TARGET_KEYS } from '../../src/scenario/vocabulary';
import { STARTER } from '../fixtures/scenarios/variants';

const { doc, report } = buildScenarioJsonSchema();
const isNode = (v: unknown): v is JsonNode => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every schema node with the path that leads to it (`.key`, `[]` for items, `.*` for map values, `|n` for union branches). */
function nodes(node: JsonNode, path = ''): [string, JsonNode][] {
  const out: [string, JsonNode][] = [[path, node]];
  for (const [k, child] of Object.entries(isNode(node.properties) ? node.properties : {})) if (isNode(child)) out.push(...nodes(child, `${path}.${k}`));
  if (isNode(node.items)) out.push(...nodes(node.items, `${path}[]`));
  if (isNode(node.additionalProperties)) out.push(...nodes(node.additionalProperties, `${path}.*`));
  if (isNode(node.propertyNames)) out.push(...nodes(node.propertyNames, `${path}<name>`));
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((b, i) => isNode(b) && out.push(...nodes(b, `${path}|${i}`)));
  }
  return out;
}

/** Properties of every object node, with their paths. */
function properties(): [string, JsonNode][] {
  return nodes(doc).flatMap(([path, n]) => Object.entries(isNode(n.properties) ? n.properties : {}).map(([k, v]) => [`${path}.${k}`, v as JsonNode] as [string, JsonNode]));
}

/** A small JSON Schema check, enough for the keywords this schema uses; true when the value fits. */
function fits(s: JsonNode, v: unknown): boolean {
  if (Array.isArray(s.anyOf) && !s.anyOf.some((b) => fits(b as JsonNode, v))) return false;
  if ('const' in s && s.const !== v) return false;
  if (Array.isArray(s.enum) && !s.enum.includes(v)) return false;
  const type = s.type;
  if (type === 'string') {
    if (typeof v !== 'string') return false;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) return false;
    if (typeof s.minLength === 'number' && v.length < s.minLength) return false;
    if (typeof s.maxLength === 'number' && v.length > s.maxLength) return false;
  }
  if (type === 'number' && typeof v !== 'number') return false;
  if (type === 'boolean' && typeof v !== 'boolean') return false;
  if (type === 'array') {
    if (!Array.isArray(v)) return false;
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) return false;
    if (typeof s.minItems === 'number' && v.length < s.minItems) return false;
    if (isNode(s.items) && !v.every((x) => fits(s.items as JsonNode, x))) return false;
  }
  if (type === 'object') {
    if (!isNode(v)) return false;
    const props = isNode(s.properties) ? s.properties : {};
    if (Array.isArray(s.required) && !s.required.every((k) => k in v)) return false;
    for (const [k, x] of Object.entries(v)) {
      if (isNode(s.propertyNames) && !fits({ type: 'string', ...s.propertyNames }, k)) return false;
      const sub = props[k] ?? s.additionalProperties;
      if (sub === false) return false;
      if (isNode(sub) && !fits(sub, x)) return false;
    }
  }
  return true;
}

describe('the JSON Schema\'s editor help', () => {
  it('describes every property', () => {
    const all = properties();
    expect(all.length).toBeGreaterThan(90);
    const undescribed = all.filter(([, n]) => typeof n.description !== 'string' || n.description.trim() === '').map(([p]) => p);
    expect(undescribed).toEqual([]);
  });

  it('applies all its help, and writes no description twice', () => {
    expect(report).toEqual({ unused: [], twice: [] });
  });

  it('describes each value of every closed word list', () => {
    const enums = nodes(doc).filter(([, n]) => Array.isArray(n.enum));
    expect(enums.map(([p]) => p).sort()).toEqual([
      '.alerts[].urgency', '.difficulty', '.expects.severity', '.injects[].kind', '.phases.*.logs[].level', '.phases.*.others', '.roles[]', '.schema',
      '.services[].metrics.*.unit',
    ]);
    for (const [path, n] of enums) {
      const values = n.enum as unknown[];
      const descriptions = n.enumDescriptions as unknown[];
      expect(descriptions, path).toHaveLength(values.length);
      for (const d of descriptions) expect(typeof d === 'string' && d.length > 10, `${path}: ${String(d)}`).toBe(true);
    }
  });

  it('lists the target names as properties, so an editor completes them', () => {
    const targets = (doc.properties as Record<string, JsonNode>).expects!.properties as Record<string, JsonNode>;
    const t = targets.targets!;
    expect(Object.keys(t.properties as object)).toEqual([...TARGET_KEYS]);
    expect(t.additionalProperties).toBe(false);
    expect(t.propertyNames).toBeUndefined();
  });

  it('describes the names of every user-named map with a pattern', () => {
    const maps = nodes(doc).filter(([, n]) => isNode(n.propertyNames));
    expect(maps.map(([p]) => p).sort()).toEqual([
      '.actions[].sets', '.injects[].sets', '.phases', '.phases.*.after', '.phases.*.at', '.phases.*.effects', '.phases.*.on',
      '.phases.*.sets', '.phases.*.when', '.probes[].reveals|1', '.services[].metrics', '.variables',
    ]);
    for (const [path, n] of maps) {
      const names = n.propertyNames as JsonNode;
      expect(typeof names.description, path).toBe('string');
      // A condition edge's name is a condition (v2): checked by its own parser, so the schema only bounds its length.
      if (path === '.phases.*.when') expect(typeof names.maxLength, path).toBe('number');
      else expect(typeof names.pattern, path).toBe('string');
    }
  });

  it('gives examples the schema accepts, and defaults where they help', () => {
    const withExamples = nodes(doc).filter(([, n]) => Array.isArray(n.examples));
    expect(withExamples.length).toBeGreaterThan(40);
    for (const [path, n] of withExamples) for (const ex of n.examples as unknown[]) expect(fits(n, ex), `${path}: ${JSON.stringify(ex)}`).toBe(true);
    const defaults = Object.fromEntries(nodes(doc).filter(([, n]) => 'default' in n).map(([p, n]) => [p, n.default]));
    expect(defaults).toMatchObject({ '.roles': ['ic', 'scribe'], '.phases.*.ramp': '1m', '.probes[].takes': '30s', '.alerts[].urgency': 'high' });
    for (const [path, n] of nodes(doc).filter(([, x]) => 'default' in x)) expect(fits(n, n.default), path).toBe(true);
  });

  it('accepts the starter and every shipped scenario (the help changed no constraint a valid file meets)', () => {
    const dir = join(import.meta.dirname, '../../scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(fits(doc, parse(STARTER))).toBe(true);
    for (const f of files) expect(fits(doc, parse(readFileSync(join(dir, f), 'utf8'))), f).toBe(true);
  });

  it('refuses an unknown target name and a mistyped enum value, as the zod schema does', () => {
    const base = parse(STARTER) as { expects: { targets: Record<string, string> }; difficulty: string };
    expect(fits(doc, { ...base, expects: { ...base.expects, targets: { acknowledged: '5m' } } })).toBe(false);
    expect(fits(doc, { ...base, difficulty: 'medum' })).toBe(false);
  });
});
