// Judged actions in the scenario format (v2): harmful, redHerring, weight and why on actions and worse on phases;
// their defaults, their errors at line and column, and that a v1 file gets none of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHT, isWrongMove } from '../../src/scenario/judgement';
import { ROOT } from '../helpers/cli';
import { expectNeedsV2 } from '../helpers/needs-v2';
import { brief, edit, editText, load, posOf, scenarioOf, withCode } from '../fixtures/scenarios/variants';

const TEXT = readFileSync(join(ROOT, 'test/fixtures/v2/judged-moves.yaml'), 'utf8');
const v2 = (...edits: (readonly [string, string])[]) => editText(TEXT, ...edits);
const RESTART = '    harmful: true\n    weight: 10\n';

describe('judged actions', () => {
  it('the fixture validates with no problems at all, lint included', () => {
    expect(brief(load(TEXT).problems)).toEqual([]);
  });

  it('carry their kind and weight: the given one, else 8 for harmful and 3 for a red herring; phases keep worse', () => {
    const s = scenarioOf(v2([RESTART, '    harmful: true\n']));
    const judged = Object.fromEntries(s.actions.map((a) => [a.id, a.judged]));
    expect(judged).toEqual({
      'revert-config': undefined,
      'restart-db': { kind: 'harmful', weight: DEFAULT_WEIGHT.harmful, why: 'The database was healthy; restarting it under load dropped every connection.' },
      'flush-cache': { kind: 'red-herring', weight: DEFAULT_WEIGHT['red-herring'] },
      'rebuild-index': { kind: 'red-herring', weight: 0 },
    });
    expect([DEFAULT_WEIGHT.harmful, DEFAULT_WEIGHT['red-herring']]).toEqual([8, 3]);
    expect(s.actions.filter(isWrongMove).map((a) => a.id)).toEqual(['restart-db', 'flush-cache', 'rebuild-index']);
    expect(s.phases.filter((p) => p.worse).map((p) => p.id)).toEqual(['meltdown']);
  });

  it.each([['31', 'weight: 31'], ['-1', 'weight: -1'], ['2.5', 'weight: 2.5'], ['ten', 'weight: ten']])('a weight of %s is an error at its value', (_, to) => {
    const text = v2(['weight: 10', to]);
    const r = load(text);
    expect(r.scenario).toBeUndefined();
    const [p, ...more] = r.problems.filter((x) => x.severity === 'error');
    expect(more).toEqual([]);
    expect(p).toMatchObject({ file: 'fixture.yaml', ...posOf(text, to.slice('weight: '.length), 'weight: ') });
    expect(p!.message).toMatch(/whole number (of points )?from 0 to 30/);
  });

  it('harmful and redHerring together is one error at harmful\'s value', () => {
    const text = v2([RESTART, '    harmful: true\n    redHerring: true\n    weight: 10\n']);
    const at = posOf(text, 'true', 'harmful:');
    expect(brief(load(text).problems)).toEqual([
      `${at.line}:${at.col} error schema/custom an action is harmful (it makes things worse) or a red herring (it looks right and does no good), not both`,
    ]);
  });

  it('weight and why belong to a marked action: each is an error at its value otherwise', () => {
    const text = v2([RESTART, '']);
    const r = load(text);
    const errors = r.problems.filter((x) => x.severity === 'error');
    expect(errors.map((p) => p.message)).toEqual(['why: belongs to an action marked harmful: true or redHerring: true']);
    expect(errors[0]).toMatchObject(posOf(text, 'The database was healthy'));
    const weighted = v2(['{ id: revert-config, service: web,', '{ id: revert-config, service: web, weight: 2,']);
    const [w] = load(weighted).problems.filter((x) => x.severity === 'error');
    expect(w).toMatchObject({ ...posOf(weighted, '2,', 'weight: '), message: 'weight: belongs to an action marked harmful: true or redHerring: true' });
  });

  it('a harmful step on the solution path is a lint warning', () => {
    const text = v2(['path: [web-logs, revert-config]', 'path: [web-logs, restart-db, revert-config]']);
    const warn = withCode(load(text).problems, 'lint/solution-fails').filter((p) => p.message.includes('harmful'));
    expect(warn.map((p) => p.message)).toEqual(['solution step "restart-db" is marked harmful; the ideal path should not need it']);
  });
});

describe('in a v1 file', () => {
  it('harmful, weight, why and worse each need schema: firedrill/v2, at their key', () => {
    const text = edit(
      ['redHerring: true }', 'redHerring: true, weight: 5, why: Nothing was wrong with the pods. }'],
      ['{ id: revert-config, service: web,', '{ id: revert-config, service: web, harmful: false,'],
      ['    after: { 2m: broken }', '    after: { 2m: broken }\n    worse: false'],
    );
    expectNeedsV2(text, ['harmful', 'weight', 'why', 'worse'].map((key) => ({ key, at: `${key}:` })));
  });

  it('a redHerring stays valid and is not judged', () => {
    const s = scenarioOf(edit());
    const herring = s.actions.find((a) => a.redHerring)!;
    expect(herring.judged).toBeUndefined();
    expect(isWrongMove(herring)).toBe(true);
  });
});
