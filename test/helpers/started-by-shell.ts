// firedrill started the way people start it from a terminal, so a test can see what the process leaves behind:
// the terminal's settings after it exits, and whether it outlives a terminal that closes without a SIGHUP.
import { readFileSync } from 'node:fs';
import { BIN } from './cli';
import { PtyRun, type PtyOptions } from './pty';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** firedrill started by a shell in a pty: the shell prints PID=, then, once it exits, EXIT= and the terminal's settings (stty -a). */
export function startedByShell(args: readonly string[], o: PtyOptions = {}): PtyRun {
  const script = `${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')} </dev/tty & echo "PID=$!"; wait $!; echo "EXIT=$?"; stty -a`;
  return new PtyRun(args, { ...o, command: { file: '/bin/sh', args: ['-c', script] } });
}

/**
 * firedrill on a pty that is not its controlling terminal (it runs in a session of its own, started by a process
 * that prints PID=): closing the pty sends it no SIGHUP, as when the tmux server under a shell is killed, so all it
 * sees is its terminal's input ending.
 */
export function startedDetached(args: readonly string[], o: PtyOptions = {}): PtyRun {
  const starter = "const c = require('node:child_process').spawn(process.execPath, process.argv.slice(1), { detached: true, stdio: 'inherit' }); console.log('PID=' + c.pid); c.on('exit', () => process.exit(0));";
  return new PtyRun(args, { ...o, command: { file: process.execPath, args: ['-e', starter, BIN, ...args] } });
}

/** The pid the run printed as PID=, once it has. */
export async function printedPid(r: PtyRun, timeoutMs = 10_000): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const m = /PID=(\d+)/.exec(r.output);
    if (m) return Number(m[1]);
    if (Date.now() - t0 > timeoutMs) throw new Error(`no PID= printed; output:\n${r.output.slice(-500)}`);
    await new Promise((res) => setTimeout(res, 25));
  }
}

/** Whether a process has exited: it has no /proc entry, or it is a zombie nobody has reaped yet (it runs no more). */
export function hasExited(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Resolves with how long process `pid` took to exit, measured from now; rejects if it still runs after `timeoutMs`. */
export async function exitTime(pid: number, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (hasExited(pid)) return Date.now() - t0;
    if (Date.now() - t0 > timeoutMs) throw new Error(`process ${pid} still runs ${timeoutMs} ms later`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

/** Clean-up: SIGKILL for a process that is still running. */
export function killIfRunning(pid: number): void {
  if (hasExited(pid)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone in between
  }
}
