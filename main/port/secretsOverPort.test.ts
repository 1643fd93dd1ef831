/**
 * Engine keys and signing keys between the backend process and main: main's safeStorage-backed
 * store answers over a real MessagePort; its refusals arrive as the same ServiceError codes.
 */
import { generateKeyPairSync } from 'node:crypto';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { ServiceError } from '../core/serviceError.js';
import { createDesktopSecretStore, type SafeStorageCipher } from '../electron/desktopSecrets.js';
import { decideKeyStorage } from '../electron/keyStoragePolicy.js';
import { createMemorySecretStore } from '../engines/secretStore.js';
import { KeyLockedError } from '../db/audit/keyProtection.js';
import { nodePortEndpoint } from './endpoints.js';
import { createPortClient } from './portClient.js';
import { serveRequests } from './portServer.js';
import { openSigningKeysRemotely, remoteSecretStore, secretsDispatch, type OpenSealedKeys } from './secretsOverPort.js';
import { backendSigningProtector } from './signingProtector.js';

const fakeSafeStorage: SafeStorageCipher = {
  encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x33)),
  decryptString: (encrypted) => Buffer.from([...encrypted].map((b) => b ^ 0x33)).toString('utf8'),
};

let dir: string;
const ports: MessagePort[] = [];
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
  removeTempDir(dir);
});

function connect(dispatch: ReturnType<typeof secretsDispatch>) {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  serveRequests(nodePortEndpoint(port2), dispatch);
  const client = createPortClient();
  client.attach(nodePortEndpoint(port1));
  return client;
}

describe('engine keys asked of main', () => {
  it('stores, reads, names the source of and deletes a key in main’s store', async () => {
    const mainStore = createDesktopSecretStore(
      dir,
      { VERSO_DEEPL_KEY: 'env-key' },
      fakeSafeStorage,
      decideKeyStorage(true, 'gnome_libsecret'),
    );
    const store = remoteSecretStore(connect(secretsDispatch(mainStore)));
    await store.set('openai', 'sk-over-the-port');
    expect(await mainStore.get('openai')).toBe('sk-over-the-port');
    expect(await store.get('openai')).toBe('sk-over-the-port');
    expect(await store.source('openai')).toBe('stored');
    expect(await store.source('deepl')).toBe('environment');
    expect(await store.get('libretranslate')).toBeNull();
    await store.delete('openai');
    expect(await mainStore.get('openai')).toBeNull();
  });

  it('passes main’s refusal on as the same error (no real key store: KEY_STORE_PLAIN_TEXT)', async () => {
    const mainStore = createDesktopSecretStore(dir, {}, fakeSafeStorage, decideKeyStorage(true, 'basic_text'));
    const store = remoteSecretStore(connect(secretsDispatch(mainStore)));
    const err = await store.set('deepl', 'dk-1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe('KEY_STORE_PLAIN_TEXT');
  });

  it('main refuses requests that are not about a known key', async () => {
    const dispatch = secretsDispatch(createMemorySecretStore());
    expect(await dispatch('secrets.get', { name: 'aws' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch('secrets.set', { name: 'openai' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch('secrets.list', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch('listProfiles', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch('secrets.openSigningKeys', { sealed: [1] })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});

describe('signing keys in the backend process', () => {
  const der = (): Buffer => generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' });
  const secret = Buffer.alloc(32, 7).toString('base64');

  it('seals with the secret main keeps under safeStorage, and opens only with it', () => {
    const key = der();
    const protector = backendSigningProtector(secret);
    expect(protector.method).toBe('safe-storage');
    const sealed = protector.seal(key);
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(protector.open(sealed).equals(key)).toBe(true);
    expect(() => backendSigningProtector(Buffer.alloc(32, 8).toString('base64')).open(sealed)).toThrow(KeyLockedError);
  });

  it('opens a key sealed directly with safeStorage before, when main opened it at start', async () => {
    const key = der();
    const legacy = fakeSafeStorage.encryptString(key.toString('base64')).toString('base64');
    const openSealed: OpenSealedKeys = (sealed) =>
      sealed.map((s) => (s === legacy ? Buffer.from(fakeSafeStorage.decryptString(Buffer.from(s, 'base64')), 'base64') : null));
    const client = connect(secretsDispatch(createMemorySecretStore(), openSealed));
    const opened = await openSigningKeysRemotely(client, [legacy, 'bm90LW91cnM=']);
    expect([...opened.keys()]).toEqual([legacy]);
    const protector = backendSigningProtector(secret, opened);
    expect(protector.open(legacy).equals(key)).toBe(true);
    // One main could not open stays locked (the profile then gets a new key, as before).
    expect(() => protector.open('bm90LW91cnM=')).toThrow(KeyLockedError);
  });
});
