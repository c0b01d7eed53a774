// One version: what journals, scorecards and --version report is package.json's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version';
import { ROOT, runCli } from './helpers/cli';

describe('version', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  it('is package.json\'s in the source and in the built CLI', () => {
    expect(VERSION).toBe(pkg.version);
    expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
  });
});
