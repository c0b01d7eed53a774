/** Turns zod issues into positioned, readable problems. */
import type { z } from 'zod';
import { didYouMean } from './did-you-mean';
import type { Problem, YamlPath } from './problem';
import { locate, problemAt, type YamlSource } from './yaml-source';

function valueAt(root: unknown, path: YamlPath): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (typeof v === 'number') return `number ${String(v)}`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** Known keys of the object schema at a path, for did-you-mean hints on unknown keys. */
export type KnownKeys = (path: YamlPath) => readonly string[];

/** Converts the issues of a failed safeParse into problems pointing into the YAML. */
export function schemaProblems(source: YamlSource, issues: readonly z.core.$ZodIssue[], knownKeys: KnownKeys): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const at = (p: YamlPath, key = false) => locate(source, p, key);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(path);
      for (const k of issue.keys) {
        const pos = at([...path, k], true);
        // Merge keys work unquoted; a quoted "<<" is an ordinary key, and no key is "close" to it.
        const hint = k === '<<' ? 'a merge key is written unquoted: <<: *name' : didYouMean(k, known) ?? (known.length ? `expected one of: ${known.join(', ')}` : undefined);
        out.push(problemAt(source.file, pos.line, pos.col, 'schema', 'schema/unknown-key', `unknown key "${k}"`, [...path, k], hint));
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      const pos = at(path, true);
      const inner = issue.issues[0]?.message ?? issue.message;
      out.push(problemAt(source.file, pos.line, pos.col, 'schema', 'schema/invalid-key', `key "${String(path[path.length - 1])}": ${inner}`, path));
      continue;
    }
    const value = valueAt(source.value, path);
    const parentValue = valueAt(source.value, path.slice(0, -1));
    const absent = path.length > 0 && parentValue !== null && typeof parentValue === 'object' && !Array.isArray(parentValue)
      && !Object.prototype.hasOwnProperty.call(parentValue, path[path.length - 1]!);
    // A missing enum or literal key fails as invalid_value in zod 4, not invalid_type.
    if (value === undefined && (issue.code === 'invalid_type' || absent)) {
      const parent = path.slice(0, -1);
      const pos = at(parent, false);
      out.push(problemAt(source.file, pos.line, pos.col, 'schema', 'schema/missing-key', `missing required key "${String(path[path.length - 1])}"`, path));
      continue;
    }
    const pos = at(path);
    let message = issue.message;
    if (message.startsWith('Invalid input')) message = `expected ${issue.code === 'invalid_type' ? issue.expected : 'a different value'}, got ${typeName(value)}`;
    else if (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') message = `${message}, got ${typeName(value)}`;
    let hint: string | undefined;
    if (issue.code === 'invalid_value' && typeof value === 'string') {
      hint = didYouMean(value, issue.values.map(String));
    }
    out.push(problemAt(source.file, pos.line, pos.col, 'schema', `schema/${issue.code.replace(/_/g, '-')}`, message, path, hint));
  }
  return out;
}
