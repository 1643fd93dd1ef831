/**
 * The desktop app's store of MT engines' API keys: `<data dir>/engine-keys.json` encrypted with
 * Electron's safeStorage when keyStoragePolicy allows it; otherwise nothing is written and saving
 * a key fails with the KEY_STORE_* code saying why (the VERSO_*_KEY environment variables still work).
 */
import path from 'node:path';
import { ServiceError } from '../core/serviceError.js';
import type { KeyStorageDecision } from './keyStoragePolicy.js';
import { createFileSecretStore, SECRET_FILE_NAME, type SecretCipher, type SecretStore } from '../engines/secretStore.js';

/** Electron's safeStorage, the part used. */
export interface SafeStorageCipher {
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The encoding name stored in the file (the same as before issue 13, so stored keys still read). */
export const SAFE_STORAGE_CIPHER = 'electron-safeStorage';

export function createDesktopSecretStore(
  dataDir: string,
  env: Readonly<Record<string, string | undefined>>,
  safeStorage: SafeStorageCipher,
  decision: KeyStorageDecision,
): SecretStore {
  const cipher: SecretCipher | null = decision.allowed
    ? {
        name: SAFE_STORAGE_CIPHER,
        encrypt: (plain) => safeStorage.encryptString(plain),
        decrypt: (encrypted) => safeStorage.decryptString(encrypted),
      }
    : null;
  return createFileSecretStore({
    file: path.join(dataDir, SECRET_FILE_NAME),
    env,
    cipher: async () => cipher,
    refuseUnencrypted: () => (decision.allowed ? new Error('unreachable') : new ServiceError(decision.code, decision.message)),
  });
}
