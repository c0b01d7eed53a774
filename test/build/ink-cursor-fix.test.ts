import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

// build.mjs is plain JS outside the TypeScript project, so it is imported by URL and typed here.
const { patchInkLogUpdate } = (await import(pathToFileURL(join(ROOT, 'build.mjs')).href)) as {
  patchInkLogUpdate: (src: string) => string | undefined;
};
const installed = readFileSync(join(ROOT, 'node_modules/ink/build/log-update.js'), 'utf8');
const BUGGY = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
// The line as Ink fixed it upstream (vadimdemedes/ink#910, Ink 7.0.0).
const UPSTREAM = 'buffer.push(ansiEscapes.cursorUp(previousLines.length - 1));';

describe('the Ink incremental cursor patch in build.mjs', () => {
  it('applies to the installed Ink: the pinned version still has the bug', () => {
    expect(installed).toContain(BUGGY);
    const patched = patchInkLogUpdate(installed);
    expect(patched).toContain("cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1))");
    expect(patched).not.toContain(BUGGY);
  });

  it('passes an Ink that has the upstream fix, or this patch, through untouched', () => {
    expect(patchInkLogUpdate(installed.replace(BUGGY, UPSTREAM))).toBeUndefined();
    expect(patchInkLogUpdate(patchInkLogUpdate(installed)!)).toBeUndefined();
  });

  it('fails the build when the line is in neither form, so a changed Ink gets a look', () => {
    expect(() => patchInkLogUpdate(installed.replace(BUGGY, 'buffer.push(ansiEscapes.cursorUp(n));'))).toThrow(/review INK_CURSOR_FIX in build\.mjs/);
  });
});
