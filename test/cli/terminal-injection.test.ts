// Issue 11: text from files, flags and folder names reaches the terminal only as text. The payload (OSC 52, OSC 0,
// a clear screen, 8-bit CSI and OSC, a right-to-left override, a lone surrogate) goes through every command that
// prints, and the raw bytes each writes on stdout and stderr are scanned for anything the program did not write
// itself. The terminal commands (review on a TTY, run) are in test/e2e/terminal-injection.test.ts.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli';
import { sharedTempDirs } from '../helpers/tmp';
import {
  evil, foreignControls, hostileScenarioText, hostileScorecard, NAME_PAYLOAD, PAYLOAD, yamlQuoted, type Allowed,
} from '../helpers/terminal-scan';

interface RawResult {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
  text: string;
}

let dir: string;
const tmp = sharedTempDirs('inject');

/** Runs the CLI in the test folder and keeps its output as bytes. */
function run(args: readonly string[], env: Record<string, string> = {}): RawResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir, input: '', timeout: 20_000,
    env: { ...process.env, COLUMNS: '100', LINES: '30', NO_COLOR: '', FORCE_COLOR: '0', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, text: `${r.stdout.toString('utf8')}${r.stderr.toString('utf8')}` };
}

/** Asserts neither stream holds a control the program did not write, nor a stack trace. */
function expectInert(r: RawResult, allow: Allowed = 'none'): void {
  expect(foreignControls(r.stdout, allow), 'stdout').toEqual([]);
  expect(foreignControls(r.stderr, allow), 'stderr').toEqual([]);
  expect(r.text).not.toMatch(/\n\s+at |internal error/);
}

// The payload's words either side, once what was between them is made inert (a lone surrogate becomes U+FFFD).
const SHOWN = /evil\uFFFD?end/;

// File and folder names with the payload in them (a name cannot hold a lone surrogate).
const EVIL_YAML = `${evil(NAME_PAYLOAD)}.yaml`;
const EVIL_RUN = `run-${evil(NAME_PAYLOAD)}`;

beforeAll(() => {
  dir = tmp();
  writeFileSync(join(dir, 'title.yaml'), hostileScenarioText());
  writeFileSync(join(dir, 'key.yaml'), `${hostileScenarioText()}${yamlQuoted(evil())}: 1\n`);
  writeFileSync(join(dir, EVIL_YAML), `${hostileScenarioText()}${yamlQuoted(evil())}: 1\n`);
  writeFileSync(join(dir, 'script.yaml'), [
    'participants:',
    '  - { name: alice, role: ic }',
    'actions:',
    `  - { at: "1:00", by: alice, do: ${yamlQuoted(`/${evil()}`)} }`,
    `  - { at: "1:10", by: ${yamlQuoted(evil())}, do: "/ack" }`,
    '',
  ].join('\n'));
  // A drill of the hostile scenario in a hostile folder, for replay and history.
  const sim = run(['simulate', 'title.yaml', '--seed', '3', '--out', EVIL_RUN]);
  expect(sim.code, sim.text).toBe(0);
  // The same journal with the payload in an event's data (a divergence) and in the header's scenario id and file.
  const journal = readFileSync(join(dir, EVIL_RUN, 'journal.jsonl'), 'utf8').split('\n');
  mkdirSync(join(dir, 'diverged'));
  writeFileSync(join(dir, 'diverged', 'journal.jsonl'), journal.map((line) => {
    if (!line.includes('"type":"alert.fired"')) return line;
    const e = JSON.parse(line) as { data: { title: string } };
    e.data.title = evil();
    return JSON.stringify(e);
  }).join('\n'));
  mkdirSync(join(dir, 'header'));
  const header = JSON.parse(journal[0]!) as { scenario: { id: string; file: string } };
  header.scenario.id = evil();
  header.scenario.file = `/nowhere/${evil()}.yaml`;
  writeFileSync(join(dir, 'header', 'journal.jsonl'), [JSON.stringify(header), ...journal.slice(1)].join('\n'));
  // A folder of runs: a hostile scorecard, the drill above and an unreadable run whose folder name is hostile.
  mkdirSync(join(dir, 'runs', EVIL_RUN), { recursive: true });
  writeFileSync(join(dir, 'runs', EVIL_RUN, 'scorecard.json'), JSON.stringify(hostileScorecard(), null, 2));
  cpSync(join(dir, EVIL_RUN), join(dir, 'runs', 'drill'), { recursive: true });
  mkdirSync(join(dir, 'runs', `broken-${evil(NAME_PAYLOAD)}`));
  writeFileSync(join(dir, 'runs', `broken-${evil(NAME_PAYLOAD)}`, 'scorecard.json'), '{"scenario": ');
});

