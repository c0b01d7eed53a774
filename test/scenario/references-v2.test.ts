// Validation of format v2: v2 keys in a v1 file, conditions that name what does not exist (at the character),
// variables set with values of the wrong kind, anchors, phase lists and questions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';
import { expectNeedsV2 } from '../helpers/needs-v2';
import { brief, edit, editText, load, posOf, withCode } from '../fixtures/scenarios/variants';

const V2_FILE = readFileSync(join(ROOT, 'test/fixtures/v2/retention-purge.yaml'), 'utf8');
const v2 = (...edits: (readonly [string, string])[]) => editText(V2_FILE, ...edits);
const problemsOf = (text: string) => load(text).problems;

describe('the v2 fixture', () => {
  it('validates with no problems at all (what --strict asks)', () => {
    const r = load(V2_FILE);
    expect(brief(r.problems)).toEqual([]);
    expect(r.scenario?.version).toBe(2);
  });
});

describe('v2 keys in a v1 file', () => {
  it('are each an error at their key, saying the file needs schema: firedrill/v2', () => {
    const text = edit(
      ['debrief:\n', 'variables: { spare: 0 }\ndebrief:\n'],
      ['    after: { 2m: broken }', '    after: { 2m: broken }\n    others: hold'],
      ['{ at: 6m, kind: customer-report', '{ at: 6m, jitter: 1m, kind: customer-report'],
    );
    expectNeedsV2(text, ['others', 'jitter', 'variables']);
  });

  it('include the v2 value forms: hold, a list of cases, a timer object', () => {
    const text = edit(
      ['effects: { web.error_rate: 45%, web.latency_p99: x3 }', 'effects: { web.error_rate: 45%, web.latency_p99: hold }'],
      ['after: { 2m: broken }', 'after: { 2m: { to: broken } }'],
    );
    const messages = withCode(problemsOf(text), 'schema/needs-newer-schema').map((p) => p.message);
    expect(messages).toEqual(['a timer written as { to: ... } needs schema: firedrill/v2', 'the effect "hold" needs schema: firedrill/v2']);
  });

  it('are not offered to a v1 file as did-you-mean hints', () => {
    const text = edit(['{ at: 6m, kind: customer-report', '{ at: 6m, jiter: 1m, kind: customer-report']);
    const [p] = withCode(problemsOf(text), 'schema/unknown-key');
    expect(p?.hint).not.toMatch(/jitter/);
  });

  it('are accepted, and suggested, in a v2 file', () => {
    const p = withCode(problemsOf(v2(['{ after: 2m, since: "phase:deleting", jitter: 30s', '{ after: 2m, since: "phase:deleting", jiter: 30s'])), 'schema/unknown-key');
    expect(p[0]?.hint).toBe('did you mean "jitter"?');
  });
});

