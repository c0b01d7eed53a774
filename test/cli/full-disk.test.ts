// The run folder's files on a full disk: scorecard.json, scorecard.md and postmortem.md are each written atomically,
// the journal keeps its whole lines, and the drill says in one line what could not be written.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { readJournal } from '../../src/io/read-journal';
import { ROOT, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');
const FILES = ['journal.jsonl', 'postmortem.md', 'scorecard.json', 'scorecard.md'];
const tmp = () => tempDir('full-disk');
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);

describe('a full disk', () => {
  it('a scorecard file cut short: one line naming the run folder, the other files kept, no partial file, exit 1', () => {
    const out = join(tmp(), 'run');
    // The disk fills 4096 bytes into postmortem.md, where the file used to be left cut (with a stack trace).
    const r = runCli(['simulate', INTRO, '--seed', '4', '--out', out], { env: { FIREDRILL_TEST_FAIL_WRITE: 'ENOSPC:postmortem.md@4096' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`firedrill: could not write the run folder ${out}: no space left on the device (ENOSPC); kept journal.jsonl, scorecard.json, scorecard.md; not written: postmortem.md\n`);
    noStack(r.stderr);
    expect(readdirSync(out).sort()).toEqual(['journal.jsonl', 'scorecard.json', 'scorecard.md']);
    expect(JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')).outcome).toBe('resolved');
    expect(readJournal(join(out, 'journal.jsonl')).events.at(-1)?.type).toBe('drill.end');
  });

  it('the journal cut short: it keeps its whole lines and replays up to there; the scorecards are still written; exit 1', () => {
    const out = join(tmp(), 'run');
    const r = runCli(['simulate', INTRO, '--seed', '4', '--json', '--out', out], { env: { FIREDRILL_TEST_FAIL_WRITE: 'ENOSPC:journal.jsonl@10000' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^firedrill: could not write the run folder ${out}: no space left on the device \\(ENOSPC\\); kept journal\\.jsonl \\(its first \\d+ lines\\), scorecard\\.json, scorecard\\.md, postmortem\\.md\\n$`));
    const text = readFileSync(join(out, 'journal.jsonl'), 'utf8');
    expect(text.length).toBeLessThanOrEqual(10_000);
    expect(text.endsWith('\n')).toBe(true);
    const lines = Number(/its first (\d+) lines/.exec(r.stderr)?.[1]);
    expect(text.split('\n').length - 1).toBe(lines);
    expect(readJournal(join(out, 'journal.jsonl')).truncated).toBe(false);
    const replay = runCli(['replay', out]);
    expect(replay.code, replay.stdout + replay.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(FILES);
  });

  it('every file refused: the journal keeps what it had, the message says nothing else was written, exit 1', () => {
    const out = join(tmp(), 'run');
    const r = runCli(['simulate', INTRO, '--seed', '4', '--out', out], { env: { FIREDRILL_TEST_FAIL_WRITE: 'ENOSPC:*@2000' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/; kept journal\.jsonl \(its first \d+ lines\); not written: scorecard\.json, scorecard\.md, postmortem\.md\n$/);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(readdirSync(out)).toEqual(['journal.jsonl']);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole, or leaves it as it was when the write fails part-way', async () => {
    vi.stubEnv('FIREDRILL_TEST_FAIL_WRITE', 'ENOSPC:big.txt@4096');
    vi.resetModules();
    onTestFinished(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
    });
    const { writeFileAtomic } = await import('../../src/io/file-system');
    const dir = tmp();
    const small = join(dir, 'small.txt');
    writeFileSync(small, 'old');
    writeFileAtomic(small, 'new');
    expect(readFileSync(small, 'utf8')).toBe('new');
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'old');
    expect(() => writeFileAtomic(big, 'x'.repeat(10_000))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(readFileSync(big, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['big.txt', 'small.txt']);
  });
});

describe('FileJournal', () => {
  it('never throws into the drill when a write fails: it keeps whole lines, stops, and says so once', async () => {
    vi.stubEnv('FIREDRILL_TEST_FAIL_WRITE', 'EIO:journal.jsonl@100');
    vi.resetModules();
    onTestFinished(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
    });
    const { FileJournal } = await import('../../src/io/file-journal');
    const path = join(tmp(), 'journal.jsonl');
    const j = new FileJournal(path);
    const failures: string[] = [];
    j.onFailure = (e) => failures.push(String(e.code));
    const line = { seq: 1, text: 'x'.repeat(30) };
    for (let i = 0; i < 5; i++) j.event(line as never);
    j.close();
    expect(failures).toEqual(['EIO']);
    expect(j.failure?.code).toBe('EIO');
    expect(j.lines).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(line)}\n`.repeat(2));
    // The journal is created exclusively: a second one in the same place is refused.
    expect(() => new FileJournal(path)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
  });
});
