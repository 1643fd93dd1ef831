/**
 * How the backend process seals profiles' signing keys in the desktop app. Sealing happens inside
 * a SQLite transaction, synchronously, but Electron's safeStorage exists only in the main process.
 * So main keeps one random 32-byte secret encrypted with safeStorage (main/electron/signingSecret.ts)
 * and hands it to the backend process at start over their private channel; keys are sealed with it
 * (scrypt + AES-256-GCM, keyProtection.ts). The recorded protection stays `safe-storage`: the
 * operating system's key store still guards them. Keys sealed directly with safeStorage before
 * the backend moved out (base64, no `v1.` prefix) are opened by main at start and handed over
 * (`preOpened`); one main could not open is unusable as before and the profile gets a new key.
 */
import { KeyLockedError, passphraseProtector, type KeyProtector } from '../db/audit/keyProtection.js';

/** A random secret needs no stretching: scrypt's lowest sensible cost. */
const SECRET_COST = { N: 2 ** 10, r: 8, p: 1 };

export const SAFE_STORAGE_METHOD = 'safe-storage';

/** A record sealed directly with safeStorage (before issue 15), which only main can open. */
export function isDirectSafeStorageRecord(sealed: string): boolean {
  return !sealed.startsWith('v1.');
}

export function backendSigningProtector(secretBase64: string, preOpened: ReadonlyMap<string, Buffer> = new Map()): KeyProtector {
  const wrapped = passphraseProtector(secretBase64, SECRET_COST, SAFE_STORAGE_METHOD);
  return {
    method: SAFE_STORAGE_METHOD,
    seal: (privateKeyDer) => wrapped.seal(privateKeyDer),
    open(sealed) {
      if (!isDirectSafeStorageRecord(sealed)) return wrapped.open(sealed);
      const opened = preOpened.get(sealed);
      if (!opened) throw new KeyLockedError();
      return Buffer.from(opened);
    },
  };
}
