// `firedrill host` refuses bad flags and files with one clear line and exit 1, before it listens on anything.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const INTRO = join(ROOT, 'scenarios/bad-deploy-rollback.yaml');

describe('firedrill host: files', () => {
  it('a bad line in --authorized-keys is named by file:line', () => {
    const dir = tempDir('host-flags');
    const keys = join(dir, 'authorized_keys');
    writeFileSync(keys, '# the team\n\nssh-ed25519 not-a-key alice\n');
    const r = runCli(['host', INTRO, '--authorized-keys', keys]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${keys}:3: `));
  });

  it('a scenario that cannot be read is named, before anything listens', () => {
    const r = runCli(['host', join(ROOT, 'no-such.yaml')]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/no-such\.yaml/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an --out folder that already holds a drill is refused before anything listens', () => {
    const dir = tempDir('host-flags');
    mkdirSync(join(dir, 'run'));
    writeFileSync(join(dir, 'run', 'journal.jsonl'), '{}\n');
    const r = runCli(['host', INTRO, '--out', join(dir, 'run')]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/already holds a drill \(journal\.jsonl\); choose another --out folder/);
  });
});

describe('firedrill host: usage', () => {
  it('--help shows its usage and every option', () => {
    const r = runCli(['host', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Usage: firedrill host [options] [scenario]')).toBe(true);
    for (const o of ['--port <n>', '--listen <addr>', '--code <code>', '--authorized-keys <file>', '--host-key <file>', '--max-connections <n>', '--seed <seed>', '--speed <x>', '--bots <roles>', '--policy <policy>', '--out <dir>', '--resume <run-dir>']) {
      expect(r.stdout).toContain(o);
    }
  });

  it.each([
    [[], /needs a scenario file \(or --resume RUN_DIR/],
    [[INTRO, '--port', '70000'], /--port "70000" must be a TCP port number from 1 to 65535/],
    [[INTRO, '--port', '22x'], /--port "22x" must be a TCP port number/],
    [[INTRO, '--listen', 'example.com'], /--listen "example.com" must be an IP address/],
    [[INTRO, '--code', 'a b'], /--code must be 4 to 64 visible characters without spaces/],
    [[INTRO, '--max-connections', '0'], /--max-connections "0" must be a whole number from 1 to 500/],
    [[INTRO, '--speed', 'fast'], /--speed "fast" must be a decimal number/],
    [[INTRO, '--bots', 'pilot'], /--bots: unknown role "pilot"/],
    [[INTRO, '--seed', 'a b'], /--seed "a b" must be a number or word/],
    [[INTRO], /firedrill host needs an interactive terminal for the facilitator console/],
  ])('host %j: one line, exit 1', (args, message) => {
    const r = runCli(['host', ...args]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
