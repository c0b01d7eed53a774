/** Where the installed package's own files are, relative to the running bundle. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The bundle lives in dist/, so the package root is one level up; under vitest the source is two levels down.
const here = dirname(fileURLToPath(import.meta.url));
const root = here.endsWith('dist') ? dirname(here) : join(here, '..', '..');

/** The package root folder. */
export const packageRoot = root;
/** The committed JSON Schema file. */
export const schemaFile = join(root, 'schema', 'scenario.schema.json');
/** The shipped scenarios folder. */
export const scenariosDir = join(root, 'scenarios');
