/** Each participant's own result: the roles they held, their violations, strengths and personal score. */
import type { JournalEvent, JournalParticipant } from '../engine/journal';
import type { Role } from '../engine/roles';
import { grade } from './grade';
import type { JournalIndex } from './journal-index';
import type { ParticipantResult, RuleResult } from './types';

/** Points a participant loses per violation, by rule severity. */
const PERSONAL_COST = { high: 15, medium: 10, low: 5 } as const;

function rolesHeld(name: string, seat: Role, ix: JournalIndex): Role[] {
  const roles = new Set<Role>([seat]);
  for (const a of ix.of('role.appoint')) if (a.data.user === name) roles.add(a.data.role);
  if (ix.icStints.some((s) => s.name === name)) roles.add('ic');
  else roles.delete('ic');
  return [...roles];
}

/** A participant's result from the judged rules; no score when the drill was not scored. */
export function participantResult(
  p: JournalParticipant, ix: JournalIndex, events: readonly JournalEvent[], rules: readonly RuleResult[], notScored: string | undefined,
): ParticipantResult {
  const roles = rolesHeld(p.name, p.seat, ix);
  const mine = rules.flatMap((r) => r.violations.filter((v) => v.actor === p.name).map((v) => ({ rule: r.id, severity: r.severity, atMs: v.atMs, note: v.evidence.note })));
  const acted = events.some((e) => e.type === 'input' && e.actor === p.name);
  const strengths = acted
    ? rules.filter((r) => r.status === 'passed' && (roles as string[]).includes(r.role)).map((r) => r.title)
    : [];
  const cost = mine.reduce((n, v) => n + PERSONAL_COST[v.severity], 0);
  const own = notScored ? null : Math.max(0, 100 - cost);
  return {
    name: p.name, seat: p.seat, roles, kind: p.kind, score: own, grade: own === null ? null : grade(own),
    violations: mine.map(({ rule, atMs, note }) => ({ rule, atMs, note })), strengths,
  };
}
