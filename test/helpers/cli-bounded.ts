// Runs the built CLI with a small heap and a hard timeout, for inputs that once made it read without end or
// hang: a regression then fails (out of memory, or killed by the timeout) instead of eating the machine or
// blocking the test run.
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { BIN, ROOT, type CliResult } from './cli';

/** Runs `firedrill ...args` with a 256 MB heap, killed after `timeoutMs`; `stdout` may be a file descriptor (e.g. /dev/full). */
export function runBounded(args: readonly string[], opts: { cwd?: string; stdout?: number; timeoutMs?: number } = {}): CliResult {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: '',
    stdio: ['pipe', opts.stdout ?? 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 10_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, COLUMNS: '100', LINES: '30', NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: performance.now() - t0 };
}

/** No stack trace, internal error or minified bundle in what a command printed. */
export function expectNoStack(s: string): void {
  expect(s).not.toMatch(/\n\s+at |internal error|firedrill\.js:\d+/);
}

/** Expects exit 1 with a message matching `message` on stderr or stdout, and no stack trace. */
export function expectRefused(r: CliResult, message: RegExp, what: string): void {
  expect(r.code, `${what}: exit code (null = killed by the timeout: it hung or ran out of memory)\n${r.stderr.slice(0, 2000)}`).toBe(1);
  expect(`${r.stderr}${r.stdout}`, what).toMatch(message);
  expectNoStack(r.stderr);
}
