/** Taking and holding command: RD-01, RD-02, RD-05, RD-26. */
import { formatDuration } from '../../scenario/duration';
import { deputyCallout, namesFullTitle } from '../../engine/intent/phrases';
import type { EventOf } from '../../engine/events';
import { targetsOf } from '../../scenario/targets';
import { dueInDrill, PARAMS } from '../journal-index';
import { violation, type Rule } from '../rule';
import type { Violation } from '../types';

const noTrigger = (ctx: Parameters<NonNullable<Rule['notApplicable']>>[0]) =>
  ctx.ix.tTrigger === undefined ? 'incident response was never triggered' : undefined;

export const announceCommand: Rule = {
  id: 'RD-01', title: 'An IC takes command early and announces it as "Incident Commander" with their name', role: 'ic', severity: 'high',
  source: 'training/incident_commander.md', notApplicable: noTrigger,
  check: ({ ix, scenario }) => {
    const page = ix.first('ic.page')!;
    const claim = ix.first('role.claim');
    // The Incident Commander on call was paged and is who should have answered.
    const onCall = ix.first('page.sent', (e) => e.data.team === 'incident-commanders')?.data.user;
    if (!claim && !dueInDrill(ix, page.atMs + targetsOf(scenario).command)) return { violations: [] };
    if (!claim) return { violations: [violation(page, 'nobody took command after the response was triggered', typeof onCall === 'string' ? onCall : 'nobody')], penalty: 1 };
    const out: Violation[] = [];
    const within = targetsOf(scenario).command;
    if (claim.atMs - page.atMs > within) out.push(violation(claim, `command was taken ${formatDuration(claim.atMs - page.atMs)} after the trigger (within ${formatDuration(within)} expected)`));
    // The announcement may come with /ic or in the claimant's next line ("/ic", then "This is alice, I am the Incident Commander").
    const said = [claim, ...ix.of('role.announce').filter((e) => e.actor === claim.actor && e.atMs - claim.atMs <= PARAMS.GRACE)];
    if (!said.some((e) => namesFullTitle(String(e.data.text ?? ''), claim.actor))) {
      out.push(violation(claim, 'the announcement did not say "This is NAME, I am the Incident Commander"'));
    }
    return { violations: out };
  },
};

export const oneCommander: Rule = {
  id: 'RD-02', title: 'One IC at a time; command changes only by handover', role: 'all', severity: 'medium',
  source: 'before/different_roles.md',
  notApplicable: ({ ix }) => (ix.tIc === undefined ? 'nobody took command' : undefined),
  check: ({ ix }) => {
    const out: Violation[] = [];
    let ic: string | undefined;
    for (const e of ix.events) {
      if (e.type === 'role.claim') ic = e.actor;
      // The engine refuses a claim on command someone holds (typed /ic, or "I'm taking command" said in chat).
      else if (e.type === 'cmd.error' && ic && e.actor !== ic && e.data.code === 'command-held') {
        out.push(violation(e, `tried to take command while ${ic} held it, without a handover`));
      }
    }
    return { violations: out };
  },
};

export const nameStaff: Rule = {
  id: 'RD-05', title: 'The IC names the Deputy and the Scribe soon after taking command', role: 'ic', severity: 'medium',
  source: 'during/during_an_incident.md',
  notApplicable: ({ ix, scenario }) =>
    ix.tIc === undefined ? 'nobody took command' : !scenario.roles.some((r) => r === 'scribe' || r === 'deputy') ? 'the scenario has no deputy or scribe seat' : undefined,
  check: ({ ix, scenario }) => {
    const claim = ix.first('role.claim')!;
    const out: Violation[] = [];
    for (const role of ['deputy', 'scribe'] as const) {
      if (!scenario.roles.includes(role)) continue;
      const appointed = ix.first('role.appoint', (e) => e.data.role === role);
      if (!appointed && !dueInDrill(ix, claim.atMs + PARAMS.T_STAFF)) continue;
      if (!appointed || appointed.atMs - claim.atMs > PARAMS.T_STAFF) {
        out.push(violation(appointed ?? claim, appointed ? `the ${role} was named ${formatDuration(appointed.atMs - claim.atMs)} after command was taken` : `no ${role} was named`, claim.actor));
      }
    }
    return { violations: out };
  },
};

