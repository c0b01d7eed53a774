import { describe, expect, it } from 'vitest';
import {
  addressesIncidentCommander,
  answersSwoop,
  approvesDraft,
  asksSomeone,
  badPollWording,
  claimsCommand,
  declaredSeverity,
  deputyCallout,
  identifiesSelf,
  isAcknowledgement,
  looksLikeDecision,
  looksLikePoll,
  moreTimeMs,
  namesFullTitle,
  promisedFixTime,
  statusUpdateText,
} from '../../../src/engine/intent/phrases';

const MIN = 60_000;

describe('promisedFixTime', () => {
  it.each([
    ['We expect this to be fixed in about 30 minutes.', 'fixed in about 30 minutes'],
    ['Checkout should be working again by 14:45 UTC.', 'working again by 14:45 UTC'],
    ['Service should be back within the hour.', 'back within the hour'],
    ['We expect it to be resolved by 3pm', 'resolved by 3pm'],
    ['Orders will be back up in 10 mins', 'back up in 10 mins'],
    ['The issue is expected to be fixed by end of day.', 'fixed by end of day'],
    ['Resolution expected within 2 hours.', 'Resolution expected within 2 hours'],
    ['We’re rolling out a fix; everything should be RESTORED in a few minutes!', 'RESTORED in a few minutes'],
    ['Within the hour, service should be restored.', 'Within the hour, service should be restored'],
    ['Payments will be up and running within the next 20-30 minutes', 'up and running within the next 20-30 minutes'],
  ])('flags %j', (text, phrase) => {
    expect(promisedFixTime(text)).toBe(phrase);
  });

  it.each([
    ['We are investigating elevated errors. ETA 20 min.', 'ETA 20 min'],
    ['eta for a fix: ~15 minutes', 'eta for a fix: ~15 minutes'],
  ])('flags an ETA: %j', (text, phrase) => {
    expect(promisedFixTime(text)).toBe(phrase);
  });

  it.each([
    'We are investigating and we will update within 20 minutes.',
    'Some customers cannot place orders. Next update in 20 minutes.',
    'Next update at 14:40.',
    'We’ll post another update by 15:00.',
    'We will let you know within 30 minutes.',
    "We're working on a fix and we'll keep you posted every 20 minutes.",
    'Please check back in 20 minutes for an update.',
    'For the last 30 minutes customers have seen errors when checking out.',
    'Since 14:05 some payments have failed. We are working to restore service.',
    'We are working on a fix and will post an update within 30 minutes.',
    "We don't have an ETA yet; we'll get back to you within the hour.",
    'Service was restored within 20 minutes of the failed deploy.',
    'We will share an update on the resolution within 30 minutes.',
    '',
  ])('does not flag %j', (text) => {
    expect(promisedFixTime(text)).toBeUndefined();
  });
});

describe('answersSwoop', () => {
  it.each([
    "Happy to hand you command if you want it; otherwise let's talk after the call",
    'Do you want to take command?',
    "If you'd like to take over as IC, say so and I'll hand over.",
    'You’re welcome to take command.',
    "Let's keep comments until the end of the call, please.",
    "We'll brief you in the stakeholder channel.",
    'Thanks — the incident comes first.',
    "I'll update you after the call.",
    'Please take this to #stakeholders',
    'please use the updates channel for that',
    'We can fix the incident or get you that list, not both.',
    "We don't discuss severity on the call; we're treating this as SEV-1.",
    "I hear you; we'll talk afterwards.",
    'Noted, please hold questions until the end.',
  ])('recognises %j', (text) => {
    expect(answersSwoop(text)).toBe(true);
  });

  it.each([
    'restarting now',
    'ok',
    'carol, what do you see?',
    'yes we will restart everything',
    "let's look at the logs after the restart",
    'carol, hand the logs over to bob',
  ])('ignores %j', (text) => {
    expect(answersSwoop(text)).toBe(false);
  });
});

