import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

describe('firedrill --help', () => {
  it('exits 0 and lists the scenario commands', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: firedrill \[options\] \[command\]/);
    for (const cmd of ['validate [options] <file...>', 'graph [options] <scenario>', 'new [options] <scenario-id>', 'schema']) {
      expect(r.stdout).toContain(cmd);
    }
    expect(r.stderr).toBe('');
  });

  it.each([
    ['validate', 'Usage: firedrill validate [options] <file...>', ['--json', '--strict']],
    ['graph', 'Usage: firedrill graph [options] <scenario>', ['--format <format>', '"mermaid", "dot"']],
    ['new', 'Usage: firedrill new [options] <scenario-id>', ['--dir <dir>', '--force']],
    ['schema', 'Usage: firedrill schema [options]', ['-h, --help']],
    ['run', 'Usage: firedrill run [options] <scenario>', ['--as <name:role>', '--quiet', 'no terminal bell when one of your seats is paged']],
  ])('%s --help exits 0 and shows its usage and options', (cmd, usage, options) => {
    for (const args of [[cmd, '--help'], ['help', cmd]]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout.startsWith(usage), r.stdout).toBe(true);
      for (const o of options) expect(r.stdout).toContain(o);
    }
  });

  it('prints the version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('usage errors', () => {
  it.each([
    [['valdate', 'x.yaml'], /unknown command 'valdate'[\s\S]*Did you mean validate\?/],
    [['validate'], /missing required argument 'file'/],
    [['graph'], /missing required argument 'scenario'/],
    [['new'], /missing required argument 'scenario-id'/],
    [['graph', 'test/fixtures/scenarios/valid.yaml', '--format', 'svg'], /argument 'svg' is invalid\. Allowed choices are mermaid, dot/],
    [['validate', '--jsn', 'x.yaml'], /unknown option '--jsn'/],
  ])('%j exits 1 with a message and a pointer to --help', (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('(run with --help for usage)');
    expect(r.stdout).toBe('');
  });
});
