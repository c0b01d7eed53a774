import { describe, expect, it } from 'vitest';
import type { CommandVocabulary } from '../../src/engine/command';
import { COMMAND_NAMES, COMMAND_USAGE } from '../../src/engine/command';
import { isCommandError, mentionsIn, parseCommand } from '../../src/engine/parse-command';

const vocab: CommandVocabulary = {
  people: ['alice', 'bob', 'carol', 'Dan'],
  probes: ['db-disk', 'api-latency', 'error-logs'],
  actions: ['rollback', 'restart-api', 'failover-db'],
  teams: ['dba', 'network', 'payments'],
};
const empty: CommandVocabulary = { people: [], probes: [], actions: [], teams: [] };
const ESC = '\u001b';

const parse = (text: string) => parseCommand(text, vocab);

describe('parseCommand: chat and empty input', () => {
  it('treats text without a slash as chat', () => {
    expect(parse('  disk is at 98% on db-1  ')).toEqual({ kind: 'say', text: 'disk is at 98% on db-1' });
  });

  it('sends "//" lines as chat with one slash', () => {
    expect(parse('//var/log is full')).toEqual({ kind: 'say', text: '/var/log is full' });
  });

  it('rejects empty input, including input that is only control sequences', () => {
    expect(parse('')).toEqual({ error: 'nothing to send' });
    expect(parse('  \t ')).toEqual({ error: 'nothing to send' });
    expect(parse(`${ESC}[2J${ESC}]0;x\u0007\u202E`)).toEqual({ error: 'nothing to send' });
  });

  it('rejects a bare slash', () => {
    expect(parse('/')).toEqual({ error: 'type a command name right after "/"', suggestion: 'type /help for the list' });
  });
});

describe('parseCommand: command names', () => {
  it('reads names case-insensitively', () => {
    expect(parse('/ACK')).toEqual({ kind: 'ack' });
    expect(parse('/Resolve')).toEqual({ kind: 'resolve' });
  });

  it('suggests the nearest command with its usage line', () => {
    expect(parse('/ak')).toEqual({ error: 'unknown command "/ak"', suggestion: `did you mean /ack? (${COMMAND_USAGE.ack})` });
    expect(parse('/asign @bob x')).toEqual({
      error: 'unknown command "/asign"',
      suggestion: `did you mean /assign? (${COMMAND_USAGE.assign})`,
    });
    expect(parse('/postmortm @bob')).toMatchObject({ suggestion: `did you mean /postmortem? (${COMMAND_USAGE.postmortem})` });
  });

  it('suggests by prefix when edit distance would mislead', () => {
    expect(parse('/hand @bob')).toMatchObject({ suggestion: `did you mean /handover? (${COMMAND_USAGE.handover})` });
    expect(parse('/acknowledge')).toMatchObject({ suggestion: `did you mean /ack? (${COMMAND_USAGE.ack})` });
    expect(parse('/severity 2')).toMatchObject({ suggestion: `did you mean /sev? (${COMMAND_USAGE.sev})` });
  });

  it('points to /help when nothing is close', () => {
    expect(parse('/xyz')).toEqual({ error: 'unknown command "/xyz"', suggestion: 'type /help for the list' });
  });

  it('keeps a long unknown name short in the error', () => {
    const r = parse(`/${'x'.repeat(500)}`);
    expect(isCommandError(r) && r.error.length).toBeLessThan(70);
  });

  it('parses every command name in the vocabulary', () => {
    const args: Record<string, string> = {
      appoint: '@bob scribe', sev: '2', assign: '@bob check it', report: 'ok', more: '5m', check: 'db-disk',
      run: 'rollback', poll: 'x', object: 'x', decide: 'x', status: 'x', note: 'x', todo: 'x', draft: 'x',
      page: 'dba', handover: '@bob', postmortem: '@bob', answer: 'yes',
    };
    for (const name of COMMAND_NAMES) {
      expect(parse(`/${name} ${args[name] ?? ''}`)).toMatchObject({ kind: name });
    }
  });
});