describe('isAcknowledgement', () => {
  it.each([
    'wilco', 'ack', 'Acked.', 'on it', 'Roger', 'rog', 'copy', 'Understood.', 'will do', 'got it', 'ok, on it',
    'yep on it', 'Understood, checking now', 'ack T1', 'wilco T2 — back in 10', 'I’m on it!', 'Copy that.', 'ok',
    'Understood, restarting orders-api now, back in 5',
  ])('accepts %j', (text) => {
    expect(isAcknowledgement(text)).toBe(true);
  });

  it.each([
    'ok so the logs show 503s everywhere and latency is up',
    'ok?',
    'not on it',
    'no',
    "can't, I'm busy",
    'got it?',
    'copy the logs to the bucket',
    'ack the alert for me please',
    'got it working again, errors are dropping',
    'on it, but I can’t get access',
    '',
  ])('rejects %j', (text) => {
    expect(isAcknowledgement(text)).toBe(false);
  });

  // Issue 13: names may be in any alphabet, and an acknowledgement is often addressed to the IC by name.
  it('reads an opening address to a name in any alphabet as it reads one in ASCII', () => {
    for (const text of ['@Zoë wilco', '@zoë, on it', 'Zoë: on it', '@李雷 ack T1', '@alice wilco']) expect(isAcknowledgement(text), text).toBe(true);
    for (const text of ['@Zoë', '@Zoë the logs show 503s everywhere and latency is up', '@Zoë can you check?']) expect(isAcknowledgement(text), text).toBe(false);
  });
});

describe('claimsCommand', () => {
  it.each([
    'This is Dave, I am now the Incident Commander',
    "I'm the incident commander",
    'dave here, taking command',
    'I’ll be IC',
    'I am IC for this incident.',
    'I have command.',
    'I am taking over as incident commander',
    'Nobody answered, so I am now the Incident Commander.',
    'this is alice, your IC',
  ])('accepts %j', (text) => {
    expect(claimsCommand(text)).toBe(true);
  });

  it.each([
    'who is the incident commander?',
    'alice is the IC',
    'is anyone IC?',
    'dave is now the Incident Commander',
    'I am not the IC',
    "I don't think I'm the IC",
    'carol here, IC, I see errors on orders-api',
    'I am IC-trained but bob has command',
  ])('rejects %j', (text) => {
    expect(claimsCommand(text)).toBe(false);
  });
});

describe('namesFullTitle', () => {
  it.each([
    ['This is alice, I am the Incident Commander', 'alice', true],
    ['Alice here, Incident Commander', 'alice', true],
    ['THIS IS ALICE, I AM THE INCIDENT COMMANDER.', 'alice', true],
    ['this is alice; I’m the incident-commander', 'alice', true],
    ['This is Mary-Jo, I am the Incident Commander', 'mary-jo', true],
    ['Hi all. Alice speaking; Incident Commander for this call', 'Alice', true],
    ["I'm the IC", 'alice', false],
    ['This is alice, I am the IC', 'alice', false],
    ['I am the Incident Commander', 'alice', false],
    ['This is alicia, I am the Incident Commander', 'alice', false],
    ['This is alice, I am the Incident Commander', '', false],
  ] as const)('%j with name %j → %s', (text, name, expected) => {
    expect(namesFullTitle(text, name)).toBe(expected);
  });
});

describe('looksLikePoll', () => {
  it.each([
    'Proposal: roll orders-api back to v2.13.2. Any strong objections?',
    'Are there any strong objections?',
    'any objections to failing over?',
    'Objections?',
    'I propose we restart; does anyone strongly object?',
    'We fail over to the replica. Speak up now if you object.',
    'Does anybody have a strong objection to flushing the cache?',
  ])('accepts %j', (text) => {
    expect(looksLikePoll(text)).toBe(true);
  });

  it.each([
    'no objections',
    'hearing no objections, proceeding',
    'she objected earlier',
    "I didn't hear any objections, so we're rolling back",
    'I don’t have any objections',
    'restart the pods',
  ])('rejects %j', (text) => {
    expect(looksLikePoll(text)).toBe(false);
  });
});

