// Bundles bench/host-render.tsx as the CLI is bundled (production React, the same Ink patches) and runs it:
// `npm run bench:host-render` (by hand; not part of `npm run bench`). HOST_RENDER_RUNS=N runs it N times;
// HOST_RENDER_NODE_ARGS passes node options ("--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inkPlugins } from '../build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'firedrill-host-render-'));
try {
  const out = join(dir, 'host-render.mjs');
  await build({
    entryPoints: [join(root, 'bench/host-render.tsx')], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    absWorkingDir: root, plugins: inkPlugins, logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', __FIREDRILL_VERSION__: '"bench"' },
    alias: { 'react-devtools-core': join(root, 'dist/devtools-stub.js') },
    external: ['cpu-features'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  for (let i = 0; i < Number(process.env.HOST_RENDER_RUNS ?? 1); i++) {
    const r = spawnSync(process.execPath, [...(process.env.HOST_RENDER_NODE_ARGS ?? '').split(' ').filter(Boolean), out], { stdio: 'inherit', cwd: root });
    // Not process.exit here: it would skip the finally, leaving the temp folder behind.
    if (r.status !== 0) {
      process.exitCode = r.status ?? 1;
      break;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