export const icFatigue: Rule = {
  id: 'RD-26', title: 'Hand over command about every hour, and never hold it past three', role: 'ic', severity: 'low',
  source: 'training/courses/incident_response.md',
  notApplicable: ({ ix }) => (ix.tIc === undefined || ix.tEnd - ix.tIc <= PARAMS.IC_STINT_ADVISORY ? 'no IC could hold command for an hour in this drill' : undefined),
  check: ({ ix }) => {
    const claims = ix.of('role.claim');
    const out: Violation[] = [];
    const advice: Violation[] = [];
    // Past three hours is the hard limit; past an hour is advice (a tired IC may still be doing well).
    ix.icStints.forEach((s, i) => {
      const long = s.to - s.from;
      if (long > 3 * PARAMS.IC_STINT_ADVISORY) out.push(violation(claims[i]!, `held command for ${formatDuration(long)}, past the 3-hour limit`));
      else if (long > PARAMS.IC_STINT_ADVISORY) advice.push(violation(claims[i]!, `held command for ${formatDuration(long)} without a handover (about hourly is advised)`));
    });
    return { violations: out, advisories: advice, penalty: out.length ? 1 : 0 };
  },
};

/** A chat line that hands someone (not `except`) work: addressed to them, asking for an action, a probe or a report. */
function directs(e: EventOf<'say'>, except: string, people: readonly string[]): boolean {
  const text = e.data.text;
  // The Deputy's "IC, be advised: the time box on T8 has run out" keeps time; it hands nobody work.
  if (deputyCallout(text)) return false;
  const to = e.data.mentions.filter((m) => m !== except);
  const opener = /^\s*@?([\p{L}][\p{L}\p{N}_-]*)\s*[,:]/u.exec(text)?.[1]?.toLowerCase();
  const opensWithName = opener !== undefined && opener !== except.toLowerCase() && people.some((p) => p.toLowerCase() === opener);
  // "I am also on cert-check" names a probe; only words outside ids can be an order.
  const words = text.replace(/\b[\w]+(?:-[\w]+)+\b/g, ' ');
  return (to.length > 0 || opensWithName) && ASKS_WORK.test(words);
}

// Words of an order: "please check", "can you restart", "report back", "roll back", "take a look".
const ASKS_WORK = /\b(?:please|can\s+you|could\s+you|would\s+you|go\s+(?:and\s+)?|report\s+back|check|look|restart|roll|run|fail|revert|flush|page|take\s+a\s+look|dig|investigate)\b/i;

export const handoverProtocol: Rule = {
  id: 'RD-25', title: 'At a handover the new IC re-announces within a minute, and the outgoing IC steps back', role: 'ic', severity: 'low',
  source: 'training/incident_commander.md; training/courses/incident_response.md',
  notApplicable: ({ ix }) => (ix.of('handover.announce').length ? undefined : 'command was never handed over'),
  check: ({ ix }) => {
    const out: Violation[] = [];
    const handovers = ix.of('handover.announce');
    handovers.forEach((h, i) => {
      const to = h.data.to;
      const from = h.actor;
      const until = handovers[i + 1]?.atMs ?? ix.tEnd;
      // The engine records the new IC's own announcement (/ic, or saying so in chat) as role.announce.
      const announced = ix.of('role.announce').some((e) => e.actor === to && e.atMs >= h.atMs && e.atMs - h.atMs <= PARAMS.GRACE);
      if (!announced && dueInDrill(ix, h.atMs + PARAMS.GRACE, h.atMs)) out.push(violation(h, `${to} did not announce "I am now the Incident Commander" within a minute of the handover`, to));
      // The outgoing IC may talk and answer questions; directing people (an IC-only command, or asking someone other
      // than the new IC to do a task in chat) undermines the new IC.
      const meddling = ix.events.find((e) => e.actor === from && e.atMs > h.atMs && e.atMs <= until
        && ((e.type === 'cmd.error' && /^only the Incident Commander /.test(e.data.message)) || (e.type === 'say' && directs(e, to, [...ix.seats.keys()]))));
      if (meddling) out.push(violation(meddling, `${from} kept directing the call after handing command to ${to}`));
    });
    return { violations: out };
  },
};