describe('parseCommand: commands without arguments', () => {
  it('parses /ack, /resolve and /end, ignoring extra text', () => {
    expect(parse('/ack')).toEqual({ kind: 'ack' });
    expect(parse('/ack on my way')).toEqual({ kind: 'ack' });
    expect(parse('/resolve all green')).toEqual({ kind: 'resolve' });
    expect(parse('/end thanks all')).toEqual({ kind: 'end' });
  });
});

describe('parseCommand: optional text', () => {
  it('parses /trigger, /join and /ic with and without text', () => {
    expect(parse('/trigger')).toEqual({ kind: 'trigger', text: '' });
    expect(parse('/trigger checkout 500s spiking')).toEqual({ kind: 'trigger', text: 'checkout 500s spiking' });
    expect(parse('/join')).toEqual({ kind: 'join', text: '' });
    expect(parse('/join checkout-db')).toEqual({ kind: 'join', text: 'checkout-db' });
    expect(parse('/ic')).toEqual({ kind: 'ic', text: '' });
    expect(parse('/ic I am the Incident Commander')).toEqual({ kind: 'ic', text: 'I am the Incident Commander' });
  });
});

describe('parseCommand: people', () => {
  it('matches names case-insensitively and returns the canonical spelling', () => {
    expect(parse('/handover @BOB')).toEqual({ kind: 'handover', target: 'bob' });
    expect(parse('/handover @dan')).toEqual({ kind: 'handover', target: 'Dan' });
  });

  it('makes the @ optional for appoint, assign, handover and postmortem', () => {
    expect(parse('/handover bob')).toEqual({ kind: 'handover', target: 'bob' });
    expect(parse('/postmortem carol')).toEqual({ kind: 'postmortem', owner: 'carol' });
    expect(parse('/appoint bob scribe')).toEqual({ kind: 'appoint', appointments: [{ target: 'bob', role: 'scribe' }] });
    expect(parse('/assign carol check the disk')).toEqual({ kind: 'assign', owners: ['carol'], task: 'check the disk', timeboxMs: null });
  });

  it('suggests the nearest person', () => {
    expect(parse('/handover @alic')).toEqual({ error: 'no one called "alic" is in this drill', suggestion: 'did you mean @alice?' });
    expect(parse('/postmortem @bbo')).toEqual({ error: 'no one called "bbo" is in this drill', suggestion: 'did you mean @bob?' });
  });

  it('lists people when nobody is close', () => {
    expect(parse('/handover @zed')).toEqual({
      error: 'no one called "zed" is in this drill',
      suggestion: 'people here: @alice, @bob, @carol, @Dan',
    });
    expect(parseCommand('/handover @zed', empty)).toEqual({ error: 'no one called "zed" is in this drill' });
  });

  it('requires a person for /handover and /postmortem', () => {
    expect(parse('/handover')).toEqual({ error: '/handover needs a person', suggestion: COMMAND_USAGE.handover });
    expect(parse('/postmortem @')).toEqual({ error: '/postmortem needs a person', suggestion: COMMAND_USAGE.postmortem });
  });

  it('ignores trailing punctuation and extra words after the name', () => {
    expect(parse('/handover @bob. you have command')).toEqual({ kind: 'handover', target: 'bob' });
  });

  it('prefers the longest matching name', () => {
    const v = { ...vocab, people: ['al', 'al b'] };
    expect(parseCommand('/handover @al b', v)).toEqual({ kind: 'handover', target: 'al b' });
    expect(parseCommand('/handover @al', v)).toEqual({ kind: 'handover', target: 'al' });
  });
});

