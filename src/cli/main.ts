/** The firedrill command line: parses arguments, runs one command, maps failures to exit codes. */
import { CommanderError } from 'commander';
import { stripControl } from '../engine/sanitize';
import { hungUpTerminalRelease } from '../io/file-system';
import { fsErrorMessage, streamErrorMessage } from './fs-error';
import { commanderOutput, err } from './output';
import { buildProgram } from './program';
import { EXIT, UserError } from './user-error';

/** Runs the CLI with the given arguments (without node and the script path). */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const program = buildProgram();
    // Commander's own errors quote the flag or argument that was wrong: they are printed through the sanitiser too.
    for (const cmd of [program, ...program.commands]) cmd.configureOutput(commanderOutput);
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander already printed the message (or the help text).
      return e.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    if (e instanceof UserError) {
      // Messages quote flags, file names and file contents; each is one line of plain text whatever they hold.
      err(`firedrill: ${stripControl(e.message)}`);
      for (const line of e.lines) err(`  ${stripControl(line)}`);
      return EXIT.input;
    }
    // A full disk, a read-only mount, a path through a file: the user's to fix, so one line and exit 1.
    const fsMessage = fsErrorMessage(e);
    if (fsMessage !== undefined) {
      err(`firedrill: ${fsMessage}`);
      return EXIT.input;
    }
    err(`firedrill: internal error (this is a bug, please report it): ${(e as Error)?.stack ?? String(e)}`);
    return EXIT.internal;
  }
}

const isEntry = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('firedrill.js') || process.argv[1]?.endsWith('/firedrill');
if (isEntry) {
  // A reader that stops early (`firedrill validate ... | head -1`) closes the pipe: that is not an error.
  // A terminal that was closed fails writes with EIO: nobody can read them any more, and the SIGHUP the closing sent
  // is what stops a drill (it ends and saves its run folder), so the command carries on to its own exit code.
  // Any other write error (stdout to /dev/full, a full disk) is one line on stderr and exit 1, never a stack.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (e.code === 'EIO') return;
    try {
      process.stderr.write(`firedrill: ${streamErrorMessage('stdout', e)}\n`);
    } finally {
      process.exit(EXIT.input);
    }
  });
  // Nowhere is left to say it when stderr itself fails.
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EIO') return;
    process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : EXIT.input);
  });
  // Node 20 aborts at exit when it cannot reset a terminal that has hung up; letting go of it exits cleanly (129 after SIGHUP).
  process.on('exit', hungUpTerminalRelease());
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
