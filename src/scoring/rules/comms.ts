/** Communication: RD-27 executive swoops handled, RD-33 posts approved, RD-34 external timing, RD-35 no promised fix times. */
import { addressesIncidentCommander, answersSwoop, hostIn, promisedFixTime } from '../../engine/intent/phrases';
import { formatDuration } from '../../scenario/duration';
import { targetsOf } from '../../scenario/targets';
import { dueInDrill, icAt, PARAMS } from '../journal-index';
import { violation, type Rule } from '../rule';
import type { Violation } from '../types';

export const handleSwoop: Rule = {
  id: 'RD-27', title: 'An executive swoop is answered: offer command or keep comments to the end', role: 'ic', severity: 'low',
  source: 'training/incident_commander.md',
  notApplicable: ({ ix }) => (ix.tIc !== undefined && ix.of('inject').some((e) => e.data.kind === 'exec-swoop' && e.atMs >= ix.tIc!) ? undefined : 'no executive swooped in while someone held command'),
  check: ({ ix }) => {
    const says = ix.of('say').filter((e) => e.role === 'ic' || e.role === 'internal-liaison');
    const out: Violation[] = [];
    for (const swoop of ix.of('inject').filter((e) => e.data.kind === 'exec-swoop' && e.atMs >= ix.tIc!)) {
      const reply = says.find((s) => s.atMs >= swoop.atMs && s.atMs - swoop.atMs <= PARAMS.GRACE && answersSwoop(s.data.text));
      if (!reply && dueInDrill(ix, swoop.atMs + PARAMS.GRACE, swoop.atMs)) out.push(violation(swoop, `${swoop.actor}'s interruption was not answered within a minute`, icAt(ix, swoop.atMs) ?? 'nobody'));
    }
    return { violations: out };
  },
};

export const relayCustomerReports: Rule = {
  id: 'RD-36', title: 'The Customer Liaison tells the IC about customer reports', role: 'customer-liaison', severity: 'low',
  source: 'before/different_roles.md; training/customer_liaison.md',
  notApplicable: ({ ix, scenario }) => (!scenario.roles.includes('customer-liaison') ? 'no customer liaison in this drill'
    : ix.tIc !== undefined && ix.of('inject').some((e) => e.data.kind === 'customer-report' && e.atMs >= ix.tIc!) ? undefined : 'no customer report came in while someone held command'),
  check: ({ ix }) => {
    const liaisons = new Set([...ix.seats].filter(([, seat]) => seat === 'customer-liaison').map(([n]) => n));
    for (const a of ix.of('role.appoint')) if (a.data.role === 'customer-liaison') liaisons.add(a.data.user);
    const says = ix.of('say').filter((s) => liaisons.has(s.actor));
    const out: Violation[] = [];
    for (const r of ix.of('inject').filter((e) => e.data.kind === 'customer-report' && e.atMs >= ix.tIc!)) {
      const ic = icAt(ix, r.atMs);
      // Telling the IC, or telling the incident channel the IC is running, about customer impact.
      const told = says.some((s) => s.atMs >= r.atMs && s.atMs - r.atMs <= 3 * 60_000 && ic !== undefined
        && (s.data.mentions.includes(ic) || addressesIncidentCommander(s.data.text, ic) || new RegExp(`\\b${ic}\\b`, 'i').test(s.data.text) || CUSTOMER_WORDS.test(s.data.text)));
      if (!told && dueInDrill(ix, r.atMs + 3 * 60_000, r.atMs)) out.push(violation(r, `${r.actor}'s customer report was not passed to the IC within 3 minutes`, [...liaisons][0] ?? 'nobody'));
    }
    return { violations: out };
  },
};

const CUSTOMER_WORDS = /\b(customers?|tickets?|support|users?|merchants?|shoppers?|buyers?|clients?|partners?|complain\w*|reports?|callers?|calls|twitter|social|posts|people|restaurants?|riders?|drivers?)\b/i;

const hasLiaison: Rule['notApplicable'] = ({ scenario }) => (scenario.roles.includes('customer-liaison') ? undefined : 'no customer liaison in this drill');

export const approvedPosts: Rule = {
  id: 'RD-33', title: 'External posts need the IC\'s approval of that very draft', role: 'customer-liaison', severity: 'high',
  source: 'before/different_roles.md; training/customer_liaison.md',
  notApplicable: ({ ix }) => (ix.of('external.post').length ? undefined : 'nothing was posted externally'),
  check: ({ ix }) => ({
    violations: ix.of('external.post').filter((e) => !e.data.approvedBy).map((e) => violation(e, `posted ${e.data.draftId} without the IC's approval`)),
  }),
};

