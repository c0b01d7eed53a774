/** Where the installed package's own files are, wherever the running code was bundled to. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathKind } from '../io/file-system';

function findRoot(from: string): string {
  // The code runs from dist/, dist/chunks/ or (under vitest) src/cli/: walk up to the folder with the schema.
  let dir = from;
  for (let i = 0; i < 4; i++) {
    if (pathKind(join(dir, 'schema', 'scenario.schema.json')) !== 'missing') return dir;
    dir = dirname(dir);
  }
  return join(from, '..');
}

/** The package root folder. */
export const packageRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
/** The shipped scenarios folder. */
export const scenariosDir = join(packageRoot, 'scenarios');
