/** All randomness in a drill comes from one seed, split into independent named streams. */
import seedrandom from 'seedrandom';
import { faker as baseFaker } from '@faker-js/faker/locale/en';
import type { Faker } from '@faker-js/faker';

/** A seeded stream of numbers in [0, 1) with the helpers the engine and bots need. */
export interface Rng {
  next(): number;
  /** An integer in [min, max], inclusive. */
  int(min: number, max: number): number;
  /** A duration in [minMs, maxMs], rounded to whole seconds so journals stay readable. */
  delay(minMs: number, maxMs: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** Creates the stream named `label` for a seed; streams do not disturb each other. */
export function createRng(seed: string | number, label: string): Rng {
  const prng = seedrandom(`${seed}/${label}`);
  const rng: Rng = {
    next: () => prng.quick(),
    int: (min, max) => min + Math.floor(prng.quick() * (max - min + 1)),
    delay: (minMs, maxMs) => Math.round((minMs + prng.quick() * (maxMs - minMs)) / 1000) * 1000,
    pick: (items) => {
      if (!items.length) throw new Error('pick from an empty list');
      return items[Math.floor(prng.quick() * items.length)]!;
    },
    chance: (p) => prng.quick() < p,
  };
  return rng;
}

/** A Faker instance (English) driven by a seeded stream, so names and log lines follow the seed. */
export function createFaker(seed: string | number, label: string): Faker {
  const prng = seedrandom(`${seed}/${label}`);
  let current = prng;
  const FakerClass = baseFaker.constructor as new (opts: ConstructorParameters<typeof Faker>[0]) => Faker;
  return new FakerClass({
    locale: baseFaker.rawDefinitions,
    randomizer: {
      next: () => current.quick(),
      seed: (s) => {
        current = seedrandom(`${seed}/${label}/${Array.isArray(s) ? s.join(',') : s}`);
      },
    },
  });
}
