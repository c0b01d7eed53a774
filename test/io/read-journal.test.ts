// readJournal decodes a file line by line (a 50 MB line is never held twice); it must read every journal exactly as
// parsing the whole text does: with or without a last line feed, a byte-order mark, a line cut off by a crash,
// multi-byte characters, and the errors' line numbers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalError, parseJournal } from '../../src/engine/parse-journal';
import { readJournal } from '../../src/io/read-journal';
import { drill, starter } from '../helpers/drill';
import { tempDir } from '../helpers/tmp';

const d = drill(starter(), { bots: 'by-the-book' });
d.session.start();
d.session.advanceTo(30 * 60_000);
const text = d.journal.text();

const outcome = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (e) {
    return e instanceof JournalError ? `JournalError: ${e.message}` : e;
  }
};

describe('readJournal', () => {
  it('reads what parsing the whole text reads, whatever the file\'s ends and characters', () => {
    const lines = text.trimEnd().split('\n');
    const variants = {
      clean: text,
      'no last line feed': text.trimEnd(),
      'byte-order mark': `\uFEFF${text}`,
      'cut last line': `${text}{"seq":99,"atMs":`,
      'multi-byte text': text.replace('"type":"drill.start"', '"type":"drill.start","note":"Zoë 👍🏽 漢字"'),
      'bad middle line': [...lines.slice(0, 3), 'not json', ...lines.slice(3)].join('\n'),
      empty: '',
      'only a line feed': '\n',
    };
    const dir = tempDir('read-journal');
    for (const [name, content] of Object.entries(variants)) {
      const path = join(dir, `${name}.jsonl`);
      writeFileSync(path, content);
      expect(outcome(() => readJournal(path)), name).toEqual(outcome(() => parseJournal(content, path)));
    }
    expect(readJournal(join(dir, 'clean.jsonl')).events.length).toBeGreaterThan(3);
    expect(readJournal(join(dir, 'cut last line.jsonl')).truncated).toBe(true);
  });
});