describe('badPollWording', () => {
  it.each([
    'does everyone agree?',
    'Everyone OK with that?',
    'all agree?',
    'are we all good with this?',
    'Sound good to everyone?',
    'Proposal: restart the pods. Is everybody happy with that?',
    'Do we all agree',
  ])('accepts %j', (text) => {
    expect(badPollWording(text)).toBe(true);
  });

  it.each([
    'any strong objections?',
    'Can everyone hear me?',
    "we all agree it's DNS",
    'Is everyone on the call?',
    'are all the pods ok?',
  ])('rejects %j', (text) => {
    expect(badPollWording(text)).toBe(false);
  });
});

describe('looksLikeDecision', () => {
  it.each([
    "Hearing no objections, we're proceeding with the rollback",
    'No strong objections heard; proceeding',
    'Decision: we fail over to the replica',
    'We’re going ahead with the revert.',
    'Hearing none, we roll back',
    'OK, decided: restart the pods',
    "I can't wait any longer, so we're proceeding with the failover",
  ])('accepts %j', (text) => {
    expect(looksLikeDecision(text)).toBe(true);
  });

  it.each([
    'should we proceed?',
    'any objections?',
    'we might roll back later',
    "I don't know yet",
    "if there are no objections we'll proceed",
    "we haven't decided yet",
    'no objections from me',
    'the decision is yours',
  ])('rejects %j', (text) => {
    expect(looksLikeDecision(text)).toBe(false);
  });
});

describe('statusUpdateText', () => {
  it.each([
    ['Status: SEV-2, orders failing since 12:02, rollback under way, next update 12:30', 'SEV-2, orders failing since 12:02, rollback under way, next update 12:30'],
    ['Update: rollback done, error rate falling', 'rollback done, error rate falling'],
    ['Status update — SEV-1, DNS suspected, bob owes an answer by 12:40', 'SEV-1, DNS suspected, bob owes an answer by 12:40'],
    ['Quick update: cache flush finished, checking the error rate', 'cache flush finished, checking the error rate'],
    ['SITREP: SEV-2, cause still unknown', 'SEV-2, cause still unknown'],
    ["Here is where we are: SEV-2, rollback started at 12:10", 'SEV-2, rollback started at 12:10'],
    ["While we wait for the rollback, here’s where we are: SEV-2, believed cause the 12:00 deploy", 'SEV-2, believed cause the 12:00 deploy'],
    ['status - sev2, nothing posted publicly yet', 'sev2, nothing posted publicly yet'],
  ])('reads %j', (text, body) => {
    expect(statusUpdateText(text)).toBe(body);
  });

  it.each([
    "what's the status?",
    'any update carol?',
    "I'll update you soon",
    'update the runbook after the call',
    'Update: ?',
    'Status update: where are we on T1?',
  ])('ignores %j', (text) => {
    expect(statusUpdateText(text)).toBeUndefined();
  });
});

describe('declaredSeverity', () => {
  it.each([
    ['This is a SEV-2', 'SEV-2'],
    ["we're treating this as SEV 1", 'SEV-1'],
    ['declaring sev2', 'SEV-2'],
    ['Let’s call it a SEV-2.', 'SEV-2'],
    ['severity is SEV-1', 'SEV-1'],
    ['upgrading to SEV-1', 'SEV-1'],
    ['raising this to sev-1!', 'SEV-1'],
    ['Downgrading from SEV-1 to SEV-3 now that orders recovered', 'SEV-3'],
    ["This isn't a SEV-1, it's a SEV-2", 'SEV-2'],
    ['its a sev three', 'SEV-3'],
  ] as const)('reads %j as %s', (text, sev) => {
    expect(declaredSeverity(text)).toBe(sev);
  });

  it.each([
    'is this a SEV-1?',
    'it might be a sev 2',
    "last week's SEV-2 was similar",
    'not a SEV-1',
    "I don't think this is a SEV-1",
    "if it gets worse we'll raise it to SEV-1",
    'this is a SEV-9',
  ])('ignores %j', (text) => {
    expect(declaredSeverity(text)).toBeUndefined();
  });
});