describe('v2 references', () => {
  it('a condition naming an unknown variable points at the name inside the string and lists the valid ones', () => {
    const text = v2(['when: { "deleted_objects >= 24000": data-loss }\n    at:', 'when: { "deleted_object >= 24000": data-loss }\n    at:']);
    const [p] = withCode(problemsOf(text), 'ref/bad-condition');
    expect(p).toMatchObject({ message: 'unknown variable "deleted_object"', hint: 'did you mean "deleted_objects"? known variables: deleted_objects, email_held, restores', ...posOf(text, 'deleted_object >=') });
    const far = v2(['text: Newsletter readers see broken images everywhere., if: "not email_held and answer.hold-email != yes" }', 'text: Newsletter readers see broken images everywhere., if: "not email_held and zzz" }']);
    const [q] = withCode(problemsOf(far), 'ref/bad-condition');
    expect(q).toMatchObject({ message: 'unknown variable "zzz"', hint: 'known variables: deleted_objects, email_held, restores', ...posOf(far, 'zzz') });
  });

  it('a condition that cannot be read says why, at the character', () => {
    const text = v2(['{ if: "deleted_objects > 20000", text:', '{ if: "deleted_objects > > 20000", text:']);
    const [p] = withCode(problemsOf(text), 'ref/bad-condition');
    expect(p?.message).toMatch(/^cannot read condition "deleted_objects > > 20000": expected a value here, got ">"/);
    expect(p).toMatchObject({ line: posOf(text, '> > 2').line, col: posOf(text, '> > 2').col + 2 });
  });

  it('sets: names declared variables with values of their kind', () => {
    const text = v2(['sets: { email_held: true }', 'sets: { email_hld: true }'], ['sets: { restores: { add: 1 } }', 'sets: { restores: true }']);
    const ps = problemsOf(text);
    expect(withCode(ps, 'ref/unknown-variable')[0]).toMatchObject({ message: 'unknown variable "email_hld"', hint: 'did you mean "email_held"? known variables: deleted_objects, email_held, restores', ...posOf(text, 'email_hld') });
    expect(withCode(ps, 'ref/variable-kind')[0]).toMatchObject({ message: '"restores" is a number: set it to a number or { add: N }', ...posOf(text, 'restores: true') });
  });

  it('anchors, phase lists and action phases name phases that exist', () => {
    const text = v2(['since: "phase:deleting"', 'since: "phase:deletng"'], ['phases: [steady] }', 'phases: [stedy] }'], ['phases: [deleting, surge, data-loss, paused]', 'phases: [deleting, surge, data-loss, pasued]']);
    const ps = withCode(problemsOf(text), 'ref/unknown-phase');
    expect(ps.map((p) => [p.message, p.hint])).toEqual([
      ['unknown phase "pasued"', 'did you mean "paused"? known phases: steady, deleting, surge, data-loss, paused, restored'],
      ['unknown phase "stedy"', 'did you mean "steady"? known phases: steady, deleting, surge, data-loss, paused, restored'],
      ['unknown phase "deletng"', 'did you mean "deleting"? known phases: steady, deleting, surge, data-loss, paused, restored'],
    ]);
  });

  it('questions: answers only on questions, the expected answer among them, ids unique', () => {
    const text = v2(
      ["    expected: 'yes'", "    expected: 'maybe'"],
      ['{ at: 8m, kind: chatter, from: Sam (storage), text: Quiet day so far., phases: [steady] }', '{ at: 8m, id: hold-email, kind: chatter, answers: [a, b], from: Sam (storage), text: Quiet day so far., phases: [steady] }'],
    );
    const ps = problemsOf(text);
    expect(withCode(ps, 'ref/unknown-answer')[0]).toMatchObject({ message: '"maybe" is not one of the answers', hint: 'its answers: yes, no' });
    expect(withCode(ps, 'ref/not-a-question')[0]?.message).toBe('only injects of kind question take answers:');
    expect(withCode(ps, 'ref/duplicate-id')[0]?.message).toBe('duplicate inject id "hold-email" (first used at injects[1])');
  });

  it('an inject gives at: or after: with since:, and not both', () => {
    expect(brief(problemsOf(v2(['{ after: 2m, since: "phase:deleting",', '{ after: 2m,'])))).toEqual([expect.stringMatching(/after: needs since:/)]);
    expect(brief(problemsOf(v2(['{ after: 2m, since: "phase:deleting",', '{ at: 1m, after: 2m, since: "phase:deleting",'])))).toEqual([expect.stringMatching(/not both/)]);
    expect(brief(problemsOf(v2(['{ after: 2m, since: "phase:deleting",', '{ since: "phase:deleting",'])))).toEqual([expect.stringMatching(/missing required key "at"/)]);
    expect(brief(problemsOf(v2(['since: "phase:deleting"', 'since: "deleting"'])))).toEqual([expect.stringMatching(/expected phase:ID .* or mitigation/)]);
  });

  it('a chance is a probability', () => {
    expect(brief(problemsOf(v2(['chance: 0.9', 'chance: 1.5'])))).toEqual([expect.stringMatching(/a chance is at most 1/)]);
    expect(brief(problemsOf(v2(['chance: 0.9', 'chance: 0'])))).toEqual([expect.stringMatching(/a chance is more than 0/)]);
  });
});

describe('v2 lint', () => {
  it('a phase left only by a clock or condition edge is no dead end', () => {
    const text = v2(['  uploads-api.error_rate: 15%\n    sets: { deleted_objects: { add: 1200, every: 1m } }\n    when: { "deleted_objects >= 24000": data-loss }\n    on: { pause-job: paused }', '  uploads-api.error_rate: 15%\n    sets: { deleted_objects: { add: 1200, every: 1m } }\n    when: { "deleted_objects >= 24000": data-loss }']);
    expect(brief(problemsOf(text))).toEqual([]);
  });
});

describe('variable names', () => {
  it('may not be a word of the condition language', () => {
    const text = v2(['  restores: 0\n', '  restores: 0\n  phase: 1\n']);
    const [p] = withCode(problemsOf(text), 'ref/reserved-name');
    expect(p).toMatchObject({ message: '"phase" is a word of the condition language, so a variable cannot be called that', ...posOf(text, 'phase: 1') });
  });
});
