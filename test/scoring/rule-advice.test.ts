import { describe, expect, it } from 'vitest';
import { advisedRules, ruleAdvice } from '../../src/scoring/rule-advice';
import { RULES } from '../../src/scoring/rules';

const v = { atMs: 0, actor: 'alice', evidence: { seq: 1, type: 'x', note: 'n' } };

describe('ruleAdvice', () => {
  it('has advice for every scored rule, and none for a rule that does not exist', () => {
    expect(advisedRules().sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('says what to do and how often it went wrong, counting the thing the rule counts', () => {
    expect(ruleAdvice({ id: 'RD-10', title: 'Every task has a time box', violations: [v, v, v] })).toBe('Assign with a time box ("@carol check the disk in 5m"): 3 tasks had none');
    expect(ruleAdvice({ id: 'RD-10', title: 'Every task has a time box', violations: [v] })).toBe('Assign with a time box ("@carol check the disk in 5m"): 1 task had none');
    expect(ruleAdvice({ id: 'RD-07', title: 't', violations: [v, v] })).toBe('Keep the IC hands-off and give checks and fixes to responders: the IC checked or changed the system twice');
    expect(ruleAdvice({ id: 'RD-12', title: 't', violations: [v] })).toBe('Follow up the moment a time box runs out: 1 time box ran out with no follow-up');
  });

  it('falls back to the title for a rule it has no advice for, and leaves out a count of none', () => {
    expect(ruleAdvice({ id: 'RD-99', title: 'A future rule', violations: [v, v, v] })).toBe('A future rule: not kept 3 times');
    expect(ruleAdvice({ id: 'RD-99', title: 'A future rule', violations: [] })).toBe('A future rule');
    expect(ruleAdvice({ id: 'RD-31', title: 't', violations: [] })).toBe('As Scribe, write follow-ups down as TODOs (/todo)');
  });
});
