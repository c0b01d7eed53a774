/** The drill history: finding run folders with a scorecard, and the tables, trends and role rotation built from them. */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../engine/roles';
import { ScorecardError, readScorecard } from './scorecard-schema';
import type { Scorecard } from './types';

/** One scored run: its folder, its scorecard, and when it started (ISO, UTC) if that can be told. */
export interface RunRecord {
  readonly dir: string;
  readonly card: Scorecard;
  readonly startedAt: string | null;
}

/** A run folder that could not be used, and why. */
export interface SkippedRun {
  readonly path: string;
  readonly reason: string;
}

const SCORECARD = 'scorecard.json';
const JOURNAL = 'journal.jsonl';

/**
 * Finds run folders under `root`: the folder itself, its children and grandchildren (runs grouped one
 * level deep, e.g. by team). A folder with a scorecard is a run and is not searched further. A folder with
 * a journal but no scorecard is a run that was cut off (or predates scoring) and is reported as skipped,
 * as is a scorecard that cannot be read; the rest are read and returned oldest first.
 */
export function findRuns(root: string): { runs: RunRecord[]; skipped: SkippedRun[] } {
  const runs: RunRecord[] = [];
  const skipped: SkippedRun[] = [];
  const visit = (dir: string, depth: number): void => {
    const names = listDir(dir);
    if (names === undefined) {
      if (depth > 0) skipped.push({ path: dir, reason: 'cannot read this folder' });
      return;
    }
    if (names.includes(SCORECARD)) {
      const path = join(dir, SCORECARD);
      try {
        runs.push({ dir, card: readScorecard(path), startedAt: runStartedAt(dir, names) });
      } catch (e) {
        if (!(e instanceof ScorecardError)) throw e;
        skipped.push({ path, reason: e.reason });
      }
      return;
    }
    if (names.includes(JOURNAL)) {
      skipped.push({ path: dir, reason: 'has a journal but no scorecard.json (the drill was interrupted, or ran before scoring existed)' });
      return;
    }
    if (depth >= 2) return;
    for (const name of names.sort()) {
      const child = join(dir, name);
      if (isDir(child)) visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return { runs: sortRuns(runs), skipped };
}

function listDir(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Oldest first; runs whose start is unknown go last, in folder order, so the order never depends on the file system. */
export function sortRuns(runs: readonly RunRecord[]): RunRecord[] {
  return [...runs].sort((a, b) => {
    if (a.startedAt !== b.startedAt) {
      if (a.startedAt === null) return 1;
      if (b.startedAt === null) return -1;
      return a.startedAt < b.startedAt ? -1 : 1;
    }
    return a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0;
  });
}

// The journal header's first line is small; a larger read would only mean a broken file.
const HEADER_BYTES = 64 * 1024;
const STAMP_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/;

/**
 * When a run started. The scorecard has no wall-clock time (scoring never reads it), so this is the
 * journal header's `wall`, else the UTC stamp the default folder name starts with, else unknown.
 */
export function runStartedAt(dir: string, names: readonly string[] = listDir(dir) ?? []): string | null {
  if (names.includes(JOURNAL)) {
    const wall = journalWall(join(dir, JOURNAL));
    if (wall) return wall;
  }
  const stamp = STAMP_RE.exec(dir.split(/[\\/]/).filter(Boolean).at(-1) ?? '');
  if (stamp) {
    const [, y, mo, d, h, mi, s] = stamp;
    return `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
  }
  return null;
}

function journalWall(path: string): string | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEADER_BYTES);
    const n = readSync(fd, buf, 0, HEADER_BYTES, 0);
    const first = buf.subarray(0, n).toString('utf8').split('\n')[0] ?? '';
    const header = JSON.parse(first) as { wall?: unknown };
    const wall = typeof header.wall === 'string' ? new Date(header.wall) : undefined;
    return wall && !Number.isNaN(wall.getTime()) ? wall.toISOString() : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Runs of one scenario (by id). */
export function forScenario(runs: readonly RunRecord[], scenarioId: string): RunRecord[] {
  return runs.filter((r) => r.card.scenario.id === scenarioId);
}

/** One line of the history table. */
export interface HistoryRow {
  readonly dir: string;
  readonly startedAt: string | null;
  readonly scenario: string;
  readonly title: string;
  /** Everyone who held command, in the order they appear in the scorecard (more than one after a handover). */
  readonly ic: readonly string[];
  /** Null for a drill that ended before there was a response to score. */
  readonly score: number | null;
  readonly grade: Scorecard['grade'];
  readonly outcome: Scorecard['outcome'];
  /** Key times in drill milliseconds; null when it never happened. */
  readonly times: { readonly acknowledge: number | null; readonly command: number | null; readonly mitigate: number | null; readonly resolve: number | null };
}

/** The history table, one row per run, in the runs' order. */
export function historyRows(runs: readonly RunRecord[]): HistoryRow[] {
  return runs.map(({ dir, card, startedAt }) => ({
    dir, startedAt, scenario: card.scenario.id, title: card.scenario.title,
    ic: card.participants.filter((p) => p.roles.includes('ic')).map((p) => p.name),
    score: card.score, grade: card.grade, outcome: card.outcome,
    times: {
      acknowledge: card.metrics.timeToAcknowledge?.ms ?? null,
      command: card.metrics.timeToCommand?.ms ?? null,
      mitigate: card.metrics.timeToMitigate?.ms ?? null,
      resolve: card.metrics.timeToResolve?.ms ?? null,
    },
  }));
}

/** How one scenario's drills went over time, oldest first. */
export interface ScenarioTrend {
  readonly scenario: string;
  readonly title: string;
  readonly runs: number;
  readonly scores: readonly number[];
  /** Time to mitigate per run; null when that run never mitigated. */
  readonly mitigateMs: readonly (number | null)[];
  readonly best: number;
  readonly latest: number;
}

/** Per-scenario trends of the scored runs, in the order each scenario first appears. */
export function scenarioTrends(runs: readonly RunRecord[]): ScenarioTrend[] {
  const groups = new Map<string, RunRecord[]>();
  for (const r of runs) if (r.card.score !== null) groups.set(r.card.scenario.id, [...(groups.get(r.card.scenario.id) ?? []), r]);
  return [...groups.entries()].map(([scenario, rs]) => {
    const scores = rs.map((r) => r.card.score ?? 0);
    return {
      scenario, title: rs.at(-1)!.card.scenario.title, runs: rs.length, scores,
      mitigateMs: rs.map((r) => r.card.metrics.timeToMitigate?.ms ?? null),
      best: Math.max(...scores), latest: scores.at(-1)!,
    };
  });
}

/** The roles one person has held across the runs. */
export interface PersonRoles {
  readonly name: string;
  /** Runs the person took part in. */
  readonly runs: number;
  /** How many runs they held each role in (a handover can give one person two roles in a run). */
  readonly roles: Readonly<Partial<Record<Role, number>>>;
  /** Index (in the runs given, oldest first) of the last run they took part in, held IC, held Scribe; -1 for never. */
  readonly lastRun: number;
  readonly lastIc: number;
  readonly lastScribe: number;
}

/**
 * Roles held per person, people only: bots are left out because their names are made up afresh for
 * each seed and they gain no experience from a drill. Names are matched ignoring case and
 * surrounding space; the spelling from the latest run is shown.
 */
export function peopleRoles(runs: readonly RunRecord[]): PersonRoles[] {
  const people = new Map<string, { name: string; runs: number; roles: Partial<Record<Role, number>>; lastRun: number; lastIc: number; lastScribe: number }>();
  runs.forEach(({ card }, index) => {
    for (const p of card.participants) {
      if (p.kind !== 'human') continue;
      const key = p.name.trim().toLowerCase();
      const entry = people.get(key) ?? { name: p.name.trim(), runs: 0, roles: {}, lastRun: -1, lastIc: -1, lastScribe: -1 };
      // Count a run once per person even if the scorecard listed them twice.
      if (entry.lastRun !== index) entry.runs += 1;
      entry.name = p.name.trim();
      entry.lastRun = index;
      for (const role of new Set(p.roles)) {
        entry.roles[role] = (entry.roles[role] ?? 0) + 1;
        if (role === 'ic') entry.lastIc = index;
        if (role === 'scribe') entry.lastScribe = index;
      }
      people.set(key, entry);
    }
  });
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Who should take a role next, and how often they have held it. */
export interface Suggestion {
  readonly name: string;
  readonly held: number;
}

/**
 * Who should be IC and Scribe next to spread the experience: the person who has held the role least;
 * on a tie, the one who held it longest ago (never counts as longest), then the one seen most recently
 * (still on the team), then by name. The Scribe pick is never the IC pick when anyone else is available.
 */
export function suggestRotation(people: readonly PersonRoles[]): { ic: Suggestion | null; scribe: Suggestion | null } {
  const pick = (role: 'ic' | 'scribe', last: (p: PersonRoles) => number, exclude?: string): Suggestion | null => {
    const pool = people.filter((p) => p.name !== exclude);
    const candidates = pool.length ? pool : people;
    const best = [...candidates].sort((a, b) =>
      (a.roles[role] ?? 0) - (b.roles[role] ?? 0) || last(a) - last(b) || b.lastRun - a.lastRun || a.name.localeCompare(b.name))[0];
    return best ? { name: best.name, held: best.roles[role] ?? 0 } : null;
  };
  const ic = pick('ic', (p) => p.lastIc);
  return { ic, scribe: pick('scribe', (p) => p.lastScribe, ic?.name) };
}
