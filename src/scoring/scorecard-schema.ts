/** Checking scorecard.json text: a zod schema of the contract keys, and errors that name the file. io/read-scorecard.ts reads the file. */
import * as z from 'zod';
import { stripControl } from '../engine/sanitize';
import { ROLES } from '../engine/roles';
import type { Outcome } from '../engine/session';
import { METRIC_KEYS, type MetricKey, type Scorecard } from './types';

const OUTCOMES = ['resolved', 'timed-out', 'aborted'] as const satisfies readonly Outcome[];
const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;

const ms = z.number().finite().nonnegative();
// A metric is a difference of two times and can be negative (command taken before the trigger).
const metric = z.object({ ms: z.number().finite(), targetMs: ms, met: z.boolean() });
const metrics = z.object(Object.fromEntries(METRIC_KEYS.map((k) => [k, metric.nullable()])) as Record<MetricKey, z.ZodNullable<typeof metric>>);
const timelineEntry = z.object({ atMs: ms, actor: z.string(), role: z.string(), kind: z.string(), text: z.string() });
const violation = z.object({
  atMs: ms, actor: z.string(),
  evidence: z.object({ seq: z.number().int(), type: z.string(), note: z.string() }),
});
const rule = z.object({
  id: z.string(), title: z.string(), role: z.enum([...ROLES, 'all']), severity: z.enum(['high', 'medium', 'low']),
  weight: z.number().finite().nonnegative(), source: z.string(), status: z.enum(['passed', 'violated', 'not-applicable']),
  reason: z.string().optional(), penalty: z.number().min(0).max(1), violations: z.array(violation), advisories: z.array(violation).optional(),
});
// v2 scorecards only: wrong moves taken and time in worse phases.
const judgement = z.object({
  actions: z.array(z.object({
    action: z.string(), title: z.string(), kind: z.enum(['harmful', 'red-herring']), atMs: ms, actor: z.string(), actorKind: z.enum(['human', 'bot']),
    orderedBy: z.string().nullable(), completed: z.boolean(), led: z.string().nullable(), points: z.number().finite().nonnegative(),
    why: z.string().optional(), seq: z.number().int(),
  })),
  points: z.number().finite().nonnegative(),
  worsePhases: z.array(z.object({
    phase: z.string(), fromMs: ms, toMs: ms, ms, action: z.string().nullable(), actor: z.string().nullable(),
  })),
  worseMs: ms,
});
const participant = z.object({
  name: z.string(), seat: z.enum(ROLES).optional(), roles: z.array(z.enum(ROLES)), kind: z.enum(['human', 'bot']), score: z.number().finite().nullable(),
  // Older scorecards lack a participant grade.
  grade: z.enum(GRADES).nullable().default(null),
  violations: z.array(z.object({ rule: z.string(), atMs: ms, note: z.string() })), strengths: z.array(z.string()),
});

/** The schema of scorecard.json (../shared/design/architecture.md). Unknown keys are dropped, missing ones are errors. */
export const scorecardSchema: z.ZodType<Scorecard> = z.object({
  scenario: z.object({ id: z.string().min(1), title: z.string(), hash: z.string() }),
  seed: z.string(),
  version: z.string(),
  outcome: z.enum(OUTCOMES),
  score: z.number().finite().min(0).max(100).nullable(),
  grade: z.enum(GRADES).nullable(),
  notScored: z.string().optional(),
  metrics,
  rules: z.array(rule),
  judgement: judgement.optional(),
  participants: z.array(participant),
  scribe: z.object({
    coverage: z.number().min(0).max(1).nullable(), noted: z.number().int().nonnegative(), total: z.number().int().nonnegative(),
    missed: z.array(timelineEntry),
  }),
  timeline: z.array(timelineEntry),
  deductions: z.array(z.object({ what: z.string(), points: z.number().finite() })),
  drill: z.object({
    durationMs: ms, endedAtMs: ms,
    // Older scorecards lack it; reading them as "every metric applies" matches what they were scored with.
    metricsNotApplicable: z.array(z.enum(METRIC_KEYS)).default([]),
    severityMinutes: z.record(z.string(), z.number().finite().nonnegative()),
    rootCause: z.string(), postmortemOwner: z.string().nullable(), todos: z.array(z.string()),
    expectedSeverity: z.string().optional(), postmortemDue: z.string().nullable().optional(),
  }),
});

/** A scorecard file that is missing, unreadable, corrupt or incomplete; the message starts with the path. */
export class ScorecardError extends Error {
  override readonly name = 'ScorecardError';
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
  }
}

/** Checks scorecard JSON text read from `path` (named in errors). */
export function parseScorecard(path: string, text: string): Scorecard {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new ScorecardError(path, 'is empty (was the drill stopped while it was being written?)');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    // The parser quotes a piece of the file in its message: clean it, the file may hold anything.
    throw new ScorecardError(path, `is not valid JSON, so it is corrupt or was cut off while being written (${stripControl((e as Error).message)})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ScorecardError(path, 'is not a scorecard (expected a JSON object)');
  const parsed = scorecardSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new ScorecardError(path, `is not a complete scorecard: ${describeIssues(data, parsed.error.issues)}`);
}

// At most this many problems are spelled out; a file that is badly wrong would otherwise print pages.
const SHOWN_ISSUES = 3;

function describeIssues(data: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map((i) => {
    const at = issuePath(i.path) || '(top level)';
    // A key that is not there at all is the usual sign of a partial file: say so plainly.
    if (isMissing(data, i.path)) return `${at} is missing`;
    return `${at}: ${i.message.replace(/^Invalid (input|option): /, '')}`;
  });
  const more = issues.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`;
}

/** Whether the value at `path` is absent from its parent object (rather than present with a wrong value). */
function isMissing(data: unknown, path: readonly PropertyKey[]): boolean {
  if (!path.length) return false;
  let parent: unknown = data;
  for (const key of path.slice(0, -1)) {
    if (!parent || typeof parent !== 'object') return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  return !!parent && typeof parent === 'object' && !Object.hasOwn(parent, path.at(-1)!);
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}
