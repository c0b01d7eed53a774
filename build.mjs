// Builds the one-file CLI bundle. Run by `npm install` (prepare), `npm run build` and the test setup.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));
const stub = join(root, 'dist', 'devtools-stub.js');
mkdirSync(join(root, 'dist'), { recursive: true });
// Ink imports react-devtools-core only in development; marking it external crashes at start.
writeFileSync(stub, 'export default {};\n');

// One esbuild build. Commands load their code on demand (split chunks), so `validate` never compiles
// faker, xstate or the UI: V8's compile time grows with the bytes loaded, not just those run.
// Old chunks are left in place: chunk names carry a content hash, and a CLI still running (or a
// parallel test run) may be loading them.
await build({
  entryPoints: { firedrill: join(root, 'src/cli/main.ts') },
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
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': stub },
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
// The shebang goes on the entry file only (a banner would put it on every chunk).
const entry = join(root, 'dist/firedrill.js');
writeFileSync(entry, `#!/usr/bin/env node\n${readFileSync(entry, 'utf8')}`);
chmodSync(entry, 0o755);