describe('parseCommand: /appoint', () => {
  it('parses a person and a role', () => {
    expect(parse('/appoint @bob scribe')).toEqual({ kind: 'appoint', appointments: [{ target: 'bob', role: 'scribe' }] });
    expect(parse('/appoint @bob as deputy')).toEqual({ kind: 'appoint', appointments: [{ target: 'bob', role: 'deputy' }] });
    expect(parse('/appoint @carol customer liaison')).toEqual({ kind: 'appoint', appointments: [{ target: 'carol', role: 'customer-liaison' }] });
    expect(parse('/appoint @carol CL')).toEqual({ kind: 'appoint', appointments: [{ target: 'carol', role: 'customer-liaison' }] });
    expect(parse('/appoint @Dan as an SME')).toEqual({ kind: 'appoint', appointments: [{ target: 'Dan', role: 'responder' }] });
  });

  it('accepts the role first', () => {
    expect(parse('/appoint scribe @bob')).toEqual({ kind: 'appoint', appointments: [{ target: 'bob', role: 'scribe' }] });
  });

  it('sends command changes to /handover', () => {
    expect(parse('/appoint @bob ic')).toEqual({ error: 'use /handover @bob to pass command' });
    expect(parse('/appoint @bob incident commander')).toEqual({ error: 'use /handover @bob to pass command' });
  });

  it('refuses the facilitator role', () => {
    expect(parse('/appoint @bob facilitator')).toEqual({ error: 'the facilitator runs the drill and is not a response role' });
  });

  it('rejects unknown roles', () => {
    expect(parse('/appoint @bob scrib')).toEqual({ error: '"scrib" is not a role', suggestion: 'did you mean scribe?' });
    expect(parse('/appoint @bob boss')).toEqual({
      error: '"boss" is not a role',
      suggestion: 'roles: deputy, scribe, responder, customer-liaison, internal-liaison',
    });
    expect(parse('/appoint @bob constructor')).toMatchObject({ error: '"constructor" is not a role' });
    expect(parse('/appoint @bob toString')).toMatchObject({ error: '"toString" is not a role' });
  });

  it('requires a person and a role', () => {
    expect(parse('/appoint @bob')).toEqual({ error: '/appoint needs a role', suggestion: COMMAND_USAGE.appoint });
    expect(parse('/appoint')).toEqual({ error: '/appoint needs a person', suggestion: COMMAND_USAGE.appoint });
    expect(parse('/appoint @bobby scribe')).toEqual({ error: 'no one called "bobby" is in this drill', suggestion: 'did you mean @bob?' });
  });
});

describe('parseCommand: /sev', () => {
  it.each(['SEV-2', 'sev2', 'Sev 2', '2', 'sev-2', 'SEV 2'])('reads %s as SEV-2', (arg) => {
    expect(parse(`/sev ${arg}`)).toEqual({ kind: 'sev', level: 'SEV-2' });
  });

  it('reads every level', () => {
    expect(parse('/sev 1')).toEqual({ kind: 'sev', level: 'SEV-1' });
    expect(parse('/sev sev5')).toEqual({ kind: 'sev', level: 'SEV-5' });
  });

  it('rejects anything else, listing the levels', () => {
    const levels = 'SEV-1, SEV-2, SEV-3, SEV-4 or SEV-5';
    expect(parse('/sev 6')).toEqual({ error: `"6" is not a severity: use ${levels}`, suggestion: COMMAND_USAGE.sev });
    expect(parse('/sev high')).toEqual({ error: `"high" is not a severity: use ${levels}`, suggestion: COMMAND_USAGE.sev });
    expect(parse('/sev SEV-0')).toMatchObject({ error: `"SEV-0" is not a severity: use ${levels}` });
    expect(parse('/sev 12')).toMatchObject({ error: `"12" is not a severity: use ${levels}` });
    expect(parse('/sev')).toEqual({ error: `/sev needs a level: ${levels}`, suggestion: COMMAND_USAGE.sev });
  });
});