describe('approvesDraft', () => {
  it.each([
    'approved', 'D1 approved', 'LGTM, post it', 'looks good, go ahead and post', 'ok to post', 'approve D2', 'ship it',
    'Yes — that’s fine, please post D1', 'Approved. Don’t forget the next-update time.',
  ])('accepts %j', (text) => {
    expect(approvesDraft(text)).toBe(true);
  });

  it.each([
    'not approved',
    'change the wording first',
    "don't post that",
    'is it approved?',
    "I'll approve it once the hostnames are gone",
    'LGTM but remove the hostname',
    'waiting for approval',
  ])('rejects %j', (text) => {
    expect(approvesDraft(text)).toBe(false);
  });
});

describe('moreTimeMs', () => {
  it.each([
    ['need 5 more minutes', 5 * MIN],
    ['give me another 10 min', 10 * MIN],
    ['5 more mins please', 5 * MIN],
    ['can I have 3 more minutes?', 3 * MIN],
    ['need another 2m on T1', 2 * MIN],
    ['I need ten more minutes', 10 * MIN],
    ['Could use a couple of more minutes', 2 * MIN],
    ['a few more minutes please', 3 * MIN],
    ['need half an hour', 30 * MIN],
    ['IC, I need more time on T2 — about 15 min', 15 * MIN],
    ['twenty-five more minutes', 25 * MIN],
    ['5-10 more minutes', 10 * MIN],
    ['need another hour', 60 * MIN],
    ['30 more seconds', 30_000],
  ])('reads %j', (text, ms) => {
    expect(moreTimeMs(text)).toBe(ms);
  });

  it.each([
    'it took 5 minutes',
    'errors in the last 5 minutes',
    'next update in 10 minutes',
    'we need 2 more replicas',
    'it took 5 more minutes than planned',
    'we saw errors for another 10 minutes',
    'give me a sec',
  ])('ignores %j', (text) => {
    expect(moreTimeMs(text)).toBeUndefined();
  });
});

describe('asksSomeone', () => {
  it.each([
    'can someone check the logs?',
    'could anyone look at the DB?',
    'somebody please restart it',
    'anyone able to look at DNS?',
    'who can take the rollback?',
    'would someone page the DBA',
    'Someone needs to check the load balancer',
    'We need somebody to own comms',
  ])('flags %j', (text) => {
    expect(asksSomeone(text)).toBe(true);
  });

  it.each([
    'Do we have someone from the DBA team on the call?',
    'Is anyone from netops here?',
    'Can everyone hear me?',
    'any strong objections?',
    'does anyone object?',
    'someone from Support reported tickets',
    'Can anyone hear me?',
    'will anyone else be joining?',
    'carol, please check the logs; I’ll come back to you in 5 minutes',
  ])('does not flag %j', (text) => {
    expect(asksSomeone(text)).toBe(false);
  });
});

describe('identifiesSelf', () => {
  it.each([
    ['Hi, carol here from orders-api', 'carol'],
    ['carol, orders-team on-call, joining', 'carol'],
    ['This is Bob, DBA, on the call', 'bob'],
    ['joining — I cover the storefront', 'dan'],
    ['Erin from support here', 'erin'],
    ['I’m the orders-api on-call', 'frank'],
    ['Hey all, it’s Gina from payments', 'gina'],
  ])('accepts %j from %s', (text, name) => {
    expect(identifiesSelf(text, name)).toBe(true);
  });

  it.each([
    ["what's going on?", 'carol'],
    ['restarting now', 'carol'],
    ['the logs show errors', 'carol'],
    ["I'm waiting for the DBA", 'carol'],
    ['I’m checking the deploy history', 'carol'],
  ])('rejects %j from %s', (text, name) => {
    expect(identifiesSelf(text, name)).toBe(false);
  });
});

