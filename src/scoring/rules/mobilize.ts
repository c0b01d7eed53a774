/** Getting people onto the call: RD-04 page an IC when none is there, RD-06 identify before contributing. */
import { formatDuration } from '../../scenario/duration';
import { PARAMS } from '../journal-index';
import { violation, type Rule } from '../rule';
import type { Violation } from '../types';
import type { EventType } from '../../engine/events';

/** Event types that count as taking part in the response (acknowledging a page or triggering does not). */
const CONTRIBUTIONS = new Set<EventType>(['say', 'probe.start', 'action.start', 'task.report', 'scribe.note', 'draft.submit', 'poll.object']);

export const pageAnIc: Rule = {
  id: 'RD-04', title: 'If no IC is present, page one rather than carry on without', role: 'all', severity: 'medium',
  source: 'before/call_etiquette.md; during/during_an_incident.md',
  notApplicable: ({ ix }) => (ix.of('participant.join').some((e) => e.data.implicit !== true) ? undefined : 'nobody joined a call before someone took command'),
  check: ({ ix }) => {
    const first = ix.of('participant.join').find((e) => e.data.implicit !== true)!;
    // An IC paged, or someone taking command, within T_IC of the first join keeps the rule.
    const answered = Math.min(ix.tTrigger ?? Infinity, ix.tIc ?? Infinity);
    if (answered - first.atMs <= PARAMS.T_IC) return { violations: [] };
    return {
      violations: [violation(first, answered === Infinity
        ? 'people joined the call and no Incident Commander was paged (/trigger) or took command'
        : `nobody paged an Incident Commander until ${formatDuration(answered - first.atMs)} after people joined`)],
    };
  },
};

export const identifyFirst: Rule = {
  id: 'RD-06', title: 'Everyone who joins says who they are and what they cover before contributing', role: 'all', severity: 'low',
  source: 'before/call_etiquette.md; during/during_an_incident.md',
  notApplicable: ({ ix }) => (ix.of('participant.join').length ? undefined : 'nobody joined the call'),
  check: ({ ix }) => {
    const joined = new Set<string>();
    const flagged = new Set<string>();
    const out: Violation[] = [];
    for (const e of ix.events) {
      if (e.type === 'participant.join') {
        joined.add(e.actor);
        // Taking command ("This is NAME, I am the Incident Commander") is the IC's identification.
        if (e.data.implicit !== true && String(e.data.system ?? '').trim() === '') out.push(violation(e, 'joined without saying what they cover (/join SYSTEM)'));
      } else if (CONTRIBUTIONS.has(e.type) && e.role !== 'system' && !joined.has(e.actor) && !flagged.has(e.actor)) {
        flagged.add(e.actor);
        out.push(violation(e, 'took part before joining the call and saying who they are'));
      }
    }
    return { violations: out };
  },
};
