/** `firedrill new <id>`: writes a commented starter scenario that validates. */
import { join, relative } from 'node:path';
import { pathKind, writeTextFile } from '../../io/file-system';
import { unreachableReason } from '../../io/read-bounded';
import { starterScenario } from '../../scenario/starter';
import { out } from '../output';
import { schemaRefFor } from '../schema-ref';
import { UserError } from '../user-error';

const ID_RE = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

/** Writes the starter file and returns its path. */
export function runNew(id: string, opts: { dir?: string; force?: boolean }, cwd = process.cwd()): string {
  if (!ID_RE.test(id)) throw new UserError(`"${id}" is not a valid scenario id: use lower-case words joined by "-", e.g. cache-stampede`);
  const dir = opts.dir ?? (pathKind(join(cwd, 'scenarios')) === 'folder' ? join(cwd, 'scenarios') : cwd);
  const dirKind = pathKind(dir);
  if (dirKind === 'missing') {
    const why = unreachableReason(dir);
    throw new UserError(why === undefined || why === 'no such file or folder' ? `folder ${dir} does not exist` : `${dir}: ${why}`);
  }
  if (dirKind !== 'folder') throw new UserError(`${dir} is a file, not a folder; give --dir a folder to write the scenario into`);
  const file = join(dir, `${id}.yaml`);
  if (pathKind(file) !== 'missing' && !opts.force) throw new UserError(`${relative(cwd, file) || file} already exists; choose another id or pass --force to overwrite it`);
  writeTextFile(file, starterScenario(id, schemaRefFor(dir)));
  return file;
}

/** Writes the starter and tells the user what to do next. */
export function runNewCommand(id: string, opts: { dir?: string; force?: boolean }): number {
  const file = runNew(id, opts);
  const shown = relative(process.cwd(), file) || file;
  out(`wrote ${shown}\nnext: edit it, then run firedrill validate ${shown}`);
  return 0;
}
