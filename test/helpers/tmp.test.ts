import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { removeAbandonedRunDirs, RUN_TMP_PREFIX } from '../global-setup';
import { sharedTempDirs, tempDir, TMP_PREFIX } from './tmp';

describe('the run\'s temp directory', () => {
  it('is what os.tmpdir() gives in a test and in a process a test spawns', () => {
    const runTmp = inject('runTmp');
    expect(basename(runTmp).startsWith(RUN_TMP_PREFIX)).toBe(true);
    expect(tmpdir()).toBe(runTmp);
    const child = spawnSync(process.execPath, ['-p', 'require("node:os").tmpdir()'], { encoding: 'utf8' });
    expect(child.stdout.trim()).toBe(runTmp);
  });

  it('names its process, and a later run removes the folder of a run killed before its teardown', () => {
    const parent = tempDir('runs');
    // A process that has exited: its id names a run that is gone.
    const dead = spawnSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }).stdout.trim();
    const gone = join(parent, `${RUN_TMP_PREFIX}${dead}-abc123`);
    const live = join(parent, `${RUN_TMP_PREFIX}${process.pid}-def456`);
    const other = join(parent, 'something-else');
    for (const d of [gone, live, other]) mkdirSync(d);
    mkdirSync(join(gone, 'left-inside'));
    expect(removeAbandonedRunDirs(parent)).toEqual([gone]);
    expect([gone, live, other].map(existsSync)).toEqual([false, true, true]);
  });
});

describe('tempDir', () => {
  let made = '';
  it('makes a fresh prefixed folder in the temp directory', () => {
    made = tempDir('probe');
    expect(dirname(made)).toBe(tmpdir());
    expect(basename(made).startsWith(`${TMP_PREFIX}probe-`)).toBe(true);
    expect(existsSync(made)).toBe(true);
    expect(tempDir('probe')).not.toBe(made);
  });

  it('removed it when the test that made it finished', () => {
    expect(made).not.toBe('');
    expect(existsSync(made)).toBe(false);
  });

  describe('called outside a test', () => {
    let error: unknown;
    beforeAll(() => {
      try {
        tempDir('outside');
      } catch (e) {
        error = e;
      }
    });
    it('throws, and makes nothing', () => {
      expect(error).toBeInstanceOf(Error);
      expect(readdirSync(tmpdir()).filter((f) => f.startsWith(`${TMP_PREFIX}outside-`))).toEqual([]);
    });
  });
});

describe('sharedTempDirs', () => {
  let dir = '';
  describe('a block that shares a folder', () => {
    const make = sharedTempDirs('shared');
    beforeAll(() => {
      dir = make();
    });
    it('keeps it for its first test', () => expect(existsSync(dir)).toBe(true));
    it('and for its last', () => expect(existsSync(dir)).toBe(true));
  });
  it('removed it once the block was done', () => {
    expect(dir).not.toBe('');
    expect(existsSync(dir)).toBe(false);
  });
});
