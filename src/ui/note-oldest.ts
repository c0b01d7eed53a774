/** ^O: the scribe's line starts the note for the oldest key event nobody has noted; again, for the next one. */
import { formatClock } from '../scenario/duration';
import type { DrillStore } from './drill-store';
import { ledgerLabel } from './panel-rows';
import { nextNoteFill } from './scribe-queue';

/** The part of the command line ^O works on. */
export interface NoteLine {
  text(): string;
  replace(text: string): void;
}

/** Puts the next note due on the scribe's line and says how long is left for it; tells anyone else why not. */
export function noteOldest(store: DrillStore, line: NoteLine): void {
  const who = store.speaker;
  if (store.displayRole(who) !== 'scribe') return store.tell(who, '^O is the Scribe\'s key: it starts a note for the oldest key event nobody has noted yet');
  const items = store.view().unnoted ?? [];
  const next = nextNoteFill(items, line.text());
  if (!next) return store.tell(who, items.length ? 'the line holds something else: send it or clear it (^U), then ^O' : 'nothing is waiting to be noted');
  line.replace(next.text);
  const left = next.item.dueAt - store.client.now();
  store.tell(who, `${ledgerLabel(next.item)} (${left >= 0 ? `${formatClock(left)} left` : 'LATE'})${items.length > 1 ? '; ^O again for the next' : ''}`);
}
