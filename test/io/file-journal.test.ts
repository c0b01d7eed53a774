// The journal file: created exclusively, and reopened for a resumed drill with any half-written last line cut off,
// so the file a killed host left and the lines the resumed drill adds read back as one journal that replays.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryJournal } from '../../src/engine/journal';
import { comparable, replay } from '../../src/engine/replay';
import { resumeSession, ResumeError } from '../../src/engine/resume';
import { FileJournal } from '../../src/io/file-journal';
import { readJournal } from '../../src/io/read-journal';
import { finish, recordDrill, withBots } from '../helpers/resumable-drill';
import { tempDir } from '../helpers/tmp';

const rec = recordDrill();
const memory = new MemoryJournal();
memory.header(rec.header);
for (const e of rec.events) memory.event(e);
const TEXT = memory.text();
const LINES = TEXT.split('\n').slice(0, -1).map((l) => `${l}\n`);

/** A copy of the recorded journal file, cut after `bytes` bytes. */
function cutFile(bytes: number): string {
  const path = join(tempDir('journal'), 'journal.jsonl');
  writeFileSync(path, Buffer.from(TEXT, 'utf8').subarray(0, bytes));
  return path;
}

const offsetOfLine = (n: number) => Buffer.byteLength(LINES.slice(0, n).join(''), 'utf8');

describe('FileJournal', () => {
  it('never opens a journal that exists for a new drill', () => {
    const path = cutFile(offsetOfLine(3));
    expect(() => new FileJournal(path)).toThrow(/EEXIST/);
    expect(readFileSync(path, 'utf8')).toBe(LINES.slice(0, 3).join(''));
  });

  it('append: cuts a half-written last line, writes no header (the file has one), and adds whole lines after the last whole one', () => {
    const path = cutFile(offsetOfLine(5) + 17);
    const j = FileJournal.append(path);
    expect(j.lines).toBe(5);
    expect(readFileSync(path, 'utf8')).toBe(LINES.slice(0, 5).join(''));
    j.header(rec.header);
    j.event(rec.events[4]!);
    j.close();
    expect(readFileSync(path, 'utf8')).toBe(LINES.slice(0, 6).join(''));
    expect(j.lines).toBe(6);
  });

  it('append: keeps a last line that lacks only its line feed (a reader takes it whole), ending it', () => {
    const path = cutFile(offsetOfLine(5) - 1);
    expect(readJournal(path).events).toHaveLength(4);
    const j = FileJournal.append(path);
    j.close();
    expect(readFileSync(path, 'utf8')).toBe(LINES.slice(0, 5).join(''));
  });

  it('append: refuses a file that is not there, or has no whole line, and leaves it as it was', () => {
    const dir = tempDir('journal');
    expect(() => FileJournal.append(join(dir, 'missing.jsonl'))).toThrow(/ENOENT/);
    expect(existsSync(join(dir, 'missing.jsonl'))).toBe(false);
    const path = cutFile(20);
    expect(() => FileJournal.append(path)).toThrow(/no whole line/);
    expect(readFileSync(path).length).toBe(20);
  });

  // Cut at line ends, mid-line and mid-instant: each resumes into the same file, and the file ends up as one drill's journal.
  const cuts = [offsetOfLine(1), offsetOfLine(2) + 5, offsetOfLine(5) + 10, offsetOfLine(6), offsetOfLine(12) + 40, offsetOfLine(30) + 1, offsetOfLine(LINES.length - 1) + 3];
  for (const bytes of cuts) {
    it(`a drill killed after byte ${bytes} resumes into its own file, and the whole file replays`, () => {
      const path = cutFile(bytes);
      const read = readJournal(path);
      const journal = FileJournal.append(path);
      const session = resumeSession(rec.scenario, read.header, read.events, journal, { attach: withBots, wall: () => 'resumed' });
      // The file's last event (what the catch-up added included) is where the recording's later input picks up.
      finish(session, rec, journal.lines - 1, true);
      journal.close();
      const after = readJournal(path);
      expect(after.truncated).toBe(false);
      expect(after.header).toEqual(rec.header);
      expect(after.events.map(comparable)).toEqual(rec.events.map(comparable));
      expect(replay(rec.scenario, after.header, after.events).reproduces).toBe(true);
      expect(after.events.slice(read.events.length).every((e) => e.wall === 'resumed')).toBe(true);
    });
  }

  it('a tampered file is refused before anything is added to it', () => {
    const path = cutFile(offsetOfLine(30));
    writeFileSync(path, readFileSync(path, 'utf8').replace('"user":"carol","level":1', '"user":"carol","level":2'));
    const read = readJournal(path);
    const before = readFileSync(path, 'utf8');
    const journal = FileJournal.append(path);
    expect(() => resumeSession(rec.scenario, read.header, read.events, journal, { attach: withBots })).toThrow(ResumeError);
    journal.close();
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});
