// One real run of the intro scenario, recorded once per test file, and copies of its journal edited line by line:
// what the replay and bounded-read tests feed the CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { ROOT, runCli } from './cli';
import { sharedTempDirs, tempDir } from './tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');

/** Records the run in beforeAll (call at collection time); edited() copies its journal, edited, into a fresh folder. */
export function recordedJournal(label: string, seed = '9') {
  const shared = sharedTempDirs(label);
  let runDir = '';
  beforeAll(() => {
    runDir = join(shared(), 'run');
    const r = runCli(['simulate', INTRO, '--seed', seed, '--out', runDir]);
    expect(r.code, r.stderr).toBe(0);
  });
  return {
    /** The recorded run folder. */
    runDir: () => runDir,
    /** The journal's lines as recorded. */
    lines: (): string[] => readFileSync(join(runDir, 'journal.jsonl'), 'utf8').trim().split('\n'),
    /** A copy of the journal with its lines edited (or replaced by whole text), named `name`; returns its path. */
    edited(edit: (lines: string[]) => string[] | string, name = 'journal.jsonl'): string {
      const out = join(tempDir('journal'), name);
      const edited = edit(this.lines());
      writeFileSync(out, typeof edited === 'string' ? edited : `${edited.join('\n')}\n`);
      return out;
    },
  };
}