describe('parseCommand: /assign', () => {
  const assign = (args: string) => parse(`/assign @carol ${args}`);
  const box = (task: string, timeboxMs: number | null) => ({ kind: 'assign', owners: ['carol'], task, timeboxMs });

  it.each([
    ['check the disk in 5m', 300_000],
    ['check the disk in 5 min', 300_000],
    ['check the disk in 5 minutes', 300_000],
    ['check the disk in 5 mins.', 300_000],
    ['check the disk within 10m', 600_000],
    ['check the disk for 3m', 180_000],
    ['check the disk 5m', 300_000],
    ['check the disk in 90s', 90_000],
    ['check the disk in 90 seconds', 90_000],
    ['check the disk in 1h30m', 5_400_000],
    ['check the disk in 1 hour 30 minutes', 5_400_000],
    ['check the disk 1h 30m', 5_400_000],
    ['check the disk, in 5m', 300_000],
    ['check the disk - 5m', 300_000],
    ['check the disk IN 5M', 300_000],
  ])('splits the time box off "%s"', (args, ms) => {
    expect(assign(args)).toEqual(box('check the disk', ms));
  });

  it('leaves the time box null when there is none (scoring judges that, not the parser)', () => {
    expect(assign('check the disk')).toEqual(box('check the disk', null));
  });

  it('does not mistake task wording for a time box', () => {
    expect(assign('look for 500s')).toEqual(box('look for 500s', null));
    expect(assign('count the 404s')).toEqual(box('count the 404s', null));
    expect(assign('check errors in the last 5m')).toEqual(box('check errors in the last 5m', null));
    expect(assign('find requests slower than 500ms')).toEqual(box('find requests slower than 500ms', null));
    expect(assign('look at the last 5 minutes')).toEqual(box('look at the last 5 minutes', null));
    expect(assign('restart 2 pods')).toEqual(box('restart 2 pods', null));
  });

  it('keeps a duration in the middle of the task', () => {
    expect(assign('watch p99 for 5m then report in 10m')).toEqual(box('watch p99 for 5m then report', 600_000));
  });

  it('accepts a name followed by a comma or colon', () => {
    expect(parse('/assign carol, check the disk in 5m')).toEqual(box('check the disk', 300_000));
    expect(parse('/assign @Carol: check the disk')).toEqual(box('check the disk', null));
  });

  it('requires a person and a task', () => {
    expect(parse('/assign')).toEqual({ error: '/assign needs a person', suggestion: COMMAND_USAGE.assign });
    expect(parse('/assign @carol')).toEqual({ error: '/assign needs a task for @carol', suggestion: COMMAND_USAGE.assign });
    expect(parse('/assign @carol in 5m')).toEqual({ error: '/assign needs a task for @carol', suggestion: COMMAND_USAGE.assign });
    expect(parse('/assign @carl check it')).toEqual({ error: 'no one called "carl" is in this drill', suggestion: 'did you mean @carol?' });
  });

  it('rejects a zero time box', () => {
    expect(assign('check it in 0m')).toEqual({ error: 'a time box must be longer than zero', suggestion: COMMAND_USAGE.assign });
  });
});

