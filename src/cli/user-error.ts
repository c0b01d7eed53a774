/** Errors the user can fix (bad input, bad flags): printed without a stack trace, exit code 1. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(message: string, readonly lines: readonly string[] = []) {
    super(message);
  }
}

/** Exit codes: 0 success, 1 the input was wrong, 2 an internal error (a bug). */
export const EXIT = { ok: 0, input: 1, internal: 2 } as const;
