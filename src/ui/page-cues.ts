/**
 * Pages to the seats at this terminal, as cues a person notices without reading the channel: the terminal bell
 * when a page arrives, and a PAGED badge in the header until it is acknowledged (the view's `paged`: an alert page
 * until /ack, a page to the call until they join). At 16× a drill minute passes in four seconds.
 */
import { stripControl } from '../engine/sanitize';
import type { DrillView } from '../engine/view/drill-view';
import type { SeenEvent } from '../engine/view/visibility';

/** The bell: one BEL byte, which a terminal sounds or flashes as its user set it up. */
export const BELL = '\x07';

/** Whether an event pages one of these people (an alert's notification, or a page to the call). */
export function pagesOneOf(e: SeenEvent, people: readonly string[]): boolean {
  if (e.type === 'alert.notified') return people.includes(e.data.user);
  if (e.type === 'page.sent') return e.data.user !== null && people.includes(e.data.user);
  return false;
}

/** What a page to this person is about: the services of their unacknowledged alerts, else the team they were paged for. */
function pagedFor(view: DrillView, events: readonly SeenEvent[], who: string): string {
  const services: string[] = [];
  for (const a of view.alerts) {
    if (!a.firing || a.ackedBy || !a.notified.includes(who)) continue;
    const fired = events.findLast((e) => e.type === 'alert.fired' && e.data.alert === a.id);
    const service = fired?.type === 'alert.fired' ? fired.data.metric.split('.')[0] : undefined;
    const label = stripControl(service || a.id);
    if (!services.includes(label)) services.push(label);
  }
  if (services.length) return services.join(', ');
  const call = events.findLast((e) => e.type === 'page.sent' && e.data.user === who);
  const team = call?.type === 'page.sent' ? call.data.team : undefined;
  return team === undefined || team === 'incident-commanders' ? 'the call' : `${stripControl(team)} call`;
}

/**
 * The header's badge while a seat at this terminal is paged and has not acknowledged, longest first for the header
 * to take the first that fits: "PAGED bob: checkout-api" with several players at one terminal (the first one paged,
 * "+1" for more), "PAGED checkout-api", "PAGED". Empty when nobody here is paged.
 */
export function pagedBadges(view: DrillView, events: readonly SeenEvent[], players: readonly string[]): string[] {
  const paged = players.filter((p) => view.people.some((x) => x.name === p && x.paged));
  const first = paged[0];
  if (first === undefined) return [];
  const what = pagedFor(view, events, first);
  const more = paged.length > 1 ? ` +${paged.length - 1}` : '';
  return [...(players.length > 1 ? [`PAGED ${stripControl(first)}: ${what}${more}`] : []), `PAGED ${what}${more}`, 'PAGED'];
}
