import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Settings every project shares. Inline projects do not inherit the root's test options in vitest 4 unless
// they `extends` the root config, and extending it would also run its globalSetup (the build) once per project.
const shared = {
  // Ink spawns `tput` on every layout when these are unset; fixed sizes also make frames deterministic.
  env: { COLUMNS: '100', LINES: '30', NO_COLOR: '', FORCE_COLOR: '0' },
  testTimeout: 20_000,
  hookTimeout: 60_000,
  pool: 'forks',
  // The version the bundle gets from esbuild's define, and no CI variables for Ink (see the files).
  setupFiles: ['test/setup-version.ts', 'test/setup-interactive.ts'] as string[],
} as const;

const project = (name: string, include: string[], exclude: string[] = []): TestProjectInlineConfiguration => ({
  test: { ...shared, name, include, exclude: ['**/node_modules/**', '**/.git/**', ...exclude] },
});

export default defineConfig({
  test: {
    ...shared,
    // Runs once for the whole run, whichever projects run: builds the bundle, checks nothing is left behind.
    globalSetup: ['test/global-setup.ts'],
    projects: [
      project('unit', ['test/**/*.test.ts', 'test/**/*.test.tsx'], ['test/cli/**', 'test/e2e/**']),
      project('cli', ['test/cli/**/*.test.ts']),
      project('e2e', ['test/e2e/**/*.test.ts']),
    ],
  },
});
