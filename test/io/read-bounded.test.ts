// The bounded reader every file read goes through: a regular file only, opened without blocking, counted as read.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileReadError, isRegularFile, readRegularFile, readRegularFilePrefix, unreachableReason } from '../../src/io/read-bounded';
import { tempDir } from '../helpers/tmp';

const refusal = (f: () => unknown): FileReadError => {
  try {
    f();
  } catch (e) {
    if (e instanceof FileReadError) return e;
    throw e;
  }
  throw new Error('expected a FileReadError');
};

describe('readRegularFile', () => {
  it('reads a regular file up to and at its cap', () => {
    const f = join(tempDir('read'), 'a.txt');
    writeFileSync(f, 'hello');
    expect(readRegularFile(f, 5).toString()).toBe('hello');
    expect(readRegularFile(f, 1024).toString()).toBe('hello');
  });

  it('refuses a file over the cap, saying its size', () => {
    const f = join(tempDir('read'), 'big.txt');
    writeFileSync(f, 'x'.repeat(3000));
    const e = refusal(() => readRegularFile(f, 2048));
    expect(e).toMatchObject({ code: 'TOO_LARGE', size: 3000, reason: 'is larger than 2 KiB' });
  });

  it('refuses /dev/zero (size 0 to stat, endless to read) without reading it', () => {
    const t0 = performance.now();
    expect(refusal(() => readRegularFile('/dev/zero', 1024))).toMatchObject({ code: 'NOT_REGULAR', reason: 'is a character device, not a regular file' });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('refuses a FIFO at once: the open does not wait for a writer', () => {
    const fifo = join(tempDir('read'), 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(() => readRegularFile(fifo, 1024))).toMatchObject({ code: 'NOT_REGULAR', reason: 'is a named pipe (FIFO), not a regular file' });
    expect(refusal(() => readRegularFilePrefix(fifo, 1024)).code).toBe('NOT_REGULAR');
  });

  it('names a folder, a missing file, a path through a file and a symlink loop', () => {
    const d = tempDir('read');
    mkdirSync(join(d, 'sub'));
    writeFileSync(join(d, 'file'), 'x');
    symlinkSync(join(d, 'loop'), join(d, 'loop'));
    expect(refusal(() => readRegularFile(join(d, 'sub'), 10))).toMatchObject({ code: 'DIRECTORY', reason: 'is a folder, not a file' });
    expect(refusal(() => readRegularFile(join(d, 'none'), 10))).toMatchObject({ code: 'ENOENT', reason: 'no such file' });
    expect(refusal(() => readRegularFile(join(d, 'file', 'x'), 10))).toMatchObject({ code: 'ENOTDIR' });
    expect(refusal(() => readRegularFile(join(d, 'loop'), 10))).toMatchObject({ code: 'ELOOP', reason: 'is a symbolic link loop (too many levels of symbolic links)' });
  });

  it('follows a symlink to a regular file, and refuses one to a device', () => {
    const d = tempDir('read');
    writeFileSync(join(d, 'real'), 'ok');
    symlinkSync(join(d, 'real'), join(d, 'link'));
    symlinkSync('/dev/zero', join(d, 'zero'));
    expect(readRegularFile(join(d, 'link'), 10).toString()).toBe('ok');
    expect(refusal(() => readRegularFile(join(d, 'zero'), 10)).code).toBe('NOT_REGULAR');
  });
});

describe('readRegularFilePrefix, isRegularFile, unreachableReason', () => {
  it('reads only the first bytes', () => {
    const f = join(tempDir('read'), 'a.txt');
    writeFileSync(f, 'abcdefgh');
    expect(readRegularFilePrefix(f, 3).toString()).toBe('abc');
    expect(readRegularFilePrefix(f, 100).toString()).toBe('abcdefgh');
  });

  it('tells regular files from devices, FIFOs and folders without opening them', () => {
    const d = tempDir('read');
    writeFileSync(join(d, 'f'), '');
    execFileSync('mkfifo', [join(d, 'fifo')]);
    expect([join(d, 'f'), join(d, 'fifo'), d, '/dev/zero', join(d, 'none')].map(isRegularFile)).toEqual([true, false, false, false, false]);
  });

  it('says why a path cannot be looked at', () => {
    const d = tempDir('read');
    symlinkSync(join(d, 'loop'), join(d, 'loop'));
    expect(unreachableReason(d)).toBeUndefined();
    expect(unreachableReason(join(d, 'none'))).toBe('no such file or folder');
    expect(unreachableReason(join(d, 'loop'))).toBe('is a symbolic link loop (too many levels of symbolic links)');
  });
});
