// The layer boundaries are ESLint rules (eslint.config.js, run by `npm test`). These tests lint small snippets as if
// they were files at engine, UI, CLI and io paths, so a rule that stops matching (a changed glob, a typo in a
// pattern) fails here instead of silently letting everything through.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The rule ids ESLint reports for `code` placed at `file` (relative to the project root). */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const IMPORTS = '@typescript-eslint/no-restricted-imports';

describe('the engine (src/engine, src/scenario, src/scoring, src/bots)', () => {
  it.each([
    ['src/engine/x.ts', "import { render } from 'ink';", IMPORTS],
    ['src/engine/state/x.ts', "import { useState } from 'react';", IMPORTS],
    ['src/bots/x.ts', "import type { ReactNode } from 'react';", IMPORTS],
    ['src/engine/x.ts', "import { theme } from '../ui/theme';", IMPORTS],
    ['src/engine/commands/x.ts', "import { out } from '../../cli/output';", IMPORTS],
    ['src/scoring/x.ts', "import { readFileSync } from 'node:fs';", IMPORTS],
    ['src/scoring/x.ts', "import { readFile } from 'fs/promises';", IMPORTS],
    ['src/scenario/x.ts', "import { join } from 'node:path';", IMPORTS],
    ['src/scenario/x.ts', "import { spawn } from 'child_process';", IMPORTS],
    ['src/scoring/x.ts', "import { readScorecard } from '../io/read-scorecard';", IMPORTS],
    ['src/scenario/x.ts', "import { randomUUID } from 'node:crypto';", IMPORTS],
    ['src/engine/x.ts', "export const fs = import('node:os');", 'no-restricted-syntax'],
  ])('%s: %s is an error', async (file, code, rule) => {
    expect(await violations(file, code)).toContain(rule);
  });

  it.each([
    ['src/bots/x.ts', 'export const t = Date.now();'],
    ['src/scoring/x.ts', "export const t = new Date('2026-01-01T00:00:00Z').getTime();"],
    ['src/engine/x.ts', 'export const d = new Date();'],
    ['src/engine/x.ts', 'setTimeout(() => {}, 10);'],
    ['src/engine/x.ts', 'export const h = setInterval(() => {}, 10);'],
    ['src/bots/x.ts', 'setImmediate(() => {});'],
    ['src/engine/x.ts', 'clearTimeout(undefined);'],
    ['src/engine/x.ts', 'globalThis.setTimeout(() => {}, 10);'],
    ['src/engine/x.ts', 'export const now = performance.now();'],
    ['src/scenario/x.ts', 'export const home = process.env.HOME;'],
  ])('%s: %s is an error (no-restricted-globals)', async (file, code) => {
    expect(await violations(file, code)).toContain('no-restricted-globals');
  });

  it.each([
    'export const r = Math.random();',
    'const { random } = Math;\nexport const r = random();',
  ])('%s is an error (no-restricted-properties)', async (code) => {
    expect(await violations('src/engine/x.ts', code)).toContain('no-restricted-properties');
  });

  it('allows the engine its own Scheduler timers, a hash of the scenario text, and other engine modules', async () => {
    const code = [
      "import { createHash } from 'node:crypto';",
      "import type { Scheduler } from './scheduler';",
      "import { evolve } from './state/evolve';",
      'export class Timers { setTimeout(fn: () => void, ms: number): number { fn(); return ms; } }',
      'export const later = (s: Scheduler) => s.setTimeout(() => {}, 1000);',
      "export const hash = createHash('sha256').update('x').digest('hex');",
      'export const e = evolve;',
      // A parameter named like a global is not the global.
      'export const count = (process: readonly string[]) => process.length;',
    ].join('\n');
    expect(await violations('src/engine/x.ts', code)).toEqual([]);
  });
});

