// Property: by-the-book bots never break the rules they model. Whatever the humans around them type, in
// whatever order (assigned before joining, paged late, asked twice, command handed to them, their role
// given to someone else, or nothing at all), no discipline rule charges a violation to a by-the-book bot.
// Every library scenario is played with random human casts and random scripts of what people type.
//
// Runs per scenario: FIREDRILL_PROPERTY_RUNS (default 15). The fast-check seed is fixed so CI is
// reproducible; FIREDRILL_PROPERTY_SEED explores other cases locally.
//
// The property found rules that misjudged anyone in the bot's place (a deadline past the drill's end, the
// wrong IC charged after a handover, ...); those were fixed in the rules, so nothing is exempted here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CastRequest } from '../../src/engine/cast';
import type { JournalEvent, JournalHeader, JournalParticipant } from '../../src/engine/journal';
import { formatClock } from '../../src/scenario/duration';
import { loadScenario } from '../../src/io/scenario-file';
import type { Scenario } from '../../src/scenario/types';
import { score } from '../../src/scoring/score';
import type { Scorecard } from '../../src/scoring/types';
import { ROOT } from '../helpers/cli';
import { drill } from '../helpers/drill';

const DIR = join(ROOT, 'scenarios');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const RUNS = Number(process.env.FIREDRILL_PROPERTY_RUNS ?? '') || 15;
const SEED = Number(process.env.FIREDRILL_PROPERTY_SEED ?? '') || 20_240_611;
const MINUTE = 60_000;

// ---- The cast: 1–3 humans in distinct seats; bots everywhere else.

const HUMAN_NAMES = ['alice', 'bruno', 'chidi'] as const;

/** A seat a human may take: a staff role, or a responder for a service. */
type SeatPick = { role: 'ic' | 'scribe' | 'deputy' | 'customer-liaison' | 'internal-liaison' } | { role: 'responder'; service: number };

function seatKey(s: SeatPick): string {
  return s.role === 'responder' ? `responder:${s.service}` : s.role;
}

function seatPicks(scenario: Scenario): fc.Arbitrary<SeatPick> {
  const staff = (['ic', 'scribe', 'deputy', 'customer-liaison', 'internal-liaison'] as const).filter((r) => r === 'ic' || scenario.roles.includes(r));
  return fc.oneof(
    fc.constantFrom(...staff).map((role) => ({ role }) as SeatPick),
    fc.nat({ max: scenario.services.length - 1 }).map((service) => ({ role: 'responder', service }) as SeatPick),
  );
}

function castRequests(scenario: Scenario, seats: readonly SeatPick[]): CastRequest[] {
  return seats.map((s, i) => {
    const name = HUMAN_NAMES[i]!;
    return s.role === 'responder' ? { name, role: 'responder', service: scenario.services[s.service]!.id } : { name, role: s.role };
  });
}

// ---- What people type. Every line is a template filled from the drill's own names and ids, so a
// shrunk script still means something.

interface Ctx {
  readonly scenario: Scenario;
  readonly cast: readonly JournalParticipant[];
  readonly me: string;
}

interface Pick {
  /** Picks among people, services, actions, probes, teams. */
  readonly a: number;
  readonly b: number;
  /** A small number: minutes, task and draft ids. */
  readonly n: number;
}

const at = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const person = (c: Ctx, i: number) => at(c.cast, i).name;
const service = (c: Ctx, i: number) => at(c.scenario.services, i).id;
const team = (c: Ctx, i: number) => at(c.scenario.teams, i).id;
const action = (c: Ctx, i: number) => at(c.scenario.actions, i);
const probe = (c: Ctx, i: number) => at(c.scenario.probes, i);
/** Words for a probe or action the way people name them: the id, the title, or "check the X". */
function work(c: Ctx, i: number, j: number): string {
  const all = [...c.scenario.probes, ...c.scenario.actions];
  const t = at(all, i);
  return [`${t.id}: ${t.title}`, t.title.toLowerCase(), `check the ${t.id.replace(/-/g, ' ')}`, t.id][j % 4]!;
}
const sev = (n: number) => `SEV-${(n % 3) + 1}`;
const role = (n: number) => at(['scribe', 'deputy', 'customer-liaison', 'internal-liaison', 'scribe', 'deputy'], n);

