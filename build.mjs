// Builds the one-file CLI bundle. Run by `npm install` (prepare), `npm run build` and the test setup.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));
// The one version, from package.json: src/version.ts reads it as a build-time constant.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');
const stub = join(dist, 'devtools-stub.js');

/**
 * Ink 6.8's incremental renderer moves the cursor up one line too few when the previous frame ended with
 * a newline (every frame shorter than the terminal), so each redraw lands one row low and the header shows
 * twice. Upstream: https://github.com/vadimdemedes/ink/pull/910 ("Fix incremental rendering for trailing
 * newline", commit c32da0b), first released in Ink 7.0.0, which needs Node 22; firedrill supports Node 20, so
 * it stays on the pinned 6.8.0 and patches the line here. The patch steps aside once Ink has the fix.
 */
const INK_BUGGY = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
const INK_PATCHED = "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));";
// Forms of the line that already move the cursor far enough: upstream's fix (#910) and this patch itself.
const INK_FIXED = ['buffer.push(ansiEscapes.cursorUp(previousLines.length - 1));', INK_PATCHED];

/** Ink's log-update.js with the cursor fix, or undefined when the file already has a fixed form; throws when it has neither. */
export function patchInkLogUpdate(src) {
  if (src.includes(INK_BUGGY)) return src.replace(INK_BUGGY, INK_PATCHED);
  if (INK_FIXED.some((fixed) => src.includes(fixed))) return undefined;
  throw new Error('ink log-update.js has neither the buggy cursorUp line nor a known fixed one: review INK_CURSOR_FIX in build.mjs');
}

const INK_CURSOR_FIX = {
  name: 'ink-incremental-cursor-fix',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]log-update\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const contents = patchInkLogUpdate(await readFile(args.path, 'utf8'));
      if (contents === undefined) {
        console.warn('build.mjs: Ink already has the incremental cursor fix; INK_CURSOR_FIX can be removed.');
        return undefined;
      }
      return { contents, loader: 'js' };
    });
  },
};

/**
 * ssh2 tries its optional native addons (sshcrypto.node, and cpu-features) inside try/catch and falls back to pure
 * JavaScript. The bundle is one set of JavaScript files with nothing compiled per machine: every `.node` require
 * becomes a module that throws, so ssh2 always takes its JavaScript path, on every machine alike.
 */
