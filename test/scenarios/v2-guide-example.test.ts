// The complete annotated v2 example of the guide (docs/scenario-format-v2.md) is a real scenario: the guide holds
// the file verbatim, it validates with no problems at all, by-the-book bots resolve it, careless ones score far
// lower, and every run replays exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay';
import { loadScenario } from '../../src/io/scenario-file';
import { ROOT } from '../helpers/cli';
import { expectFairOnSeed } from '../helpers/scoring';

const FILE = join(ROOT, 'docs/examples/photo-purge.yaml');

describe('the v2 guide\'s complete example', () => {
  const { scenario, problems } = loadScenario(FILE);

  it('is in the guide verbatim and validates with no problems', () => {
    expect(readFileSync(join(ROOT, 'docs/scenario-format-v2.md'), 'utf8')).toContain(`\`\`\`yaml\n${readFileSync(FILE, 'utf8')}\`\`\``);
    expect(problems).toEqual([]);
    expect(scenario?.version).toBe(2);
  });

  it('is resolved by by-the-book bots (seeds 1–5), careless bots score at least 25 lower, and runs replay exactly', () => {
    for (const seed of ['1', '2', '3', '4', '5']) {
      const { good, bad } = expectFairOnSeed(scenario!, seed);
      for (const d of [good, bad]) expect(replay(scenario!, d.journal.headerLine!, d.journal.events).reproduces, `seed ${seed}`).toBe(true);
    }
  });
});
