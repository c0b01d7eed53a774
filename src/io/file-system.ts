/** The plain file-system calls the CLI makes itself: what a path is, a folder's names, making a folder, writing a file. */
import { mkdirSync, openSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** What is at a path: a folder, a file (or anything else that is not a folder), or nothing the process can see. */
export type PathKind = 'folder' | 'file' | 'missing';

/** What is at `path`; a path that cannot be looked at (no such path, no permission on its parent) is missing. */
export function pathKind(path: string): PathKind {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** The names in a folder, unsorted; throws if it cannot be read. */
export function listFolder(dir: string): string[] {
  return readdirSync(dir);
}

/** Creates a folder and any missing parents; an existing folder is fine. */
export function makeFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

/** Writes a whole text file (UTF-8), replacing any file already there. */
export function writeTextFile(path: string, text: string): void {
  writeFileSync(path, text);
}

/**
 * Creates one folder, not its parents: true when this call made it, false when something was already there
 * (so two processes can never both think they made the same folder). Other errors are thrown.
 */
export function claimFolder(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** The real path of `path` as far as it exists (symbolic links resolved), with the missing rest appended as given. */
export function realPathSoFar(path: string): string {
  const missing: string[] = [];
  let p = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(p), ...missing.reverse());
    } catch {
      const up = dirname(p);
      if (up === p) return join(p, ...missing.reverse());
      missing.push(basename(p));
      p = up;
    }
  }
}

/** Opens a new file for writing; throws EEXIST if anything is already there (the `wx` flag: the claim is atomic). */
export function openNewFile(path: string): number {
  return openSync(path, 'wx');
}
