// The lobby: seats on offer, who holds them, reconnection keeping a seat, and the cast it makes at the start.
import { describe, expect, it } from 'vitest';
import { buildCast } from '../../src/engine/cast';
import { createFaker } from '../../src/engine/random';
import { Lobby, parseSeat, seatsOf } from '../../src/net/lobby';
import { shipped } from '../helpers/drill';

const scenario = shipped('scenarios/bad-deploy-rollback.yaml');

describe('the lobby', () => {
  it('offers the scenario\'s staff seats in the IC\'s order, then a responder seat per team', () => {
    expect(seatsOf(scenario).map((s) => s.service ?? s.role)).toEqual(['ic', 'scribe', 'web-team', 'orders-team', 'dba']);
  });

  it('a staff seat holds one person; a team\'s responder seat holds several; a service names its team', () => {
    const l = new Lobby(scenario);
    for (const n of ['alice', 'bob', 'carol', 'dan']) l.arrive(n);
    expect(l.seat('alice', { role: 'ic' })).toBeUndefined();
    expect(l.seat('bob', { role: 'ic' })).toBe('alice already has the Incident Commander seat');
    expect(l.seat('alice', { role: 'ic' })).toBeUndefined();
    expect(l.seat('carol', { role: 'responder', service: 'orders-team' })).toBeUndefined();
    expect(l.seat('dan', { role: 'responder', service: 'orders-api' })).toBeUndefined();
    expect(l.view().seats.find((s) => s.choice.service === 'orders-team')?.heldBy).toEqual(['carol', 'dan']);
    expect(l.seat('bob', { role: 'deputy' })).toBe('the scenario has no Deputy seat');
    expect(l.seat('zed', { role: 'scribe' })).toBe('zed is not in the lobby');
  });

  it('a dropped person keeps their seat and gets it back on reconnecting; an unseated one just leaves', () => {
    const l = new Lobby(scenario);
    l.arrive('alice');
    l.arrive('bob');
    l.seat('alice', { role: 'scribe' });
    l.depart('alice');
    l.depart('bob');
    expect(l.view().people).toEqual([{ name: 'alice', connected: false, seat: { role: 'scribe' } }]);
    expect(l.seat('carol', { role: 'scribe' })).toBe('carol is not in the lobby');
    l.arrive('Alice');
    expect(l.person('alice')).toEqual({ name: 'alice', connected: true, seat: { role: 'scribe' } });
  });

  it('knows a person by the one name rule, whatever alphabet, case or composition their client sends', () => {
    const l = new Lobby(scenario);
    l.arrive('Zoë');
    expect(l.seat('ZOE\u0308', { role: 'scribe' })).toBeUndefined();
    l.depart('zoë');
    expect(l.person('ZOË')).toEqual({ name: 'Zoë', connected: false, seat: { role: 'scribe' } });
    l.arrive('bob');
    // Holding a seat is checked by the same key: Zoë's own second terminal is not someone else.
    expect(l.seat('zoë', { role: 'scribe' })).toBeUndefined();
    expect(l.seat('bob', { role: 'scribe' })).toBe('Zoë already has the Scribe seat');
  });

  it('the cast: seated people in their seats, connected unseated ones as responders, bots for the rest', () => {
    const l = new Lobby(scenario);
    for (const n of ['alice', 'bob', 'carol']) l.arrive(n);
    l.seat('alice', { role: 'ic' });
    l.seat('carol', { role: 'responder', service: 'dba' });
    expect(l.cast()).toEqual([{ name: 'alice', role: 'ic' }, { name: 'bob', role: 'responder' }, { name: 'carol', role: 'responder', service: 'dba' }]);
    const cast = buildCast(scenario, l.cast(), createFaker('1', 'people'), 'by-the-book');
    expect(cast.filter((p) => p.kind === 'human').map((p) => [p.name, p.seat, p.team])).toEqual([
      ['alice', 'ic', undefined], ['bob', 'responder', 'web-team'], ['carol', 'responder', 'dba'],
    ]);
    expect(cast.find((p) => p.seat === 'scribe')?.kind).toBe('bot');
  });

  it('reads seats as people type them, and says what is wrong with the rest', () => {
    expect(parseSeat(scenario, 'Scribe')).toEqual({ role: 'scribe' });
    expect(parseSeat(scenario, 'incident commander')).toBe('"incident" is not a seat; seats are ic, deputy, scribe, responder, customer-liaison, internal-liaison');
    expect(parseSeat(scenario, 'responder orders-api')).toEqual({ role: 'responder', service: 'orders-api' });
    expect(parseSeat(scenario, 'sme:dba')).toEqual({ role: 'responder', service: 'dba' });
    expect(parseSeat(scenario, 'responder nowhere')).toMatch(/no team or service "nowhere"; teams are web-team, orders-team, dba/);
    expect(parseSeat(scenario, 'scribe dba')).toBe('only a responder covers a team or service ("dba")');
  });
});
