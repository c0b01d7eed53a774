/** The run directory every drill writes: journal.jsonl, scorecard.json, scorecard.md, postmortem.md. */
import { dirname, join, resolve } from 'node:path';
import { FileJournal } from '../io/file-journal';
import { claimFolder, makeFolder, pathKind, realPathSoFar } from '../io/file-system';
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

/** Folders that are the kernel's view of itself, not storage: Node's recursive mkdir never returns under /proc. */
const VIRTUAL_ROOT = /^\/(proc|sys)(\/|$)/;

/** How many `-2`, `-3`… suffixes a default run folder may try before giving up (a clash needs runs started in the same second). */
const MAX_SUFFIX = 10_000;

/** A claimed run folder: nobody else's journal can be in it, and its journal is open. */
export interface RunFolder {
  readonly dir: string;
  readonly journal: FileJournal;
}

/**
 * Claims the run folder (`--out DIR`, or ./firedrill-runs/<stamp>-<scenario-id>/) and opens its journal.
 * The claim is atomic, so parallel drills never share a folder: a default folder is created exclusively (on a clash
 * the next free `-2`, `-3`… suffix is taken), and the journal is always created exclusively, which is the claim of an
 * --out folder that already exists. An --out folder that already holds a journal is refused.
 */
export function claimRunDir(scenarioId: string, out: string | undefined, now: Date, cwd = process.cwd()): RunFolder {
  if (out === '') throw new UserError('--out "" is empty: give the run folder, or leave out --out for ./firedrill-runs/<UTC time>-<scenario-id>/');
  const dir = out === undefined ? claimDefaultDir(scenarioId, now, cwd) : claimOutDir(out);
  try {
    return { dir, journal: new FileJournal(join(dir, 'journal.jsonl')) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(`${dir} already holds a drill (journal.jsonl); choose another --out folder so no run is overwritten`);
    }
    throw new UserError(`cannot write the journal in run folder ${dir}: ${(e as Error).message}`);
  }
}

/** Refuses a run folder under /proc or /sys (symbolic links followed), before anything tries to create it. */
function refuseVirtual(dir: string, what: string): void {
  const real = realPathSoFar(dir);
  const root = VIRTUAL_ROOT.exec(real);
  if (root) throw new UserError(`${what}: /${root[1]} holds the kernel's virtual files, not run folders; choose a folder on a disk`);
}

/** Creates a folder's parents, naming the run folder if that fails. */
function makeParent(dir: string): void {
  try {
    makeFolder(dirname(resolve(dir)));
  } catch (e) {
    throw new UserError(`cannot create run folder ${dir}: ${(e as Error).message}`);
  }
}

/** Creates ./firedrill-runs/<stamp>-<scenario-id>/, or the first free `-N` beside it, exclusively. */
function claimDefaultDir(scenarioId: string, now: Date, cwd: string): string {
  const base = join(cwd, DEFAULT_RUNS_DIR, `${runStamp(now)}-${scenarioId}`);
  refuseVirtual(base, `cannot create run folder ${base}`);
  makeParent(base);
  for (let i = 1; i <= MAX_SUFFIX; i++) {
    const dir = i === 1 ? base : `${base}-${i}`;
    try {
      if (claimFolder(dir)) return dir;
    } catch (e) {
      throw new UserError(`cannot create run folder ${dir}: ${(e as Error).message}`);
    }
  }
  throw new UserError(`cannot create run folder ${base}: ${base}-2 … ${base}-${MAX_SUFFIX} are all taken; use --out`);
}

/** Creates the --out folder if it is missing; an existing folder is claimed by creating its journal. */
function claimOutDir(out: string): string {
  refuseVirtual(out, `--out ${out}`);
  if (pathKind(out) === 'missing') {
    makeParent(out);
    try {
      claimFolder(out);
    } catch (e) {
      throw new UserError(`cannot create run folder ${out}: ${(e as Error).message}`);
    }
  }
  if (pathKind(out) !== 'folder') throw new UserError(`--out ${out} is a file, not a folder; choose another --out folder`);
  return out;
}
