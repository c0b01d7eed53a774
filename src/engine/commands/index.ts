/** Every command to its handler: one pure function of the state, the command and its context. */
import type { Command } from '../command';
import type { DrillState } from '../state/drill-state';
import { ack, page, trigger } from './alerts';
import { approve, draft, note, post, sev, status } from './comms';
import type { CommandContext, NewEvent } from './context';
import { decide, object, poll } from './decisions';
import { end, postmortem, resolve } from './ending';
import { appoint, claimCommand, handover, join } from './people';
import { answer } from './questions';
import { say } from './say';
import { assign, more, report, wilco } from './tasks';
import { check, run } from './work';

/** The events a command makes (a refusal is a cmd.error event for whoever typed it). */
export function handleCommand(state: DrillState, c: Command, ctx: CommandContext): NewEvent[] {
  switch (c.kind) {
    case 'ack': return ack(state, c, ctx);
    case 'trigger': return trigger(state, c, ctx);
    case 'page': return page(state, c, ctx);
    case 'join': return join(state, c, ctx);
    case 'ic': return claimCommand(state, c, ctx);
    case 'appoint': return appoint(state, c, ctx);
    case 'handover': return handover(state, c, ctx);
    case 'sev': return sev(state, c, ctx);
    case 'status': return status(state, c, ctx);
    case 'note': case 'todo': return note(state, c, ctx);
    case 'draft': return draft(state, c, ctx);
    case 'approve': return approve(state, c, ctx);
    case 'post': return post(state, c, ctx);
    case 'assign': return assign(state, c, ctx);
    case 'wilco': return wilco(state, c, ctx);
    case 'report': return report(state, c, ctx);
    case 'more': return more(state, c, ctx);
    case 'check': return check(state, c, ctx);
    case 'run': return run(state, c, ctx);
    case 'poll': return poll(state, c, ctx);
    case 'object': return object(state, c, ctx);
    case 'decide': return decide(state, c, ctx);
    case 'resolve': return resolve(state, c, ctx);
    case 'end': return end(state, c, ctx);
    case 'postmortem': return postmortem(state, c, ctx);
    case 'answer': return answer(state, c, ctx);
    case 'say': return say(state, c, ctx);
  }
}
