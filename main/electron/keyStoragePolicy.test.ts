import { describe, expect, it } from 'vitest';
import { decideKeyStorage, keyStoreNotice, probeKeyStorage } from './keyStoragePolicy.js';

describe('decideKeyStorage (may keys be stored with safeStorage?)', () => {
  it('allows a real key store: Keychain, DPAPI, libsecret, KWallet', () => {
    expect(decideKeyStorage(true, null)).toEqual({ allowed: true });
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])
      expect(decideKeyStorage(true, backend), backend).toEqual({ allowed: true });
  });

  it("refuses Linux's basic_text backend (plain text in effect), saying why", () => {
    const d = decideKeyStorage(true, 'basic_text');
    expect(d).toMatchObject({ allowed: false, code: 'KEY_STORE_PLAIN_TEXT' });
    expect(d.allowed ? '' : d.message).toMatch(/plain text/);
    expect(d.allowed ? '' : d.message).toMatch(/basic_text/);
  });

  it('refuses when encryption is unavailable or the backend cannot be told', () => {
    for (const backend of [null, 'gnome_libsecret', 'basic_text']) {
      expect(decideKeyStorage(false, backend), String(backend)).toMatchObject({ allowed: false, code: 'KEY_STORE_UNAVAILABLE' });
    }
    expect(decideKeyStorage(true, 'unknown')).toMatchObject({ allowed: false, code: 'KEY_STORE_UNAVAILABLE' });
  });
});

describe('probeKeyStorage', () => {
  it('asks for the backend on Linux only', () => {
    const basic = { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text' };
    expect(probeKeyStorage(basic, 'linux')).toMatchObject({ allowed: false, code: 'KEY_STORE_PLAIN_TEXT' });
    expect(probeKeyStorage(basic, 'darwin')).toEqual({ allowed: true });
    expect(probeKeyStorage({ isEncryptionAvailable: () => true }, 'linux')).toMatchObject({
      allowed: false,
      code: 'KEY_STORE_UNAVAILABLE',
    });
  });

  it('treats a throwing safeStorage as unavailable', () => {
    const broken = {
      isEncryptionAvailable: (): boolean => {
        throw new Error('not ready');
      },
    };
    expect(probeKeyStorage(broken, 'win32')).toMatchObject({ allowed: false, code: 'KEY_STORE_UNAVAILABLE' });
  });
});

describe('keyStoreNotice', () => {
  it('says at start why keys are not stored, and nothing when they are', async () => {
    const { createMainI18n } = await import('./mainI18n.js');
    // Untyped keys: the tests' project sees the renderer's typed i18next resources.
    const translator = (i: Awaited<ReturnType<typeof createMainI18n>>) => (key: string) => String((i.t as (k: string) => unknown)(key));
    const t = translator(await createMainI18n('de-DE'));
    expect(keyStoreNotice(t, decideKeyStorage(true, 'kwallet6'))).toBeNull();
    const notice = keyStoreNotice(t, decideKeyStorage(true, 'basic_text'));
    expect(notice?.message).toMatch(/Klartext/);
    expect(notice?.detail).toMatch(/Signaturschlüssel/);
    const en = translator(await createMainI18n('en-US'));
    expect(keyStoreNotice(en, decideKeyStorage(false, null))?.message).toMatch(/no protected key store/);
  });
});
