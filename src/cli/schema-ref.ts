/**
 * The `$schema` reference `firedrill new` writes into a scenario, chosen so it still works when the file moves: a path
 * relative to the project when the file is inside one that has the schema, otherwise the published schema's URL.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathKind } from '../io/file-system';
import { VERSION } from '../version';

/** The npm package name (package.json's "name"; a test keeps them equal). */
export const PACKAGE_NAME = 'firedrill';
const SCHEMA_PATH = 'schema/scenario.schema.json';

/** The URL of the schema published with this version; a development build has none of its own, so it names the latest. */
export function publishedSchemaUrl(version: string = VERSION): string {
  const at = version.includes('-dev') ? '' : `@${version}`;
  return `https://unpkg.com/${PACKAGE_NAME}${at}/${SCHEMA_PATH}`;
}

/**
 * The nearest project schema from a folder upwards: a folder's own schema/scenario.schema.json (this repository, or a
 * project that keeps a copy), or node_modules/firedrill/schema/scenario.schema.json (a project that depends on
 * firedrill), the way Node looks for packages.
 */
export function projectSchema(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    for (const candidate of [join(d, SCHEMA_PATH), join(d, 'node_modules', PACKAGE_NAME, SCHEMA_PATH)]) {
      if (pathKind(candidate) === 'file') return candidate;
    }
    if (dirname(d) === d) return undefined;
  }
}

/** The `$schema` reference for a scenario written into `dir`: relative to it (with "/" separators), or the published URL. */
export function schemaRefFor(dir: string): string {
  const found = projectSchema(dir);
  if (found === undefined) return publishedSchemaUrl();
  const rel = relative(resolve(dir), found).split(sep).join('/');
  return rel.startsWith('../') ? rel : `./${rel}`;
}
