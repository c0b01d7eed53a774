// The shipped scenario library (issue 14 item 10): at least sixteen scenarios, every file validates cleanly,
// by-the-book bots resolve it on seeds 1–5, and careless bots score at least 25 points lower on the same seed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/scenario-file';
import { ROOT } from '../helpers/cli';
import { expectFairOnSeed } from '../helpers/scoring';

const DIR = join(ROOT, 'scenarios');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const SEEDS = ['1', '2', '3', '4', '5'];

describe('the scenario library', () => {
  it('has at least sixteen scenarios with the spread the catalog promises', () => {
    const all = FILES.map((f) => loadScenario(join(DIR, f)).scenario!);
    expect(all.length).toBeGreaterThanOrEqual(16);
    // The scenarios added for issue 14 use format v2 where it makes their stories more realistic.
    expect(all.filter((s) => s.version === 2).length).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((s) => s.difficulty))).toEqual(new Set(['intro', 'medium', 'hard']));
    expect(all.filter((s) => s.roles.includes('customer-liaison')).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((s) => s.probes.some((p) => p.redHerring)).length).toBeGreaterThanOrEqual(2);
    expect(all.some((s) => s.roles.includes('deputy') && s.durationMs >= 90 * 60_000)).toBe(true);
    const minutes = all.map((s) => s.durationMs / 60_000);
    expect(Math.min(...minutes)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...minutes)).toBeLessThanOrEqual(120);
    expect(Math.min(...minutes)).toBe(15);
    expect(Math.max(...minutes)).toBe(120);
  });

  it('lists every scenario in the catalog', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    const catalog = readme.slice(readme.indexOf('## Catalog'));
    for (const f of FILES) expect(catalog, f).toContain(`| \`${f.replace(/\.yaml$/, '')}\` |`);
  });

  for (const file of FILES) {
    describe(file, () => {
      const { scenario, problems } = loadScenario(join(DIR, file));

      it('validates with no errors and no lint warnings', () => {
        expect(problems).toEqual([]);
        expect(scenario).toBeDefined();
      });

      it(`by-the-book bots resolve it and careless bots score at least 25 lower (seeds ${SEEDS.join(', ')})`, () => {
        for (const seed of SEEDS) expectFairOnSeed(scenario!, seed);
      });
    });
  }
});
