// Compatibility (issue 14 item 9): byte copies of the v1 library as it was before format v2 keep validating with
// no problems at all (what --strict asks) and keep running as they did: the same journal, outcome and score for
// the same seed, recorded in expected.json from the engine before v2 existed.
// To record again (only if v1 behaviour is meant to change): FIREDRILL_UPDATE_V1=1 npx vitest run test/scenarios/v1-library.test.ts
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparable } from '../../src/engine/replay';
import { loadScenario } from '../../src/io/scenario-file';
import { score } from '../../src/scoring/score';
import { ROOT } from '../helpers/cli';
import { drill } from '../helpers/drill';

const DIR = join(ROOT, 'test', 'fixtures', 'v1-library');
const FILE = join(DIR, 'expected.json');
const UPDATE = process.env.FIREDRILL_UPDATE_V1 === '1';
type Run = { outcome: string; score: number | null; journal: string };
const expected: Record<string, Run> = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
const seen: Record<string, Run> = {};
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
/** Event types format v2 added: a v1 run never makes them. */
const V2_EVENTS = ['inject.skipped', 'variable.set', 'question.answer'];

describe('v1 library files (byte copies kept as fixtures)', () => {
  it('holds the twelve files of the v1 library', () => {
    expect(FILES).toHaveLength(12);
  });

  for (const file of FILES) {
    it(`${file}: validates with no problems and replays seeds 1–3 as before`, () => {
      const { scenario, problems } = loadScenario(join(DIR, file));
      expect(problems).toEqual([]);
      for (const bots of ['by-the-book', 'sloppy'] as const) {
        for (const seed of ['1', '2', '3']) {
          const d = drill(scenario!, { seed, bots });
          d.session.runSimulated();
          const events = d.journal.events;
          for (const e of events) expect(V2_EVENTS).not.toContain(e.type);
          const card = score(scenario!, d.journal.headerLine!, events);
          const got: Run = {
            outcome: d.session.outcome ?? 'unfinished', score: card.score ?? null,
            journal: createHash('sha256').update(events.map(comparable).join('\n')).digest('hex').slice(0, 16),
          };
          const key = `${file} ${seed} ${bots}`;
          seen[key] = got;
          if (!UPDATE) expect(got, key).toEqual(expected[key]);
        }
      }
    });
  }

  afterAll(() => {
    if (UPDATE) writeFileSync(FILE, `${JSON.stringify(seen, null, 1)}\n`);
  });
});