describe('parseCommand: task commands', () => {
  it('parses /wilco with an optional task id', () => {
    expect(parse('/wilco')).toEqual({ kind: 'wilco' });
    expect(parse('/wilco t3')).toEqual({ kind: 'wilco', taskId: 'T3' });
    expect(parse('/wilco T12 on it')).toEqual({ kind: 'wilco', taskId: 'T12' });
    expect(parse('/wilco on it')).toEqual({ kind: 'wilco' });
  });

  it('parses /report with an optional task id', () => {
    expect(parse('/report T2 disk is 98% full')).toEqual({ kind: 'report', text: 'disk is 98% full', taskId: 'T2' });
    expect(parse('/report t2: disk full')).toEqual({ kind: 'report', text: 'disk full', taskId: 'T2' });
    expect(parse('/report disk is 98% full')).toEqual({ kind: 'report', text: 'disk is 98% full' });
  });

  it('requires report text', () => {
    expect(parse('/report')).toEqual({ error: '/report needs what you found', suggestion: COMMAND_USAGE.report });
    expect(parse('/report T2')).toEqual({ error: '/report needs what you found', suggestion: COMMAND_USAGE.report });
  });

  it('parses /more estimates with the task id before or after', () => {
    expect(parse('/more 5m')).toEqual({ kind: 'more', ms: 300_000 });
    expect(parse('/more 5 min')).toEqual({ kind: 'more', ms: 300_000 });
    expect(parse('/more 10 minutes')).toEqual({ kind: 'more', ms: 600_000 });
    expect(parse('/more T3 5m')).toEqual({ kind: 'more', ms: 300_000, taskId: 'T3' });
    expect(parse('/more 5m t3')).toEqual({ kind: 'more', ms: 300_000, taskId: 'T3' });
    expect(parse('/more t3 2 min')).toEqual({ kind: 'more', ms: 120_000, taskId: 'T3' });
    expect(parse('/more 1h 30m')).toEqual({ kind: 'more', ms: 5_400_000 });
  });

  it('requires an estimate for /more', () => {
    const missing = { error: '/more needs an estimate, e.g. /more 5m', suggestion: COMMAND_USAGE.more };
    expect(parse('/more')).toEqual(missing);
    expect(parse('/more T3')).toEqual(missing);
    expect(parse('/more soon')).toEqual({ error: '"soon" is not an estimate', suggestion: 'e.g. /more 5m or /more T3 10 min' });
    expect(parse('/more 0m')).toEqual({ error: '"0m" is not an estimate', suggestion: 'e.g. /more 5m or /more T3 10 min' });
  });

  it('reads a bare number after /more as minutes, as people type it', () => {
    expect(parse('/more 5')).toEqual({ kind: 'more', ms: 300_000 });
    expect(parse('/more T2 ten')).toEqual({ kind: 'more', ms: 600_000, taskId: 'T2' });
  });
});

