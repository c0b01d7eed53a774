/**
 * File-system errors the user can do something about (a read-only mount, a full disk, a path through a file,
 * a permission, a symlink loop) as one line naming the path and what to do: exit 1, not a stack trace and
 * exit 2, which stay for real bugs.
 */

/** What each error code means for the user, and what to do about it. */
const MEANINGS: Readonly<Record<string, { what: string; todo: string }>> = {
  EROFS: { what: 'is on a read-only file system', todo: 'choose a folder on a writable disk (e.g. --out DIR)' },
  ENOSPC: { what: 'cannot be written: no space left on the device', todo: 'free some space, or choose a folder on another disk' },
  EDQUOT: { what: 'cannot be written: the disk quota is used up', todo: 'free some space, or choose a folder on another disk' },
  EACCES: { what: 'permission denied', todo: 'choose a path you may use, or change its permissions' },
  EPERM: { what: 'operation not permitted', todo: 'choose a path you may use, or change its permissions' },
  ENOTDIR: { what: 'a part of the path is a file, not a folder', todo: 'check the path' },
  EISDIR: { what: 'is a folder, not a file', todo: 'give the path of a file' },
  ELOOP: { what: 'is a symbolic link loop (too many levels of symbolic links)', todo: 'fix or remove the link' },
  ENOENT: { what: 'no such file or folder', todo: 'check the path' },
  EEXIST: { what: 'already exists', todo: 'choose another path' },
  ENAMETOOLONG: { what: 'the path is too long', todo: 'choose a shorter path' },
  EMLINK: { what: 'the folder holds too many entries', todo: 'choose another folder' },
  EFBIG: { what: 'cannot be written: the file is too large for this file system', todo: 'choose a folder on another disk' },
  EIO: { what: 'input/output error', todo: 'check the disk' },
  EPIPE: { what: 'the reader closed the pipe', todo: 'keep the reading end open' },
};

/** The one-line message for a file-system error, or undefined when `e` is not one (then it is a bug). */
export function fsErrorMessage(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const { code, syscall, path, dest } = e as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== 'string' || typeof syscall !== 'string') return undefined;
  const meaning = MEANINGS[code];
  if (!meaning) return undefined;
  const where = dest && (code === 'EEXIST' || code === 'EROFS' || code === 'EACCES') ? dest : path;
  return `${where ?? `cannot ${syscall}`}: ${meaning.what}; ${meaning.todo}`;
}

/** The message for an error writing standard output or error (a full disk, /dev/full, a closed pipe). */
export function streamErrorMessage(name: 'stdout' | 'stderr', e: NodeJS.ErrnoException): string {
  const meaning = e.code ? MEANINGS[e.code] : undefined;
  return `cannot write to standard ${name === 'stdout' ? 'output' : 'error'}: ${meaning ? `${meaning.what.replace(/^cannot be written: /, '')} (${e.code})` : e.message}`;
}
