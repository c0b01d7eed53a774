import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/scenario/problem';
import { runCli } from '../helpers/cli';
import { sharedTempDirs } from '../helpers/tmp';

const FIX = 'test/fixtures/scenarios';
const VALID = `${FIX}/valid.yaml`;
const MANY = `${FIX}/many-problems.yaml`;
const WARN = `${FIX}/warnings-only.yaml`;
const UNKNOWN_KEY = `${FIX}/unknown-key.yaml`;

interface JsonReport {
  valid: boolean;
  files: { file: string; valid: boolean; errors: number; warnings: number; problems: Problem[] }[];
}

describe('firedrill validate', () => {
  it('accepts a valid file: exit 0, "ok" and a summary', () => {
    const r = runCli(['validate', VALID]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${VALID}: ok\n1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n`);
    expect(r.stderr).toBe('');
  });

  it('rejects an invalid file: exit 1 and one file:line:col: line per problem', () => {
    const r = runCli(['validate', MANY]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const problems = lines.slice(0, -1);
    expect(problems.length).toBeGreaterThanOrEqual(6);
    for (const line of problems) expect(line).toMatch(new RegExp(`^${MANY.replace(/[.]/g, '\\.')}:\\d+:\\d+: error: `));
    expect(lines[lines.length - 1]).toMatch(/^1 file checked: 0 valid, 1 invalid \(\d+ errors, 0 warnings\)$/);
    expect(r.stdout).toContain(`${MANY}:10:13: error: expected one of intro, medium, hard, got string "medum" (at difficulty; did you mean "medium"?)`);
    expect(r.stdout).not.toContain(`${MANY}: ok`);
  });

  it('points a YAML syntax error at its line and column', () => {
    const file = `${FIX}/syntax-error.yaml`;
    const r = runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:12:1: error: Flow sequence in block collection must be sufficiently indented and end with a \\]$`));
  });

  it('points an unknown key at its line and column with a hint', () => {
    const r = runCli(['validate', UNKNOWN_KEY]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${UNKNOWN_KEY}:12:1: error: unknown key "durration" (at durration; did you mean "duration"?)`);
  });

  it('passes warnings, but fails them with --strict', () => {
    const loose = runCli(['validate', WARN]);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toMatch(/warnings-only\.yaml:\d+:\d+: warning: inject at 31m comes after the drill's 30m end/);
    expect(loose.stdout).toContain('1 valid, 0 invalid (0 errors, 1 warning)');
    const strict = runCli(['validate', '--strict', WARN]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('0 valid, 1 invalid (0 errors, 1 warning)');
  });

  it('checks several files and fails if any is invalid', () => {
    const r = runCli(['validate', VALID, MANY, WARN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${VALID}: ok`);
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^3 files checked: 2 valid, 1 invalid \(\d+ errors, 1 warning\)$/);
  });

  describe('--json', () => {
    it('prints one parseable document with valid, files and problems', () => {
      const r = runCli(['validate', '--json', VALID, MANY, WARN]);
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.stdout) as JsonReport;
      expect(doc.valid).toBe(false);
      expect(doc.files.map((f) => [f.file, f.valid])).toEqual([[VALID, true], [MANY, false], [WARN, true]]);
      expect(doc.files[0]!.problems).toEqual([]);
      const many = doc.files[1]!;
      expect(many.errors).toBe(many.problems.length);
      expect(many.problems.find((p) => p.code === 'schema/invalid-value')).toEqual({
        file: MANY, line: 10, col: 13, layer: 'schema', severity: 'error', code: 'schema/invalid-value',
        message: 'expected one of intro, medium, hard, got string "medum"', path: ['difficulty'], hint: 'did you mean "medium"?',
      });
      expect(doc.files[2]).toMatchObject({ errors: 0, warnings: 1 });
      expect(r.stderr).toBe('');
    });

    it('is valid: true and exit 0 for valid files', () => {
      const r = runCli(['validate', '--json', VALID]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ valid: true, files: [{ file: VALID, valid: true, errors: 0, warnings: 0, problems: [] }] });
    });

    it('stays one JSON document for unreadable inputs', () => {
      const r = runCli(['validate', '--json', 'no/such/file.yaml', 'test']);
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.stdout) as JsonReport;
      expect(doc.files.map((f) => f.problems.map((p) => p.code))).toEqual([['file/missing'], ['file/directory']]);
    });

    it('honours --strict', () => {
      const r = runCli(['validate', '--json', '--strict', WARN]);
      expect(r.code).toBe(1);
      expect((JSON.parse(r.stdout) as JsonReport).valid).toBe(false);
    });
  });

  describe('relative paths', () => {
    let dir: string;
    const tmp = sharedTempDirs('validate');
    beforeAll(() => {
      dir = tmp();
      writeFileSync(join(dir, 'typo.yaml'), 'schema: firedrill/v1\nid: x\ndifficulty: medum\n');
    });

    it('reports problems under the path as given', () => {
      const r = runCli(['validate', 'typo.yaml'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^typo\.yaml:3:13: error: expected one of intro, medium, hard/m);
    });
  });
});

describe('firedrill validate: format v2', () => {
  const tmp = sharedTempDirs('validate-v2');
  let v1WithV2Key = '';
  beforeAll(() => {
    v1WithV2Key = join(tmp(), 'v1-with-variables.yaml');
    writeFileSync(v1WithV2Key, `${readFileSync(VALID, 'utf8')}variables: { spare: 0 }\n`);
  });

  it('accepts the v2 fixture with --strict', () => {
    const r = runCli(['validate', '--strict', 'test/fixtures/v2/retention-purge.yaml']);
    expect(r.stdout).toBe('test/fixtures/v2/retention-purge.yaml: ok\n1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n');
    expect(r.code).toBe(0);
  });

  it('refuses a v2 key in a v1 file at its line and column, saying what it needs', () => {
    const r = runCli(['validate', v1WithV2Key]);
    expect(r.code).toBe(1);
    const line = readFileSync(v1WithV2Key, 'utf8').split('\n').findIndex((l) => l.startsWith('variables:')) + 1;
    expect(r.stdout).toContain(`${v1WithV2Key}:${line}:1: error: "variables" needs schema: firedrill/v2 (at variables; this file says schema: firedrill/v1; change it to schema: firedrill/v2 to use format v2)`);
  });
});
