/**
 * Why the desktop app refused to store a key (issue 13): the operating system offers no protected
 * key store, or on Linux Electron's safeStorage fell back to `basic_text` (no keyring running:
 * "encrypted" with a fixed, public password, i.e. plain text).
 */
export const KEY_STORE_ERROR_CODES = ['KEY_STORE_UNAVAILABLE', 'KEY_STORE_PLAIN_TEXT'] as const satisfies readonly string[];
export type KeyStoreErrorCode = (typeof KEY_STORE_ERROR_CODES)[number];