describe('the UI (src/ui)', () => {
  it('never imports the session', async () => {
    expect(await violations('src/ui/x.ts', "import { DrillSession } from '../engine/session';")).toEqual([IMPORTS]);
    expect(await violations('src/ui/components/X.tsx', "import { DrillSession } from '../../engine/session';")).toEqual([IMPORTS]);
  });

  it('does not even name the session\'s types, but may use the client and view types', async () => {
    expect(await violations('src/ui/x.ts', "import type { DrillSession } from '../engine/session';")).toEqual([IMPORTS]);
    expect(await violations('src/ui/x.ts', "import type { DrillClient } from '../engine/view/drill-client';")).toEqual([]);
  });

  it('reads no files itself', async () => {
    expect(await violations('src/ui/x.ts', "import { readFileSync } from 'node:fs';")).toEqual([IMPORTS]);
  });
});

describe('file I/O lives in src/io', () => {
  it.each([
    ['src/cli/x.ts', "import { writeFileSync } from 'node:fs';", IMPORTS],
    ['src/cli/actions/x.ts', "import { readdir } from 'node:fs/promises';", IMPORTS],
    ['src/cli/x.ts', "export const fs = await import('node:fs');", 'no-restricted-syntax'],
    ['src/x.ts', "import { existsSync } from 'fs';", IMPORTS],
  ])('%s: %s is an error', async (file, code, rule) => {
    expect(await violations(file, code)).toContain(rule);
  });

  it('lets src/io use the file system, and the CLI use paths and io', async () => {
    expect(await violations('src/io/x.ts', "import { readFileSync } from 'node:fs';\nexport const read = (p: string) => readFileSync(p, 'utf8');")).toEqual([]);
    expect(await violations('src/cli/x.ts', "import { join } from 'node:path';\nimport { pathKind } from '../io/file-system';\nexport const k = pathKind(join('a', 'b'));")).toEqual([]);
  });

  it('keeps src/io below the CLI and the UI', async () => {
    expect(await violations('src/io/x.ts', "import { UserError } from '../cli/user-error';")).toEqual([IMPORTS]);
    expect(await violations('src/io/x.ts', "import { theme } from '../ui/theme';")).toEqual([IMPORTS]);
  });
});

describe('one version, from src/version.ts', () => {
  it.each([
    ['src/cli/x.ts', "import pkg from '../../package.json';", IMPORTS],
    ['src/engine/x.ts', "import pkg from '../../package.json' with { type: 'json' };", IMPORTS],
    ['src/cli/x.ts', "import { createRequire } from 'node:module';\nexport const v = createRequire(import.meta.url)('../package.json').version;", 'no-restricted-syntax'],
    ['src/cli/x.ts', 'export const v = process.env.npm_package_version;', 'no-restricted-syntax'],
    ['src/cli/x.ts', "export const VERSION = '1.2.3';", 'no-restricted-syntax'],
    ['src/engine/x.ts', 'declare const __FIREDRILL_VERSION__: string;\nexport const v = __FIREDRILL_VERSION__;', 'no-restricted-syntax'],
  ])('%s: %s is an error', async (file, code, rule) => {
    expect(await violations(file, code)).toContain(rule);
  });

  it('lets src/version.ts read the define, and everyone import VERSION', async () => {
    const version = "declare const __FIREDRILL_VERSION__: string | undefined;\nexport const VERSION: string = typeof __FIREDRILL_VERSION__ === 'string' ? __FIREDRILL_VERSION__ : '0.0.0-dev';";
    expect(await violations('src/version.ts', version)).toEqual([]);
    expect(await violations('src/cli/x.ts', "import { VERSION } from '../version';\nexport const v = VERSION;")).toEqual([]);
  });
});

describe('coverage', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const sources = files(join(ROOT, 'src')).map((f) => relative(ROOT, f));

  it('lints every source file: the config covers .ts and .tsx, and src holds nothing else', () => {
    expect(sources.filter((f) => !/\.tsx?$/.test(f))).toEqual([]);
  });

  it('gives every engine module the engine rules', async () => {
    const engine = sources.filter((f) => /^src\/(engine|scenario|scoring|bots)\//.test(f));
    expect(engine.length).toBeGreaterThan(40);
    for (const f of engine) {
      const config = (await eslint.calculateConfigForFile(join(ROOT, f))) as { rules?: Record<string, unknown> };
      expect(config.rules?.['no-restricted-globals'], f).toBeDefined();
    }
  });
});
