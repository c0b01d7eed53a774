import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

const DIST = join(ROOT, 'dist');

/** Every file of dist, as a path relative to dist. */
function files(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [relative(DIST, join(dir, e.name))]));
}

describe('the built bundle (the test setup has just built it)', () => {
  it('holds only the entry and the chunks it can load: old hashed chunks do not ship', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const text = readFileSync(join(DIST, file), 'utf8');
      // Static and dynamic imports only (`from"./x.js"`, `import"./x.js"`, `import("./x.js")`): a bundled package.json
      // holds paths such as main:"./lib/index.js" that are data, not imports.
      for (const [, spec] of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`](\.\.?\/[^"'`]+\.js)["'`]/g)) visit(join(dirname(file), spec!));
    };
    visit('firedrill.js');
    expect(reached.size).toBeGreaterThan(5);
    // The devtools stub is written for esbuild's alias and bundled in; it is the one file nothing imports.
    expect(files().filter((f) => !reached.has(f)).sort()).toEqual(['devtools-stub.js']);
  });
});
