// The cast: one seat per staff role and two on-call seats per team; humans take the seats they ask for.
import { describe, expect, it } from 'vitest';
import { buildCast, type BotPolicyName, type CastRequest } from '../../src/engine/cast';
import type { JournalParticipant } from '../../src/engine/journal';
import { createFaker } from '../../src/engine/random';
import type { Scenario } from '../../src/scenario/types';
import { shipped, starter } from '../helpers/drill';

const STARTER = starter();
const WAL_SCENARIO = shipped('scenarios/checkout-db-wal-disk-full.yaml');
const DEPLOY_SCENARIO = shipped('scenarios/bad-deploy-rollback.yaml');

function cast(scenario: Scenario, humans: CastRequest[] = [], seed = '1', policy: BotPolicyName = 'by-the-book'): JournalParticipant[] {
  return buildCast(scenario, humans, createFaker(seed, 'people'), policy);
}

/** Each seat without the (seeded) bot names. */
const seats = (c: readonly JournalParticipant[]) => c.map(({ name: _name, ...rest }) => rest);

describe('seats', () => {
  it('starter: ic and scribe, then a primary and a backup for web-team, all bots', () => {
    const c = cast(STARTER);
    expect(seats(c)).toEqual([
      { seat: 'ic', kind: 'bot', policy: 'by-the-book' },
      { seat: 'scribe', kind: 'bot', policy: 'by-the-book' },
      { seat: 'responder', team: 'web-team', onCall: 'primary', kind: 'bot', policy: 'by-the-book' },
      { seat: 'responder', team: 'web-team', onCall: 'backup', kind: 'bot', policy: 'by-the-book' },
    ]);
  });

  it('bad-deploy-rollback: ic, scribe and two on-calls for each of its three teams', () => {
    const c = cast(DEPLOY_SCENARIO, [], '1', 'sloppy');
    expect(c.map((p) => [p.seat, p.team ?? null, p.onCall ?? null])).toEqual([
      ['ic', null, null],
      ['scribe', null, null],
      ['responder', 'web-team', 'primary'],
      ['responder', 'web-team', 'backup'],
      ['responder', 'orders-team', 'primary'],
      ['responder', 'orders-team', 'backup'],
      ['responder', 'dba', 'primary'],
      ['responder', 'dba', 'backup'],
    ]);
    expect(c.every((p) => p.kind === 'bot' && p.policy === 'sloppy')).toBe(true);
  });

  it('checkout-db-wal-disk-full: every staff role the scenario lists, in a fixed order, then the teams', () => {
    const s = WAL_SCENARIO;
    expect([...s.roles].sort()).toEqual(['customer-liaison', 'deputy', 'ic', 'scribe']);
    const c = cast(s);
    expect(c.map((p) => [p.seat, p.team ?? null, p.onCall ?? null])).toEqual([
      ['ic', null, null],
      ['deputy', null, null],
      ['scribe', null, null],
      ['customer-liaison', null, null],
      ['responder', 'payments', 'primary'],
      ['responder', 'payments', 'backup'],
      ['responder', 'dba', 'primary'],
      ['responder', 'dba', 'backup'],
      ['responder', 'platform', 'primary'],
      ['responder', 'platform', 'backup'],
    ]);
  });

  it('a scenario role list without ic still gets an ic seat', () => {
    const s = { ...STARTER, roles: ['scribe'] } as Scenario;
    expect(cast(s).map((p) => p.seat)).toEqual(['ic', 'scribe', 'responder', 'responder']);
  });
});

