/** The drill history: the tables, trends and role rotation built from scored runs (io/run-folders.ts finds them on disk). */
import type { Role } from '../engine/roles';
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

/** When a run started, `2026-11-26 15:30` (UTC), or — when that is unknown. */
export function runDate(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '—';
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
  /** Everyone who held command, in the order they took it (more than one after a handover). */
  readonly ic: readonly string[];
  /** Null for a drill that ended before there was a response to score. */
  readonly score: number | null;
  readonly grade: Scorecard['grade'];
  readonly outcome: Scorecard['outcome'];
  /** Key times in drill milliseconds; null when it never happened. */
  readonly times: { readonly acknowledge: number | null; readonly command: number | null; readonly mitigate: number | null; readonly resolve: number | null };
  /** v2: the points harmful and red-herring moves cost and how many were taken; null for a v1 scenario, which judges none. */
  readonly judgement: { readonly points: number; readonly moves: number } | null;
}

/** A run's judged moves for a table cell: "−13 (2 moves)", "0", or — for a v1 run, which judges none. */
export function judgedCell(r: HistoryRow): string {
  if (!r.judgement) return '—';
  const { points, moves } = r.judgement;
  return moves ? `−${points} (${moves} ${moves === 1 ? 'move' : 'moves'})` : '0';
}

/** The history table, one row per run, in the runs' order. */
export function historyRows(runs: readonly RunRecord[]): HistoryRow[] {
  return runs.map(({ dir, card, startedAt }) => ({
    dir, startedAt, scenario: card.scenario.id, title: card.scenario.title,
    ic: icOrder(card),
    score: card.score, grade: card.grade, outcome: card.outcome,
    times: {
      acknowledge: card.metrics.timeToAcknowledge?.ms ?? null,
      command: card.metrics.timeToCommand?.ms ?? null,
      mitigate: card.metrics.timeToMitigate?.ms ?? null,
      resolve: card.metrics.timeToResolve?.ms ?? null,
    },
    judgement: card.judgement ? { points: card.judgement.points, moves: card.judgement.actions.length } : null,
  }));
}

/**
 * Who held command, in the order they took it: the timeline's claims (a handover back repeats a name). The
 * participants list is in cast order, which put a second IC before the first; it is only the fallback for a
 * scorecard whose timeline has no claim.
 */
export function icOrder(card: Scorecard): string[] {
  const claims = card.timeline.filter((e) => e.kind === 'role.claim').map((e) => e.actor);
  const order = claims.filter((name, i) => name !== claims[i - 1]);
  return order.length ? order : card.participants.filter((p) => p.roles.includes('ic')).map((p) => p.name);
}

/** Fewer runs than this make no trend: one or two points drawn as a sparkline look like a finding and are not. */
export const MIN_TREND_RUNS = 3;

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
