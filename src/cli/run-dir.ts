/** The run directory every drill writes: journal.jsonl, scorecard.json, scorecard.md, postmortem.md. */
import { join } from 'node:path';
import { listFolder, makeFolder, pathKind } from '../io/file-system';
import { unreachableReason } from '../io/read-bounded';
import { UserError } from './user-error';

/** A run folder's file (`name`), or the file itself when given one; `missing` says what to try when it is absent. */
export function runFile(target: string, name: string, missing: string): string {
  const kind = pathKind(target);
  // "missing" may also be a symlink loop or a permission: say which.
  if (kind === 'missing') throw new UserError(`${target}: ${unreachableReason(target) ?? 'no such file or folder'}`);
  if (kind !== 'folder') return target;
  const p = join(target, name);
  if (pathKind(p) === 'missing') {
    const why = unreachableReason(p);
    throw new UserError(why === undefined || why === 'no such file or folder' ? `${target} has no ${name}; ${missing}` : `${p}: ${why}`);
  }
  return p;
}

/** The default parent folder for runs. */
export const DEFAULT_RUNS_DIR = 'firedrill-runs';

/** `20261126T153012Z` for a date: sortable, and safe in file names on every OS. */
export function runStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Creates the run directory (`--out DIR`, or ./firedrill-runs/<stamp>-<scenario-id>/) and returns its path. */
export function createRunDir(scenarioId: string, out: string | undefined, now: Date, cwd = process.cwd()): string {
  let dir: string;
  if (out) {
    dir = out;
    if (pathKind(dir) !== 'missing' && listFolder(dir).some((f) => f === 'journal.jsonl')) {
      throw new UserError(`${out} already holds a drill (journal.jsonl); choose another --out folder so no run is overwritten`);
    }
  } else {
    const base = join(cwd, DEFAULT_RUNS_DIR, `${runStamp(now)}-${scenarioId}`);
    dir = base;
    for (let i = 2; pathKind(dir) !== 'missing'; i++) dir = `${base}-${i}`;
  }
  try {
    makeFolder(dir);
  } catch (e) {
    throw new UserError(`cannot create run folder ${dir}: ${(e as Error).message}`);
  }
  return dir;
}
