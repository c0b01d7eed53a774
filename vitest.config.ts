import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // src/version.ts reads this, as it reads esbuild's define in the bundle.
  define: { __FIREDRILL_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/global-setup.ts'],
    // Ink spawns `tput` on every layout when these are unset; fixed sizes also make frames deterministic.
    env: { COLUMNS: '100', LINES: '30', NO_COLOR: '', FORCE_COLOR: '0' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
