// The layer boundaries of architecture.md ("Layout"), checked in `npm test`. Only boundary rules are on:
// the compiler checks types, and style is left to review, so a lint failure always means a layer leaked.
//
//   engine (src/engine, src/scenario, src/scoring, src/bots): pure. No UI, CLI or io imports, no ink or react,
//     no Node built-ins (the one exception: node:crypto's createHash, a deterministic hash of a scenario's text),
//     no system clock, no timers, no unseeded randomness: time and randomness are injected, so a journal replays.
//   ui: never imports the session, not even a type: it sees the drill through a DrillClient.
//   io (src/io): the only door to the file system. Nothing else imports fs; the CLI calls io functions.
//   version: src/version.ts is the one place the version is defined; nothing reads package.json.
//
// Flat config gives each file the rule options of the *last* block that matches it, so every block below
// lists its whole set of restrictions rather than adding to an earlier one.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const ENGINE = ['src/engine', 'src/scenario', 'src/scoring', 'src/bots'];
const sources = (...dirs) => dirs.flatMap((d) => [`${d}/**/*.ts`, `${d}/**/*.tsx`]);

// Import restrictions, as @typescript-eslint/no-restricted-imports patterns (a regex on the import specifier).
const layer = (name, why) => ({ regex: `(^|/)${name}(/|$)`, message: why });
const IMPORT = {
  ui: layer('ui', 'the engine never imports the UI: the UI reads the engine, not the other way round.'),
  cli: layer('cli', 'only the CLI entry point uses the CLI.'),
  io: layer('io', 'the engine is pure: the CLI reads and writes files through src/io and hands the engine data.'),
  inkReact: { regex: '^(ink|react)(/|$)', message: 'ink and react belong to src/ui.' },
  fs: { regex: '^(node:)?fs(/|$)', message: 'file I/O lives in src/io: call an io function instead.' },
  // Every Node built-in but node:crypto, which is restricted by name below (createHash only).
  builtins: {
    regex: `^(node:(?!crypto$)|(${builtinModules.filter((m) => !m.startsWith('_') && !m.includes('/')).join('|')})(/|$))`,
    message: 'the engine uses no Node built-ins: time, randomness and files come from outside (src/io, injected clocks, seeded random).',
  },
  session: {
    regex: '(^|/)engine/session$',
    message: 'the UI never imports the session, not even its types: it drives the drill through a DrillClient (engine/view/drill-client.ts).',
  },
  packageJson: { regex: '(^|/)package\\.json$', message: 'the version comes from src/version.ts (an esbuild define), not package.json.' },
};
const CRYPTO = {
  name: 'node:crypto',
  allowImportNames: ['createHash'],
  message: 'only createHash (deterministic): random bytes or UUIDs in the engine would break replay; use the seeded random.',
};
const imports = (patterns, paths = []) => ['error', { patterns, paths }];

// Syntax restrictions (no-restricted-syntax selectors).
const SYNTAX = {
  versionDefine: { selector: 'Identifier[name="__FIREDRILL_VERSION__"]', message: 'only src/version.ts reads the version define; import VERSION from it.' },
  versionExport: {
    selector: 'ExportNamedDeclaration VariableDeclarator[id.name="VERSION"]',
    message: 'the version is defined once, in src/version.ts; import VERSION from it.',
  },
  // require(), import(), readFileSync or createRequire of package.json: import declarations are left to no-restricted-imports.
  packageJsonPath: {
    selector: 'Literal[value=/(^|\\/)package\\.json$/]:not(ImportDeclaration > Literal, ExportAllDeclaration > Literal, ExportNamedDeclaration > Literal)',
    message: 'the version comes from src/version.ts, not package.json.',
  },
  npmVersion: { selector: 'MemberExpression[property.name="npm_package_version"]', message: 'the version comes from src/version.ts.' },
  // require('fs') or import('node:fs') get past no-restricted-imports, which sees only import declarations.
  fsByName: {
    selector: 'Literal[value=/^(node:)?fs(\\/|$)/]:not(ImportDeclaration > Literal, ExportAllDeclaration > Literal, ExportNamedDeclaration > Literal)',
    message: 'file I/O lives in src/io: call an io function instead.',
  },
  dynamicImport: { selector: 'ImportExpression', message: 'the engine imports statically, so these rules can see what it uses.' },
};
const VERSION_SYNTAX = [SYNTAX.versionDefine, SYNTAX.versionExport, SYNTAX.packageJsonPath, SYNTAX.npmVersion];
const syntax = (...selectors) => ['error', ...selectors];

// The engine's clock, timers and randomness are injected (Scheduler, seeded random); the globals are the real ones.
const global = (name, why) => ({ name, message: why });
const CLOCK = 'the engine never reads the system clock: use the drill clock (scheduler.now()); a recorded time is parsed in src/io.';
const TIMER = 'the engine never uses real timers: use the Scheduler (session.scheduler.setTimeout), which replays.';
const ENGINE_GLOBALS = [
  global('Date', CLOCK),
  global('performance', CLOCK),
  ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask'].map((n) => global(n, TIMER)),
  global('crypto', 'the engine uses only seeded randomness (engine/random.ts).'),
  global('process', 'the engine does not read the process (environment, clock, streams): the CLI passes what it needs.'),
  global('fetch', 'the engine does no I/O.'),
  global('require', 'the engine imports statically, so these rules can see what it uses.'),
  // Reaching a banned global through the global object (globalThis.setTimeout, global.Date) is banned with it.
  global('globalThis', 'the engine does not reach into the global object (its timers, clock and randomness are banned here).'),
  global('global', 'the engine does not reach into the global object (its timers, clock and randomness are banned here).'),
];

export default [
  {
    // Everything in src: no file system outside src/io, and one version.
    files: sources('src'),
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-restricted-imports': imports([IMPORT.fs, IMPORT.packageJson]),
      'no-restricted-syntax': syntax(...VERSION_SYNTAX, SYNTAX.fsByName),
    },
  },
  {
    // The version module reads the define; it still may not read package.json.
    files: ['src/version.ts'],
    rules: { 'no-restricted-syntax': syntax(SYNTAX.packageJsonPath, SYNTAX.npmVersion, SYNTAX.fsByName) },
  },
  {
    files: sources(...ENGINE),
    rules: {
      '@typescript-eslint/no-restricted-imports': imports(
        [IMPORT.ui, IMPORT.cli, IMPORT.io, IMPORT.inkReact, IMPORT.builtins, IMPORT.packageJson],
        [CRYPTO],
      ),
      'no-restricted-globals': ['error', ...ENGINE_GLOBALS],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'the engine uses only seeded randomness (engine/random.ts).' }],
      'no-restricted-syntax': syntax(...VERSION_SYNTAX, SYNTAX.fsByName, SYNTAX.dynamicImport),
    },
  },
  {
    files: sources('src/ui'),
    rules: { '@typescript-eslint/no-restricted-imports': imports([IMPORT.fs, IMPORT.session, IMPORT.packageJson]) },
  },
  {
    // The io layer may use the file system; it serves the CLI and never reaches back up into it or the UI.
    files: sources('src/io'),
    rules: {
      '@typescript-eslint/no-restricted-imports': imports([
        { ...IMPORT.ui, message: 'src/io serves the CLI and the engine\'s data; it never imports the UI.' },
        { ...IMPORT.cli, message: 'src/io is called by the CLI, never the other way round (errors stay its own types).' },
        IMPORT.inkReact, IMPORT.packageJson,
      ]),
      'no-restricted-syntax': syntax(...VERSION_SYNTAX),
    },
  },
];
