// Tab completion: commands, @names, probes, actions, teams and roles, completed as far as candidates agree.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/engine/command';
import { candidateLabels, candidatesFor, complete, completeAt, type CompletionVocabulary } from '../../src/ui/completion';

const V: CompletionVocabulary = {
  people: ['alice', 'bob', 'carol', 'carlos'],
  probes: ['web-logs', 'web-metrics', 'db-slowlog'],
  actions: ['revert-config', 'restart-web'],
  teams: ['web-team', 'db-team'],
  roles: ['ic', 'deputy', 'scribe', 'responder', 'customer-liaison', 'internal-liaison'],
};
const tab = (text: string) => complete(text, V);

describe('complete: commands', () => {
  it('completes a unique command and adds a space', () => {
    expect(tab('/as')).toEqual({ text: '/assign ', candidates: ['/assign'] });
    expect(tab('/wil')).toEqual({ text: '/wilco ', candidates: ['/wilco'] });
    expect(tab('/ack')).toEqual({ text: '/ack ', candidates: ['/ack'] });
  });

  it('extends to the common prefix of several commands and lists them all', () => {
    expect(tab('/ap')).toEqual({ text: '/app', candidates: ['/appoint', '/approve'] });
    expect(tab('/pos')).toEqual({ text: '/post', candidates: ['/post', '/postmortem'] });
  });

  it('leaves the line alone when the candidates agree on nothing more', () => {
    expect(tab('/a')).toEqual({ text: '/a', candidates: ['/ack', '/appoint', '/assign', '/approve', '/answer'] });
    // /post is a command, but /postmortem shares it, so Tab cannot finish it.
    expect(tab('/post')).toEqual({ text: '/post', candidates: ['/post', '/postmortem'] });
  });

  it('offers every command for a lone slash', () => {
    expect(tab('/')).toEqual({ text: '/', candidates: COMMAND_NAMES.map((c) => `/${c}`) });
  });

  it('matches case-insensitively and completes to the canonical spelling', () => {
    expect(tab('/AS').text).toBe('/assign ');
    expect(tab('/AP').text).toBe('/app');
  });

  it('does nothing for an unknown command, chat or an empty line', () => {
    expect(tab('/zz')).toEqual({ text: '/zz', candidates: [] });
    expect(tab('hello')).toEqual({ text: 'hello', candidates: [] });
    expect(tab('')).toEqual({ text: '', candidates: [] });
  });
});

describe('complete: arguments', () => {
  it('completes @names anywhere in a line, chat included', () => {
    expect(tab('/assign @b')).toEqual({ text: '/assign @bob ', candidates: ['@bob'] });
    expect(tab('thanks @al')).toEqual({ text: 'thanks @alice ', candidates: ['@alice'] });
    expect(tab('/handover @car')).toEqual({ text: '/handover @car', candidates: ['@carol', '@carlos'] });
    expect(tab('/handover @caro').text).toBe('/handover @carol ');
  });

  it('offers @names for an empty argument of commands that take a person', () => {
    expect(tab('/assign ')).toEqual({ text: '/assign @', candidates: ['@alice', '@bob', '@carol', '@carlos'] });
    expect(tab('/postmortem ').candidates).toHaveLength(4);
  });

  it('completes probes after /check and actions after /run', () => {
    expect(tab('/check db')).toEqual({ text: '/check db-slowlog ', candidates: ['db-slowlog'] });
    expect(tab('/check web')).toEqual({ text: '/check web-', candidates: ['web-logs', 'web-metrics'] });
    expect(tab('/check web-l').text).toBe('/check web-logs ');
    expect(tab('/run rev')).toEqual({ text: '/run revert-config ', candidates: ['revert-config'] });
    expect(tab('/run re')).toEqual({ text: '/run re', candidates: ['revert-config', 'restart-web'] });
    // Probes are not actions and the other way round.
    expect(tab('/run web').candidates).toEqual([]);
    expect(tab('/check rev').candidates).toEqual([]);
  });

  it('completes teams after /page', () => {
    expect(tab('/page d')).toEqual({ text: '/page db-team ', candidates: ['db-team'] });
  });

  it('completes roles after /appoint @name', () => {
    expect(tab('/appoint @bob sc')).toEqual({ text: '/appoint @bob scribe ', candidates: ['scribe'] });
    expect(tab('/appoint @bob cu').text).toBe('/appoint @bob customer-liaison ');
    expect(tab('/appoint @bob ')).toEqual({ text: '/appoint @bob ', candidates: V.roles });
    expect(tab('/appoint @bob i')).toEqual({ text: '/appoint @bob i', candidates: ['ic', 'internal-liaison'] });
  });

  it('completes probes and actions in an /assign task', () => {
    expect(tab('/assign @carol check db')).toEqual({ text: '/assign @carol check db-slowlog ', candidates: ['db-slowlog'] });
    expect(tab('/assign @carol please run rev').text).toBe('/assign @carol please run revert-config ');
  });

  it('offers probes and actions for an empty task word after /assign @name', () => {
    expect(tab('/assign @carol ')).toEqual({ text: '/assign @carol ', candidates: [...V.probes, ...V.actions] });
    expect(tab('/assign @carol check ').candidates).toEqual([...V.probes, ...V.actions]);
  });

  it('completes action ids anywhere in a /poll proposal or a /decide', () => {
    expect(tab('/poll rev')).toEqual({ text: '/poll revert-config ', candidates: ['revert-config'] });
    expect(tab('/poll any objections to rev').text).toBe('/poll any objections to revert-config ');
    expect(tab('/decide re')).toEqual({ text: '/decide re', candidates: ['revert-config', 'restart-web'] });
    expect(tab('/decide we go with res').text).toBe('/decide we go with restart-web ');
    expect(tab('/DECIDE rev').text).toBe('/DECIDE revert-config ');
    // An empty word lists every action, so the IC sees what a poll can name (and gets as far as they agree).
    expect(tab('/poll ')).toEqual({ text: '/poll re', candidates: V.actions });
  });

  it('offers no probes after /poll and /decide: a poll is about changing the system', () => {
    expect(tab('/poll web').candidates).toEqual([]);
    expect(tab('/decide db').candidates).toEqual([]);
    // People still complete there.
    expect(tab('/poll ask @b').text).toBe('/poll ask @bob ');
  });

  it('completes the last word only, keeping everything before it', () => {
    expect(tab('/assign @carol check web-logs  and db').text).toBe('/assign @carol check web-logs  and db-slowlog ');
  });

  it('ignores a command word in the wrong position', () => {
    expect(tab('/sev SEV').candidates).toEqual([]);
    expect(tab('/check web-logs web').candidates).toEqual([]);
  });
});

