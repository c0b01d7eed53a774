/**
 * Who may see which event. The hidden truth goes only to the facilitator; probe results, raw input, command
 * errors and hints go only to whoever typed them; everything else goes to everyone in the call.
 */
import type { DrillEvent, EventData, EventOf } from '../events';

/** Whoever a view is for: the facilitator, or one participant by name. */
export type Viewer = { readonly kind: 'facilitator' } | { readonly kind: 'player'; readonly name: string };

/** The facilitator's viewer. */
export const FACILITATOR: Viewer = { kind: 'facilitator' };

/** A participant's viewer. */
export const player = (name: string): Viewer => ({ kind: 'player', name });

/** A severity declaration as players see it: whether impact had really stopped is the facilitator's to know. */
type SeenSevSet = Omit<EventOf<'sev.set'>, 'data'> & { readonly data: Readonly<Omit<EventData<'sev.set'>, 'mitigated'> & { mitigated?: boolean }> };

/** An event as someone sees it: every event, with what they may not know left out. */
export type SeenEvent = Exclude<DrillEvent, EventOf<'sev.set'>> | SeenSevSet;

/** Who an event is for. */
export function audienceOf(e: DrillEvent): 'everyone' | 'actor' | 'facilitator' {
  switch (e.type) {
    case 'phase.enter': case 'inject.skipped': case 'variable.set': return 'facilitator';
    case 'input': case 'probe.result': case 'cmd.error': case 'cmd.hint': return 'actor';
    default: return 'everyone';
  }
}

/** Whether a viewer may see an event at all. */
export function canSee(e: DrillEvent, viewer: Viewer): boolean {
  if (viewer.kind === 'facilitator') return true;
  const audience = audienceOf(e);
  return audience === 'everyone' || (audience === 'actor' && e.actor === viewer.name);
}

/** The event as the viewer sees it, or undefined when it is not theirs to see. */
export function seenBy(e: DrillEvent, viewer: Viewer): SeenEvent | undefined {
  if (!canSee(e, viewer)) return undefined;
  if (viewer.kind === 'facilitator' || e.type !== 'sev.set') return e;
  const { mitigated: _truth, ...data } = e.data;
  return { ...e, data };
}

/** The events after `seq` that a viewer may see, as they see them: what a client that reconnects catches up on. */
export function eventsSince(events: readonly DrillEvent[], seq: number, viewer: Viewer): SeenEvent[] {
  const out: SeenEvent[] = [];
  for (const e of events) {
    if (e.seq <= seq) continue;
    const seen = seenBy(e, viewer);
    if (seen) out.push(seen);
  }
  return out;
}
