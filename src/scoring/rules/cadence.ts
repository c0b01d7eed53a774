/** Rhythm: RD-20 status updates keep their cadence, RD-21 severity early and never lowered, RD-22 severity high enough, RD-14 deputy callouts. */
import { formatDuration } from '../../scenario/duration';
import { deputyCallout } from '../../engine/intent/phrases';
import { targetsOf } from '../../scenario/targets';
import { dueInDrill, icAt, PARAMS } from '../journal-index';
import { violation, type Rule } from '../rule';
import type { Violation } from '../types';
import { escapeRe } from '../../engine/intent/escape-re';

const LEVEL = (s: unknown) => Number(String(s).replace(/\D/g, '')) || 9;

/** The moments the incident is "open" for cadence checks: from command until resolution (or the end). */
export function openWindow(ix: Parameters<Rule['check']>[0]['ix']): { from: number; to: number } | undefined {
  if (ix.tIc === undefined) return undefined;
  return { from: ix.tIc, to: ix.tResolved ?? ix.tEnd };
}

export const statusCadence: Rule = {
  id: 'RD-20', title: 'The IC gives status updates on a steady rhythm', role: 'ic', severity: 'high',
  source: 'training/incident_commander.md',
  notApplicable: ({ ix }) => (ix.tIc === undefined ? 'nobody took command' : undefined),
  check: ({ ix, scenario }) => {
    const w = openWindow(ix)!;
    const limit = targetsOf(scenario).statusEvery;
    const updates = ix.of('status.update').filter((e) => e.atMs >= w.from && e.atMs <= w.to);
    const out: Violation[] = [];
    let last = w.from;
    const claim = ix.first('role.claim')!;
    // The update was owed by whoever held command when it fell due (given a minute to take stock after a handover).
    const owedBy = (deadline: number): string => {
      const holder = ix.icStints.find((st) => st.from <= deadline && st.to >= deadline);
      return holder && deadline - holder.from < PARAMS.GRACE && holder.from > w.from ? (icAt(ix, holder.from - 1) ?? holder.name) : (holder?.name ?? claim.actor);
    };
    for (const u of updates) {
      if (u.atMs - last > limit) out.push(violation(u, `${formatDuration(u.atMs - last)} passed without a status update (every ${formatDuration(limit)} expected)`, owedBy(last + limit)));
      last = u.atMs;
    }
    if (w.to - last > limit) out.push(violation(updates.at(-1) ?? claim, `${formatDuration(w.to - last)} passed without a status update at the end (every ${formatDuration(limit)} expected)`, owedBy(last + limit)));
    const expected = Math.max(1, Math.floor((w.to - w.from) / limit));
    return { violations: out, penalty: Math.min(1, out.length / expected) };
  },
};

export const severityDiscipline: Rule = {
  id: 'RD-21', title: 'Severity is declared early (by the first status update) and not lowered before mitigation', role: 'ic', severity: 'medium',
  source: 'before/severity_levels.md; resources/anti_patterns.md',
  notApplicable: ({ ix }) => (ix.tIc === undefined ? 'nobody took command' : undefined),
  check: ({ ix, scenario }) => {
    const out: Violation[] = [];
    const sev = ix.first('sev.set');
    const firstStatus = ix.first('status.update');
    const claim = ix.first('role.claim')!;
    if (!sev) {
      if (firstStatus || dueInDrill(ix, claim.atMs + targetsOf(scenario).severity)) out.push(violation(claim, 'severity was never declared'));
    } else if (firstStatus && firstStatus.atMs < sev.atMs) out.push(violation(firstStatus, 'a status update went out before any severity was declared'));
    for (const e of ix.of('sev.set')) {
      if (e.data.previous && LEVEL(e.data.level) > LEVEL(e.data.previous) && e.data.mitigated !== true) {
        out.push(violation(e, `severity lowered from ${e.data.previous} to ${e.data.level} before mitigation`));
      }
    }
    return { violations: out };
  },
};