describe('deputyCallout', () => {
  it.each([
    'IC, be advised: we are at the 20-minute mark',
    "IC, we're 30 minutes in",
    'heads up IC: 10 minutes elapsed',
    'IC, the time box on T2 for carol has run out',
    "T3's timer is up",
    'carol’s time box has expired',
    'Time check: T+40',
    'IC, T1 is overdue',
  ])('accepts %j', (text) => {
    expect(deputyCallout(text)).toBe(true);
  });

  it.each([
    'ok',
    "I'll page the DBA",
    'errors in the last 10 minutes',
    "I'll come back to you in 10 minutes",
    'we rolled back 10 minutes ago',
  ])('rejects %j', (text) => {
    expect(deputyCallout(text)).toBe(false);
  });
});

describe('addressesIncidentCommander', () => {
  it.each([
    ['@alice 9 tickets about failed checkouts', 'alice'],
    ['alice: customers report failed payments', 'alice'],
    ['IC, customers are reporting errors', 'alice'],
    ['Incident Commander, support has 9 tickets', 'alice'],
    ['Alice — quick one: should I post D1?', 'alice'],
    ['what do you want me to do next, alice?', 'alice'],
    ['hey IC, 12 tickets now', undefined],
    ['fyi @IC the status page is stale', undefined],
  ])('accepts %j (IC %s)', (text, ic) => {
    expect(addressesIncidentCommander(text, ic)).toBe(true);
  });

  it.each([
    ['the ic is busy', 'alice'],
    ['ask alice later', 'alice'],
    ['alice is the IC', 'alice'],
    ['customers report failed payments', 'alice'],
    ['alice: customers report failed payments', undefined],
  ])('rejects %j (IC %s)', (text, ic) => {
    expect(addressesIncidentCommander(text, ic)).toBe(false);
  });
});

// Phrasings found by the fairness scripts (a by-the-book team typing naturally), each once misread.
describe('phrasings found by the fairness scripts', () => {
  it.each([
    "Henrik, not now please, we're in the middle of this. I'll update you when it's done.",
    "Henrik, understood. I'll give you a full briefing once we're through this.",
    "Renata, we won't pull everyone in, more people would slow us down. Wendy will keep you posted every 30 minutes.",
    'Dana, there is no other provider we can switch to today. We will not guess a time.',
  ])('answers a swoop: %s', (line) => expect(answersSwoop(line)).toBe(true));
  it.each([
    ['Thanks Kofi. Status: SEV-2, mitigated, watching', 'SEV-2, mitigated, watching'],
    ['OK everyone, quick update: SEV-2, rollback under way', 'SEV-2, rollback under way'],
  ])('reads a status after a lead-in: %s', (line, body) => expect(statusUpdateText(line)).toBe(body));
  it.each(["Marcus, Kofi's 3 minutes on the archiver are up.", "raj's warm-up is overdue", 'raj is past his time box on the warm-up', "timer on raj's warm-up is up", 'IC, heads up: 20 min since the trigger.'])(
    'hears a deputy callout: %s', (line) => expect(deputyCallout(line)).toBe(true));
  it('reads "Severity 1, we assume the worst." as declaring SEV-1, but not a question', () => {
    expect(declaredSeverity('Severity 1, we assume the worst.')).toBe('SEV-1');
    expect(declaredSeverity('Severity 1?')).toBeUndefined();
  });
  it('takes "kofi (DBA on-call) joining" as an introduction', () => expect(identifiesSelf('kofi (DBA on-call) joining', 'kofi')).toBe(true));
});
