// The YAML layer's handling of tabs used as indentation and of merge keys (<<), through loadScenarioText.
import { describe, expect, it } from 'vitest';
import { brief, edit, editText, load, posOf, STARTER } from '../fixtures/scenarios/variants';

const TAB_MESSAGE = 'a tab is used for indentation; YAML cannot be indented with tabs, use spaces';

describe('a tab used as indentation', () => {
  // Each replaces the indent of one line of the starter by a tab (or puts one in it). Before, each gave two to five
  // errors: the tab, then "All mapping items must start at the same column" and the like for the lines after it.
  it.each([
    ['a service key', '    owner: web-team', '\towner: web-team', 1],
    ['a nested key', '  severity: SEV-2', '\tseverity: SEV-2', 1],
    ['a list item', '  - id: web\n', '\t- id: web\n', 1],
    ['a tab after spaces', '      error_rate:', '    \terror_rate:', 5],
    ['a tab after a list indicator', '  - id: web\n', '  -\tid: web\n', 4],
    ['a flow item in a list', '  - { id: restart-web', '\t- { id: restart-web', 1],
    ['a phase', '  broken:\n', '\tbroken:\n', 1],
    ['a line after a block scalar (the parser reads it as the scalar\'s)', '  never the cause.', '\tnever the cause.', 1],
    ['a key between spaces and a tab', '    reveals:', ' \t  reveals:', 2],
  ] as const)('gives one error at the tab: %s', (_, from, to, col) => {
    const text = editText(STARTER, [from, to]);
    const r = load(text);
    expect(r.scenario).toBeUndefined();
    expect(brief(r.problems)).toEqual([`${posOf(text, to).line}:${col} error syntax/tab-as-indent ${TAB_MESSAGE}`]);
    expect(r.problems[0]).toMatchObject({ layer: 'syntax', path: [] });
  });

  it('gives one error per tab-indented line', () => {
    const text = edit(['    owner: web-team', '\towner: web-team'], ['  severity: SEV-2', '\tseverity: SEV-2']);
    const r = load(text);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['syntax/tab-as-indent', posOf(text, '\tseverity').line],
      ['syntax/tab-as-indent', posOf(text, '\towner').line],
    ]);
  });

  it('keeps a syntax error above the tab', () => {
    const text = edit(['tags: [example]', 'tags: [example'], ['    owner: web-team', '\towner: web-team']);
    expect(load(text).problems.map((p) => p.code)).toEqual(['syntax/bad-indent', 'syntax/tab-as-indent']);
  });

  it('keeps every syntax error of a file with no tab, up to its last byte', () => {
    const r = load('schema: "firedrill/v1\n');
    // the parser notices it at the very end of the text, where no tab can have caused it
    expect(r.problems.map((p) => p.code)).toEqual(['syntax/missing-char']);
  });

  it('leaves tabs alone where YAML allows them: after a key, and inside quoted text', () => {
    const text = edit(['    owner: web-team', '    owner:\tweb-team'], ['title: Demo', 'title: "De\tmo"']);
    expect(brief(load(text).problems)).toEqual([]);
  });
});

// Shared fields of two actions written once, as authors write defaults.
const MERGED = edit(
  ['  - { id: revert-config, service: web,', '  - &action { id: revert-config, service: web,'],
  ['  - { id: restart-web, service: web, title: Restart all web pods, takes: 2m, redHerring: true }',
    '  - <<: *action\n    id: restart-web\n    title: Restart all web pods\n    major: false\n    redHerring: true'],
);

describe('merge keys (<<)', () => {
  it('merge a mapping into another, keys written beside the merge key winning', () => {
    const r = load(MERGED);
    expect(brief(r.problems)).toEqual([]);
    const restart = r.scenario?.actions.find((a) => a.id === 'restart-web');
    expect(restart).toMatchObject({ service: 'web', takesMs: 60_000, major: false, redHerring: true, title: 'Restart all web pods' });
  });

  it('merge a list of mappings, the earlier one winning', () => {
    const text = edit(
      ['  - { id: revert-config, service: web,', '  - &action { id: revert-config, service: web,'],
      ['  - { id: restart-web, service: web, title: Restart all web pods, takes: 2m, redHerring: true }',
        '  - <<: [{ takes: 5m }, *action]\n    id: restart-web\n    title: Restart all web pods\n    major: false\n    redHerring: true'],
    );
    const r = load(text);
    expect(brief(r.problems)).toEqual([]);
    expect(r.scenario?.actions.find((a) => a.id === 'restart-web')?.takesMs).toBe(300_000);
  });

  it('check merged keys as if written, pointing where they are written', () => {
    const text = editText(MERGED, ['&action { id: revert-config,', '&action { tkaes: 1m, id: revert-config,']);
    const r = load(text);
    // the anchored action has the typo, and so has every mapping that merges it: each is reported at the typo
    expect(r.problems.map((p) => [p.code, p.path, p.line, p.col, p.hint])).toEqual([
      ['schema/unknown-key', ['actions', 0, 'tkaes'], posOf(text, 'tkaes').line, posOf(text, 'tkaes').col, 'did you mean "takes"?'],
      ['schema/unknown-key', ['actions', 1, 'tkaes'], posOf(text, 'tkaes').line, posOf(text, 'tkaes').col, 'did you mean "takes"?'],
    ]);
  });

  it('point a merged value\'s problem at the value where it is written', () => {
    const text = editText(MERGED, ['title: Revert the last config push, takes: 1m,', 'title: Revert the last config push, takes: soon,']);
    const r = load(text);
    expect(r.problems.filter((p) => p.path.join('.') === 'actions.1.takes').map((p) => ({ line: p.line, col: p.col }))).toEqual([posOf(text, 'soon')]);
  });

  it('refuse a merge key whose value is not a mapping, at the value', () => {
    const text = editText(MERGED, ['  - <<: *action\n', '  - <<: 5\n']);
    const r = load(text);
    expect(brief(r.problems)).toEqual([
      `${posOf(text, '<<: 5').line}:${posOf(text, '<<: 5').col + 4} error syntax/bad-merge a merge key (<<) takes a mapping, an alias of one (*name) or a list of them`,
    ]);
  });

  it('allow two merge keys in one mapping (each merges in turn), not as a duplicate key', () => {
    const text = editText(MERGED, ['  - <<: *action\n', '  - <<: *action\n    <<: { takes: 5m }\n']);
    const r = load(text);
    expect(brief(r.problems)).toEqual([]);
    expect(r.scenario?.actions.find((a) => a.id === 'restart-web')?.takesMs).toBe(60_000);
  });

  it('treat a quoted "<<" as an ordinary key, which the schema does not know', () => {
    const text = editText(MERGED, ['  - <<: *action\n', '  - "<<": *action\n']);
    expect(load(text).problems.find((p) => p.code === 'schema/unknown-key')).toMatchObject({
      message: 'unknown key "<<"', path: ['actions', 1, '<<'], hint: 'a merge key is written unquoted: <<: *name', ...posOf(text, '"<<"'),
    });
  });
});
