// Pages to the seats at a terminal as cues: which events ring the bell, and the header's PAGED badge until acknowledged.
import { describe, expect, it } from 'vitest';
import type { CastRequest } from '../../src/engine/cast';
import { player } from '../../src/engine/view/visibility';
import { pagedBadges, pagesOneOf } from '../../src/ui/page-cues';
import { at, drill, starter, viewOf } from '../helpers/drill';

const HUMANS: CastRequest[] = [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder', service: 'web' }];

function drillTo(until: string, lines: [string, string, string][] = []) {
  const d = drill(starter(), { humans: HUMANS, bots: 'none', seed: '1' });
  d.session.start();
  for (const [t, who, text] of lines) {
    d.session.advanceTo(at(t));
    d.session.dispatch(who, text);
  }
  d.session.advanceTo(at(until));
  return { events: d.journal.events, view: viewOf(d, player('alice')) };
}

describe('pagesOneOf', () => {
  it('is true for an alert notification or a page to the call that names one of the people', () => {
    const { events } = drillTo('3:30', [['3:20', 'carol', '/ack'], ['3:25', 'carol', '/trigger web is down']]);
    const pages = events.filter((e) => pagesOneOf(e, ['carol', 'alice'])).map((e) => `${e.type} ${String((e.data as { user?: string }).user)}`);
    expect(pages).toEqual(['alert.notified carol', 'page.sent alice']);
    expect(events.filter((e) => pagesOneOf(e, ['bob']))).toEqual([]);
    // The alert firing, the acknowledgement and chat are not pages.
    expect(events.filter((e) => pagesOneOf(e, ['carol'])).map((e) => e.type)).toEqual(['alert.notified']);
  });
});

describe('pagedBadges', () => {
  it('names the service of an unacknowledged alert, with the player when several share the terminal', () => {
    const { events, view } = drillTo('3:15');
    expect(pagedBadges(view, events, ['carol'])).toEqual(['PAGED web', 'PAGED']);
    expect(pagedBadges(view, events, ['alice', 'carol'])).toEqual(['PAGED carol: web', 'PAGED web', 'PAGED']);
    expect(pagedBadges(view, events, ['alice'])).toEqual([]);
  });

  it('goes once the page is acknowledged, and shows a page to the call until its person joins', () => {
    const acked = drillTo('3:21', [['3:20', 'carol', '/ack']]);
    expect(pagedBadges(acked.view, acked.events, ['carol'])).toEqual([]);
    const called = drillTo('3:30', [['3:20', 'carol', '/ack'], ['3:25', 'carol', '/trigger web is down']]);
    expect(pagedBadges(called.view, called.events, ['alice'])).toEqual(['PAGED the call', 'PAGED']);
    const joined = drillTo('3:40', [['3:20', 'carol', '/ack'], ['3:25', 'carol', '/trigger web is down'], ['3:35', 'alice', '/ic']]);
    expect(pagedBadges(joined.view, joined.events, ['alice'])).toEqual([]);
  });

  it('counts the others paged at the same terminal', () => {
    const { events, view } = drillTo('3:30', [['3:25', 'carol', '/trigger web is down']]);
    expect(pagedBadges(view, events, ['carol', 'alice'])[0]).toBe('PAGED carol: web +1');
  });
});
