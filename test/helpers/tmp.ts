// Temp folders for tests, each removed by the test or file that made it, so `npm test` leaves nothing
// behind. The global setup points TMPDIR at a folder of its own for the run and fails the run if
// anything is left in it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/** The prefix of every temp folder a test makes, so a leftover is recognisable (inside the run's firedrill-tests-* folder). */
export const TMP_PREFIX = 'fd-';

const make = (label: string) => mkdtempSync(join(tmpdir(), `${TMP_PREFIX}${label}-`));
const remove = (dir: string) => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });

/** A fresh temp folder, removed when the current test finishes (call it inside a test). */
export function tempDir(label = 'tmp'): string {
  let dir: string | undefined;
  // Registered first, so a call outside a test throws before it makes anything.
  onTestFinished(() => {
    if (dir) remove(dir);
  });
  dir = make(label);
  return dir;
}

/** Registers cleanup for the enclosing file or describe block and returns a maker of temp folders removed after its last test (call it at collection time; use the maker in beforeAll or tests). */
export function sharedTempDirs(label = 'tmp'): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) remove(dir);
  });
  return () => {
    const dir = make(label);
    made.push(dir);
    return dir;
  };
}
