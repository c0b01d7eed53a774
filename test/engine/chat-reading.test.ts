// Chat read as the command it states, but only where the speaker could give that command.
import { describe, expect, it } from 'vitest';
import { readChat, type ChatContext } from '../../src/engine/chat-reading';
import { shipped } from '../helpers/drill';

const scenario = shipped('scenarios/bad-deploy-rollback.yaml');
const IC: ChatContext = {
  actor: 'alice', scenario, isIc: true, hasIc: true, icAnnounced: true, joined: true, severity: 'SEV-2',
  hasUnackedTask: false, hasOpenTask: false, draftWaiting: true, pollUndecided: true,
};
const RESPONDER: ChatContext = { ...IC, actor: 'carol', isIc: false, draftWaiting: false, pollUndecided: false, hasUnackedTask: true, hasOpenTask: true };

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
});
