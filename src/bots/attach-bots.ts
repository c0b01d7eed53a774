/** Puts a bot in every seat the humans left open and wires them to the session's events. */
import type { BotPolicyName } from '../engine/cast';
import type { JournalParticipant } from '../engine/journal';
import { createRng } from '../engine/random';
import type { DrillSession } from '../engine/session';
import { BotPerson, type Duty } from './bot-base';
import { IcBot } from './ic-bot';
import { ResponderBot } from './responder-bot';
import { CustomerLiaisonBot, DeputyBot, InternalLiaisonBot, ScribeBot } from './staff-bots';

type DutyKind = new (bot: BotPerson, rng: ReturnType<typeof createRng>) => Duty;

const SEAT_DUTY: Record<string, DutyKind | undefined> = {
  ic: IcBot, scribe: ScribeBot, deputy: DeputyBot, 'customer-liaison': CustomerLiaisonBot, 'internal-liaison': InternalLiaisonBot, responder: ResponderBot, facilitator: undefined,
};
/** Duties a by-the-book bot takes up when given the role: appointed to it, or handed command. */
const ROLE_DUTIES: readonly [string, DutyKind][] = [['ic', IcBot], ['scribe', ScribeBot], ['deputy', DeputyBot], ['customer-liaison', CustomerLiaisonBot], ['internal-liaison', InternalLiaisonBot]];

function person(session: DrillSession, p: JournalParticipant, policy: BotPolicyName): BotPerson {
  const seed = session.options.seed;
  const bot = new BotPerson(session, p, policy, createRng(seed, `bot:${p.name}:person`));
  const seat = SEAT_DUTY[p.seat];
  if (seat) {
    const duty = new seat(bot, createRng(seed, `bot:${p.name}`));
    bot.duties.push(duty);
    if (duty instanceof ResponderBot) bot.worker = duty;
  }
  for (const [role, Kind] of ROLE_DUTIES) {
    if (role === p.seat) continue;
    // Sloppy bots keep to their seat; the deputy is the hot standby either way and can take command at a handover.
    if (policy === 'sloppy' && !(role === 'ic' && p.seat === 'deputy')) continue;
    bot.duties.push(new Kind(bot, createRng(seed, `bot:${p.name}:${role}`)));
  }
  return bot;
}

/** Creates the bots for every bot participant (only in `seats` when given); returns them in cast order, which keeps runs deterministic. */
export function attachBots(session: DrillSession, fallback: BotPolicyName = 'by-the-book', seats?: ReadonlySet<string>): BotPerson[] {
  const bots: BotPerson[] = [];
  for (const p of session.options.cast) {
    // A seat outside `seats` stays empty: nobody plays it (run --bots).
    if (p.kind !== 'bot' || (seats && !seats.has(p.seat))) continue;
    bots.push(person(session, p, (p.policy as BotPolicyName | undefined) ?? fallback));
  }
  session.onEvent((e) => {
    for (const b of bots) b.onEvent(e);
  });
  return bots;
}
