/** Puts a bot in every seat the humans left open and wires them to the session's events. */
import type { BotPolicyName } from '../engine/cast';
import { createRng } from '../engine/random';
import type { DrillSession } from '../engine/session';
import type { Bot } from './bot-base';
import { IcBot } from './ic-bot';
import { ResponderBot } from './responder-bot';
import { CustomerLiaisonBot, DeputyBot, InternalLiaisonBot, ScribeBot } from './staff-bots';

/** Creates the bots for every bot participant (only in `seats` when given); returns them in cast order, which keeps runs deterministic. */
export function attachBots(session: DrillSession, fallback: BotPolicyName = 'by-the-book', seats?: ReadonlySet<string>): Bot[] {
  const bots: Bot[] = [];
  for (const p of session.options.cast) {
    // A seat outside `seats` stays empty: nobody plays it (run --bots).
    if (p.kind !== 'bot' || (seats && !seats.has(p.seat))) continue;
    const policy = (p.policy as BotPolicyName | undefined) ?? fallback;
    const rng = createRng(session.options.seed, `bot:${p.name}`);
    const Kind = { ic: IcBot, scribe: ScribeBot, deputy: DeputyBot, 'customer-liaison': CustomerLiaisonBot, 'internal-liaison': InternalLiaisonBot, responder: ResponderBot, facilitator: undefined }[p.seat];
    if (Kind) bots.push(new Kind(session, p, rng, policy));
    // The deputy is the hot standby: the same person can take command at a handover.
    if (p.seat === 'deputy') bots.push(new IcBot(session, p, createRng(session.options.seed, `bot:${p.name}:ic`), policy));
  }
  session.onEvent((e) => {
    for (const b of bots) b.onEvent(e);
  });
  return bots;
}
