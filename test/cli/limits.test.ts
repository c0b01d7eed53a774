// Issue 11: a scenario with a 100 KB title once validated clean and then froze the end screen; the schema's
// length limits refuse it where it is written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';
import { runBounded } from '../helpers/cli-bounded';
import { tempDir } from '../helpers/tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');

describe('length limits', () => {
  it('validate refuses a 100 KB title with file:line:col', () => {
    const file = join(tempDir('title'), 'long.yaml');
    const text = readFileSync(INTRO, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
    writeFileSync(file, text.replace(/^title: .*$/m, `title: "${'x'.repeat(100 * 1024)}"`));
    const r = runBounded(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:${line}:8: error: is 102400 characters long; a title may be at most 200 (at title)`);
  });
});
