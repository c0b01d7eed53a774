// Issue 11, "Unbounded reads and hangs": a device file or FIFO, given on the command line or named inside a
// journal or run folder, is refused at once with one clear line; it is never read (once /dev/zero took a
// command to 4-14 GB, and a FIFO hung history for ever).
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';
import { expectNoStack, expectRefused, runBounded } from '../helpers/cli-bounded';
import { scorecardFixture } from '../helpers/scorecard-fixture';
import { recordedJournal } from '../helpers/recorded-journal';
import { sharedTempDirs, tempDir } from '../helpers/tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');

const shared = sharedTempDirs('bounded');
let dir: string;
let fifo: string;
const recorded = recordedJournal('bounded-run');
/** A copy of the run's journal with its lines edited, in a fresh folder; returns the journal's path. */
const editedJournal = (edit: (lines: string[]) => string[] | string): string => recorded.edited(edit);

beforeAll(() => {
  dir = shared();
  fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
});

describe('device files and FIFOs are refused at once, not read', () => {
  const targets = () => [['/dev/zero', /\/dev\/zero.*is a character device, not a regular file/], [fifo, /fifo.*is a named pipe \(FIFO\), not a regular file/]] as const;
  for (const [command, args] of [
    ['validate', (t: string) => ['validate', t]],
    ['simulate', (t: string) => ['simulate', t]],
    ['review', (t: string) => ['review', t]],
    ['replay', (t: string) => ['replay', t]],
    ['simulate --script', (t: string) => ['simulate', INTRO, '--script', t]],
  ] as const) {
    it(`${command} on /dev/zero and on a FIFO`, () => {
      for (const [target, message] of targets()) expectRefused(runBounded(args(target), { cwd: dir }), message, `${command} ${target}`);
    });
  }

  it('history on /dev/zero and on a FIFO', () => {
    for (const [target] of targets()) expectRefused(runBounded(['history', target], { cwd: dir }), /not a folder/, `history ${target}`);
  });
});

describe('paths and files named inside other files are data', () => {
  it('replay does not read a header\'s scenario.file that is a device or a FIFO; it finds the scenario by id instead', () => {
    for (const file of ['/dev/zero', fifo]) {
      const journal = editedJournal(([header, ...rest]) => {
        const h = JSON.parse(header!);
        return [JSON.stringify({ ...h, scenario: { ...h.scenario, file } }), ...rest];
      });
      const r = runBounded(['replay', journal]);
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/reproduces/);
    }
  });

  it('history skips a scorecard.json that links to /dev/zero and lists a run whose journal.jsonl is a FIFO', () => {
    const root = join(tempDir('history'), 'runs');
    const zero = join(root, '20261120T100000Z-zero');
    mkdirSync(zero, { recursive: true });
    symlinkSync('/dev/zero', join(zero, 'scorecard.json'));
    const piped = join(root, '20261121T100000Z-piped');
    mkdirSync(piped);
    writeFileSync(join(piped, 'scorecard.json'), JSON.stringify(scorecardFixture()));
    execFileSync('mkfifo', [join(piped, 'journal.jsonl')]);
    const r = runBounded(['history', root]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/skipped .*20261120T100000Z-zero\/scorecard\.json: is a character device, not a regular file/);
    expect(r.stdout).toMatch(/2026-11-21/);
    expectNoStack(r.stderr);
  });
});
