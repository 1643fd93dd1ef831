import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import type { SafeStorageCipher } from './desktopSecrets.js';
import { loadSigningSecret, SIGNING_SECRET_FILE } from './signingSecret.js';

const xor = (k: number): SafeStorageCipher => ({
  encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ k)),
  decryptString: (encrypted) => Buffer.from([...encrypted].map((b) => b ^ k)).toString('utf8'),
});

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe('the signing secret main keeps for the backend process', () => {
  it('is made once, stored encrypted and private, and read back the same', () => {
    const secret = loadSigningSecret(dir, xor(0x33));
    expect(Buffer.from(secret, 'base64')).toHaveLength(32);
    const file = path.join(dir, SIGNING_SECRET_FILE);
    expect(fs.readFileSync(file).toString('utf8')).not.toContain(secret);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSigningSecret(dir, xor(0x33))).toBe(secret);
  });

  it('is left as it is when the key store cannot read it now; this run gets a secret kept nowhere', () => {
    const secret = loadSigningSecret(dir, xor(0x33));
    const stored = fs.readFileSync(path.join(dir, SIGNING_SECRET_FILE));
    const other = loadSigningSecret(dir, xor(0x44));
    expect(other).not.toBe(secret);
    expect(Buffer.from(other, 'base64')).toHaveLength(32);
    expect(loadSigningSecret(dir, xor(0x44))).not.toBe(other);
    expect(fs.readFileSync(path.join(dir, SIGNING_SECRET_FILE)).equals(stored)).toBe(true);
    // The key store is back: the stored secret again.
    expect(loadSigningSecret(dir, xor(0x33))).toBe(secret);
  });
});
