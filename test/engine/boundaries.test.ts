// The engine's rules, checked on the source: no UI imports, no system clock, no unseeded randomness.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

const ENGINE = ['src/engine', 'src/scenario', 'src/scoring', 'src/bots'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('engine boundaries', () => {
  const sources = ENGINE.flatMap((d) => files(join(ROOT, d)));

  it('covers every engine module', () => {
    expect(sources.length).toBeGreaterThan(40);
  });

  for (const [what, re] of [
    ['ink or react imports', /from ['"](ink|react)(\/[^'"]*)?['"]/],
    ['imports of the UI', /from ['"][./]*\/ui\//],
    ['Math.random', /Math\.random/],
    ['Date.now', /Date\.now/],
    ['new Date() (the current time)', /new Date\(\s*\)/],
  ] as const) {
    it(`has no ${what}`, () => {
      const offenders = sources.filter((f) => re.test(readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')));
      expect(offenders).toEqual([]);
    });
  }
});