export const severityMatchesImpact: Rule = {
  id: 'RD-22', title: 'Severity is at least what the impact calls for (if unsure, the higher one)', role: 'ic', severity: 'medium',
  source: 'before/severity_levels.md; during/during_an_incident.md',
  notApplicable: ({ ix }) => (ix.tIc === undefined ? 'nobody took command' : ix.of('sev.set').length === 0 ? 'no severity was declared (RD-21 covers that)' : undefined),
  check: ({ ix, scenario }) => {
    const expected = scenario.expects.severity;
    const grace = targetsOf(scenario).severity;
    const until = ix.tMitigated ?? ix.tResolved ?? ix.tEnd;
    const sets = ix.of('sev.set');
    const out: Violation[] = [];
    // Below the expected level for longer than the severity target, before the impact stopped.
    sets.forEach((e, i) => {
      if (LEVEL(e.data.level) <= LEVEL(expected) || e.atMs >= until) return;
      // Lowering a declared severity is RD-21's to judge; this rule is about declaring too low.
      if (e.data.previous && LEVEL(e.data.level) > LEVEL(e.data.previous)) return;
      // Raising it soon after (the Deputy's prompt) keeps the rule; still too low when the impact stopped does not.
      const raised = sets.slice(i + 1).find((n) => LEVEL(n.data.level) <= LEVEL(expected))?.atMs;
      const fixed = raised !== undefined && raised < until && raised - e.atMs <= grace;
      if (!fixed && !out.length) {
        const how = raised === undefined || raised >= until ? 'and it was never raised while the impact lasted' : `for ${formatDuration(raised - e.atMs)}`;
        out.push(violation(e, `declared ${e.data.level} where the impact called for ${expected}, ${how}`));
      }
    });
    return { violations: out };
  },
};

export const deputyCallouts: Rule = {
  id: 'RD-14', title: 'The Deputy calls out every 10 minutes and when a time box runs out', role: 'deputy', severity: 'low',
  source: 'training/deputy.md',
  notApplicable: ({ ix }) => (ix.first('role.appoint', (e) => e.data.role === 'deputy') ? undefined : 'no deputy was appointed'),
  check: ({ ix }) => {
    const deputies = new Set(ix.of('role.appoint').filter((e) => e.data.role === 'deputy').map((e) => e.data.user));
    const callouts = ix.of('say').filter((e) => deputies.has(e.actor) && deputyCallout(e.data.text));
    const start = ix.tTrigger ?? ix.tIc!;
    const end = ix.tResolved ?? ix.tEnd;
    const out: Violation[] = [];
    const appoint = ix.first('role.appoint', (e) => e.data.role === 'deputy')!;
    let marks = 0;
    const deputy = appoint.data.user;
    for (let m = start + 10 * 60_000; m <= end; m += 10 * 60_000) {
      // No callouts are due before the appointment, or while the deputy holds command after a handover.
      // ...nor near a mark the drill ended within two minutes of.
      if (m < appoint.atMs || icAt(ix, m) === deputy || !dueInDrill(ix, m + 2 * 60_000, m)) continue;
      marks++;
      if (!callouts.some((c) => Math.abs(c.atMs - m) <= 2 * 60_000)) out.push(violation(appoint, `no elapsed-time callout near the ${Math.round((m - start) / 60_000)}-minute mark`, appoint.data.user));
    }
    const dues = ix.of('task.due').filter((d) => d.atMs >= appoint.atMs && icAt(ix, d.atMs) !== deputy && dueInDrill(ix, d.atMs + PARAMS.GRACE, d.atMs));
    for (const d of dues) {
      // A timer callout names the task or its owner ("the time box on T2 has run out", "carol's timer is up").
      const names = new RegExp(`\\b(?:${d.data.id}|${escapeRe(d.data.to)})\\b`, 'i');
      if (!callouts.some((c) => c.atMs >= d.atMs && c.atMs - d.atMs <= PARAMS.GRACE && names.test(c.data.text))) {
        out.push(violation(d, `no callout when ${d.data.id}'s time box ran out`, appoint.data.user));
      }
    }
    return { violations: out, penalty: Math.min(1, out.length / Math.max(1, marks + dues.length)) };
  },
};
