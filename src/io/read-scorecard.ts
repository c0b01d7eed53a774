/** Reading a scorecard.json file: a bounded read, then the scoring schema's parser. */
import { readFileSync, statSync } from 'node:fs';
import { ScorecardError, parseScorecard } from '../scoring/scorecard-schema';
import type { Scorecard } from '../scoring/types';

// A scorecard is a few hundred KB at most; anything far larger is not one, and reading it whole would hurt.
const MAX_BYTES = 32 * 1024 * 1024;

/** Reads and checks a scorecard.json file; throws a ScorecardError saying what is wrong with it. */
export function readScorecard(path: string): Scorecard {
  let text: string;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ScorecardError(path, 'is a folder, not a scorecard.json file');
    if (st.size > MAX_BYTES) throw new ScorecardError(path, `is ${Math.round(st.size / 1024 / 1024)} MiB, too large to be a scorecard`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof ScorecardError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScorecardError(path, code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? (e as Error).message})`);
  }
  return parseScorecard(path, text);
}
