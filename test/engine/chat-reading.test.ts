// Chat read as the command it states, but only where the speaker could give that command.
import { describe, expect, it } from 'vitest';
import { readChat, type ChatContext } from '../../src/engine/chat-reading';
import { shipped } from '../helpers/drill';

const scenario = shipped('scenarios/bad-deploy-rollback.yaml');
const IC: ChatContext = {
  actor: 'alice', role: 'ic', people: ['alice', 'carol', 'kofi'], pollActions: ['rollback-orders-api'], scenario, isIc: true, hasIc: true, icAnnounced: true, joined: true, severity: 'SEV-2',
  hasUnackedTask: false, hasOpenTask: false, draftWaiting: true, pollUndecided: true,
};
const RESPONDER: ChatContext = { ...IC, actor: 'carol', role: 'responder', isIc: false, draftWaiting: false, pollUndecided: false, hasUnackedTask: true, hasOpenTask: true };

describe('readChat', () => {
  it('reads the IC\'s status, poll, decision and approval as those commands', () => {
    expect(readChat('Status: SEV-2, rolling back, next update 12:40', IC).instead).toEqual({ kind: 'status', text: 'SEV-2, rolling back, next update 12:40' });
    expect(readChat('Any strong objections to rolling back?', IC).instead).toMatchObject({ kind: 'poll' });
    expect(readChat('Hearing none, we roll back.', IC).instead).toMatchObject({ kind: 'decide' });
    expect(readChat('D1 approved, go ahead and post it', IC).instead).toEqual({ kind: 'approve', draftId: 'D1' });
  });

  it('leaves the same words as chat when someone else says them', () => {
    for (const line of ['Status: SEV-2, rolling back', 'Any strong objections to rolling back?', 'Hearing none, we roll back.', 'D1 approved']) {
      expect(readChat(line, RESPONDER).instead, line).toBeUndefined();
    }
  });

  it('raises the severity from a status that states a higher one, never lowers it', () => {
    expect(readChat('Status: SEV-1 now, checkout is down everywhere', IC).also).toEqual([{ kind: 'sev', level: 'SEV-1' }]);
    expect(readChat('Status: SEV-3 impact, mostly recovered', IC).also).toEqual([]);
  });

  it('reads a claim of command only when nobody holds it, or as the new IC\'s announcement', () => {
    const line = 'This is Dave, I am now the Incident Commander';
    expect(readChat(line, { ...RESPONDER, hasIc: false }).instead).toEqual({ kind: 'ic', text: line });
    expect(readChat(line, { ...IC, icAnnounced: false }).instead).toEqual({ kind: 'ic', text: line });
    expect(readChat(line, RESPONDER).instead).toBeUndefined();
    expect(readChat(line, IC).instead).toBeUndefined();
  });

  it('keeps a responder\'s acknowledgement or request for time as chat and also records it', () => {
    expect(readChat('on it', RESPONDER)).toEqual({ also: [{ kind: 'wilco' }] });
    expect(readChat('ack T2', RESPONDER)).toEqual({ also: [{ kind: 'wilco', taskId: 'T2' }] });
    expect(readChat('need 5 more minutes', RESPONDER)).toEqual({ also: [{ kind: 'more', ms: 300_000 }] });
    expect(readChat('on it', { ...RESPONDER, hasUnackedTask: false })).toEqual({ also: [] });
  });

  it('reads "T1: …" from the task owner as the report, and an introduction as joining', () => {
    expect(readChat('T1: every error is a pool timeout', RESPONDER).instead).toEqual({ kind: 'report', taskId: 'T1', text: 'every error is a pool timeout' });
    expect(readChat('Hi, carol here from orders-api, joining', { ...RESPONDER, joined: false }).instead).toMatchObject({ kind: 'join' });
    expect(readChat('Hi, carol here from orders-api, joining', RESPONDER).instead).toBeUndefined();
  });

  it('reads the protocol\'s own assignment, "NAME, please ...; I\'ll come back to you in N minutes", when it has a time box', () => {
    expect(readChat("Kofi, please check the disk on orders-db; I'll come back to you in 5 minutes. Understood?", IC).instead)
      .toEqual({ kind: 'assign', owners: ['kofi'], task: 'check the disk on orders-db', timeboxMs: 300_000 });
    expect(readChat('Kofi, please repair WAL archiving, report back in 3.', IC).instead).toMatchObject({ kind: 'assign', owners: ['kofi'], timeboxMs: 180_000 });
    // Without a time box it stays chat (and RD-10 would have nothing to judge), and so does the same line from a responder.
    expect(readChat('Kofi, please check the disk', IC).instead).toBeUndefined();
    expect(readChat('Kofi, please check the disk in 5m', RESPONDER).instead).toBeUndefined();
  });

  it('settles an open poll with "nobody objects" or by saying the proposal will be done', () => {
    expect(readChat('OK, nobody objects. Go ahead with the rollback.', IC).instead).toMatchObject({ kind: 'decide' });
    expect(readChat("No strong objections, so we'll roll orders-api back.", IC).instead).toMatchObject({ kind: 'decide' });
    expect(readChat("we'll roll orders-api back", { ...IC, pollUndecided: false, pollActions: [] }).instead).toBeUndefined();
  });

  it('reads a task owner\'s "X done: ..." as the report, and "more time" for a named task as that task\'s', () => {
    expect(readChat('Failover done: db-2 is the primary and accepts writes', RESPONDER).instead).toEqual({ kind: 'report', text: 'Failover done: db-2 is the primary and accepts writes' });
    expect(readChat('Done. db-2 is primary.', RESPONDER).instead).toMatchObject({ kind: 'report' });
    expect(readChat('are you done?', RESPONDER).instead).toBeUndefined();
    expect(readChat('need 2 more minutes on T5', RESPONDER).also).toEqual([{ kind: 'more', ms: 120_000, taskId: 'T5' }]);
  });

  it('names a postmortem owner from chat, and reads a liaison\'s "Draft: ..." as a draft', () => {
    expect(readChat('Kofi, you own the postmortem, due Monday.', IC).instead).toEqual({ kind: 'postmortem', owner: 'kofi', due: 'Monday' });
    const liaison: ChatContext = { ...RESPONDER, role: 'customer-liaison', hasOpenTask: false, hasUnackedTask: false };
    expect(readChat('Draft for the status page: we are investigating failed orders.', liaison).instead).toEqual({ kind: 'draft', text: 'we are investigating failed orders.' });
  });

  it('records a claim on command someone else holds, keeping the line in the channel', () => {
    expect(readChat("carol here, I'm taking command", RESPONDER)).toEqual({ also: [{ kind: 'ic', text: "carol here, I'm taking command" }] });
  });
});
