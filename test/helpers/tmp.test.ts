import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { RUN_TMP_PREFIX } from '../global-setup';
import { sharedTempDirs, tempDir, TMP_PREFIX } from './tmp';

describe('the run\'s temp directory', () => {
  it('is what os.tmpdir() gives in a test and in a process a test spawns', () => {
    const runTmp = inject('runTmp');
    expect(basename(runTmp).startsWith(RUN_TMP_PREFIX)).toBe(true);
    expect(tmpdir()).toBe(runTmp);
    const child = spawnSync(process.execPath, ['-p', 'require("node:os").tmpdir()'], { encoding: 'utf8' });
    expect(child.stdout.trim()).toBe(runTmp);
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