const NO_NATIVE_ADDONS = {
  name: 'no-native-addons',
  setup(b) {
    b.onResolve({ filter: /\.node$/ }, (args) => ({ path: args.path, namespace: 'no-native-addon' }));
    b.onLoad({ filter: /.*/, namespace: 'no-native-addon' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`native addon ${args.path} is not bundled`)});`,
      loader: 'js',
    }));
  },
};

/**
 * Two changes to Ink 6.8's output.js, for `firedrill host`, which draws twenty screens from one thread:
 * - Ink keeps its caches of styled characters and string widths (added in https://github.com/vadimdemedes/ink/pull/835)
 *   on each Output, and makes a new Output for every frame, so every frame tokenises every line again. Most lines
 *   are the same from one frame to the next: one set of caches for the process serves every frame of every screen.
 *   Entries are pure functions of the line's text; the maps are emptied past 4,000 lines (a line of styled
 *   characters is about 10 KB: at 20,000 the bench host peaked at 488 MiB).
 * - Ink builds each frame as a grid of one object per cell and turns each row back into a string cell by cell;
 *   patches/ink-output-rows.js keeps each row's writes instead and reuses each text's string, and remembers the
 *   cuts a box with overflow hidden makes (see that file).
 */
const INK_OUTPUT = {
  name: 'ink-output',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: patchInkOutput(await readFile(args.path, 'utf8')), loader: 'js' };
    });
  },
};

/** Ink's output.js with one process-wide, bounded OutputCaches; throws when the file is not the shape this patch knows. */
export function shareInkOutputCaches(src) {
  const perOutput = '    caches = new OutputCaches();';
  const lookup = '        let cached = this.styledChars.get(line);';
  if (!src.includes(perOutput) || !src.includes(lookup) || !src.includes('class OutputCaches {')) {
    throw new Error('ink output.js has changed shape: review INK_OUTPUT in build.mjs');
  }
  return src
    .replace(lookup, `        if (this.styledChars.size > 4000) { this.styledChars.clear(); this.widths.clear(); this.blockWidths.clear(); }\n${lookup}`)
    .replace(perOutput, '    caches = SHARED_OUTPUT_CACHES;')
    .replace('export default class Output {', 'const SHARED_OUTPUT_CACHES = new OutputCaches();\nexport default class Output {');
}

/** The text from `start` to just before `end` in src, which must each occur exactly once (else the shape is unknown). */
function between(src, start, end) {
  const i = src.indexOf(start);
  const j = src.indexOf(end, i + 1);
  if (i < 0 || j < 0 || src.indexOf(start, i + 1) >= 0) throw new Error('ink output.js has changed shape: review INK_OUTPUT in build.mjs');
  return src.slice(i, j);
}

/** Ink's output.js whose rows hold their writes and are drawn by patches/ink-output-rows.js; throws on an unknown shape. */
export function buildInkRowsFromWrites(src) {
  const grid = between(src, '            const row = [];', '            output.push(row);');
  const cells = between(src, '                    const characters = this.caches.getStyledChars(line);', '                    offsetY++;');
  const toText = between(src, '        const generatedOutput = output', "            .join('\\n');");
  const slice = '                            return sliceAnsi(line, from, to);';
  if (src.split(slice).length !== 2) throw new Error('ink output.js has changed shape: review INK_OUTPUT in build.mjs');
  return `${src
    .replace(slice, '                            return __fdSlice(line, from, to);')
    .replace(`${grid}            output.push(row);`, '            output.push([]);')
    .replace(cells, '                    currentLine.push(x, line);\n')
    .replace(toText, '        const generatedOutput = output\n            .map(ops => __fdRow(ops, this.width, this.caches))\n')}\n${readFileSync(join(root, 'patches/ink-output-rows.js'), 'utf8')}`;
}

/** Both changes to Ink's output.js (see INK_OUTPUT). */
export function patchInkOutput(src) {
  return buildInkRowsFromWrites(shareInkOutputCaches(src));
}

/**
 * Ink's renderNodeToOutput measures every text's widest line again on every frame (string-width over each line:
 * 5% of a team host's time); Ink's own measureText has the same figure cached from layout. Same value, once.
 */
const INK_RENDER_WIDTHS = {
  name: 'ink-render-widths',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]render-node-to-output\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: measureRenderedTextOnce(await readFile(args.path, 'utf8')), loader: 'js' };
    });
  },
};

/** Ink's render-node-to-output.js taking a text's width from measureText's cache; throws on an unknown shape. */
export function measureRenderedTextOnce(src) {
  const use = '                const currentWidth = widestLine(text);';
  const imp = "import widestLine from 'widest-line';";
  if (src.split(use).length !== 2 || src.split('widestLine(').length !== 2 || !src.includes(imp)) {
    throw new Error('ink render-node-to-output.js has changed shape: review INK_RENDER_WIDTHS in build.mjs');
  }
  return src.replace(imp, "import measureText from './measure-text.js';").replace(use, '                const currentWidth = measureText(text).width;');
}

/** The changes to Ink every bundle of ours gets (the CLI's, and the benchmarks'). */
export const inkPlugins = [INK_CURSOR_FIX, INK_OUTPUT, INK_RENDER_WIDTHS];

/** Removes from dir every file the build did not just write (keep: paths relative to root), then empty folders. */
function removeStale(dir, keep) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      removeStale(path, keep);
      if (readdirSync(path).length === 0) rmdirSync(path);
    } else if (!keep.has(relative(root, path))) {
      rmSync(path, { force: true });
    }
  }
}

async function main() {
  mkdirSync(dist, { recursive: true });
  // Ink imports react-devtools-core only in development; marking it external crashes at start.
  writeFileSync(stub, 'export default {};\n');

  // One esbuild build. Commands load their code on demand (split chunks), so `validate` never compiles
  // faker, xstate or the UI: V8's compile time grows with the bytes loaded, not just those run.
  const { metafile } = await build({
    entryPoints: { firedrill: join(root, 'src/cli/main.ts') },
    plugins: [...inkPlugins, NO_NATIVE_ADDONS],
    // Metafile paths are relative to this folder, whatever the caller's working directory.
    absWorkingDir: root,
    outdir: dist,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', __FIREDRILL_VERSION__: JSON.stringify(pkg.version) },
    alias: { 'react-devtools-core': stub },
    banner: {
      // CommonJS dependencies bundled into ESM still call require() and read __dirname (ssh2's poly1305 module does).
      js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fp } from 'node:url'; const require = __cr(import.meta.url); const __dirname = __fp(new URL('.', import.meta.url));",
    },
  });
  // Chunk names carry a content hash, so every source change leaves the old chunks behind, and `files: dist`
  // would publish them. Only files this build did not write go: a CLI of the same source that is running
  // meanwhile still finds every chunk it may load (the folder is never emptied and refilled).
  removeStale(dist, new Set([...Object.keys(metafile.outputs), relative(root, stub)]));

  // The shebang goes on the entry file only (a banner would put it on every chunk).
  const entry = join(dist, 'firedrill.js');
  writeFileSync(entry, `#!/usr/bin/env node\n${readFileSync(entry, 'utf8')}`);
  chmodSync(entry, 0o755);
}

// Importing this file (a test of patchInkLogUpdate) must not build.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
