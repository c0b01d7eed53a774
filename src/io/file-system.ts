/** The plain file-system calls the CLI makes itself: what a path is, a folder's names, making a folder, writing a file. */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';

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
