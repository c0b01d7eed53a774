// Where `firedrill new` points a scenario's $schema: the nearest project schema, relative, or the published URL.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_NAME, projectSchema, publishedSchemaUrl, schemaRefFor } from '../../src/cli/schema-ref';
import { tempDir } from '../helpers/tmp';

const put = (file: string) => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, '{}\n');
};

describe('schema-ref', () => {
  it('names the package as package.json does', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { name: string };
    expect(PACKAGE_NAME).toBe(pkg.name);
  });

  it('gives the published URL of a version, or of the latest for a development build', () => {
    expect(publishedSchemaUrl('1.4.2')).toBe('https://unpkg.com/firedrill@1.4.2/schema/scenario.schema.json');
    expect(publishedSchemaUrl('2.0.0-rc.1')).toBe('https://unpkg.com/firedrill@2.0.0-rc.1/schema/scenario.schema.json');
    expect(publishedSchemaUrl('0.0.0-dev')).toBe('https://unpkg.com/firedrill/schema/scenario.schema.json');
  });

  it('finds the nearest project schema going up, its own schema/ before node_modules at the same level', () => {
    const root = tempDir('schema-ref');
    const deep = join(root, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    put(join(root, 'node_modules', 'firedrill', 'schema', 'scenario.schema.json'));
    expect(projectSchema(deep)).toBe(join(root, 'node_modules', 'firedrill', 'schema', 'scenario.schema.json'));
    expect(schemaRefFor(deep)).toBe('../../../node_modules/firedrill/schema/scenario.schema.json');
    put(join(root, 'a', 'schema', 'scenario.schema.json'));
    expect(schemaRefFor(deep)).toBe('../../schema/scenario.schema.json');
    put(join(root, 'a', 'b', 'node_modules', 'firedrill', 'schema', 'scenario.schema.json'));
    put(join(root, 'a', 'b', 'schema', 'scenario.schema.json'));
    expect(schemaRefFor(deep)).toBe('../schema/scenario.schema.json');
    expect(schemaRefFor(join(root, 'a', 'b'))).toBe('./schema/scenario.schema.json');
  });

  it('does not take a folder named like the schema for it', () => {
    const root = tempDir('schema-ref');
    mkdirSync(join(root, 'schema', 'scenario.schema.json'), { recursive: true });
    expect(projectSchema(root)).not.toBe(join(root, 'schema', 'scenario.schema.json'));
  });
});
