/** Small helpers for writing command output. */

/** Writes text to stdout, adding a final newline if missing. */
export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Writes text to stderr, adding a final newline if missing. */
export function err(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Prints one JSON document on stdout (the --json contract: nothing else goes there). */
export function outJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}
