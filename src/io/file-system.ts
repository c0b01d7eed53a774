/** The plain file-system calls the CLI makes itself: what a path is, a folder's names, making a folder, writing a file. */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isatty } from 'node:tty';

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

/** Creates a folder and any missing parents (those it makes get `mode`, when given); an existing folder is fine. */
export function makeFolder(dir: string, mode?: number): void {
  mkdirSync(dir, { recursive: true, ...(mode === undefined ? {} : { mode }) });
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

/** Writes all of `data` to `fd` (a write may take only part of it); `target` names the file for the test hook. */
export function writeAll(fd: number, data: Uint8Array, target: string): void {
  for (let done = 0; done < data.length;) {
    const allowed = failWriteHook(target, data.length - done);
    done += writeSync(fd, data, done, allowed);
  }
}

let tempCount = 0;

/**
 * Writes a whole text file atomically: into a temp file in the same folder, synced, then renamed over `path`,
 * and the folder synced where the platform allows, so `path` is either absent, the old file or the whole new one.
 * On failure the temp file is removed and `path` is left as it was. `mode` (e.g. 0o600 for a secret) is the file's
 * mode from its creation on, so the secret is never readable by others, not even for a moment.
 */
export function writeFileAtomic(path: string, text: string, mode?: number): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}-${++tempCount}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      writeAll(fd, Buffer.from(text, 'utf8'), path);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  syncFolder(dir);
}

/** Flushes a folder's entries (a rename) to disk; some platforms and file systems cannot, which is fine. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder, and some file systems refuse to fsync one: the rename stands either way.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// Test hook (FIREDRILL_TEST_FAIL_WRITE=CODE:NAME[@BYTES], e.g. ENOSPC:postmortem.md@4096): writes to a file named
// NAME (`*` for any) fail with CODE once BYTES bytes have gone into it, the way a disk that fills up fails a write
// part-way. It lets the tests show what a full disk does without filling one; nothing sets it outside the tests.
const FAIL_WRITE = /^([A-Z]+):([^@]+)(?:@(\d+))?$/.exec(process.env.FIREDRILL_TEST_FAIL_WRITE ?? '');
const failWriteSoFar = new Map<string, number>();

/** How many of `want` bytes the test hook lets through to `target` now; throws the injected error when none. */
function failWriteHook(target: string, want: number): number {
  if (!FAIL_WRITE || (FAIL_WRITE[2] !== '*' && FAIL_WRITE[2] !== basename(target))) return want;
  const soFar = failWriteSoFar.get(target) ?? 0;
  const room = Math.max(0, Number(FAIL_WRITE[3] ?? 0) - soFar);
  if (room === 0) {
    const code = FAIL_WRITE[1]!;
    throw Object.assign(new Error(`${code}: injected by FIREDRILL_TEST_FAIL_WRITE, write '${target}'`), { code, syscall: 'write', path: target });
  }
  const n = Math.min(want, room);
  failWriteSoFar.set(target, soFar + n);
  return n;
}

/**
 * Returns what to call as the process exits: it closes the standard streams that were a terminal at the start
 * and whose terminal has since hung up (its window was closed; a write fails with EIO). Node 20 aborts at exit
 * when it cannot reset such a terminal (fixed upstream in nodejs/node#58200); a closed stream it skips.
 */
export function hungUpTerminalRelease(): () => void {
  // Which streams are terminals is asked now: a terminal that has hung up no longer says it is one.
  const ttys = [0, 1, 2].filter((fd) => isatty(fd));
  return () => {
    for (const fd of ttys) {
      try {
        writeSync(fd, '');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EIO') continue;
        try {
          closeSync(fd);
        } catch {
          // Already gone.
        }
      }
    }
  };
}