describe('parseCommand: /check and /run', () => {
  it('parses known ids case-insensitively, returning the canonical id', () => {
    expect(parse('/check db-disk')).toEqual({ kind: 'check', probe: 'db-disk' });
    expect(parse('/check DB-Disk please')).toEqual({ kind: 'check', probe: 'db-disk' });
    expect(parse('/check db disk')).toEqual({ kind: 'check', probe: 'db-disk' });
    expect(parse('/run rollback')).toEqual({ kind: 'run', action: 'rollback' });
    expect(parse('/run Restart-API')).toEqual({ kind: 'run', action: 'restart-api' });
  });

  it('says when a probe is given to /run, or an action to /check', () => {
    expect(parse('/run db-disk')).toEqual({ error: '"db-disk" is a probe: use /check db-disk' });
    expect(parse('/check rollback')).toEqual({ error: '"rollback" is an action: use /run rollback' });
  });

  it('suggests the nearest id of the right kind', () => {
    expect(parse('/check db-dsk')).toEqual({ error: 'unknown probe "db-dsk"', suggestion: 'did you mean /check db-disk?' });
    expect(parse('/run rolback')).toEqual({ error: 'unknown action "rolback"', suggestion: 'did you mean /run rollback?' });
  });

  it('lists ids when nothing is close', () => {
    expect(parse('/check zzz')).toEqual({ error: 'unknown probe "zzz"', suggestion: 'probes: db-disk, api-latency, error-logs' });
    expect(parse('/run zzz')).toEqual({ error: 'unknown action "zzz"', suggestion: 'actions: rollback, restart-api, failover-db' });
    expect(parseCommand('/run zzz', empty)).toEqual({ error: 'unknown action "zzz"', suggestion: 'this drill has no actions' });
  });

  it('requires an id', () => {
    expect(parse('/check')).toEqual({ error: '/check needs a probe', suggestion: 'probes: db-disk, api-latency, error-logs' });
    expect(parse('/run')).toEqual({ error: '/run needs an action', suggestion: 'actions: rollback, restart-api, failover-db' });
    expect(parseCommand('/run', empty)).toEqual({ error: '/run needs an action', suggestion: COMMAND_USAGE.run });
  });

  it('truncates long lists', () => {
    const v = { ...vocab, probes: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'] };
    expect(parseCommand('/check zzzzzz', v)).toMatchObject({ suggestion: 'probes: p1, p2, p3, p4, p5, p6, …' });
  });
});

describe('parseCommand: /page', () => {
  it('parses a known team', () => {
    expect(parse('/page dba')).toEqual({ kind: 'page', team: 'dba' });
    expect(parse('/page @Network now')).toEqual({ kind: 'page', team: 'network' });
  });

  it('suggests or lists teams', () => {
    expect(parse('/page dbq')).toEqual({ error: 'unknown team "dbq"', suggestion: 'did you mean /page dba?' });
    expect(parse('/page security')).toEqual({ error: 'unknown team "security"', suggestion: 'teams: dba, network, payments' });
    expect(parse('/page')).toEqual({ error: '/page needs a team', suggestion: 'teams: dba, network, payments' });
  });
});

describe('parseCommand: text commands', () => {
  it('parses /poll', () => {
    expect(parse('/poll roll back to v41')).toEqual({ kind: 'poll', proposal: 'roll back to v41' });
  });

  it.each(['object', 'decide', 'status', 'note', 'todo', 'draft'] as const)('parses /%s', (kind) => {
    expect(parse(`/${kind} rolling back to v41`)).toEqual({ kind, text: 'rolling back to v41' });
  });

  it.each([
    ['poll', 'a proposal'],
    ['object', 'your objection'],
    ['decide', 'the decision'],
    ['status', 'the update'],
    ['note', 'the timeline entry'],
    ['todo', 'the follow-up item'],
    ['draft', 'the message text'],
  ] as const)('requires text for /%s', (kind, needs) => {
    expect(parse(`/${kind}`)).toEqual({ error: `/${kind} needs ${needs}`, suggestion: COMMAND_USAGE[kind] });
    expect(parse(`/${kind}   `)).toEqual({ error: `/${kind} needs ${needs}`, suggestion: COMMAND_USAGE[kind] });
  });
});

describe('parseCommand: drafts', () => {
  it('parses /approve and /post with optional draft ids', () => {
    expect(parse('/approve')).toEqual({ kind: 'approve' });
    expect(parse('/approve d2')).toEqual({ kind: 'approve', draftId: 'D2' });
    expect(parse('/approve D2 looks good')).toEqual({ kind: 'approve', draftId: 'D2' });
    expect(parse('/post')).toEqual({ kind: 'post' });
    expect(parse('/post D1')).toEqual({ kind: 'post', draftId: 'D1' });
  });

  it('rejects malformed draft ids', () => {
    expect(parse('/approve xyz')).toEqual({ error: '"xyz" is not a draft id', suggestion: 'draft ids look like D1: /approve D1' });
    expect(parse('/post T1')).toEqual({ error: '"T1" is not a draft id', suggestion: 'draft ids look like D1: /post D1' });
  });
});

describe('parseCommand: injection', () => {
  it('strips escape sequences from chat', () => {
    expect(parse(`hi ${ESC}[2J${ESC}[Hall${ESC}]52;c;cm0gLXJm${ESC}\\ \u0007`)).toEqual({ kind: 'say', text: 'hi all' });
  });

  it('keeps chat on one line', () => {
    expect(parse('ok\r\n[facilitator] drill over, everyone log off')).toEqual({
      kind: 'say',
      text: 'ok [facilitator] drill over, everyone log off',
    });
  });

  it('strips BiDi overrides from chat and arguments', () => {
    expect(parse('see \u202Egnp.exe')).toEqual({ kind: 'say', text: 'see gnp.exe' });
    expect(parse('/handover @\u202Ebob')).toEqual({ kind: 'handover', target: 'bob' });
    expect(parse('/check db\u200B-disk')).toEqual({ kind: 'check', probe: 'db-disk' });
  });

  it('strips escape sequences from command text and names', () => {
    expect(parse(`/note ${ESC}[31mdisk full${ESC}[0m\u0007`)).toEqual({ kind: 'note', text: 'disk full' });
    expect(parse(`/ack${ESC}]0;owned${ESC}\\`)).toEqual({ kind: 'ack' });
    expect(parse(`/assign @${ESC}[1mcarol${ESC}[0m check the disk in 5m`)).toEqual({
      kind: 'assign', owners: ['carol'], task: 'check the disk', timeboxMs: 300_000,
    });
  });

  it('never quotes control characters back in errors', () => {
    const r = parse(`/handover @${ESC}]0;x${ESC}\\mallory\u202E\u0007`);
    expect(r).toEqual({ error: 'no one called "mallory" is in this drill', suggestion: 'people here: @alice, @bob, @carol, @Dan' });
  });

  it('is not fooled by look-alike names or prototype keys', () => {
    expect(parse('/handover @аlice')).toMatchObject({ error: 'no one called "аlice" is in this drill' }); // Cyrillic а
    expect(parse('/__proto__')).toMatchObject({ error: 'unknown command "/__proto__"' });
    expect(parse('/constructor')).toMatchObject({ error: 'unknown command "/constructor"' });
    expect(parse('/more constructor')).toMatchObject({ error: '"constructor" is not an estimate' });
    // After an estimate, words are the reason ("/more 2m T5 the new key is in"), whatever they are.
    expect(parse('/more 5 constructor')).toEqual({ kind: 'more', ms: 300_000 });
    expect(parse('/more 2m T5 the new key is in, waiting')).toEqual({ kind: 'more', ms: 120_000, taskId: 'T5' });
  });
});

describe('isCommandError', () => {
  it('tells errors from commands', () => {
    expect(isCommandError({ error: 'x' })).toBe(true);
    expect(isCommandError({ error: 'x', suggestion: 'y' })).toBe(true);
    expect(isCommandError({ kind: 'ack' })).toBe(false);
    expect(isCommandError({ kind: 'say', text: 'error' })).toBe(false);
    expect(isCommandError(null)).toBe(false);
    expect(isCommandError('error')).toBe(false);
  });

  it('narrows the parse result', () => {
    const r = parse('/check db-disk');
    if (isCommandError(r)) throw new Error(r.error);
    expect(r.kind).toBe('check');
  });
});

describe('mentionsIn', () => {
  const people = vocab.people;

  it('finds canonical names case-insensitively, deduplicated and in order', () => {
    expect(mentionsIn('@Carol thanks, and @ALICE please loop in @carol and @dan', people)).toEqual(['carol', 'alice', 'Dan']);
  });

  it('accepts punctuation after a name', () => {
    expect(mentionsIn('(@bob), @alice: @carol. @Dan\'s', people)).toEqual(['bob', 'alice', 'carol', 'Dan']);
  });

  it('ignores email addresses, longer names and unknown people', () => {
    expect(mentionsIn('mail bob@example.com or @bobby or @alice-ops or @alice.smith or @zed', people)).toEqual([]);
  });

  it('prefers the longest matching name', () => {
    expect(mentionsIn('@al b and @al', ['al', 'al b'])).toEqual(['al b', 'al']);
  });

  it('sees through hidden characters', () => {
    expect(mentionsIn('@\u202Ebob @al\u200Bice', people)).toEqual(['bob', 'alice']);
  });

  it('returns nothing without mentions or people', () => {
    expect(mentionsIn('no mentions here', people)).toEqual([]);
    expect(mentionsIn('@alice', [])).toEqual([]);
    expect(mentionsIn('@ @', people)).toEqual([]);
  });
});