const LINES: Record<string, (c: Ctx, p: Pick) => string> = {
  ack: () => '/ack',
  ackTask: (_c, p) => `/ack T${p.n}`,
  trigger: (c, p) => `/trigger ${at(c.scenario.alerts, p.a).title} is firing`,
  triggerBare: () => '/trigger',
  join: (c, p) => `/join ${service(c, p.a)}`,
  joinChat: (c, p) => `hi all, ${c.me} here from ${service(c, p.a)}`,
  ic: (c) => `/ic This is ${c.me}, I am the Incident Commander`,
  icBare: () => '/ic',
  icChat: (c) => `This is ${c.me}, I am the Incident Commander.`,
  appoint: (c, p) => `/appoint @${person(c, p.a)} ${role(p.n)}`,
  appointTwo: (c, p) => `/appoint @${person(c, p.a)} deputy and @${person(c, p.b)} scribe`,
  sev: (_c, p) => `/sev ${sev(p.n)}`,
  assign: (c, p) => `/assign @${person(c, p.a)} ${work(c, p.b, p.n)} in ${p.n}m`,
  assignProbe: (c, p) => `/assign @${person(c, p.a)} ${probe(c, p.b).id}: ${probe(c, p.b).title} in ${p.n}m`,
  assignAction: (c, p) => `/assign @${person(c, p.a)} ${action(c, p.b).id} in ${p.n}m`,
  assignLoose: (c, p) => `/assign @${person(c, p.a)} check things`,
  assignService: (c, p) => `/assign @${person(c, p.a)} look into ${service(c, p.b)}, back in ${p.n}`,
  assignTwo: (c, p) => `/assign @${person(c, p.a)} and @${person(c, p.b)} ${work(c, p.n, p.a)} in 5m`,
  assignGroup: (c, p) => `/assign someone ${work(c, p.b, p.n)} in 5m`,
  assignDecided: (c, p) => `/assign @${person(c, p.a)} do it in ${p.n}m`,
  wilco: () => '/wilco',
  wilcoId: (_c, p) => `/wilco T${p.n}`,
  onIt: () => 'on it',
  report: (_c, p) => `/report T${p.n} looked at it, nothing obvious yet`,
  reportBare: () => '/report found errors in the logs',
  reportChat: (_c, p) => `T${p.n}: done`,
  more: (_c, p) => `/more ${p.n}m`,
  moreId: (_c, p) => `/more T${p.n} 3m`,
  check: (c, p) => `/check ${probe(c, p.a).id}`,
  run: (c, p) => `/run ${action(c, p.a).id}`,
  poll: (c, p) => `/poll ${action(c, p.a).title}? any strong objections?`,
  pollChat: (c, p) => `Proposal: ${action(c, p.a).id}. Any strong objections?`,
  decide: (c, p) => `/decide Hearing none, proceeding with ${action(c, p.a).id}`,
  decideNothing: () => '/decide we wait and watch for now',
  status: (c, p) => `/status ${sev(p.n)}, investigating ${service(c, p.a)}`,
  statusChat: (c, p) => `Status: still looking at ${service(c, p.a)}, next update in 10 minutes`,
  note: (c, p) => `/note ${service(c, p.a)} looks unhealthy`,
  todo: () => '/todo why did we not get paged earlier?',
  draft: (c, p) => `/draft We are investigating errors on ${at(c.scenario.services, p.a).title}. Next update in 20 minutes.`,
  approve: () => '/approve',
  approveId: (_c, p) => `/approve D${(p.n % 3) + 1}`,
  approveChat: () => 'LGTM, post it',
  post: () => '/post',
  postId: (_c, p) => `/post D${(p.n % 3) + 1}`,
  page: (c, p) => `/page ${team(c, p.a)}`,
  handover: (c, p) => `/handover @${person(c, p.a)}`,
  handoverStaff: (c, p) => `/handover @${at(c.cast.filter((x) => x.seat === 'deputy' || x.seat === 'ic' || x.seat === 'scribe'), p.a).name}`,
  resolve: () => '/resolve',
  end: () => '/end',
  postmortem: (c, p) => `/postmortem @${person(c, p.a)} by Friday`,
  postmortemBare: (c, p) => `/postmortem @${person(c, p.a)}`,
  chat: () => 'anyone else seeing errors?',
  askTask: (c, p) => `@${person(c, p.a)} where are we on T${p.n}?`,
  canSomeone: () => 'can someone check the logs?',
  swoopAnswer: () => 'Thanks, we keep comments until the end of the call.',
};
/** Lines that put bots in the situations under test come up more often; everything else once. */
const WEIGHT: Readonly<Record<string, number>> = {
  assign: 3, assignProbe: 2, assignAction: 2, assignTwo: 3, assignLoose: 2, handover: 2, handoverStaff: 3, appoint: 2, appointTwo: 2, approve: 2,
};
const KIND = fc.oneof(...Object.keys(LINES).map((k) => ({ weight: WEIGHT[k] ?? 1, arbitrary: fc.constant(k) })));

