/** How a person's seat is named on the drill screen (the roster, @ completion): roles as the journal records them, and a team. */
import { stripControl } from '../engine/sanitize';
import type { ViewPerson } from '../engine/view/drill-view';

/** A person's roles now, or their seat when they hold none yet (the IC on call before taking command). */
export function seatRoles(p: ViewPerson): string[] {
  return p.roles.length ? [...p.roles] : [p.seat];
}

/** "scribe", "deputy,scribe", "responder · orders-team": enough to tell the deputy from the scribe and who covers what. */
export function seatLabel(p: ViewPerson): string {
  const team = p.team === undefined ? '' : ` · ${stripControl(p.team)}`;
  return `${seatRoles(p).join(',')}${team}`;
}

/** Every person's seat label by name, as completion shows them. */
export function seatLabels(people: readonly ViewPerson[]): Record<string, string> {
  return Object.fromEntries(people.map((p) => [p.name, seatLabel(p)]));
}
