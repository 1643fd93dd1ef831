import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { createAppSecretStore, createFileSecretStore, SECRET_FILE_NAME, type SecretCipher } from './secretStore.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

/** A reversible stand-in for Electron's safeStorage (which only exists inside Electron). */
const rot: SecretCipher = {
  name: 'test-cipher',
  encrypt: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
  decrypt: (encrypted) => Buffer.from([...encrypted].map((b) => b ^ 0x5a)).toString('utf8'),
};

describe('file secret store', () => {
  it('keeps keys in a file only the user can read, and uses the environment when none is stored', async () => {
    const store = createAppSecretStore(dir, { VERSO_DEEPL_KEY: 'env-deepl', VERSO_OPENAI_KEY: '  ' });
    expect(await store.get('deepl')).toBe('env-deepl');
    expect(await store.source('deepl')).toBe('environment');
    expect(await store.source('openai')).toBeNull();
    await store.set('deepl', 'stored-deepl');
    await store.set('libretranslate', 'stored-libre');
    expect(await store.get('deepl')).toBe('stored-deepl');
    expect(await store.source('deepl')).toBe('stored');
    const file = path.join(dir, SECRET_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    await store.delete('deepl');
    expect(await store.get('deepl')).toBe('env-deepl');
    expect(await store.get('libretranslate')).toBe('stored-libre');
    expect(fs.readdirSync(dir)).toEqual([SECRET_FILE_NAME]);
  });

  it('narrows the file mode again when someone widened it', async () => {
    const store = createAppSecretStore(dir, {});
    await store.set('openai', 'k');
    const file = path.join(dir, SECRET_FILE_NAME);
    fs.chmodSync(file, 0o644);
    expect(await store.get('openai')).toBe('k');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('encrypts keys at rest with the cipher (safeStorage in the desktop app); without it they read as unset', async () => {
    const file = path.join(dir, SECRET_FILE_NAME);
    const encrypted = createFileSecretStore({ file, env: {}, cipher: async () => rot });
    await encrypted.set('deepl', 'secret-key-123');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('secret-key-123');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ version: 1, encoding: 'test-cipher' });
    expect(await encrypted.get('deepl')).toBe('secret-key-123');
    // Browser mode cannot decrypt what the desktop app stored: as if no key were stored.
    const plain = createFileSecretStore({ file, env: { VERSO_DEEPL_KEY: 'from-env' }, cipher: async () => null });
    expect(await plain.get('deepl')).toBe('from-env');
    expect(await plain.source('deepl')).toBe('environment');
  });

  it('treats a damaged file as holding no keys, and replaces it on the next save', async () => {
    const file = path.join(dir, SECRET_FILE_NAME);
    fs.writeFileSync(file, '{not json', { mode: 0o600 });
    const store = createFileSecretStore({ file, env: {}, cipher: async () => null });
    expect(await store.get('deepl')).toBeNull();
    await store.set('deepl', 'k');
    expect(await store.get('deepl')).toBe('k');
  });
});