interface Line extends Pick {
  readonly atMs: number;
  /** Which human types it. */
  readonly who: number;
  readonly kind: string;
  /** Typed again this long after (people repeat themselves). */
  readonly again?: number;
}

function lineArb(scenario: Scenario): fc.Arbitrary<Line> {
  // Most of what happens happens early; some lines land anywhere in the drill.
  const time = fc.oneof(fc.integer({ min: 0, max: Math.min(15 * MINUTE, scenario.durationMs - 1) }), fc.integer({ min: 0, max: scenario.durationMs - 1 }));
  return fc.record(
    {
      atMs: time.map((t) => Math.floor(t / 1000) * 1000),
      who: fc.nat({ max: 2 }),
      kind: KIND,
      a: fc.nat({ max: 20 }),
      b: fc.nat({ max: 20 }),
      n: fc.integer({ min: 1, max: 12 }),
      again: fc.integer({ min: 5, max: 600 }).map((s) => s * 1000),
    },
    { requiredKeys: ['atMs', 'who', 'kind', 'a', 'b', 'n'] },
  );
}

interface Case {
  readonly seats: SeatPick[];
  readonly seed: string;
  /** One of the humans taking command early, as most drills go (the rest of the script is random). */
  readonly lead?: { readonly atMs: number; readonly who: number; readonly kind: 'ic' | 'icChat' | 'icBare' };
  readonly lines: Line[];
}

function caseArb(scenario: Scenario): fc.Arbitrary<Case> {
  return fc.record({
    seats: fc.uniqueArray(seatPicks(scenario), { minLength: 1, maxLength: 3, selector: seatKey }),
    seed: fc.integer({ min: 1, max: 1_000_000 }).map(String),
    lead: fc.option(
      fc.record({
        atMs: fc.integer({ min: 0, max: 600 }).map((sec) => sec * 1000),
        who: fc.nat({ max: 2 }),
        kind: fc.constantFrom('ic' as const, 'icChat' as const, 'icBare' as const),
      }),
      { freq: 3, nil: undefined },
    ),
    // Humans may also never type anything at all.
    lines: fc.oneof({ weight: 1, arbitrary: fc.constant([] as Line[]) }, { weight: 9, arbitrary: fc.array(lineArb(scenario), { minLength: 5, maxLength: 30 }) }),
  }, { requiredKeys: ['seats', 'seed', 'lines'] });
}

type Input = { atMs: number; actor: string; text: string };

