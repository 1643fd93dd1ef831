/**
 * Whether the desktop app may store keys (MT engines' API keys, profiles' signing keys) with
 * Electron's safeStorage. Refused when encryption is unavailable, and on Linux when safeStorage
 * chose `basic_text` (no GNOME Keyring / KWallet: the "encryption" uses a fixed password anyone
 * can read in Chromium's source, so the key would be plain text in effect) or could not tell
 * (`unknown`). Then engine keys are not stored (KEY_STORE_* error; the environment variables
 * still work) and signing keys stay sealed for this process only (signingKeys.sessionProtector).
 */
import type { KeyStoreErrorCode } from '../../shared/keyStoreErrors.js';

export type KeyStorageDecision = { allowed: true } | { allowed: false; code: KeyStoreErrorCode; message: string };

const MESSAGES: Readonly<Record<KeyStoreErrorCode, string>> = {
  KEY_STORE_UNAVAILABLE:
    'The key was not stored: the operating system offers no protected key store, and Verso never keeps keys as plain text.',
  KEY_STORE_PLAIN_TEXT:
    'The key was not stored: no keyring (GNOME Keyring or KWallet) is running, so the system would keep it as plain text (safeStorage backend "basic_text").',
};

/**
 * @param encryptionAvailable `safeStorage.isEncryptionAvailable()` (after the app is ready)
 * @param linuxBackend `safeStorage.getSelectedStorageBackend()` on Linux, null elsewhere
 */
export function decideKeyStorage(encryptionAvailable: boolean, linuxBackend: string | null): KeyStorageDecision {
  const refuse = (code: KeyStoreErrorCode): KeyStorageDecision => ({ allowed: false, code, message: MESSAGES[code] });
  if (!encryptionAvailable) return refuse('KEY_STORE_UNAVAILABLE');
  if (linuxBackend === null) return { allowed: true };
  if (linuxBackend === 'basic_text') return refuse('KEY_STORE_PLAIN_TEXT');
  if (linuxBackend === 'unknown') return refuse('KEY_STORE_UNAVAILABLE');
  return { allowed: true };
}

/** Electron's safeStorage, the part read. */
export interface SafeStorageProbe {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
}

export function probeKeyStorage(safeStorage: SafeStorageProbe, platform: NodeJS.Platform): KeyStorageDecision {
  let available: boolean;
  let backend: string | null = null;
  try {
    available = safeStorage.isEncryptionAvailable();
    if (platform === 'linux') backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  } catch {
    available = false;
  }
  return decideKeyStorage(available, backend);
}

/** The warning shown once at start when keys cannot be stored (Electron's MessageBoxOptions, the part used). */
export function keyStoreNotice(t: (key: string) => string, decision: KeyStorageDecision) {
  if (decision.allowed) return null;
  return {
    type: 'warning' as const,
    title: t('keyStore.title'),
    message: t(`keyStore.${decision.code}`),
    detail: t('keyStore.consequence'),
    buttons: [t('keyStore.ok')],
    noLink: true as const,
  };
}
