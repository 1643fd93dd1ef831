import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { ServiceError } from '../core/serviceError.js';
import { createDesktopSecretStore, type SafeStorageCipher } from './desktopSecrets.js';
import { decideKeyStorage } from './keyStoragePolicy.js';
import { SECRET_FILE_NAME } from '../engines/secretStore.js';
import { createBackend } from '../backend.js';
import { createFakeEngine } from '../testing/fakeEngine.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

/** A reversible stand-in for Electron's safeStorage. */
const fakeSafeStorage: SafeStorageCipher = {
  encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x33)),
  decryptString: (encrypted) => Buffer.from([...encrypted].map((b) => b ^ 0x33)).toString('utf8'),
};

describe('desktop store of engine keys', () => {
  it('encrypts keys with safeStorage when a real key store is there', async () => {
    const store = createDesktopSecretStore(dir, {}, fakeSafeStorage, decideKeyStorage(true, 'gnome_libsecret'));
    await store.set('openai', 'sk-secret-123');
    expect(await store.get('openai')).toBe('sk-secret-123');
    const text = fs.readFileSync(path.join(dir, SECRET_FILE_NAME), 'utf8');
    expect(text).not.toContain('sk-secret-123');
    expect(JSON.parse(text)).toMatchObject({ encoding: 'electron-safeStorage' });
  });

  for (const [available, backend, code] of [
    [true, 'basic_text', 'KEY_STORE_PLAIN_TEXT'],
    [false, null, 'KEY_STORE_UNAVAILABLE'],
  ] as const) {
    it(`refuses to store a key (${code}) and writes nothing; the environment still serves`, async () => {
      const store = createDesktopSecretStore(dir, { VERSO_DEEPL_KEY: 'from-env' }, fakeSafeStorage, decideKeyStorage(available, backend));
      const err = await store.set('deepl', 'dk-secret-456').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ServiceError);
      expect((err as ServiceError).code).toBe(code);
      expect(fs.existsSync(path.join(dir, SECRET_FILE_NAME))).toBe(false);
      expect(await store.get('deepl')).toBe('from-env');
      expect(await store.source('deepl')).toBe('environment');
    });
  }
});

describe('saving an engine key in the desktop app without a real key store', () => {
  it('answers KEY_STORE_PLAIN_TEXT through the API and changes no setting', async () => {
    const secrets = createDesktopSecretStore(dir, {}, fakeSafeStorage, decideKeyStorage(true, 'basic_text'));
    const backend = createBackend({
      dataDir: dir,
      mode: 'electron',
      version: '1',
      engines: [createFakeEngine()],
      secrets,
      verifyAtStart: false,
    });
    try {
      await backend.api.setProfile({ name: 'T', role: 'translator' });
      const before = await backend.dispatch('getEngineSettings', {});
      const result = await backend.dispatch('saveEngineSettings', {
        engine: 'libretranslate',
        enabled: true,
        baseUrl: 'http://127.0.0.1:5000',
        apiKey: 'lt-secret',
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'KEY_STORE_PLAIN_TEXT' } });
      expect(await backend.dispatch('getEngineSettings', {})).toEqual(before);
      expect(fs.readdirSync(dir).filter((f) => f.includes('engine-keys'))).toEqual([]);
    } finally {
      backend.close();
    }
  });
});
