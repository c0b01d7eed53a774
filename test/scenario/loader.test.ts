// The syntax and schema layers, through the public entry points loadScenario / loadScenarioText.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/scenario-file';
import { MAX_FILE_BYTES } from '../../src/io/yaml-file';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { MAX_INDENT, MAX_NESTING } from '../../src/scenario/yaml-source';
import { brief, edit, load, posOf, STARTER } from '../fixtures/scenarios/variants';
import { sharedTempDirs } from '../helpers/tmp';

/** The only problem of a result, checked to be the only one. */
function only(text: string) {
  const r = load(text);
  expect(r.scenario).toBeUndefined();
  expect(brief(r.problems)).toHaveLength(1);
  return r.problems[0]!;
}

describe('the starter', () => {
  it('is valid with no problems at all', () => {
    const r = load(STARTER);
    expect(brief(r.problems)).toEqual([]);
    expect(r.scenario?.id).toBe('demo');
  });

  it('stays valid with a byte-order mark and with CRLF line ends', () => {
    expect(brief(load(`\ufeff${STARTER}`).problems)).toEqual([]);
    expect(brief(load(STARTER.replace(/\n/g, '\r\n')).problems)).toEqual([]);
  });

  it('stays valid when anchors and aliases are used normally', () => {
    const r = load(edit(
      ['{ id: revert-config, service: web,', '{ id: revert-config, service: &svc web,'],
      ['{ id: restart-web, service: web,', '{ id: restart-web, service: *svc,'],
    ));
    expect(brief(r.problems)).toEqual([]);
    expect(r.scenario?.actions.map((a) => a.service)).toEqual(['web', 'web']);
  });
});

