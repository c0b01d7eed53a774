/** Reading an OpenSSH authorized_keys file: the public keys that may join a team drill without the join code. */
import ssh2 from 'ssh2';
import { stripControl } from '../engine/sanitize';
import { KeyFileError } from './key-file-error';
import { FileReadError, readRegularFile } from './read-bounded';

// A few thousand keys at most; a larger file is not an authorized_keys file.
const MAX_BYTES = 1024 * 1024;
const KEY_TYPE = /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-[a-z0-9-]+@openssh\.com|ssh-dss)$/;

/** The keys in an authorized_keys file; a line that is not a plain "TYPE BASE64 [comment]" is an error naming file:line. */
export function readAuthorizedKeys(path: string): ssh2.ParsedKey[] {
  let text: string;
  try {
    text = readRegularFile(path, MAX_BYTES).toString('utf8');
  } catch (e) {
    if (e instanceof FileReadError) throw new KeyFileError(path, `cannot read the authorized keys: ${e.reason}`);
    throw e;
  }
  const keys: ssh2.ParsedKey[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    keys.push(parseLine(`${path}:${i + 1}`, line));
  });
  return keys;
}

/** One key line, or a KeyFileError saying what is wrong with it. */
function parseLine(where: string, line: string): ssh2.ParsedKey {
  const [type = '', data = ''] = line.split(/\s+/);
  if (!KEY_TYPE.test(type)) {
    const hasKeyLater = line.split(/\s+/).some((word) => KEY_TYPE.test(word));
    throw new KeyFileError(where, hasKeyLater
      ? 'options before the key (from=, command=, ...) are not supported here; keep only "TYPE KEY [comment]"'
      : `"${stripControl(type).slice(0, 40)}" is not an SSH public key type; a line is "TYPE KEY [comment]", e.g. "ssh-ed25519 AAAA... alice@laptop"`);
  }
  const parsed = ssh2.utils.parseKey(`${type} ${data}`);
  const key = Array.isArray(parsed) ? (parsed as ssh2.ParsedKey[])[0] : parsed;
  if (key === undefined || key instanceof Error) {
    const why = key instanceof Error ? `: ${stripControl(key.message)}` : '';
    throw new KeyFileError(where, `the ${type} key cannot be read${why}`);
  }
  return key;
}