function script(scenario: Scenario, cast: readonly JournalParticipant[], humans: readonly CastRequest[], c: Case): Input[] {
  const out: Input[] = [];
  const lines = c.lead ? [{ ...c.lead, a: 0, b: 0, n: 1 }, ...c.lines] : c.lines;
  for (const l of lines) {
    const me = humans[l.who % humans.length]!.name;
    const text = LINES[l.kind]!({ scenario, cast, me }, l);
    out.push({ atMs: l.atMs, actor: me, text });
    if (l.again !== undefined && l.atMs + l.again < scenario.durationMs) out.push({ atMs: l.atMs + l.again, actor: me, text });
  }
  return out.sort((x, y) => x.atMs - y.atMs);
}

// ---- Running a case and judging it.

interface Outcome {
  readonly cast: readonly JournalParticipant[];
  readonly header: JournalHeader;
  readonly inputs: readonly Input[];
  readonly events: readonly JournalEvent[];
  readonly card: Scorecard;
}

function play(scenario: Scenario, c: Case): Outcome {
  const humans = castRequests(scenario, c.seats);
  const d = drill(scenario, { seed: c.seed, humans, bots: 'by-the-book' });
  const inputs = script(scenario, d.cast, humans, c);
  d.session.runSimulated(inputs);
  const header = d.journal.headerLine!;
  return { cast: d.cast, header, inputs, events: d.journal.events, card: score(scenario, header, d.journal.events) };
}

interface Charge {
  readonly rule: string;
  readonly actor: string;
  readonly atMs: number;
  readonly note: string;
  /** The journal event the violation points at. */
  readonly seq: number;
}

/** Every violation charged to a bot, seen both from the rules and from the participants. */
function botCharges(o: Outcome): Charge[] {
  const bots = new Set(o.cast.filter((p) => p.kind === 'bot').map((p) => p.name));
  const fromRules = o.card.rules.flatMap((r) => r.violations.filter((v) => bots.has(v.actor)).map((v) => ({ rule: r.id, actor: v.actor, atMs: v.atMs, note: v.evidence.note, seq: v.evidence.seq })));
  const fromPeople = o.card.participants.filter((p) => p.kind === 'bot').flatMap((p) => p.violations);
  // The two views must agree; a difference is itself a finding.
  expect(fromPeople.length, 'rules[].violations and participants[].violations disagree about bots').toBe(fromRules.length);
  return fromRules;
}

/** The counterexample, written so it can be pasted into a drill script. */
function describeCase(file: string, scenario: Scenario, c: Case, o: Outcome, charges: readonly Charge[]): string {
  const seats = o.cast.map((p) => `  - ${p.name}: ${p.seat}${p.team ? ` (${p.team}, ${p.onCall})` : ''} ${p.kind}`).join('\n');
  const lines = o.inputs.map((i) => `  - { at: "${formatClock(i.atMs)}", by: ${i.actor}, do: ${JSON.stringify(i.text)} }`).join('\n');
  const found = charges.map((v) => `  ${v.rule} ${v.actor} at T+${formatClock(v.atMs)}: ${v.note}`).join('\n');
  const replay = JSON.stringify({ seed: c.seed, humans: castRequests(scenario, c.seats), inputs: o.inputs });
  return [`${file} (${scenario.id}), drill seed ${c.seed}`, 'cast:', seats, 'script:', lines || '  (the humans type nothing)', 'charged to bots:', found, `replay: ${replay}`].join('\n');
}

describe('by-the-book bots are never charged a violation, whatever the humans do', () => {
  for (const file of FILES) {
    const scenario = loadScenario(join(DIR, file)).scenario!;
    it(file, () => {
      fc.assert(
        fc.property(caseArb(scenario), (c) => {
          const o = play(scenario, c);
          const charges = botCharges(o);
          if (charges.length) throw new Error(describeCase(file, scenario, c, o, charges));
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }
});
