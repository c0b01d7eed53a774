// Builds the one-file CLI bundle. Run by `npm install` (prepare), `npm run build` and the test setup.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));
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

async function main() {
  mkdirSync(dist, { recursive: true });
  // Ink imports react-devtools-core only in development; marking it external crashes at start.
  writeFileSync(stub, 'export default {};\n');

  // One esbuild build. Commands load their code on demand (split chunks), so `validate` never compiles
  // faker, xstate or the UI: V8's compile time grows with the bytes loaded, not just those run.
  // Old chunks are left in place: chunk names carry a content hash, and a CLI still running (or a
  // parallel test run) may be loading them.
  await build({
    entryPoints: { firedrill: join(root, 'src/cli/main.ts') },
    plugins: [INK_CURSOR_FIX],
    outdir: dist,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'react-devtools-core': stub },
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  // The shebang goes on the entry file only (a banner would put it on every chunk).
  const entry = join(dist, 'firedrill.js');
  writeFileSync(entry, `#!/usr/bin/env node\n${readFileSync(entry, 'utf8')}`);
  chmodSync(entry, 0o755);
}

// Importing this file (a test of patchInkLogUpdate) must not build.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
