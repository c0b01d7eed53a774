// Behaviour pinned before the engine refactor (issue 10): the journal and scorecard of every library scenario,
// seeds 1–3, both bot policies, and every human-typed fairness script, must hash as they did when this was recorded.
// To record again after a change that is meant to alter behaviour: FIREDRILL_UPDATE_GOLDEN=1 npx vitest run test/golden
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JournalEvent, JournalHeader } from '../../src/engine/journal';
import { comparable } from '../../src/engine/replay';
import { score } from '../../src/scoring/score';
import { ROOT } from '../helpers/cli';
import { drill, shipped } from '../helpers/drill';
import { play, team } from '../scoring/fairness/team';

const FILE = join(ROOT, 'test', 'golden', 'golden-journals.json');
const UPDATE = process.env.FIREDRILL_UPDATE_GOLDEN === '1';
const recorded: Record<string, { journal: string; scorecard: string; events: number }> = existsSync(FILE)
  ? JSON.parse(readFileSync(FILE, 'utf8'))
  : {};
const seen: typeof recorded = {};

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The journal as replay compares it: no wall-clock times, and the header without the firedrill version. */
function journalHash(header: JournalHeader, events: readonly JournalEvent[]): string {
  const { wall: _w, firedrill: _v, ...rest } = header;
  return sha([JSON.stringify(rest), ...events.map(comparable)].join('\n'));
}

/** The scorecard without the version that wrote it. */
function cardHash(card: object): string {
  const { version: _v, ...rest } = card as { version?: string };
  return sha(JSON.stringify(rest));
}

function check(key: string, header: JournalHeader, events: readonly JournalEvent[], card: object): void {
  const got = { journal: journalHash(header, events), scorecard: cardHash(card), events: events.length };
  seen[key] = got;
  if (UPDATE) return;
  expect(recorded[key], `${key} has no recorded hash; record with FIREDRILL_UPDATE_GOLDEN=1`).toBeDefined();
  expect(got).toEqual(recorded[key]);
}

const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
const SCRIPTS = readdirSync(join(ROOT, 'test', 'scoring', 'fairness', 'scripts')).filter((f) => f.endsWith('.yaml')).sort();

describe('golden journals: behaviour is unchanged', () => {
  for (const file of SCENARIOS) {
    for (const bots of ['by-the-book', 'sloppy'] as const) {
      it(`${file} × seeds 1–3 × ${bots} bots`, () => {
        const scenario = shipped(join(ROOT, 'scenarios', file));
        for (const seed of ['1', '2', '3']) {
          const d = drill(scenario, { seed, bots });
          d.session.runSimulated();
          const header = d.journal.headerLine!;
          check(`${file} ${seed} ${bots}`, header, d.journal.events, score(scenario, header, d.journal.events));
        }
      });
    }
  }
  for (const file of SCRIPTS) {
    it(`${file}: a human team typing the fairness script`, () => {
      const t = team(file.replace(/\.yaml$/, ''));
      const p = play(t);
      check(`typed ${file}`, p.header, p.events, p.card);
    });
  }
  afterAll(() => {
    if (UPDATE) writeFileSync(FILE, `${JSON.stringify(seen, null, 1)}\n`);
  });
});
