/** Why an SSH key file (a host key, an authorized_keys file) could not be used: the path (and line), and what is wrong. */
export class KeyFileError extends Error {
  override readonly name = 'KeyFileError';
  /** `where` is the path, or "path:line" for one line of a file. */
  constructor(readonly where: string, readonly reason: string) {
    super(`${where}: ${reason}`);
  }
}