export const externalTiming: Rule = {
  id: 'RD-34', title: 'First external post within 5 minutes of the call starting, then at least every 20 minutes', role: 'customer-liaison', severity: 'medium',
  source: 'during/external_communication_guidelines.md',
  notApplicable: (ctx) => hasLiaison!(ctx) ?? (ctx.ix.tIc === undefined ? 'nobody took command, so no call started' : undefined),
  check: ({ ix, scenario }) => {
    const start = ix.tIc!;
    const end = ix.tResolved ?? ix.tEnd;
    const { firstExternal, externalEvery } = targetsOf(scenario);
    const posts = ix.of('external.post');
    const claim = ix.first('role.claim')!;
    const liaisons = new Set([...ix.seats].filter(([, seat]) => seat === 'customer-liaison').map(([n]) => n));
    for (const a of ix.of('role.appoint')) if (a.data.role === 'customer-liaison') liaisons.add(a.data.user);
    const liaison = [...liaisons][0] ?? claim.actor;
    const ic = (t: number) => icAt(ix, t) ?? claim.actor;
    /**
     * Who made a post late. The IC, when a liaison's draft was ready with a minute to spare and waited for
     * approval until too late to post, or when the liaison was named too late to write one; else the liaison.
     * The IC is whoever held command a minute before the deadline.
     */
    const blame = (since: number, deadline: number, fallback: string): string => {
      const named = ix.of('role.appoint').filter((a) => a.data.role === 'customer-liaison' && a.data.user === fallback).at(-1);
      if (named && named.atMs > deadline - 2 * 60_000 && named.atMs >= since) return ic(deadline - PARAMS.GRACE);
      const posted = (id: unknown) => posts.some((p) => p.data.draftId === id && p.atMs <= since);
      const draft = ix.of('draft.submit').find((d) => liaisons.has(d.actor) && d.atMs >= since && d.atMs <= deadline - 60_000 && !posted(d.data.id));
      if (!draft) return fallback;
      const approved = ix.first('draft.approve', (a) => a.data.id === draft.data.id);
      return !approved || approved.atMs > deadline - 30_000 ? ic(deadline - PARAMS.GRACE) : fallback;
    };
    const out: Violation[] = [];
    const first = posts.find((p) => p.atMs >= start) ?? posts[0];
    if (!first) {
      // A call that started too close to the end (or was resolved at once) had no post due yet.
      if (start + firstExternal > end || !dueInDrill(ix, start + firstExternal)) return { violations: [] };
      return { violations: [violation(claim, 'nothing was posted for customers during the incident', blame(start, start + firstExternal, liaison))], penalty: 1 };
    }
    if (first.atMs - start > firstExternal) {
      out.push(violation(first, `first external post came ${formatDuration(first.atMs - start)} after the call started (${formatDuration(firstExternal)} expected)`, blame(start, start + firstExternal, first.actor)));
    }
    // The cadence runs from the call's start: a post before anyone took command does not start the clock early.
    let last = Math.max(first.atMs, start);
    for (const p of posts.filter((x) => x.atMs > first.atMs)) {
      if (p.atMs > end) break;
      if (p.atMs - last > externalEvery) out.push(violation(p, `${formatDuration(p.atMs - last)} between external posts (every ${formatDuration(externalEvery)} expected)`, blame(last, last + externalEvery, p.actor)));
      last = Math.max(p.atMs, start);
    }
    if (end - last > externalEvery) out.push(violation(posts.at(-1)!, `no external update for the last ${formatDuration(end - last)} before resolution`, blame(last, last + externalEvery, posts.at(-1)!.actor)));
    return { violations: out };
  },
};

export const noPromises: Rule = {
  id: 'RD-35', title: 'Public messages promise no fix time and leak no internal detail', role: 'customer-liaison', severity: 'medium',
  source: 'training/customer_liaison.md',
  notApplicable: ({ ix }) => (ix.of('external.post').length ? undefined : 'nothing was posted externally'),
  check: ({ ix }) => ({
    violations: ix.of('external.post').flatMap((e) => {
      const text = e.data.text;
      const out: Violation[] = [];
      // "Next update in 20 minutes" is the cadence the guidelines ask for; only a time for the fix is a promise.
      const promise = promisedFixTime(text);
      if (promise !== undefined) out.push(violation(e, `promised a fix time: "${promise}"`));
      const host = hostIn(text);
      if (host !== undefined) out.push(violation(e, `named an internal host: "${host}"`));
      return out;
    }),
  }),
};
