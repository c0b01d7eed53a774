/**
 * The host's SSH key: made once, kept, and reused, so people who joined before see the same host next time
 * (and their ssh does not cry "REMOTE HOST IDENTIFICATION HAS CHANGED").
 */
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import ssh2 from 'ssh2';
import { makeFolder, pathKind, writeFileAtomic } from './file-system';
import { KeyFileError } from './key-file-error';
import { FileReadError, readRegularFile } from './read-bounded';

// An OpenSSH private key is a few hundred bytes (ed25519) to a few KB (RSA 16384); anything larger is not one.
const MAX_KEY_BYTES = 64 * 1024;

/** Where the host key is kept by default: $XDG_CONFIG_HOME/firedrill/host_ed25519_key, else ~/.config/firedrill/host_ed25519_key. */
export function defaultHostKeyPath(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(config, 'firedrill', 'host_ed25519_key');
}

/** OpenSSH's fingerprint of a public key blob: "SHA256:" and the base64 of its SHA-256, without padding. */
export function fingerprintOf(publicBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicBlob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * A new ed25519 key pair in OpenSSH's formats. ssh2's generator strips leading zero bytes from the public key, so
 * about one key in 256 comes out 31 bytes long and cannot be parsed again
 * (https://github.com/mscdex/ssh2/issues/1513, #1390): a pair is made again until both halves parse.
 */
export function newEd25519KeyPair(comment?: string): { private: string; public: string } {
  for (;;) {
    const pair = ssh2.utils.generateKeyPairSync('ed25519', comment ? { comment } : {});
    const ok = [pair.private, pair.public].every((k) => {
      const parsed = ssh2.utils.parseKey(k);
      return !(parsed instanceof Error) && !Array.isArray(parsed) && parsed.getPublicSSH().length === 51;
    });
    if (ok) return pair;
  }
}

/** The host key at `path` (made there, mode 0600 in a 0700 folder, when missing), its fingerprint, and whether it was just made. */
export function loadOrCreateHostKey(path: string): { key: string; fingerprint: string; created: boolean } {
  if (pathKind(path) === 'missing') {
    const { private: key } = newEd25519KeyPair();
    makeFolder(dirname(path), 0o700);
    writeFileAtomic(path, key, 0o600);
    return { key, fingerprint: fingerprintOf(parsePrivate(path, key).getPublicSSH()), created: true };
  }
  let key: string;
  try {
    key = readRegularFile(path, MAX_KEY_BYTES).toString('utf8');
  } catch (e) {
    if (e instanceof FileReadError) throw new KeyFileError(path, `cannot read the host key: ${e.reason}`);
    throw e;
  }
  return { key, fingerprint: fingerprintOf(parsePrivate(path, key).getPublicSSH()), created: false };
}

/** The private key in `text`, or a KeyFileError naming the file. */
function parsePrivate(path: string, text: string): ssh2.ParsedKey {
  const parsed = ssh2.utils.parseKey(text);
  const key = Array.isArray(parsed) ? (parsed as ssh2.ParsedKey[])[0] : parsed;
  if (key === undefined || key instanceof Error || !key.isPrivateKey()) {
    const why = key instanceof Error ? ` (${key.message})` : '';
    throw new KeyFileError(path, `is not an SSH private key the host can use${why}; remove it to have a new one made, or give another with --host-key`);
  }
  return key;
}
