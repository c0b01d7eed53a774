/** Walks the zod schema to list the keys allowed at a YAML path (for did-you-mean on unknown keys). */
import type { z } from 'zod';
import { scenarioSchema } from './schema';

type Def = {
  type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; keyType?: z.ZodType; valueType?: z.ZodType;
  options?: z.ZodType[]; entries?: Record<string, string | number>;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): z.ZodType[] {
  const d = defOf(s);
  if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType) return unwrap(d.innerType);
  if (d.type === 'union' && d.options) return d.options.flatMap(unwrap);
  return [s];
}

/** The keys the scenario schema allows for the mapping at `path`. */
export function knownScenarioKeys(path: readonly (string | number)[], root: z.ZodType = scenarioSchema): string[] {
  let current: z.ZodType[] = [root];
  for (const seg of path) {
    const next: z.ZodType[] = [];
    for (const s of current.flatMap(unwrap)) {
      const d = defOf(s);
      if (d.type === 'object' && d.shape && typeof seg === 'string' && d.shape[seg]) next.push(d.shape[seg]);
      else if (d.type === 'array' && d.element && typeof seg === 'number') next.push(d.element);
      else if (d.type === 'record' && d.valueType) next.push(d.valueType);
    }
    current = next;
  }
  // Objects allow their shape's keys; records keyed by an enum (expects.targets) allow the enum's values.
  const keysOf = (s: z.ZodType): string[] => {
    const d = defOf(s);
    if (d.type === 'record' && d.keyType && defOf(d.keyType).type === 'enum') return Object.values(defOf(d.keyType).entries ?? {}).map(String);
    return Object.keys(d.shape ?? {});
  };
  return [...new Set(current.flatMap(unwrap).flatMap(keysOf))];
}
