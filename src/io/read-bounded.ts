/**
 * Reading a file that came from the user or from another file's contents: only a regular file, and never
 * more than a cap. A character device (/dev/zero), a FIFO or a socket reports size 0, so a size check alone
 * lets it through and a whole-file read then grows without end (or, for a FIFO, never returns). So the file
 * is opened first, without blocking (a FIFO with no writer would otherwise block the open), the open
 * descriptor is checked, and the bytes are counted as they are read, whatever `stat` said.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Why a file was not read; `reason` is a phrase to follow the path ("/dev/zero: is a character device, not a regular file"). */
export class FileReadError extends Error {
  constructor(
    readonly path: string,
    /** What went wrong: an errno code (ENOENT, ELOOP, EACCES, ...), or NOT_REGULAR, DIRECTORY or TOO_LARGE. */
    readonly code: string,
    readonly reason: string,
    /** For TOO_LARGE, the size `fstat` gave when it was over the cap (a device or a growing file may have none). */
    readonly size?: number,
  ) {
    super(`${path}: ${reason}`);
  }
}

// O_NONBLOCK makes opening a FIFO return at once; O_NOCTTY keeps a terminal device from becoming ours. Neither
// changes how a regular file reads. Windows has neither (and no FIFOs in the file system).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

/** What a non-regular file is, in words. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  return 'not a plain file';
}

/** The phrase for an errno code met while opening or reading `path`. */
export function errnoReason(e: unknown): { code: string; reason: string } {
  const code = (e as NodeJS.ErrnoException)?.code ?? 'EIO';
  switch (code) {
    case 'ENOENT': return { code, reason: 'no such file' };
    case 'ELOOP': return { code, reason: 'is a symbolic link loop (too many levels of symbolic links)' };
    case 'EACCES': case 'EPERM': return { code, reason: 'permission denied' };
    case 'ENOTDIR': return { code, reason: 'a part of the path is a file, not a folder' };
    case 'ENAMETOOLONG': return { code, reason: 'the path is too long' };
    case 'EISDIR': return { code: 'DIRECTORY', reason: 'is a folder, not a file' };
    default: return { code, reason: `cannot read it (${code})` };
  }
}

function open(path: string): { fd: number; st: Stats } {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    const { code, reason } = errnoReason(e);
    throw new FileReadError(path, code, reason);
  }
  let st: Stats;
  try {
    st = fstatSync(fd);
  } catch (e) {
    closeSync(fd);
    const { code, reason } = errnoReason(e);
    throw new FileReadError(path, code, reason);
  }
  if (!st.isFile()) {
    closeSync(fd);
    throw new FileReadError(path, st.isDirectory() ? 'DIRECTORY' : 'NOT_REGULAR', st.isDirectory() ? 'is a folder, not a file' : `is ${kindOf(st)}, not a regular file`);
  }
  return { fd, st };
}

/** A cap in words: 1 MiB, 64 KiB. */
export function byteSize(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** Reads from fd until end of file or `limit` bytes; returns what was read (at most `limit` bytes). */
function readUpTo(path: string, fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit - total));
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      const { code, reason } = errnoReason(e);
      throw new FileReadError(path, code, reason);
    }
    if (n === 0) break;
    chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/**
 * The whole of a regular file of at most `maxBytes` bytes. Throws a FileReadError for anything else: a
 * missing or unreadable path, a folder, a device, FIFO or socket (NOT_REGULAR), or more bytes than the cap
 * (TOO_LARGE), counted as read.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const { fd, st } = open(path);
  try {
    if (st.size > maxBytes) throw new FileReadError(path, 'TOO_LARGE', `is larger than ${byteSize(maxBytes)}`, st.size);
    const bytes = readUpTo(path, fd, maxBytes + 1);
    if (bytes.length > maxBytes) throw new FileReadError(path, 'TOO_LARGE', `is larger than ${byteSize(maxBytes)}`);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** The first `maxBytes` bytes of a regular file (all of it when shorter); refuses what readRegularFile refuses but size. */
export function readRegularFilePrefix(path: string, maxBytes: number): Buffer {
  const { fd } = open(path);
  try {
    return readUpTo(path, fd, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/** Whether `path` is (or links to) a regular file; never opens it, so a device or FIFO there is harmless. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Why a path that cannot be looked at cannot be: "no such file or folder", a symlink loop, a permission,
 * or undefined when it can be looked at after all.
 */
export function unreachableReason(path: string): string | undefined {
  try {
    statSync(path);
    return undefined;
  } catch (e) {
    const { code, reason } = errnoReason(e);
    return code === 'ENOENT' ? 'no such file or folder' : reason;
  }
}
