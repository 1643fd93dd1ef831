/**
 * The secret that seals profiles' signing keys in the desktop app (main/port/signingProtector.ts):
 * 32 random bytes, kept in `<data dir>/signing-secret.bin` encrypted with Electron's safeStorage
 * (readable only by the user, mode 0600). Only main can decrypt it; it hands the secret to the
 * backend process at start over their private channel. Made on first use. A file safeStorage
 * cannot decrypt now (a keyring still locked, another user) is left as it is, since the key store
 * may come back; this run then gets a secret of its own, kept nowhere, so keys made in it last
 * only for the run (as `sessionProtector` keys do).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorageCipher } from './desktopSecrets.js';

export const SIGNING_SECRET_FILE = 'signing-secret.bin';

/** The stored secret; 'missing' when there is no file, 'unreadable' when it cannot be decrypted. */
function decrypt(file: string, safeStorage: SafeStorageCipher): { secret: string } | 'missing' | 'unreadable' {
  let encrypted: Buffer;
  try {
    encrypted = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  try {
    const secret = safeStorage.decryptString(encrypted);
    return /^[A-Za-z0-9+/]{43}=$/.test(secret) ? { secret } : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** The secret (base64), made and stored on first use. */
export function loadSigningSecret(dataDir: string, safeStorage: SafeStorageCipher): string {
  const file = path.join(dataDir, SIGNING_SECRET_FILE);
  const existing = decrypt(file, safeStorage);
  const secret = randomBytes(32).toString('base64');
  if (existing === 'unreadable') return secret;
  if (existing !== 'missing') return existing.secret;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, safeStorage.encryptString(secret), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return secret;
}
