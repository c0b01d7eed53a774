// Issue 11, "Errors": file-system errors are one line naming the path and what to do, with exit 1; exit 2
// and a stack trace stay for real bugs.
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fsErrorMessage, streamErrorMessage } from '../../src/cli/fs-error';
import { ROOT, runCli } from '../helpers/cli';
import { expectRefused, runBounded } from '../helpers/cli-bounded';
import { sharedTempDirs, tempDir } from '../helpers/tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');
const shared = sharedTempDirs('fs-errors');
let runDir: string;

beforeAll(() => {
  runDir = join(shared(), 'run');
  const r = runCli(['simulate', INTRO, '--seed', '9', '--out', runDir]);
  expect(r.code, r.stderr).toBe(0);
});

describe('file-system errors are one line naming the path, exit 1', () => {
  it('a symlink loop is said to be one, not "no such file"', () => {
    const loop = join(tempDir('loop'), 'loop');
    symlinkSync(loop, loop);
    for (const args of [['replay', loop], ['review', loop], ['history', loop], ['validate', loop], ['new', 'x', '--dir', loop]]) {
      expectRefused(runBounded(args), /loop:( error:)? is a symbolic link loop \(too many levels of symbolic links\)/, args.join(' '));
    }
  });

  it('new --dir on a file, and new --force onto a folder', () => {
    const d = tempDir('new');
    writeFileSync(join(d, 'afile'), 'x');
    expectRefused(runBounded(['new', 'demo', '--dir', join(d, 'afile')]), /afile is a file, not a folder/, 'new --dir afile');
    mkdirSync(join(d, 'demo.yaml'));
    expectRefused(runBounded(['new', 'demo', '--dir', d, '--force']), /demo\.yaml: is a folder, not a file; give the path of a file/, 'new --force onto a folder');
  });

  it('stdout on a full device (/dev/full) is one line on stderr and exit 1, not the bundle and a stack', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['schema'], ['validate', INTRO], ['review', runDir, '--print'], ['replay', runDir]]) {
        const r = runBounded(args, { stdout: full });
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stderr).toBe('firedrill: cannot write to standard output: no space left on the device (ENOSPC)\n');
      }
    } finally {
      closeSync(full);
    }
  });
});

const errno = (code: string, syscall: string, path?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: something, ${syscall} '${path}'`), { code, syscall, ...(path ? { path } : {}) });

describe('file-system errors', () => {
  it('are one line naming the path and what to do', () => {
    expect(fsErrorMessage(errno('EROFS', 'open', '/mnt/ro/run/journal.jsonl'))).toBe('/mnt/ro/run/journal.jsonl: is on a read-only file system; choose a folder on a writable disk (e.g. --out DIR)');
    expect(fsErrorMessage(errno('ENOSPC', 'write', '/full/run/scorecard.json'))).toBe('/full/run/scorecard.json: cannot be written: no space left on the device; free some space, or choose a folder on another disk');
    expect(fsErrorMessage(errno('ENOTDIR', 'mkdir', 'afile/run'))).toBe('afile/run: a part of the path is a file, not a folder; check the path');
    expect(fsErrorMessage(errno('EACCES', 'open', '/root/x'))).toMatch(/^\/root\/x: permission denied; /);
    expect(fsErrorMessage(errno('ELOOP', 'stat', 'loop'))).toMatch(/^loop: is a symbolic link loop/);
    expect(fsErrorMessage(errno('EISDIR', 'open', 'dir.yaml'))).toMatch(/^dir\.yaml: is a folder, not a file/);
    expect(fsErrorMessage(errno('ENOSPC', 'write'))).toMatch(/^cannot write: cannot be written: no space left/);
    for (const code of ['EROFS', 'ENOTDIR', 'EACCES', 'ENOSPC', 'ELOOP', 'EISDIR', 'EPIPE']) expect(fsErrorMessage(errno(code, 'open', 'p'))).not.toContain('\n');
  });

  it('leave everything else to the internal-error path (a bug is still exit 2)', () => {
    expect(fsErrorMessage(new TypeError('x is undefined'))).toBeUndefined();
    expect(fsErrorMessage(Object.assign(new Error('odd'), { code: 'ERR_SOMETHING' }))).toBeUndefined();
    expect(fsErrorMessage(errno('EWEIRD', 'open', 'p'))).toBeUndefined();
    expect(fsErrorMessage('a string')).toBeUndefined();
  });

  it('on stdout name the stream', () => {
    expect(streamErrorMessage('stdout', errno('ENOSPC', 'write'))).toBe('cannot write to standard output: no space left on the device (ENOSPC)');
  });
});
