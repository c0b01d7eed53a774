// The build shares Ink's output caches across frames (build.mjs INK_SHARED_CACHES): the patch applies to the Ink
// that is installed, the patched Output draws exactly what the original draws, and a file of another shape fails the build.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

// build.mjs is plain JS outside the TypeScript project, so it is imported by URL and typed here.
const { shareInkOutputCaches } = (await import(pathToFileURL(join(ROOT, 'build.mjs')).href)) as {
  shareInkOutputCaches: (src: string) => string;
};

const OUTPUT_JS = join(ROOT, 'node_modules/ink/build/output.js');

describe('INK_SHARED_CACHES', () => {
  it('patches the installed Ink, and the patched Output draws the same frames, frame after frame', async () => {
    const original = readFileSync(OUTPUT_JS, 'utf8');
    const patched = shareInkOutputCaches(original);
    expect(patched).toContain('caches = SHARED_OUTPUT_CACHES;');
    // Load the patched module beside the original, so its imports resolve from Ink's own folder; removed after.
    const file = join(ROOT, 'node_modules/ink/build', `output-patched-${process.pid}.js`);
    writeFileSync(file, patched);
    try {
      const Patched = (await import(pathToFileURL(file).href)).default;
      const Original = (await import(pathToFileURL(OUTPUT_JS).href)).default;
      const lines = ['\u001b[31mred\u001b[39m plain', 'wide 漢字 text', '\u001b[1mbold\u001b[22m and \u001b[2mdim\u001b[22m', ''];
      for (let frame = 0; frame < 3; frame++) {
        const a = new Patched({ width: 30, height: 5 });
        const b = new Original({ width: 30, height: 5 });
        lines.forEach((l, i) => {
          a.write(frame, i, l, { transformers: [] });
          b.write(frame, i, l, { transformers: [] });
        });
        expect(a.get()).toEqual(b.get());
      }
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('refuses an output.js it does not know, so an Ink upgrade is reviewed', () => {
    expect(() => shareInkOutputCaches('export default class Output {}')).toThrow(/review INK_SHARED_CACHES/);
  });
});