describe('humans', () => {
  it('take the seat they asked for; a responder with a service takes that service team\'s primary seat', () => {
    const c = cast(WAL_SCENARIO, [
      { name: 'carol', role: 'responder', service: 'checkout-db' },
      { name: 'alice', role: 'ic' },
      { name: 'bob', role: 'scribe' },
    ]);
    expect(c.filter((p) => p.kind === 'human')).toEqual([
      { name: 'alice', seat: 'ic', kind: 'human' },
      { name: 'bob', seat: 'scribe', kind: 'human' },
      { name: 'carol', seat: 'responder', team: 'dba', onCall: 'primary', kind: 'human' },
    ]);
    expect(c).toHaveLength(10);
    expect(c.find((p) => p.team === 'dba' && p.onCall === 'backup')!.kind).toBe('bot');
  });

  it('a responder may name a team instead of a service', () => {
    const c = cast(WAL_SCENARIO, [{ name: 'pat', role: 'responder', service: 'platform' }]);
    expect(c.find((p) => p.name === 'pat')).toEqual({ name: 'pat', seat: 'responder', team: 'platform', onCall: 'primary', kind: 'human' });
  });

  it('two responders for the same service take its primary and backup seats, in the order given', () => {
    const c = cast(STARTER, [
      { name: 'carol', role: 'responder', service: 'web' },
      { name: 'dave', role: 'responder', service: 'web' },
    ]);
    expect(c.filter((p) => p.seat === 'responder')).toEqual([
      { name: 'carol', seat: 'responder', team: 'web-team', onCall: 'primary', kind: 'human' },
      { name: 'dave', seat: 'responder', team: 'web-team', onCall: 'backup', kind: 'human' },
    ]);
  });

  it('a responder without a service takes a seat on the first team', () => {
    const c = cast(WAL_SCENARIO, [{ name: 'dave', role: 'responder' }]);
    expect(c.find((p) => p.name === 'dave')).toEqual({ name: 'dave', seat: 'responder', team: 'payments', onCall: 'primary', kind: 'human' });
  });

  // CastRequest.service defaults to the first team without a human: dave fills payments, so erin goes to
  // dba rather than to the backup seat beside dave.
  it('responders without a service default to the first team without a human', () => {
    const c = cast(WAL_SCENARIO, [
      { name: 'dave', role: 'responder' },
      { name: 'erin', role: 'responder' },
    ]);
    expect(c.find((p) => p.name === 'dave')).toMatchObject({ team: 'payments', onCall: 'primary' });
    expect(c.find((p) => p.name === 'erin')).toMatchObject({ team: 'dba', onCall: 'primary' });
  });

  it('extra humans beyond the scenario\'s seats are still included, in the role they asked for', () => {
    const c = cast(STARTER, [
      { name: 'alice', role: 'ic' },
      { name: 'zed', role: 'ic' },
      { name: 'dana', role: 'deputy' },
      { name: 'carol', role: 'responder', service: 'web' },
      { name: 'dave', role: 'responder', service: 'web' },
      { name: 'erin', role: 'responder', service: 'web' },
      { name: 'finn', role: 'responder', service: 'nope' },
    ]);
    expect(seats(c).slice(0, 4).map((p) => p.kind)).toEqual(['human', 'bot', 'human', 'human']);
    expect(c.slice(4)).toEqual([
      { name: 'zed', seat: 'ic', kind: 'human' },
      { name: 'dana', seat: 'deputy', kind: 'human' },
      { name: 'erin', seat: 'responder', team: 'web-team', kind: 'human' },
      { name: 'finn', seat: 'responder', kind: 'human' },
    ]);
    expect(c.filter((p) => p.kind === 'human').map((p) => p.name).sort()).toEqual(['alice', 'carol', 'dana', 'dave', 'erin', 'finn', 'zed']);
  });

  it('humans keep their names as given and carry no bot policy', () => {
    const c = cast(STARTER, [{ name: 'Alice', role: 'ic' }], '1', 'sloppy');
    expect(c[0]).toEqual({ name: 'Alice', seat: 'ic', kind: 'human' });
    expect(c.slice(1).every((p) => p.policy === 'sloppy')).toBe(true);
  });
});

describe('bot names', () => {
  const names = (seed: string, humans: CastRequest[] = [], s = WAL_SCENARIO) => cast(s, humans, seed).filter((p) => p.kind === 'bot').map((p) => p.name);

  it('are unique, lower-case letters, at least three long', () => {
    for (const seed of ['1', '2', '3', '4', '5', 'x']) {
      const n = names(seed);
      expect(n).toHaveLength(10);
      expect(new Set(n).size).toBe(n.length);
      for (const name of n) expect(name).toMatch(/^[a-z]{3,}$/);
    }
  });

  it('are equal for the same seed and differ by seed', () => {
    expect(names('42')).toEqual(names('42'));
    expect(names('42')).not.toEqual(names('43'));
    const all = ['1', '2', '3', '4', '5'].map((s) => names(s).join(','));
    expect(new Set(all).size).toBe(5);
  });

  it('never repeat a human\'s name, whatever its case', () => {
    const plain = names('1');
    const taken = plain[1]!;
    const withHuman = cast(WAL_SCENARIO, [{ name: taken.toUpperCase(), role: 'ic' }], '1');
    expect(withHuman[0]).toMatchObject({ name: taken.toUpperCase(), kind: 'human' });
    const botNames = withHuman.filter((p) => p.kind === 'bot').map((p) => p.name);
    expect(botNames).not.toContain(taken);
    expect(new Set(botNames.map((n) => n.toLowerCase())).size).toBe(botNames.length);
  });

  it('do not depend on the bot policy', () => {
    const s = STARTER;
    expect(cast(s, [], '9', 'sloppy').map((p) => p.name)).toEqual(cast(s, [], '9', 'by-the-book').map((p) => p.name));
  });
});