describe('text from files and flags reaches the terminal inert', () => {
  it('simulate: the summary shows the title and the run folder as text', () => {
    const r = run(['simulate', 'title.yaml', '--seed', '3', '--out', `${EVIL_RUN}-2`]);
    expect(r.code, r.text).toBe(0);
    expectInert(r);
    expect(r.stdout.toString()).toMatch(new RegExp(`Orders ${SHOWN.source}.*\\n(.*\\n)*  run folder  run-evilend-2`));
  });

  it('simulate --json escapes what it does not print raw, and the document keeps the exact text', () => {
    const r = run(['simulate', 'title.yaml', '--seed', '3', '--json', '--out', `${EVIL_RUN}-3`]);
    expect(r.code, r.text).toBe(0);
    expectInert(r);
    const doc = JSON.parse(r.stdout.toString()) as { scenario: { title: string }; runDir: string };
    expect(doc.scenario.title).toBe(`Orders ${evil()}`);
    expect(doc.runDir).toBe(`${EVIL_RUN}-3`);
  });

  it('replay: the header fields, the run folder and both sides of a divergence', () => {
    const ok = run(['replay', EVIL_RUN]);
    expect(ok.code, ok.text).toBe(0);
    expectInert(ok);
    expect(ok.stdout.toString()).toMatch(/^run-evilend\/journal\.jsonl: reproduces/);
    const diverged = run(['replay', 'diverged', '--scenario', 'title.yaml']);
    expect(diverged.code, diverged.text).toBe(1);
    expectInert(diverged);
    // The data is quoted as JSON: what differs is shown escaped, not dropped, so the two sides never look the same.
    expect(diverged.stdout.toString()).toContain(String.raw`T+03:20 monitoring (system) alert.fired {"alert":"orders-api-5xx","title":"evil\u001b]52;c;ZXZpbA==\u0007\u001b]0;pwned\u0007\u001b[2J\u009b2J\u009d0;x\u009c\u202e\ud800end"`);
    const header = run(['replay', 'header']);
    expect(header.code, header.text).toBe(1);
    expectInert(header);
    expect(header.stderr.toString()).toMatch(/cannot find scenario "evil\uFFFD?end" \(recorded as \/nowhere\/evil\uFFFD?end\.yaml\)/);
  });

  it('replay --json escapes the header and the divergence, and keeps them exact', () => {
    for (const [target, extra] of [[EVIL_RUN, []], ['diverged', ['--scenario', 'title.yaml']]] as const) {
      const r = run(['replay', target, '--json', ...extra]);
      expectInert(r);
      const doc = JSON.parse(r.stdout.toString()) as { scenario: { title: string }; divergence?: { expected: { data: { title: string } } } };
      expect(doc.scenario.title).toBe(`Orders ${evil()}`);
      if (doc.divergence) expect(doc.divergence.expected.data.title).toBe(evil());
    }
  });

  it.each([['no colour', {}, 'none'], ['FORCE_COLOR', { FORCE_COLOR: '1' }, 'palette']] as const)(
    'review piped (%s): rule ids and titles, names, notes and the title, with only the program\'s own colours', (_, env, allow) => {
      const r = run(['review', join('runs', EVIL_RUN)], env);
      expect(r.code, r.text).toBe(0);
      expectInert(r, allow);
      expect(r.stdout.toString()).toMatch(SHOWN);
      // The program's own colours survive the sanitiser.
      if (allow === 'palette') expect(r.stdout.toString()).toContain('\u001b[1m');
    },
  );

  it('review --json and --markdown', () => {
    const json = run(['review', join('runs', EVIL_RUN), '--json']);
    expectInert(json);
    expect(JSON.parse(json.stdout.toString())).toEqual(hostileScorecard());
    const md = run(['review', join('runs', EVIL_RUN), '--markdown']);
    expectInert(md);
    expect(md.stdout.toString()).toMatch(SHOWN);
  });

  it.each([['no colour', {}, 'none'], ['FORCE_COLOR', { FORCE_COLOR: '1' }, 'palette']] as const)(
    'history (%s): runs, people, the skipped run\'s folder and the folder given', (_, env, allow) => {
      const r = run(['history', 'runs'], env);
      expect(r.code, r.text).toBe(0);
      expectInert(r, allow);
      expect(r.stderr.toString()).toMatch(/skipped runs\/broken-evilend/);
      expect(r.stdout.toString()).toMatch(SHOWN);
      if (allow === 'palette') expect(r.stdout.toString()).toContain('\u001b[1m');
      const named = run(['history', `missing-${evil(NAME_PAYLOAD)}`], env);
      expect(named.code).toBe(1);
      expectInert(named, allow);
    },
  );

  it('history --json and --scenario', () => {
    const json = run(['history', 'runs', '--json']);
    expect(json.code, json.text).toBe(0);
    expectInert(json);
    const none = run(['history', 'runs', '--scenario', evil(NAME_PAYLOAD)]);
    expect(none.code).toBe(1);
    expectInert(none);
    expect(none.stderr.toString()).toMatch(/no runs of scenario "evilend"/);
  });

  it.each([['mermaid'], ['dot']])('graph --format %s: the title', (format) => {
    const r = run(['graph', 'title.yaml', '--format', format]);
    expect(r.code, r.text).toBe(0);
    expectInert(r);
    expect(r.stdout.toString()).toMatch(/Orders evil/);
  });

  it('validate: an unknown key, a hostile title and a hostile file name, as text and as JSON', () => {
    const r = run(['validate', 'title.yaml', 'key.yaml', EVIL_YAML]);
    expect(r.code).toBe(1);
    expectInert(r);
    expect(r.stdout.toString()).toMatch(/key\.yaml:\d+:\d+: error: unknown key "evil\uFFFD?end"/);
    expect(r.stdout.toString()).toMatch(/^evilend\.yaml:\d+:\d+: error: unknown key/m);
    const json = run(['validate', '--json', 'key.yaml', EVIL_YAML]);
    expectInert(json);
    const doc = JSON.parse(json.stdout.toString()) as { files: { file: string }[] };
    expect(doc.files.map((f) => f.file)).toEqual(['key.yaml', EVIL_YAML]);
  });

  it('drill-script errors: an unknown command and an unknown participant', () => {
    const r = run(['simulate', 'title.yaml', '--script', 'script.yaml', '--out', `${EVIL_RUN}-4`]);
    expect(r.code).toBe(1);
    expectInert(r);
    expect(r.stderr.toString()).toMatch(/script\.yaml:4:\d+: error: .*evil\uFFFD?end/);
  });

  it.each([
    ['--seed', ['simulate', 'title.yaml', '--seed', evil(NAME_PAYLOAD)], /--seed "evilend"/],
    ['--speed', ['simulate', 'title.yaml', '--speed', evil(NAME_PAYLOAD)], /--speed "evilend"/],
    ['--policy', ['simulate', 'title.yaml', '--policy', evil(NAME_PAYLOAD)], /evilend/],
    ['--format', ['graph', 'title.yaml', '--format', evil(NAME_PAYLOAD)], /evilend/],
    ['an unknown option', ['simulate', 'title.yaml', `--${evil(NAME_PAYLOAD)}`], /evilend/],
    ['an unknown command', [evil(NAME_PAYLOAD)], /evilend/],
    ['a missing scenario file', ['simulate', `missing-${EVIL_YAML}`], /missing-evilend\.yaml/],
    ['a missing run folder', ['review', `missing-${EVIL_RUN}`], /missing-run-evilend/],
    ['a file name run needs a terminal for', ['run', EVIL_YAML], /firedrill simulate evilend\.yaml/],
    ['an existing --out folder', ['simulate', 'title.yaml', '--out', EVIL_RUN], /run-evilend already holds a drill/],
  ] as const)('flag and file errors echo %s as text', (_, args, shown) => {
    const r = run(args);
    expect(r.code).toBe(1);
    expectInert(r);
    expect(r.stderr.toString()).toMatch(shown);
  });

  it('the payload is what the issue describes', () => {
    expect(PAYLOAD).toContain('\u001b]52;c;');
    expect(PAYLOAD).toContain('\u001b]0;pwned\u0007');
    expect(PAYLOAD).toContain('\u009b2J');
    expect(foreignControls(evil(), 'ink').length).toBeGreaterThanOrEqual(6);
  });
});
