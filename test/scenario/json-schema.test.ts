import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/json-schema';
import { knownScenarioKeys } from '../../src/scenario/schema-keys';

const COMMITTED = join(import.meta.dirname, '../../schema/scenario.schema.json');

describe('scenarioJsonSchema', () => {
  it('equals the committed schema/scenario.schema.json byte for byte (regenerate: node dist/firedrill.js schema > schema/scenario.schema.json)', () => {
    expect(scenarioJsonSchema()).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('is a draft 2020-12 JSON Schema for an object with the format\'s keys', () => {
    const doc = JSON.parse(scenarioJsonSchema()) as {
      $schema: string; $id: string; type: string; properties: Record<string, unknown>; required: string[]; additionalProperties: boolean;
    };
    expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.$id).toBe('https://firedrill.dev/schema/scenario.schema.json');
    expect(doc.type).toBe('object');
    expect(Object.keys(doc.properties)).toEqual(knownScenarioKeys([]));
    expect(doc.required).toEqual(expect.arrayContaining(['schema', 'id', 'title', 'difficulty', 'duration', 'expects', 'services', 'phases', 'solution']));
    expect(doc.additionalProperties).toBe(false);
  });
});
