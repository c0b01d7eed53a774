// Builds the one-file CLI bundle. Run by `npm install` (prepare), `npm run build` and the test setup.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));
// The one version, from package.json: src/version.ts reads it as a build-time constant.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const stub = join(root, 'dist', 'devtools-stub.js');
mkdirSync(join(root, 'dist'), { recursive: true });
// Ink imports react-devtools-core only in development; marking it external crashes at start.
writeFileSync(stub, 'export default {};\n');

// One esbuild build. Commands load their code on demand (split chunks), so `validate` never compiles
// faker, xstate or the UI: V8's compile time grows with the bytes loaded, not just those run.
// Old chunks are left in place: chunk names carry a content hash, and a CLI still running (or a
// parallel test run) may be loading them.
/**
 * Ink 6.8's incremental renderer moves the cursor up one line too few when the previous frame ended with
 * a newline (every frame shorter than the terminal), so each redraw lands one row low and the header shows
 * twice. The fix is one expression; the build fails if Ink changes so that it no longer applies.
 */
const INK_CURSOR_FIX = {
  name: 'ink-incremental-cursor-fix',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]log-update\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const src = await readFile(args.path, 'utf8');
      const from = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
      if (!src.includes(from)) throw new Error('ink log-update.js changed: review INK_CURSOR_FIX in build.mjs');
      return { contents: src.replace(from, "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));"), loader: 'js' };
    });
  },
};

await build({
  entryPoints: { firedrill: join(root, 'src/cli/main.ts') },
  plugins: [INK_CURSOR_FIX],
  outdir: join(root, 'dist'),
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"', __FIREDRILL_VERSION__: JSON.stringify(pkg.version) },
  alias: { 'react-devtools-core': stub },
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
// The shebang goes on the entry file only (a banner would put it on every chunk).
const entry = join(root, 'dist/firedrill.js');
writeFileSync(entry, `#!/usr/bin/env node\n${readFileSync(entry, 'utf8')}`);
chmodSync(entry, 0o755);
