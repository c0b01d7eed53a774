// Builds the one-file CLI bundle. Run by `npm install` (prepare), `npm run build` and the test setup.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));
const stub = join(root, 'dist', 'devtools-stub.js');
mkdirSync(join(root, 'dist'), { recursive: true });
// Ink imports react-devtools-core only in development; marking it external crashes at start.
writeFileSync(stub, 'export default {};\n');

await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(root, 'dist/firedrill.js'),
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
    js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
chmodSync(join(root, 'dist/firedrill.js'), 0o755);
