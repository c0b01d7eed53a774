import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/scenario-file';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const VALID = 'test/fixtures/scenarios/valid.yaml';
const WARN = 'test/fixtures/scenarios/warnings-only.yaml';

describe('firedrill graph', () => {
  it('prints Mermaid by default', () => {
    const r = runCli(['graph', VALID]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines).toContain('  [*] --> healthy');
    expect(lines).toContain('  healthy --> broken: after 2m');
    expect(lines).toContain('  broken --> recovered: /run revert-config');
    expect(lines).toContain('  recovered --> [*]');
    expect(r.stderr).toBe('');
  });

  it('prints Mermaid with --format mermaid too', () => {
    expect(runCli(['graph', VALID, '--format', 'mermaid']).stdout).toBe(runCli(['graph', VALID]).stdout);
  });

  it('prints Graphviz DOT with --format dot', () => {
    const r = runCli(['graph', VALID, '--format', 'dot']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('digraph "valid-drill" {\n')).toBe(true);
    expect(r.stdout).toContain('  "healthy" -> "broken" [label="after 2m", style=dashed];');
    expect(r.stdout).toContain('  "broken" -> "recovered" [label="/run revert-config"];');
    expect(r.stdout.trimEnd().endsWith('}')).toBe(true);
  });

  it('draws a scenario with warnings, printing the warnings on stderr only', () => {
    const r = runCli(['graph', WARN, '--format', 'dot']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('digraph')).toBe(true);
    expect(r.stderr).toMatch(/warnings-only\.yaml:\d+:\d+: warning: inject at 31m/);
  });

  it('refuses an invalid scenario, listing its errors', () => {
    const many = 'test/fixtures/scenarios/many-problems.yaml';
    const r = runCli(['graph', many]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [first, ...rest] = r.stderr.trimEnd().split('\n');
    expect(first).toMatch(new RegExp(`^firedrill: ${many} is not a valid scenario \\(\\d+ errors\\); run firedrill validate ${many}$`));
    expect(rest.length).toBeGreaterThan(3);
    for (const line of rest) expect(line).toMatch(/^ {2}test\/fixtures\/scenarios\/many-problems\.yaml:\d+:\d+: error: /);
  });
});

describe('firedrill new', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('new');
  });

  it('writes into ./scenarios when it exists, and the file validates', () => {
    mkdirSync(join(dir, 'scenarios'));
    const r = runCli(['new', 'cache-stampede'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('wrote scenarios/cache-stampede.yaml\nnext: edit it, then run firedrill validate scenarios/cache-stampede.yaml\n');
    expect(existsSync(join(dir, 'cache-stampede.yaml'))).toBe(false);
    const written = join(dir, 'scenarios', 'cache-stampede.yaml');
    const loaded = loadScenario(written);
    expect(loaded.problems).toEqual([]);
    expect(loaded.scenario?.id).toBe('cache-stampede');
    expect(loaded.scenario?.title).toBe('Cache Stampede');
    const v = runCli(['validate', 'scenarios/cache-stampede.yaml'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('scenarios/cache-stampede.yaml: ok');
  });

  it('writes into the current folder when there is no ./scenarios', () => {
    const r = runCli(['new', 'disk-full'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('wrote disk-full.yaml');
    expect(loadScenario(join(dir, 'disk-full.yaml')).scenario?.id).toBe('disk-full');
  });

  it('does not mistake a file named scenarios for the folder', () => {
    writeFileSync(join(dir, 'scenarios'), 'not a folder');
    const r = runCli(['new', 'disk-full'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'disk-full.yaml'))).toBe(true);
  });

  /** The `$schema=` reference in the first line of a written scenario. */
  const schemaRef = (file: string) => /^# yaml-language-server: \$schema=(.+)$/.exec(readFileSync(file, 'utf8').split('\n')[0]!)?.[1];
  const SCHEMA = readFileSync(join(import.meta.dirname, '../../schema/scenario.schema.json'), 'utf8');

  it('points the schema comment into a project that depends on firedrill, relative to the file, so the project can move', () => {
    const project = join(dir, 'shop');
    mkdirSync(join(project, 'node_modules', 'firedrill', 'schema'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{ "devDependencies": { "firedrill": "*" } }\n');
    writeFileSync(join(project, 'node_modules', 'firedrill', 'schema', 'scenario.schema.json'), SCHEMA);
    mkdirSync(join(project, 'drills', 'payments'), { recursive: true });
    expect(runCli(['new', 'disk-full', '--dir', 'drills/payments'], { cwd: project }).code).toBe(0);
    const ref = schemaRef(join(project, 'drills', 'payments', 'disk-full.yaml'));
    expect(ref).toBe('../../node_modules/firedrill/schema/scenario.schema.json');
    // the whole project moves: the reference still finds the schema
    const moved = join(dir, 'moved-shop');
    renameSync(project, moved);
    expect(existsSync(join(moved, 'drills', 'payments', ref!))).toBe(true);
  });

  it('points it at a schema/ folder of the project (this repository has one)', () => {
    mkdirSync(join(dir, 'schema'));
    writeFileSync(join(dir, 'schema', 'scenario.schema.json'), SCHEMA);
    mkdirSync(join(dir, 'scenarios'));
    runCli(['new', 'disk-full'], { cwd: dir });
    expect(schemaRef(join(dir, 'scenarios', 'disk-full.yaml'))).toBe('../schema/scenario.schema.json');
    runCli(['new', 'beside-it', '--dir', '.'], { cwd: dir });
    expect(schemaRef(join(dir, 'beside-it.yaml'))).toBe('./schema/scenario.schema.json');
  });

  it('points it at the published schema of this version outside any project, never into the install folder', () => {
    mkdirSync(join(dir, 'scenarios'));
    runCli(['new', 'disk-full'], { cwd: dir });
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(schemaRef(join(dir, 'scenarios', 'disk-full.yaml'))).toBe(`https://unpkg.com/firedrill@${version}/schema/scenario.schema.json`);
  });

  it('writes into --dir', () => {
    mkdirSync(join(dir, 'elsewhere'));
    const r = runCli(['new', 'disk-full', '--dir', 'elsewhere'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'elsewhere', 'disk-full.yaml'))).toBe(true);
  });

  it('refuses a --dir that does not exist', () => {
    const r = runCli(['new', 'disk-full', '--dir', 'nowhere'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^firedrill: folder .*nowhere does not exist\n$/);
  });

  it('refuses to overwrite without --force, and overwrites with it', () => {
    const file = join(dir, 'disk-full.yaml');
    writeFileSync(file, 'my precious edits\n');
    const refused = runCli(['new', 'disk-full'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('firedrill: disk-full.yaml already exists; choose another id or pass --force to overwrite it\n');
    expect(refused.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('my precious edits\n');
    const forced = runCli(['new', 'disk-full', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(loadScenario(file).scenario?.id).toBe('disk-full');
  });

  it.each(['Bad Id', 'UPPER', '1st-drill', 'trailing-', 'double--dash', '-lead', 'dots.in.it', '../escape', ''])(
    'rejects the id %j with exit 1 and writes nothing',
    (id) => {
      // after "--", so that "-lead" is an id and not an option
      const r = runCli(['new', '--', id], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('is not a valid scenario id: use lower-case words joined by "-"');
      expect(r.stderr).not.toContain('    at ');
      expect(r.stdout).toBe('');
      expect(existsSync(join(dir, `${id}.yaml`))).toBe(false);
    },
  );
});

describe('firedrill schema', () => {
  it('prints the JSON Schema, which parses and matches the committed file', () => {
    const r = runCli(['schema']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { $schema: string; title: string; type: string };
    expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.type).toBe('object');
    expect(r.stdout).toBe(readFileSync(join(import.meta.dirname, '../../schema/scenario.schema.json'), 'utf8'));
    expect(r.stderr).toBe('');
  });
});
