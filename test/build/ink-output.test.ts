// The build changes Ink's output.js (build.mjs INK_OUTPUT): caches shared across frames, and rows drawn from their
// writes (patches/ink-output-rows.js). The patch applies to the Ink that is installed, the patched Output draws
// byte for byte what the original draws for thousands of random frames, and a file of another shape fails the build.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/ui/text-width';
import { ROOT } from '../helpers/cli';

// build.mjs is plain JS outside the TypeScript project, so it is imported by URL and typed here.
const build = (await import(pathToFileURL(join(ROOT, 'build.mjs')).href)) as {
  shareInkOutputCaches: (src: string) => string;
  buildInkRowsFromWrites: (src: string) => string;
  patchInkOutput: (src: string) => string;
  measureRenderedTextOnce: (src: string) => string;
};

const OUTPUT_JS = join(ROOT, 'node_modules/ink/build/output.js');

interface Clip { x1?: number; x2?: number; y1?: number; y2?: number }
interface OutputLike {
  write(x: number, y: number, text: string, o: { transformers: ((s: string, i: number) => string)[] }): void;
  clip(c: Clip): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (o: { width: number; height: number }) => OutputLike;

/** The patched module, loaded beside the original so its imports resolve from Ink's own folder; removed after. */
async function loadPatched(): Promise<{ Patched: OutputClass; Original: OutputClass }> {
  const file = join(ROOT, 'node_modules/ink/build', `output-patched-${process.pid}.js`);
  writeFileSync(file, build.patchInkOutput(readFileSync(OUTPUT_JS, 'utf8')));
  try {
    return {
      Patched: (await import(pathToFileURL(file).href)).default as OutputClass,
      Original: (await import(pathToFileURL(OUTPUT_JS).href)).default as OutputClass,
    };
  } finally {
    rmSync(file, { force: true });
  }
}

const ESC = '\u001b';
const TEXTS = [
  'plain text', `${ESC}[31mred${ESC}[39m plain`, 'wide 漢字 text', `${ESC}[1mbold${ESC}[22m and ${ESC}[2mdim${ESC}[22m`, '',
  `${ESC}[7m ${ESC}[27m`, '👍🏽 ok', 'e\u0301te\u0301', `${ESC}[1m${ESC}[32mgreen bold${ESC}[39m still bold${ESC}[22m`,
  'trailing   ', `${ESC}[44mbg  ${ESC}[49m`, '│', 'a\nb\nc', `${ESC}[31mtwo\nlines${ESC}[39m`, '漢', 'x', `${ESC}[90m── rule ──${ESC}[39m`,
];
const TRANSFORMERS: ((s: string, i: number) => string)[] = [
  (s) => s.toUpperCase(),
  (s) => `${ESC}[33m${s}${ESC}[39m`,
  (s, i) => `${i}${s}`,
];

describe('INK_OUTPUT', () => {
  it('draws byte for byte what Ink draws, for random writes, clips, styles, wide characters and transformers', async () => {
    const { Patched, Original } = await loadPatched();
    const rand = seedrandom('ink-output');
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
    let fastRows = 0;
    for (let frame = 0; frame < 3000; frame++) {
      const width = int(1, 30);
      const height = int(1, 6);
      const a = new Patched({ width, height });
      const b = new Original({ width, height });
      const ends = new Map<number, number>();
      for (let op = int(0, 8); op > 0; op--) {
        const r = rand();
        if (r < 0.1) {
          const c: Clip = rand() < 0.5 ? { x1: int(0, width), x2: int(0, width + 3) } : { x1: int(0, 5), x2: int(5, width + 2), y1: int(0, 2), y2: int(1, height + 1) };
          a.clip(c);
          b.clip(c);
        } else if (r < 0.15) {
          a.unclip();
          b.unclip();
        } else {
          const y = rand() < 0.05 ? -1 : int(0, height);
          // A third of the writes start where the row's last one ended: texts that touch, as Ink's boxes do.
          const x = rand() < 0.33 ? (ends.get(y) ?? 0) : rand() < 0.05 ? int(-3, 0) : rand() < 0.03 ? 1.5 : int(0, width + 2);
          const text = rand() < 0.3 ? `${pick(TEXTS)}${pick(TEXTS)}` : pick(TEXTS);
          ends.set(y, x + textWidth(text.replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0]!));
          const transformers = rand() < 0.2 ? [pick(TRANSFORMERS)] : [];
          a.write(x, y, text, { transformers });
          b.write(x, y, text, { transformers });
        }
      }
      const got = a.get();
      expect(got, `frame ${frame}`).toEqual(b.get());
      fastRows += got.output.split('\n').filter((l) => l !== '').length;
    }
    // The random frames reach real rows, not only empty ones.
    expect(fastRows).toBeGreaterThan(3000);
  });

  it('draws side-by-side columns (a channel, a divider, a panel) the same, frame after frame', async () => {
    const { Patched, Original } = await loadPatched();
    for (let frame = 0; frame < 5; frame++) {
      const a = new Patched({ width: 40, height: 5 });
      const b = new Original({ width: 40, height: 5 });
      for (const o of [a, b]) {
        o.write(0, 0, `${ESC}[1mheader${ESC}[22m`, { transformers: [] });
        o.write(20, 0, `${ESC}[36mT+00:0${frame}${ESC}[39m`, { transformers: [] });
        o.write(0, 1, `line ${frame}\nline ${frame + 1}\n漢字 wide`, { transformers: [] });
        o.write(18, 1, '│\n│\n│', { transformers: [] });
        o.write(19, 1, `${ESC}[7mROSTER${ESC}[27m\nalice ic`, { transformers: [] });
        o.write(0, 4, `${ESC}[31mred${ESC}[39m`, { transformers: [] });
        o.write(3, 4, `${ESC}[31m${ESC}[1mmore${ESC}[22m${ESC}[39m`, { transformers: [] });
      }
      expect(a.get()).toEqual(b.get());
    }
  });

  it('refuses an output.js it does not know, so an Ink upgrade is reviewed', () => {
    expect(() => build.shareInkOutputCaches('export default class Output {}')).toThrow(/review INK_OUTPUT/);
    const shared = build.shareInkOutputCaches(readFileSync(OUTPUT_JS, 'utf8'));
    expect(() => build.buildInkRowsFromWrites(shared.replace('output.push(row);', 'output.push(r);'))).toThrow(/review INK_OUTPUT/);
  });
});

describe('INK_RENDER_WIDTHS', () => {
  it('patches the installed Ink to take a text\'s width from measureText, and refuses a file of another shape', () => {
    const src = readFileSync(join(ROOT, 'node_modules/ink/build/render-node-to-output.js'), 'utf8');
    const patched = build.measureRenderedTextOnce(src);
    expect(patched).toContain('const currentWidth = measureText(text).width;');
    expect(patched).not.toContain('widestLine');
    expect(() => build.measureRenderedTextOnce(src.replace('widestLine(text)', 'widestLine(text, 1)'))).toThrow(/review INK_RENDER_WIDTHS/);
  });
});
