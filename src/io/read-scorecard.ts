/** Reading a scorecard.json file: a bounded read of a regular file, then the scoring schema's parser. */
import { ScorecardError, parseScorecard } from '../scoring/scorecard-schema';
import type { Scorecard } from '../scoring/types';
import { FileReadError, readRegularFile } from './read-bounded';

// A scorecard is a few hundred KB at most; anything far larger is not one, and reading it whole would hurt.
const MAX_BYTES = 32 * 1024 * 1024;

/** Reads and checks a scorecard.json file; throws a ScorecardError saying what is wrong with it. */
export function readScorecard(path: string): Scorecard {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, MAX_BYTES);
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    switch (e.code) {
      case 'DIRECTORY': throw new ScorecardError(path, 'is a folder, not a scorecard.json file');
      case 'TOO_LARGE': throw new ScorecardError(path, e.size === undefined ? 'is larger than 32 MiB, too large to be a scorecard' : `is ${Math.round(e.size / 1024 / 1024)} MiB, too large to be a scorecard`);
      case 'NOT_REGULAR': throw new ScorecardError(path, `${e.reason}; a scorecard is a scorecard.json file`);
      default: throw new ScorecardError(path, e.reason);
    }
  }
  return parseScorecard(path, bytes.toString('utf8'));
}
