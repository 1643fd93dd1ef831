/**
 * Private keys at rest. A `KeyProtector` seals a private key (PKCS#8 DER) into a string and
 * opens it again. Browser mode: `passphraseProtector` — scrypt (node:crypto) derives a 256-bit key
 * from the passphrase and a random salt, AES-256-GCM encrypts (random 96-bit nonce, the format
 * tag as additional data, so a changed parameter or byte fails authentication). The desktop app:
 * `safeStorageProtector` over Electron's `safeStorage` (given as an interface: main/ never imports
 * electron outside main/electron/, and the Electron binary is not available here to test it).
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

export interface KeyProtector {
  /** Names the method in the stored record (`scrypt-aes-256-gcm`, `safe-storage`). */
  readonly method: string;
  seal(privateKeyDer: Buffer): string;
  /** Throws `KeyLockedError` when the passphrase (or OS key) is wrong or the record damaged. */
  open(sealed: string): Buffer;
}

export class KeyLockedError extends Error {
  constructor(message = 'The signing key could not be unlocked (wrong passphrase or damaged key record).') {
    super(message);
    this.name = 'KeyLockedError';
  }
}

export interface ScryptCost {
  /** CPU/memory cost (a power of two). */
  N: number;
  r: number;
  p: number;
}

/** For a passphrase a person types (OWASP's scrypt floor is N=2^17 with r=8; 2^15 keeps unlocking near 100 ms here). */
export const PASSPHRASE_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

const FORMAT = 'v1';

/** Sealed record: `v1.scrypt.<N>.<r>.<p>.<salt b64>.<nonce b64>.<ciphertext b64>.<tag b64>`. */
export function passphraseProtector(passphrase: string, cost: ScryptCost = PASSPHRASE_COST, method = 'scrypt-aes-256-gcm'): KeyProtector {
  if (passphrase.length === 0) throw new Error('A passphrase must not be empty.');
  const derived = new Map<string, Buffer>();
  const derive = (salt: Buffer, c: ScryptCost) => {
    const id = `${salt.toString('base64')}.${c.N}.${c.r}.${c.p}`;
    let key = derived.get(id);
    if (!key) {
      key = scryptSync(passphrase.normalize('NFC'), salt, 32, { N: c.N, r: c.r, p: c.p, maxmem: 256 * c.N * c.r });
      derived.set(id, key);
    }
    return key;
  };
  return {
    method,
    seal(privateKeyDer) {
      const salt = randomBytes(16);
      const nonce = randomBytes(12);
      const header = `${FORMAT}.scrypt.${cost.N}.${cost.r}.${cost.p}`;
      const cipher = createCipheriv('aes-256-gcm', derive(salt, cost), nonce);
      cipher.setAAD(Buffer.from(header, 'utf8'));
      const body = Buffer.concat([cipher.update(privateKeyDer), cipher.final()]);
      return [header, salt, nonce, body, cipher.getAuthTag()].map((x) => (typeof x === 'string' ? x : x.toString('base64'))).join('.');
    },
    open(sealed) {
      const parts = sealed.split('.');
      if (parts.length !== 9 || parts[0] !== FORMAT || parts[1] !== 'scrypt') throw new KeyLockedError();
      const [N, r, p] = parts.slice(2, 5).map(Number) as [number, number, number];
      if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 2 ** 20) throw new KeyLockedError();
      const [salt, nonce, body, tag] = parts.slice(5).map((x) => Buffer.from(x, 'base64')) as [Buffer, Buffer, Buffer, Buffer];
      try {
        const decipher = createDecipheriv('aes-256-gcm', derive(salt, { N, r, p }), nonce);
        decipher.setAAD(Buffer.from(parts.slice(0, 5).join('.'), 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]);
      } catch {
        throw new KeyLockedError();
      }
    },
  };
}

/** The part of Electron's `safeStorage` used (main/electron passes the real one). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function safeStorageProtector(safeStorage: SafeStorageLike): KeyProtector {
  return {
    method: 'safe-storage',
    seal(privateKeyDer) {
      if (!safeStorage.isEncryptionAvailable())
        throw new KeyLockedError('The operating system offers no key store to protect the signing key.');
      return safeStorage.encryptString(privateKeyDer.toString('base64')).toString('base64');
    },
    open(sealed) {
      try {
        return Buffer.from(safeStorage.decryptString(Buffer.from(sealed, 'base64')), 'base64');
      } catch {
        throw new KeyLockedError();
      }
    },
  };
}
