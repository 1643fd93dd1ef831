import { describe, expect, it } from 'vitest';
import { generateEd25519, publicKeyOf } from '../../core/crypto.js';
import { KeyLockedError, passphraseProtector, safeStorageProtector } from './keyProtection.js';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('passphraseProtector (scrypt + AES-256-GCM)', () => {
  it('seals a private key so that only the same passphrase opens it; the record holds no key bytes', () => {
    const { privateKeyDer, publicKey } = generateEd25519();
    const sealed = passphraseProtector('correct horse', CHEAP).seal(privateKeyDer);
    expect(sealed.startsWith('v1.scrypt.1024.8.1.')).toBe(true);
    expect(sealed).not.toContain(privateKeyDer.toString('base64'));
    expect(publicKeyOf(passphraseProtector('correct horse', CHEAP).open(sealed))).toBe(publicKey);
    expect(() => passphraseProtector('wrong horse', CHEAP).open(sealed)).toThrow(KeyLockedError);
  });
  it('refuses a record whose parameters or bytes were changed', () => {
    const p = passphraseProtector('pw', CHEAP);
    const sealed = p.seal(generateEd25519().privateKeyDer);
    expect(() => p.open(sealed.replace('.1024.', '.2048.'))).toThrow(KeyLockedError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[7]!, 'base64');
    body[0] = body[0]! ^ 1;
    parts[7] = body.toString('base64');
    expect(() => p.open(parts.join('.'))).toThrow(KeyLockedError);
    expect(() => p.open('garbage')).toThrow(KeyLockedError);
  });
  it('seals twice differently (random salt and nonce)', () => {
    const p = passphraseProtector('pw', CHEAP);
    const key = generateEd25519().privateKeyDer;
    expect(p.seal(key)).not.toBe(p.seal(key));
  });
});

describe('safeStorageProtector', () => {
  it('goes through the given safeStorage and refuses when the OS offers none', () => {
    const fake = {
      available: true,
      isEncryptionAvailable() {
        return this.available;
      },
      encryptString: (s: string) => Buffer.from(`enc:${s}`),
      decryptString: (b: Buffer) => {
        const s = b.toString();
        if (!s.startsWith('enc:')) throw new Error('bad');
        return s.slice(4);
      },
    };
    const p = safeStorageProtector(fake);
    const { privateKeyDer } = generateEd25519();
    expect(p.open(p.seal(privateKeyDer)).equals(privateKeyDer)).toBe(true);
    expect(() => p.open(Buffer.from('x').toString('base64'))).toThrow(KeyLockedError);
    fake.available = false;
    expect(() => p.seal(privateKeyDer)).toThrow(KeyLockedError);
  });
});
