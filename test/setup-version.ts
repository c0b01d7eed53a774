// src/version.ts reads __FIREDRILL_VERSION__, which esbuild defines in the bundle. Inline vitest projects (vitest 4.1)
// do not apply a `define` (the root's is not inherited without `extends`), so the tests set the same global here.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
(globalThis as { __FIREDRILL_VERSION__?: string }).__FIREDRILL_VERSION__ = pkg.version;
