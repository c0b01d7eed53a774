import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { newEd25519KeyPair } from '../../src/io/host-key-file';
import { readAuthorizedKeys } from '../../src/io/authorized-keys-file';
import { KeyFileError } from '../../src/io/key-file-error';
import { tempDir } from '../helpers/tmp';

const pub = () => newEd25519KeyPair('alice@laptop').public;

describe('readAuthorizedKeys', () => {
  it('reads every key, skipping blank and comment lines', () => {
    const [a, b] = [pub(), pub()];
    const path = join(tempDir('authkeys'), 'authorized_keys');
    writeFileSync(path, `# team\n\n${a}\n   \n${b}\r\n`);
    const keys = readAuthorizedKeys(path);
    expect(keys.map((k) => k.type)).toEqual(['ssh-ed25519', 'ssh-ed25519']);
    const parsedA = ssh2.utils.parseKey(a);
    expect(!(parsedA instanceof Error) && keys[0]!.getPublicSSH().equals(parsedA.getPublicSSH())).toBe(true);
  });

  it('names file:line for a line with options', () => {
    const path = join(tempDir('authkeys'), 'authorized_keys');
    writeFileSync(path, `${pub()}\nfrom="10.0.0.1" ${pub()}\n`);
    expect(() => readAuthorizedKeys(path)).toThrow(KeyFileError);
    expect(() => readAuthorizedKeys(path)).toThrow(`${path}:2: options before the key`);
  });

  it('names file:line for a line that is not a key or whose key is broken', () => {
    const dir = tempDir('authkeys');
    const junk = join(dir, 'junk');
    writeFileSync(junk, '# ok\nhello world\n');
    expect(() => readAuthorizedKeys(junk)).toThrow(`${junk}:2: "hello" is not an SSH public key type`);
    const broken = join(dir, 'broken');
    writeFileSync(broken, 'ssh-ed25519 AAAAnotbase64key\n');
    expect(() => readAuthorizedKeys(broken)).toThrow(`${broken}:1: the ssh-ed25519 key cannot be read`);
  });

  it('reports a missing file', () => {
    const path = join(tempDir('authkeys'), 'nope');
    expect(() => readAuthorizedKeys(path)).toThrow(`${path}: cannot read the authorized keys: no such file`);
  });
});
