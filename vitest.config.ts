import { defineConfig } from 'vitest/config';

export default defineConfig({
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
