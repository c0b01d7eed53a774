// Once per test run: builds the CLI bundle, so CLI tests always run the current source, and gives the run
// a temp directory of its own that must be empty at the end, so a test that leaves files behind fails the run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = join(import.meta.dirname, '..');
/** The prefix of the run's temp directory in the real temp directory; the run's process id follows it. */
export const RUN_TMP_PREFIX = 'firedrill-tests-';

/**
 * Removes the run folders in `parent` whose test run is gone without its teardown (killed by a signal or a
 * timeout), named by their process id; folders of runs still going are kept. Returns what it removed.
 */
export function removeAbandonedRunDirs(parent: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const pid = new RegExp(`^${RUN_TMP_PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(join(parent, name));
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, but another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    runTmp: string;
  }
}

/** Builds the bundle and sets TMPDIR to a fresh folder; the returned teardown throws if a test left anything in it or a run folder in the repo. */
export default function setup(project: TestProject): () => void {
  execFileSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const outerTmpdir = process.env.TMPDIR;
  // A run that was killed never ran its teardown: its folder goes now, so the temp directory does not fill up.
  removeAbandonedRunDirs(tmpdir());
  const runTmp = mkdtempSync(join(tmpdir(), `${RUN_TMP_PREFIX}${process.pid}-`));
  // Vitest forks its workers after the global setup with this process's environment, so os.tmpdir() in every
  // test, and in every CLI a test spawns, is runTmp.
  process.env.TMPDIR = runTmp;
  project.provide('runTmp', runTmp);
  const repoRuns = join(ROOT, 'firedrill-runs');
  const repoRunsBefore = existsSync(repoRuns);

  return () => {
    if (outerTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outerTmpdir;
    const left = readdirSync(runTmp).map((f) => join(runTmp, f));
    if (!repoRunsBefore && existsSync(repoRuns)) left.push(repoRuns);
    rmSync(runTmp, { recursive: true, force: true });
    if (left.length > 0) {
      // A failing teardown is only logged by vitest; the exit code has to say so too.
      process.exitCode = 1;
      throw new Error(`the tests left ${left.length} file(s) behind; make temp folders with test/helpers/tmp.ts and send CLI output there:\n  ${left.join('\n  ')}`);
    }
  };
}
