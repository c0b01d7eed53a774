import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readJournal } from '../../src/io/read-journal';
import { BIN, ROOT, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { waitForJournal } from '../helpers/wait';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');
const tmp = () => tempDir('simulate');
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);

describe('firedrill simulate', () => {
  it('runs a drill to its end, writes the journal and prints a summary', () => {
    const out = join(tmp(), 'run');
    const r = runCli(['simulate', INTRO, '--seed', '5', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/outcome\s+resolved/);
    expect(r.stdout).toContain(out);
    const j = readJournal(join(out, 'journal.jsonl'));
    expect(j.header.seed).toBe('5');
    expect(j.header.scenario.id).toBe('bad-deploy-rollback');
    expect(j.events.at(-1)?.type).toBe('drill.end');
    for (const e of j.events) expect(Object.keys(e).sort()).toEqual(['actor', 'atMs', 'data', 'role', 'seq', 'type', 'wall']);
  });

  it('--json prints one JSON document with the outcome', () => {
    const r = runCli(['simulate', INTRO, '--seed', '5', '--json', '--out', join(tmp(), 'run')]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(['resolved', 'timed-out', 'aborted']).toContain(doc.outcome);
    expect(doc.seed).toBe('5');
    expect(doc.scenario.id).toBe('bad-deploy-rollback');
  });

  it('writes to ./firedrill-runs/<stamp>-<id>/ by default', () => {
    const cwd = tmp();
    const r = runCli(['simulate', INTRO, '--seed', '1', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runDir).toMatch(/firedrill-runs\/\d{8}T\d{6}Z-bad-deploy-rollback$/);
  });

  it('refuses to overwrite a run folder that already holds a journal', () => {
    const out = join(tmp(), 'run');
    expect(runCli(['simulate', INTRO, '--seed', '1', '--out', out]).code).toBe(0);
    const r = runCli(['simulate', INTRO, '--seed', '1', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already holds a drill/);
  });

  it('bad flags and bad scenarios exit 1 with a message', () => {
    for (const args of [['--seed', 'a b'], ['--policy', 'lazy'], ['--speed', '-3']]) {
      const r = runCli(['simulate', INTRO, ...args, '--out', join(tmp(), 'x')]);
      expect(r.code, args.join(' ')).toBe(1);
      noStack(r.stderr);
    }
    const dir = tmp();
    const r = runCli(['simulate', join(dir, 'missing.yaml')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no such file/);
  });
});

describe('drill scripts', () => {
  const script = (body: string) => {
    const f = join(tmp(), 'script.yaml');
    writeFileSync(f, body);
    return f;
  };
  const ok = `participants:\n  - { name: alice, role: ic }\n  - { name: carol, role: responder, service: orders-api }\nbots: by-the-book\nactions:\n  - { at: "3:30", by: carol, do: "/ack" }\n  - { at: "4:00", by: carol, do: "/trigger orders failing" }\n  - { at: "4:30", by: alice, do: "/ic This is alice, I am the Incident Commander" }\n`;

  it('runs a valid script: the scripted people act at their times', () => {
    const out = join(tmp(), 'run');
    const r = runCli(['simulate', INTRO, '--seed', '2', '--script', script(ok), '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { events, header } = readJournal(join(out, 'journal.jsonl'));
    expect(header.participants.find((p) => p.name === 'alice')).toMatchObject({ seat: 'ic', kind: 'human' });
    const claim = events.find((e) => e.type === 'role.claim');
    expect(claim).toMatchObject({ actor: 'alice', atMs: 270_000 });
  });

  it('plays a by-the-book human team typing naturally (the fairness script) to 100, leading the summary with each person\'s own score', () => {
    const dir = tmp();
    const file = join(ROOT, 'test/scoring/fairness/scripts/bad-deploy-rollback.yaml');
    const json = runCli(['simulate', INTRO, '--seed', '1', '--script', file, '--out', join(dir, 'a'), '--json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as { score: number; grade: string; people: { name: string; score: number }[] };
    expect(doc).toMatchObject({ score: 100, grade: 'A' });
    expect(doc.people.map((p) => [p.name, p.score])).toEqual([['alice', 100], ['bob', 100], ['dan', 100], ['carol', 100]]);
    const text = runCli(['simulate', INTRO, '--seed', '1', '--script', file, '--out', join(dir, 'b')]);
    expect(text.stdout).toMatch(/score {7}alice, Incident Commander: 100 \(A\) · bob, Scribe: 100 \(A\) · .* · team 100 \(A\)/);
  });

  const cases: [string, string, RegExp][] = [
    ['an unknown participant', ok.replace('by: alice', 'by: alcie'), /script\.yaml:\d+:\d+: .*"alcie" is not a participant.*did you mean "alice"/],
    ['an action before 0', ok.replace('"3:30"', '"-1:00"'), /script\.yaml:\d+:\d+: .*before the drill starts/],
    ['an action after the duration', ok.replace('"3:30"', '"45:00"'), /script\.yaml:\d+:\d+: .*after the drill's end/],
    ['a command that does not exist', ok.replace('"/ack"', '"/akc"'), /script\.yaml:\d+:\d+: .*unknown command "\/akc".*\/ack/],
    ['a script that is not valid YAML', 'participants: [ { name: alice\n', /script\.yaml:\d+:\d+: error:/],
  ];
  for (const [what, body, expected] of cases) {
    it(`rejects ${what} with file:line:col and exit 1`, () => {
      const r = runCli(['simulate', INTRO, '--script', script(body), '--out', join(tmp(), 'x')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(expected);
      noStack(r.stderr);
    });
  }
});

describe('firedrill replay', () => {
  const simulate = (scenario = INTRO) => {
    const out = join(tmp(), 'run');
    const r = runCli(['simulate', scenario, '--seed', '9', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    return out;
  };

  it('says a fresh run reproduces, with --json too', () => {
    const out = simulate();
    const r = runCli(['replay', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/reproduces/);
    const j = runCli(['replay', join(out, 'journal.jsonl'), '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ reproduces: true, outcome: 'resolved' });
  });

  it('exits 1 at the first divergence and shows it', () => {
    const out = simulate();
    const file = join(out, 'journal.jsonl');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const i = lines.findIndex((l) => l.includes('"type":"sev.set"'));
    lines[i] = lines[i]!.replace(/"level":"SEV-\d"/, '"level":"SEV-5"');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = runCli(['replay', out, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.reproduces).toBe(false);
    expect(doc.divergence.seq).toBe(i);
    expect(doc.divergence.expected.data.level).toBe('SEV-5');
    expect(runCli(['replay', out]).stdout).toMatch(/does NOT reproduce: first divergence at event \d+/);
  });

  it('names a journal made from a different scenario version', () => {
    const dir = tmp();
    const copy = join(dir, 'scenario.yaml');
    cpSync(INTRO, copy);
    const out = simulate(copy);
    writeFileSync(copy, `${readFileSync(copy, 'utf8')}\n# edited after the run\n`);
    const r = runCli(['replay', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/different version of scenario "bad-deploy-rollback"/);
  });

  it('reads a journal cut off mid-line up to its last whole line, with a warning', () => {
    const out = simulate();
    const file = join(out, 'journal.jsonl');
    const text = readFileSync(file, 'utf8');
    // Cut a few characters into a line: a cut that happens to land on a newline is a whole journal.
    const lineStart = text.indexOf('\n', Math.floor(text.length * 0.6)) + 1;
    writeFileSync(file, text.slice(0, lineStart + 7));
    const r = runCli(['replay', out]);
    expect(r.stderr).toMatch(/partial line/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/reproduces/);
  });

  it('gives clear errors for a folder without a journal, a missing path and a corrupt journal', () => {
    const empty = tmp();
    let r = runCli(['replay', empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has no journal\.jsonl/);
    r = runCli(['replay', join(empty, 'nope')]);
    expect(r.code).toBe(1);
    const bad = join(empty, 'journal.jsonl');
    writeFileSync(bad, 'hello\nworld\n');
    r = runCli(['replay', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/journal\.jsonl:1: not a JSON line/);
    noStack(r.stderr);
  });

  it('a drill killed with SIGKILL on the real clock leaves a journal that parses and replays', async () => {
    const out = join(tmp(), 'run');
    const child = spawn(process.execPath, [BIN, 'simulate', INTRO, '--seed', '4', '--speed', '300', '--out', out], { stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    onTestFinished(async () => {
      child.kill('SIGKILL');
      await exited;
    });
    const file = join(out, 'journal.jsonl');
    // Kill it mid-drill: once someone has taken command (T+06:13 of 17:56 for this seed), well before the end.
    await waitForJournal(file, 'a role.claim', (events) => {
      if (child.exitCode !== null) throw new Error(`the drill exited (${child.exitCode}) before anyone took command`);
      return events.some((e) => e.type === 'role.claim');
    });
    child.kill('SIGKILL');
    await exited;
    const j = readJournal(file);
    expect(j.events.length).toBeGreaterThan(5);
    expect(j.events.some((e) => e.type === 'drill.end')).toBe(false);
    const r = runCli(['replay', out, '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).reproduces).toBe(true);
  });
});

describe('format v2 on the command line', () => {
  const V2 = join(ROOT, 'test/fixtures/v2/retention-purge.yaml');

  it('simulate counts skipped injects in the summary and in --json; replay reproduces the run exactly (seeds 1–3)', () => {
    for (const seed of ['1', '2', '3']) {
      const out = join(tmp(), 'run');
      const r = runCli(['simulate', V2, '--seed', seed, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const { events } = readJournal(join(out, 'journal.jsonl'));
      const happened = events.filter((e) => e.type === 'inject').length;
      const skipped = events.filter((e) => e.type === 'inject.skipped').length;
      // the fixture's "quiet day" chatter is only for the first phase, which the world has left by then
      expect(skipped).toBeGreaterThanOrEqual(1);
      expect(r.stdout).toContain(`  injects     ${happened} happened, ${skipped} skipped (came due when the world was elsewhere or a condition did not hold)`);
      const replayed = runCli(['replay', out, '--json']);
      expect(replayed.code, replayed.stdout).toBe(0);
      expect(JSON.parse(replayed.stdout)).toMatchObject({ reproduces: true });
    }
    const j = runCli(['simulate', V2, '--seed', '4', '--json', '--out', join(tmp(), 'run')]);
    const doc = JSON.parse(j.stdout);
    const { events } = readJournal(doc.journal);
    expect(doc.injects).toEqual({ happened: events.filter((e) => e.type === 'inject').length, skipped: events.filter((e) => e.type === 'inject.skipped').length });
  });

  it('a v1 run counts its skipped injects from the scenario and the journal, which has no new events', () => {
    const file = join(ROOT, 'test/fixtures/v1-library/checkout-db-wal-disk-full.yaml'); // the v1 copy of a library file now in v2
    const j = runCli(['simulate', file, '--seed', '1', '--policy', 'sloppy', '--json', '--out', join(tmp(), 'run')]);
    const doc = JSON.parse(j.stdout);
    const { events } = readJournal(doc.journal);
    expect(events.some((e) => e.type === 'inject.skipped' || e.type === 'variable.set')).toBe(false);
    const fired = new Set(events.flatMap((e) => (e.type === 'inject' ? [e.data.index] : [])));
    // all seven injects come due by T+25m, long before this 45-minute drill ends: those that did not happen were skipped
    expect(doc.injects).toEqual({ happened: fired.size, skipped: 7 - fired.size });
    expect(doc.injects.skipped).toBeGreaterThan(0);
  });
});
