// Length and count limits in the schema: a hostile or mistaken scenario cannot carry a 100 KB title, a huge
// log template or thousands of entries to every screen and report; each is refused where it is written.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/scenario/schema';
import { brief, edit, load, posOf, withCode } from '../fixtures/scenarios/variants';

const tooBig = (text: string) => withCode(load(text).problems, 'schema/too-big');

describe('schema limits', () => {
  it('refuses a 100 KB title at its line and column', () => {
    const text = edit(['title: Demo', `title: ${'x'.repeat(100 * 1024)}`]);
    const problems = load(text).problems;
    expect(brief(problems)).toEqual([`${posOf(text, 'xxx').line}:${posOf(text, 'xxx').col} error schema/too-big is 102400 characters long; a title may be at most 200`]);
  });

  it('takes a title of exactly 200 characters', () => {
    expect(load(edit(['title: Demo', `title: ${'x'.repeat(LIMITS.title)}`])).scenario).toBeDefined();
  });

  it('limits ids, log lines and texts', () => {
    expect(tooBig(edit(['id: demo', `id: ${'d'.repeat(65)}`])).map((p) => p.message)).toEqual(['is 65 characters long; an id may be at most 64']);
    expect(tooBig(edit(['invalid upstream config', `invalid ${'u'.repeat(600)}`])).map((p) => p.path.join('.'))).toEqual(['phases.broken.logs.0.text']);
    expect(tooBig(edit(['About half of page loads fail.', `${'a'.repeat(LIMITS.text + 1)}`])).map((p) => p.message)).toEqual([`is ${LIMITS.text + 1} characters long; a text may be at most ${LIMITS.text}`]);
  });

  it('limits how many entries a list or map holds', () => {
    const tags = Array.from({ length: LIMITS.fewItems + 1 }, (_, i) => `t${i}`).join(', ');
    expect(tooBig(edit(['tags: [example]', `tags: [${tags}]`])).map((p) => [p.path.join('.'), p.message])).toEqual([['tags', `at most ${LIMITS.fewItems} tags`]]);
    const phases = Array.from({ length: LIMITS.items + 1 }, (_, i) => `  extra${i}: { final: true }\n`).join('');
    const many = load(edit(['phases:                    # the world\'s story; the first phase is where it starts\n', `phases:\n${phases}`])).problems;
    expect(many.map((p) => p.message)).toContain(`at most ${LIMITS.items} phases`);
  });
});