describe('candidatesFor', () => {
  it('names the word being completed and its options', () => {
    expect(candidatesFor('/run r', V)).toEqual({ prefix: 'r', options: V.actions });
    expect(candidatesFor('/assign @c', V)).toEqual({ prefix: '@c', options: V.people.map((p) => `@${p}`) });
    expect(candidatesFor('hello there', V)).toEqual({ prefix: 'there', options: [] });
    expect(candidatesFor('/poll revert the c', V)).toEqual({ prefix: 'c', options: V.actions });
    expect(candidatesFor('/decide ', V)).toEqual({ prefix: '', options: V.actions });
  });
});

describe('completeAt: Tab at the cursor', () => {
  const at = (text: string, cursor = text.length) => completeAt({ text, cursor }, V);

  it('completes at the end of the line as complete() does, with the cursor after it', () => {
    expect(at('/as')).toEqual({ text: '/assign ', cursor: 8, candidates: ['/assign'] });
    expect(at('/ap')).toEqual({ text: '/app', cursor: 4, candidates: ['/appoint', '/approve'] });
    expect(at('/zz')).toEqual({ text: '/zz', cursor: 3, candidates: [] });
  });

  // Issue 13: "Tab after a command leaves a double space".
  it('never leaves two spaces: no space is added before one that is already there', () => {
    expect(at('/as @bob check web-logs', 3)).toEqual({ text: '/assign @bob check web-logs', cursor: 8, candidates: ['/assign'] });
    expect(at('/assign @b check', 10)).toEqual({ text: '/assign @bob check', cursor: 13, candidates: ['@bob'] });
    expect(at('/check db  ', 9).text).toBe('/check db-slowlog  ');
    for (const line of ['/as', '/assign ', '/assign @b', '/poll ', '/poll rev', '/check db', '/appoint @bob sc', '/as @bob x', '/wilco']) {
      for (let cursor = 0; cursor <= line.length; cursor++) {
        let l = { text: line, cursor };
        for (let i = 0; i < 3; i++) {
          l = completeAt(l, V);
          expect(l.text, `${JSON.stringify(line)} at ${cursor}, Tab ${i + 1}`).not.toContain('  ');
          expect(l.cursor).toBeLessThanOrEqual(l.text.length);
        }
      }
    }
  });

  it('replaces the rest of the word under the cursor when it completes it whole, and keeps it otherwise', () => {
    expect(at('/assign', 3)).toEqual({ text: '/assign ', cursor: 8, candidates: ['/assign'] });
    expect(at('/as @bob', 2)).toEqual({ text: '/as @bob', cursor: 2, candidates: ['/ack', '/appoint', '/assign', '/approve', '/answer'] });
    expect(at('/run reconfig', 7)).toEqual({ text: '/run reconfig', cursor: 7, candidates: ['revert-config', 'restart-web'] });
  });
});

describe('candidateLabels', () => {
  it("shows each person's seat beside their name, so the deputy and the scribe cannot be mixed up", () => {
    const v: CompletionVocabulary = { ...V, seats: { alice: 'ic', bob: 'deputy', carol: 'scribe', carlos: 'responder · db-team' } };
    expect(candidateLabels(['@carol', '@carlos'], v)).toEqual(['@carol (scribe)', '@carlos (responder · db-team)']);
    expect(candidateLabels(['@bob', 'revert-config', '/assign'], v)).toEqual(['@bob (deputy)', 'revert-config', '/assign']);
    // Without seats, names stay bare.
    expect(candidateLabels(['@carol'], V)).toEqual(['@carol']);
  });
});

describe('complete: v2 questions', () => {
  it('offers the ids of the questions asked after /answer', () => {
    const v = { ...V, questions: ['hold-email', 'eta'] };
    expect(complete('/answer ho', v)).toEqual({ text: '/answer hold-email ', candidates: ['hold-email'] });
    expect(complete('/answer ', V)).toEqual({ text: '/answer ', candidates: [] });
  });
});