describe('YAML syntax', () => {
  it('reports an unclosed flow sequence with its line and column', () => {
    const text = edit(['tags: [example]', 'tags: [example']);
    const p = only(text);
    expect(p).toMatchObject({ layer: 'syntax', severity: 'error', code: 'syntax/bad-indent', path: [] });
    // the parser notices at the start of the next key
    expect({ line: p.line, col: p.col }).toEqual(posOf(text, 'duration: 30m'));
  });

  it('reports an unclosed quote at the line where it opens', () => {
    const text = edit(['title: Demo\n', 'title: "Demo\n']);
    const problems = load(text).problems;
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems.every((p) => p.layer === 'syntax')).toBe(true);
    expect(problems.some((p) => p.code === 'syntax/missing-char' && p.line === posOf(text, 'title:').line)).toBe(true);
  });

  it('reports a bad indent at the offending line', () => {
    const text = edit(['  severity: SEV-2', '   severity: SEV-2']);
    const problems = load(text).problems;
    expect(problems[0]).toMatchObject({ code: 'syntax/bad-indent', line: posOf(text, '  targets:').line, col: 1 });
  });

  it('reports a tab used as indentation', () => {
    const p = only('schema: firedrill/v1\nexpects:\n\tseverity: SEV-2\n');
    expect(p).toMatchObject({ code: 'syntax/tab-as-indent', line: 3, col: 1 });
  });

  it('reports a duplicate key at the second occurrence, naming the first', () => {
    const text = edit(['title: Demo\n', 'title: Demo\ntitle: Again\n']);
    const p = only(text);
    expect(p).toMatchObject({ layer: 'syntax', code: 'syntax/duplicate-key', ...posOf(text, 'title: Again') });
    expect(p.message).toContain('"title"');
    expect(p.message).toContain(`line ${posOf(text, 'title: Demo').line}`);
  });

  it('reports a duplicate key inside a nested mapping (a phase defined twice)', () => {
    const text = edit(['  recovered:\n    mitigated', '  healthy:\n    mitigated']);
    const p = only(text);
    expect(p).toMatchObject({ code: 'syntax/duplicate-key', ...posOf(text, 'healthy:', '  broken:') });
  });

  it('reports a duplicate key in a flow mapping', () => {
    const text = edit(['{ id: restart-web, service: web,', '{ id: restart-web, service: web, service: web,']);
    const p = only(text);
    expect(p.code).toBe('syntax/duplicate-key');
    expect(p.line).toBe(posOf(text, 'id: restart-web').line);
  });

  it('reports every duplicate key, in order', () => {
    const text = edit(['title: Demo\n', 'title: Demo\ntitle: Again\n'], ['  healthy:\n', '  healthy:\n    impact: None.\n    impact: Still none.\n']);
    const problems = load(text).problems;
    expect(problems.map((p) => p.code)).toEqual(['syntax/duplicate-key', 'syntax/duplicate-key']);
    expect(problems[0]).toMatchObject(posOf(text, 'title: Again'));
    expect(problems[1]).toMatchObject(posOf(text, 'impact: Still none.'));
  });

  it('refuses a list or mapping used as a key', () => {
    const text = edit(['tags: [example]', 'tags: [example]\n? [a, b]\n: x']);
    const p = only(text);
    expect(p).toMatchObject({ code: 'syntax/non-string-key', line: posOf(text, '? [a, b]').line });
    expect(p.message).toMatch(/plain name/);
  });

  it('refuses a second document', () => {
    const text = `${STARTER}---\nschema: firedrill/v1\n`;
    const p = only(text);
    expect(p).toMatchObject({ code: 'syntax/multiple-docs', line: posOf(text, '---').line });
    expect(p.message).toMatch(/more than one YAML document/);
    expect(p.message).not.toMatch(/parseAllDocuments/);
  });

  it('reports an alias used before its anchor as that, not as an alias bomb', () => {
    const text = edit(
      ['{ id: revert-config, service: web,', '{ id: revert-config, service: *svc,'],
      ['{ id: restart-web, service: web,', '{ id: restart-web, service: &svc web,'],
    );
    const p = only(text);
    expect(p).toMatchObject({ code: 'syntax/unresolved-alias', ...posOf(text, '*svc') });
    expect(p.message).toContain('*svc');
  });

  it('refuses an alias bomb without expanding it', () => {
    let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (const n of 'bcdefghi') {
      text += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
      prev = n;
    }
    const t0 = performance.now();
    const p = only(text);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(p).toMatchObject({ code: 'syntax/alias-bomb', layer: 'file', line: 0 });
    expect(p.message).toMatch(/billion laughs/);
  });

  it(`refuses flow nesting deeper than ${MAX_NESTING} levels at the level that passes it`, () => {
    const text = `title: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const p = only(text);
    expect(p).toMatchObject({ code: 'syntax/too-deep', line: 1, col: 'title: '.length + MAX_NESTING + 1 });
  });

  it('does not count brackets inside quotes or comments as nesting', () => {
    const deepText = '['.repeat(MAX_NESTING + 5);
    const r = load(edit(
      ['title: Demo\n', `title: "${deepText}" # ${deepText}\n`],
      ['rootCause: A config push with an invalid upstream list went out without a canary.', `rootCause: '${deepText}'`],
    ));
    expect(brief(r.problems)).toEqual([]);
    expect(r.scenario?.title).toBe(deepText);
    expect(r.scenario?.solution.rootCause).toBe(deepText);
  });

  // Block mappings need one more space of indent per level, so 1,400 levels already fill the 1 MiB a file may have;
  // that is still deeper than the parser's stack reaches.
  it.each([
    ['a block sequence', 20_000, (n: number) => `debrief:\n  ${'- '.repeat(n)}x\n`],
    ['explicit keys', 20_000, (n: number) => `${'? '.repeat(n)}x\n`],
    ['block mappings', 1_400, (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n'],
  ])(`refuses %s nested deeper than ${MAX_NESTING} levels, and %d levels without running out of stack`, (_, deep, make) => {
    expect(only(make(MAX_NESTING + 5)).code).toBe('syntax/too-deep');
    expect(make(deep).length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const t0 = performance.now();
    const p = only(make(deep));
    expect(p.code).toBe('syntax/too-deep');
    expect(p.message).toMatch(new RegExp(`^nesting is deeper than ${MAX_NESTING} levels`));
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('refuses a line indented or nested past MAX_INDENT columns before parsing, even inside a block scalar', () => {
    const text = edit(['  rootCause: A config push', `  rootCause: |\n    ok\n${' '.repeat(MAX_INDENT + 10)}art\n  note: A config push`]);
    const p = only(text);
    expect(p).toMatchObject({ code: 'syntax/too-deep', line: posOf(text, 'art', '    ok').line, col: MAX_INDENT + 1 });
    expect(p.message).toContain(`${MAX_INDENT} columns`);
    // anchors between the indicators do not hide the nesting
    expect(only(`a:\n  ${'- &x '.repeat(200)}y\n`).code).toBe('syntax/too-deep');
  });

  it('allows indentation a real file might have inside a block scalar', () => {
    const text = edit(['  rootCause: A config push', `  rootCause: |\n    ok\n${' '.repeat(100)}art\n  notes: A config push`]);
    expect(brief(load(text).problems)).toEqual([]);
  });

  it('allows ordinary nesting', () => {
    expect(load(`debrief:\n  ${'- '.repeat(10)}x\n`).problems.some((p) => p.code === 'syntax/too-deep')).toBe(false);
  });
});

describe('documents that are not a mapping', () => {
  it.each([
    ['an empty file', ''],
    ['only whitespace', ' \n\n\t\n'],
    ['only comments', '# a scenario\n# to be written\n'],
    ['comments and blank lines', '\n# one\n\n   # two\n\n'],
    ['a byte-order mark and nothing else', '\ufeff'],
  ])('reports %s as empty', (_, text) => {
    const p = only(text);
    expect(p).toMatchObject({ layer: 'file', code: 'file/empty', line: 0, col: 0 });
    expect(p.message).toMatch(/is empty; a scenario is a YAML mapping/);
  });

  it('reports a list at the top level', () => {
    const p = only('# comment\n- schema: firedrill/v1\n- id: demo\n');
    expect(p).toMatchObject({ layer: 'syntax', code: 'syntax/not-a-mapping', line: 2, col: 1 });
    expect(p.message).toBe('holds a list; a scenario is a YAML mapping of key: value lines');
  });

  it.each([
    ['a string', 'just some words\n', 'a single string value'],
    ['a number', '42\n', 'a single number value'],
    ['a boolean', 'true\n', 'a single boolean value'],
    ['null', '~\n', 'nothing (null)'],
  ])('reports %s at the top level', (_, text, kind) => {
    const p = only(text);
    expect(p).toMatchObject({ code: 'syntax/not-a-mapping', line: 1, col: 1 });
    expect(p.message).toContain(`holds ${kind}`);
  });
});

describe('schema', () => {
  it('reports an unknown key with a did-you-mean hint at its line and column', () => {
    const text = edit(['duration: 30m ', 'durration: 30m ']);
    const r = load(text);
    const unknown = r.problems.find((p) => p.code === 'schema/unknown-key');
    expect(unknown).toMatchObject({
      layer: 'schema', severity: 'error', path: ['durration'], message: 'unknown key "durration"', hint: 'did you mean "duration"?',
      ...posOf(text, 'durration'),
    });
    // and the real key is missing
    expect(r.problems.find((p) => p.code === 'schema/missing-key')).toMatchObject({ path: ['duration'], message: 'missing required key "duration"' });
  });

  it('suggests keys of the mapping the unknown key is in (a nested flow mapping)', () => {
    const text = edit(['takes: 1m, major', 'take: 1m, major']);
    const unknown = load(text).problems.find((p) => p.code === 'schema/unknown-key');
    expect(unknown).toMatchObject({ path: ['actions', 0, 'take'], hint: 'did you mean "takes"?', ...posOf(text, 'take:') });
  });

  it('suggests the allowed keys of a record keyed by a word list (expects.targets)', () => {
    const text = edit(['acknowledge: 5m', 'acknowledged: 5m']);
    expect(only(text)).toMatchObject({
      code: 'schema/unknown-key', path: ['expects', 'targets', 'acknowledged'], hint: 'did you mean "acknowledge"?', ...posOf(text, 'acknowledged'),
    });
  });

  it('lists the allowed keys when none is close', () => {
    const text = edit(['duration: 30m ', 'duration: 30m\nzzqqxx: 1 ']);
    const p = only(text);
    expect(p).toMatchObject({ code: 'schema/unknown-key', ...posOf(text, 'zzqqxx') });
    expect(p.hint).toMatch(/^expected one of: \$schema, schema, id, title, .*debrief$/);
  });

  it('reports an enum typo with a hint at the value', () => {
    const text = edit(['difficulty: intro', 'difficulty: medum']);
    const p = only(text);
    expect(p).toMatchObject({
      layer: 'schema', code: 'schema/invalid-value', path: ['difficulty'], hint: 'did you mean "medium"?', ...posOf(text, 'medum'),
    });
    expect(p.message).toBe('expected one of intro, medium, hard, got string "medum"');
  });

  it('reports enum typos in nested places too', () => {
    const text = edit(['severity: SEV-2', 'severity: SEV2'], ['roles: [ic, scribe]', 'roles: [ic, scrbe]']);
    const problems = load(text).problems;
    expect(brief(problems)).toHaveLength(2);
    expect(problems[0]).toMatchObject({ path: ['roles', 1], hint: 'did you mean "scribe"?', ...posOf(text, 'scrbe') });
    expect(problems[1]).toMatchObject({ path: ['expects', 'severity'], hint: 'did you mean "SEV-2"?', ...posOf(text, 'SEV2') });
  });

  it('reports the wrong schema version', () => {
    const text = edit(['schema: firedrill/v1', 'schema: firedrill/v3']);
    const p = only(text);
    expect(p).toMatchObject({ code: 'schema/invalid-value', ...posOf(text, 'firedrill/v3') });
    expect(p.message).toMatch(/expected schema: firedrill\/v1 or firedrill\/v2, got string "firedrill\/v3"/);
  });

  it.each([
    ['a number for a duration', ['duration: 30m ', 'duration: 5 '], 'duration', /^expected a duration such as 90s, 5m or 1h30m, got number 5$/, '5 '],
    ['a number for a list', ['tags: [example]', 'tags: 3'], 'tags', /^expected array, got number 3$/, '3'],
    ['a list for text', ['title: Demo', 'title: [Demo]'], 'title', /^expected text, got a list$/, '[Demo]'],
    ['a mapping for a list', ['tags: [example]', 'tags: { a: 1 }'], 'tags', /^expected array, got a mapping$/, '{ a: 1 }'],
    ['null for text', ['title: Demo', 'title: ~'], 'title', /^expected text, got null$/, '~'],
    ['text for a boolean', ['    mitigated: true ', '    mitigated: yes '], 'mitigated', /expected boolean, got string "yes"/, 'yes'],
    ['a malformed duration', ['duration: 30m ', 'duration: 30 minutes '], 'duration', /^expected a duration such as 90s, 5m, 1h30m or 2:40$/, '30 minutes'],
  ] as const)('reports %s at the value', (_, change, key, message, needle) => {
    const text = edit(change);
    const p = load(text).problems.find((x) => x.layer === 'schema' && x.path[x.path.length - 1] === key);
    expect(p, brief(load(text).problems).join('\n')).toBeDefined();
    expect(p!.message).toMatch(message);
    expect({ line: p!.line, col: p!.col }).toEqual(posOf(text, needle, change[1].split(':')[0]));
  });

  it('reports a quantity that is not one', () => {
    const text = edit(['baseline: 0.5%', 'baseline: lots']);
    const p = load(text).problems.find((x) => x.layer === 'schema');
    expect(p).toMatchObject({ path: ['services', 0, 'metrics', 'error_rate', 'baseline'], ...posOf(text, 'lots') });
    expect(p!.message).toBe('expected a quantity such as 0.4%, 180ms, 2s, 1.5GB, 1200rps or a number');
  });

  it('reports an id that breaks the id rules', () => {
    const text = edit(['id: demo\n', 'id: Demo Drill\n']);
    const p = only(text);
    expect(p).toMatchObject({ code: 'schema/invalid-format', path: ['id'], ...posOf(text, 'Demo Drill') });
    expect(p.message).toMatch(/lower-case words joined by "-"/);
  });

  it('reports an invalid phase id at the key', () => {
    const text = edit(['  healthy:\n', '  Healthy:\n']);
    const p = load(text).problems.find((x) => x.code === 'schema/invalid-key');
    expect(p).toMatchObject({ path: ['phases', 'Healthy'], ...posOf(text, 'Healthy:') });
    expect(p!.message).toMatch(/^key "Healthy": phase ids are lower-case/);
  });

  it('reports empty text and an empty services list', () => {
    const text = edit(['title: Demo\n', 'title: ""\n']);
    expect(only(text)).toMatchObject({ code: 'schema/too-small', message: 'must not be empty', ...posOf(text, '""') });
    const solution = edit(['path: [web-logs, revert-config]', 'path: []']);
    expect(only(solution)).toMatchObject({ code: 'schema/too-small', message: 'the solution path needs at least one step' });
  });

  describe('missing required keys', () => {
    it('reports a missing top-level key at the start of the document', () => {
      const text = edit(['title: Demo\n', '']);
      expect(only(text)).toMatchObject({ code: 'schema/missing-key', path: ['title'], message: 'missing required key "title"', ...posOf(text, 'schema:') });
    });

    it('reports a missing enum key as missing, not as a wrong value', () => {
      const text = edit(['  severity: SEV-2          # the severity a good IC declares\n', '']);
      const p = only(text);
      expect(p).toMatchObject({ code: 'schema/missing-key', path: ['expects', 'severity'], message: 'missing required key "severity"' });
      // at the expects mapping
      expect({ line: p.line, col: p.col }).toEqual(posOf(text, 'targets:'));
      expect(p.message).not.toContain('undefined');
    });

    it('reports a missing schema version (a literal) as missing', () => {
      const text = edit(['schema: firedrill/v1\n', '']);
      expect(only(text)).toMatchObject({ code: 'schema/missing-key', path: ['schema'], message: 'missing required key "schema"' });
    });

    it('reports a missing key inside a list item at that item', () => {
      const text = edit([', title: Restart all web pods', '']);
      expect(only(text)).toMatchObject({ code: 'schema/missing-key', path: ['actions', 1, 'title'], ...posOf(text, '{ id: restart-web') });
    });

    it('reports every missing key', () => {
      const text = edit(['title: Demo\n', ''], ['difficulty: intro          # intro | medium | hard\n', ''], ['solution:', 'xsolution:']);
      const missing = load(text).problems.filter((p) => p.code === 'schema/missing-key').map((p) => p.path.join('.'));
      expect(missing.sort()).toEqual(['difficulty', 'solution', 'title']);
    });
  });

  it('never prints "undefined" in a message', () => {
    for (const text of [
      edit(['difficulty: intro', 'difficulty:']),
      edit(['  severity: SEV-2          # the severity a good IC declares\n', '']),
      edit(['schema: firedrill/v1\n', '']),
      edit(['    when: "web.error_rate > 5% for 1m"\n', '']),
    ]) {
      for (const p of load(text).problems) expect(p.message).not.toMatch(/undefined/);
    }
  });
});

describe('loadScenario (files)', () => {
  let dir: string;
  const tmp = sharedTempDirs('loader');
  beforeAll(() => {
    dir = tmp();
  });

  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('loads a valid file and names it in problems', () => {
    const ok = loadScenario(file('ok.yaml', STARTER));
    expect(ok.problems).toEqual([]);
    expect(ok.scenario?.title).toBe('Demo');
    const bad = loadScenario(file('bad.yaml', edit(['difficulty: intro', 'difficulty: medum'])));
    expect(bad.problems[0]!.file).toBe(join(dir, 'bad.yaml'));
  });

  it('reports a missing file', () => {
    const missing = join(dir, 'nope.yaml');
    expect(loadScenario(missing).problems).toEqual([
      { file: missing, line: 0, col: 0, layer: 'file', severity: 'error', code: 'file/missing', message: 'no such file', path: [] },
    ]);
  });

  it('reports a directory with a hint', () => {
    const sub = join(dir, 'folder');
    mkdirSync(sub, { recursive: true });
    const [p, ...rest] = loadScenario(sub).problems;
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'file/directory', line: 0, message: 'is a directory, not a YAML file' });
    expect(p!.hint).toContain(`${sub}/*.yaml`);
  });

  it(`refuses a file over ${MAX_FILE_BYTES} bytes without parsing it`, () => {
    const big = file('big.yaml', `title: "${'x'.repeat(MAX_FILE_BYTES)}"\n`);
    const [p, ...rest] = loadScenario(big).problems;
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'file/too-large', layer: 'file' });
    expect(p!.message).toMatch(/^is 1\.0 MiB; a scenario may be at most 1 MiB$/);
    // exactly at the limit is still read
    const edge = file('edge.yaml', `# ${'x'.repeat(MAX_FILE_BYTES - 3)}\n`);
    expect(loadScenario(edge).problems.map((x) => x.code)).toEqual(['file/empty']);
  });

  it('refuses a binary file (NUL bytes)', () => {
    const bin = file('junk.yaml', Buffer.from([0x73, 0x63, 0x68, 0x00, 0xff, 0x10, 0x00, 0x3a]));
    expect(loadScenario(bin).problems.map((p) => p.code)).toEqual(['file/binary']);
  });

  it('refuses text that is not UTF-8', () => {
    const latin1 = file('latin1.yaml', Buffer.from('title: caf\xe9\n', 'latin1'));
    expect(loadScenario(latin1).problems.map((p) => [p.code, p.message])).toEqual([['file/encoding', 'is not valid UTF-8 text']]);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', () => {
    const locked = file('locked.yaml', STARTER);
    chmodSync(locked, 0o000);
    expect(loadScenario(locked).problems.map((p) => p.code)).toEqual(['file/unreadable']);
  });
});

describe('loadScenarioText', () => {
  it('names the file <memory> by default', () => {
    expect(loadScenarioText('').problems[0]!.file).toBe('<memory>');
  });
});
