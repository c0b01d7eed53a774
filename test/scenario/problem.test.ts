import { describe, expect, it } from 'vitest';
import { formatPath, formatProblem, sortProblems, type Problem } from '../../src/scenario/problem';

const problem = (over: Partial<Problem>): Problem => ({
  file: 'drill.yaml', line: 3, col: 5, layer: 'schema', severity: 'error', code: 'schema/x', message: 'something is wrong', path: [], ...over,
});

describe('formatPath', () => {
  it.each<[(string | number)[], string]>([
    [[], ''],
    [['title'], 'title'],
    [['services', 0, 'id'], 'services[0].id'],
    [['phases', 'steady', 'after', '2m'], 'phases.steady.after["2m"]'],
    [['phases', 'broken', 'effects', 'web.error_rate'], 'phases.broken.effects["web.error_rate"]'],
    [['phases', 'db-down'], 'phases.db-down'],
    [['$schema'], '$schema'],
    [[0], '[0]'],
    [['solution', 'path', 1], 'solution.path[1]'],
    [['a b'], '["a b"]'],
    [['x', 'quo"te'], 'x["quo\\"te"]'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('formatProblem', () => {
  it('writes file:line:col: severity: message (at path; hint)', () => {
    const p = problem({ path: ['difficulty'], hint: 'did you mean "medium"?', message: 'expected one of intro, medium, hard' });
    expect(formatProblem(p)).toBe('drill.yaml:3:5: error: expected one of intro, medium, hard (at difficulty; did you mean "medium"?)');
  });

  it('leaves out the parentheses when there is no path and no hint', () => {
    expect(formatProblem(problem({}))).toBe('drill.yaml:3:5: error: something is wrong');
  });

  it('shows a hint without a path, and a path without a hint', () => {
    expect(formatProblem(problem({ hint: 'try this' }))).toBe('drill.yaml:3:5: error: something is wrong (try this)');
    expect(formatProblem(problem({ path: ['services', 0] }))).toBe('drill.yaml:3:5: error: something is wrong (at services[0])');
  });

  it('prints warnings as warnings', () => {
    expect(formatProblem(problem({ severity: 'warning' }))).toBe('drill.yaml:3:5: warning: something is wrong');
  });

  it('gives only the file name for whole-file problems (line 0)', () => {
    expect(formatProblem(problem({ line: 0, col: 0, layer: 'file', message: 'no such file' }))).toBe('drill.yaml: error: no such file');
  });

  it('is always a single line', () => {
    expect(formatProblem(problem({ path: ['a', 1, 'b c'], hint: 'h' }))).not.toContain('\n');
  });
});

describe('sortProblems', () => {
  it('orders by file, then line, then column, without changing its input', () => {
    const input = [
      problem({ file: 'b.yaml', line: 1, col: 1, code: 'b1' }),
      problem({ file: 'a.yaml', line: 9, col: 1, code: 'a9' }),
      problem({ file: 'a.yaml', line: 2, col: 7, code: 'a2.7' }),
      problem({ file: 'a.yaml', line: 2, col: 3, code: 'a2.3' }),
      problem({ file: 'a.yaml', line: 0, col: 0, code: 'a0' }),
    ];
    const copy = [...input];
    expect(sortProblems(input).map((p) => p.code)).toEqual(['a0', 'a2.3', 'a2.7', 'a9', 'b1']);
    expect(input).toEqual(copy);
  });

  it('keeps problems at the same position in their original order', () => {
    const input = [problem({ code: 'first' }), problem({ code: 'second' }), problem({ code: 'third' })];
    expect(sortProblems(input).map((p) => p.code)).toEqual(['first', 'second', 'third']);
  });
});
