// The scribe's queue and ^O: un-noted key events oldest first, and the note each fill starts is one the ledger counts.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/engine/journal';
import type { KeyKind, LedgerItem } from '../../src/scoring/scribe-coverage';
import { nextNoteFill, noteFill } from '../../src/ui/scribe-queue';
import { at, drill, starter } from '../helpers/drill';
import { unnotedOf } from '../../src/engine/view/drill-view';

function item(kind: KeyKind, ref: string, text = 'text', atMs = 0): LedgerItem {
  const event: JournalEvent = { seq: 1, atMs, actor: 'alice', role: 'ic', type: 'say', data: { text: 'text', mentions: [] }, wall: '' };
  return { event, kind, ref, text, about: [], dueAt: atMs + 120_000 };
}

describe('noteFill', () => {
  it('starts a note by the id of a task, decision or status update', () => {
    expect(noteFill(item('assignment', 'T3'))).toBe('/note T3 ');
    expect(noteFill(item('decision', 'X1'))).toBe('/note X1 ');
    expect(noteFill(item('status', 'S2'))).toBe('/note S2 ');
  });

  it('states the level for a severity, says Mitigated for the mitigation, and makes a follow-up a TODO', () => {
    expect(noteFill(item('severity', 'SEV-2'))).toBe('/note Severity SEV-2 ');
    expect(noteFill(item('mitigation', 'T1', 'mitigation: errors are back to normal'))).toBe('/note Mitigated: ');
    expect(noteFill(item('followup', 'TODO', 'We should canary config pushes.'))).toBe('/todo We should canary config pushes.');
  });

  it('names the kind when an old journal gave the event no id, and never puts control sequences on the line', () => {
    expect(noteFill(item('decision', ''))).toBe('/note Decision: ');
    expect(noteFill(item('assignment', 'T\x1b[2J1'))).toBe('/note T1 ');
    expect(noteFill(item('followup', 'TODO', 'canary\x1b]0;pwned\x07 pushes'))).toBe('/todo canary pushes');
  });
});

describe('nextNoteFill', () => {
  const items = [item('severity', 'SEV-2'), item('assignment', 'T1'), item('decision', 'X1')];

  it('fills an empty line with the oldest item', () => {
    expect(nextNoteFill(items, '')).toEqual({ text: '/note Severity SEV-2 ', item: items[0] });
  });

  it('moves to the next item when the line still holds a fill, and back to the oldest after the last', () => {
    expect(nextNoteFill(items, '/note Severity SEV-2 ')?.text).toBe('/note T1 ');
    expect(nextNoteFill(items, '/note T1 ')?.text).toBe('/note X1 ');
    expect(nextNoteFill(items, '/note X1 ')?.text).toBe('/note Severity SEV-2 ');
  });

  it('leaves alone a line the scribe has typed on, and has nothing when nothing is waiting', () => {
    expect(nextNoteFill(items, '/note T1 carol checks')).toBeUndefined();
    expect(nextNoteFill(items, 'hello')).toBeUndefined();
    expect(nextNoteFill([], '')).toBeUndefined();
  });

  it('makes one stop of items with the same fill', () => {
    const twice = [item('severity', 'SEV-2'), item('severity', 'SEV-2', 'again', 60_000), item('assignment', 'T1')];
    expect(nextNoteFill(twice, '/note Severity SEV-2 ')?.text).toBe('/note T1 ');
    expect(nextNoteFill(twice, '/note T1 ')?.item).toBe(twice[0]);
  });
});

describe('the un-noted queue (unnotedOf, the scribe view\'s ledger)', () => {
  const HUMANS = [
    { name: 'alice', role: 'ic' as const },
    { name: 'bob', role: 'scribe' as const },
    { name: 'carol', role: 'responder' as const, service: 'web' },
  ];
  const base = starter();
  const followup = { atMs: at('4:05'), kind: 'followup' as const, from: 'Marco', text: 'We should canary config pushes.' };
  const scenario = { ...base, injects: [...base.injects, followup].sort((a, b) => a.atMs - b.atMs) };

  /** A drill with every kind of key event by 5:30, and bob the scribe noting nothing until told. */
  function keyEvents() {
    const d = drill(scenario, { humans: HUMANS, bots: 'none' });
    d.session.start();
    const script: [string, string, string][] = [
      ['0:30', 'alice', '/ic'], ['0:40', 'alice', '/sev SEV-2'], ['3:20', 'carol', '/ack'],
      ['3:30', 'alice', '/assign @carol check web-logs in 5m'], ['3:40', 'alice', '/status SEV-2, carol is checking the web logs'],
      ['3:50', 'alice', '/poll revert-config'], ['4:00', 'alice', '/decide revert-config'], ['4:10', 'carol', '/run revert-config'],
      ['5:20', 'carol', '/report T1 errors are back to normal'],
    ];
    for (const [t, who, text] of script) {
      d.session.advanceTo(at(t));
      d.session.dispatch(who, text);
    }
    d.session.advanceTo(at('5:30'));
    return d;
  }

  it('lists every key event nobody noted, oldest first, each with the fill that starts its note', () => {
    const d = keyEvents();
    const items = unnotedOf(d.session.state, d.journal.events);
    expect(items.map((k) => `${k.kind} ${noteFill(k)}`)).toEqual([
      'severity /note Severity SEV-2 ',
      'assignment /note T1 ',
      'status /note S1 ',
      'decision /note X1 ',
      'followup /todo We should canary config pushes.',
      'mitigation /note Mitigated: ',
    ]);
  });

  // The point of ^O: what it starts is a note the scorer's ledger counts, so the item leaves the queue. (One note
  // may cover more than its own item: the ledger's word matching is generous.)
  it('drops each item once the scribe sends its fill with a few words after it', () => {
    const d = keyEvents();
    const words: Record<string, string> = { severity: 'declared', assignment: 'carol checks the logs', status: 'given', decision: 'revert', mitigation: 'errors back to normal', followup: '' };
    let steps = 0;
    for (let items = unnotedOf(d.session.state, d.journal.events); items.length; items = unnotedOf(d.session.state, d.journal.events)) {
      const next = nextNoteFill(items, '')!;
      expect(next.item).toBe(items[0]);
      d.session.dispatch('bob', `${next.text}${words[next.item.kind]}`.trim());
      const after = unnotedOf(d.session.state, d.journal.events);
      expect(after.some((k) => k.event === next.item.event && k.kind === next.item.kind), next.text).toBe(false);
      expect(++steps).toBeLessThanOrEqual(6);
    }
    expect(d.journal.events.filter((e) => e.type === 'scribe.note').map((e) => e.data.text)).toContain('We should canary config pushes.');
  });

  it('counts only scribes: a note by the IC covers nothing, a note by someone appointed Scribe does', () => {
    const d = keyEvents();
    d.session.dispatch('alice', '/note Severity SEV-2 declared');
    expect(unnotedOf(d.session.state, d.journal.events)[0]?.kind).toBe('severity');
    d.session.dispatch('alice', '/appoint @carol scribe');
    d.session.dispatch('carol', '/note Severity SEV-2 declared');
    expect(unnotedOf(d.session.state, d.journal.events)[0]?.kind).toBe('assignment');
  });
});
