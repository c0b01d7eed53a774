import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { defaultHostKeyPath, newEd25519KeyPair, loadOrCreateHostKey } from '../../src/io/host-key-file';
import { KeyFileError } from '../../src/io/key-file-error';
import { tempDir } from '../helpers/tmp';

describe('loadOrCreateHostKey', () => {
  it('makes an ed25519 key once (0600 in a 0700 folder) and reuses it after', () => {
    const path = join(tempDir('hostkey'), 'config', 'firedrill', 'host_ed25519_key');
    const first = loadOrCreateHostKey(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    const parsed = ssh2.utils.parseKey(first.key);
    expect(!(parsed instanceof Error) && parsed.type).toBe('ssh-ed25519');
    const again = loadOrCreateHostKey(path);
    expect(again).toEqual({ key: first.key, fingerprint: first.fingerprint, created: false });
    expect(readFileSync(path, 'utf8')).toBe(first.key);
  });

  it("gives the fingerprint ssh-keygen -lf gives", () => {
    const path = join(tempDir('hostkey'), 'host_ed25519_key');
    const { fingerprint } = loadOrCreateHostKey(path);
    const line = execFileSync('ssh-keygen', ['-lf', path], { encoding: 'utf8' });
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(line.split(' ')[1]).toBe(fingerprint);
  });

  it('reports a file that is not a private key, naming it', () => {
    const path = join(tempDir('hostkey'), 'host_ed25519_key');
    writeFileSync(path, 'not a key\n');
    expect(() => loadOrCreateHostKey(path)).toThrow(KeyFileError);
    expect(() => loadOrCreateHostKey(path)).toThrow(`${path}: is not an SSH private key`);
  });

  it('reports a folder where the key should be', () => {
    const dir = tempDir('hostkey');
    expect(() => loadOrCreateHostKey(dir)).toThrow(`${dir}: cannot read the host key: is a folder`);
  });
});

describe('newEd25519KeyPair', () => {
  it('never hands out a key ssh2 cannot read back (ssh2\'s own generator fails about one in 256)', () => {
    for (let i = 0; i < 2000; i++) {
      const pair = newEd25519KeyPair();
      const priv = ssh2.utils.parseKey(pair.private);
      const pub = ssh2.utils.parseKey(pair.public);
      if (priv instanceof Error || pub instanceof Error || Array.isArray(priv) || Array.isArray(pub)) throw new Error(`pair ${i} does not parse:\n${pair.private}`);
      expect(priv.getPublicSSH().equals(pub.getPublicSSH())).toBe(true);
    }
  });
});

describe('defaultHostKeyPath', () => {
  it('uses XDG_CONFIG_HOME when set, else ~/.config', () => {
    expect(defaultHostKeyPath({ XDG_CONFIG_HOME: '/x/cfg', HOME: '/home/a' })).toBe('/x/cfg/firedrill/host_ed25519_key');
    expect(defaultHostKeyPath({ HOME: '/home/a' })).toBe('/home/a/.config/firedrill/host_ed25519_key');
    // A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
    expect(defaultHostKeyPath({ XDG_CONFIG_HOME: 'rel', HOME: '/home/a' })).toBe('/home/a/.config/firedrill/host_ed25519_key');
  });
});
