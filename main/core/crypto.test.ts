import { describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  generateEd25519,
  keyIdOf,
  publicKeyOf,
  publicKeyPem,
  rawPublicKeyFromPem,
  sha256Hex,
  signEd25519,
  verifyEd25519,
} from './crypto.js';

describe('Ed25519 with node:crypto', () => {
  it('signs and verifies; another message, key or signature fails', () => {
    const a = generateEd25519();
    const b = generateEd25519();
    expect(Buffer.from(a.publicKey, 'base64')).toHaveLength(32);
    expect(publicKeyOf(a.privateKeyDer)).toBe(a.publicKey);
    const sig = signEd25519(a.privateKeyDer, 'message');
    expect(verifyEd25519(a.publicKey, 'message', sig)).toBe(true);
    expect(verifyEd25519(a.publicKey, 'messagE', sig)).toBe(false);
    expect(verifyEd25519(b.publicKey, 'message', sig)).toBe(false);
    const flipped = Buffer.from(sig, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(verifyEd25519(a.publicKey, 'message', flipped.toString('base64'))).toBe(false);
    expect(verifyEd25519('bm90IGEga2V5', 'message', sig)).toBe(false);
  });
  it('key ids are stable and distinct; sha256Hex gives the known digest of the empty text', () => {
    const a = generateEd25519();
    expect(keyIdOf(a.publicKey)).toBe(keyIdOf(a.publicKey));
    expect(keyIdOf(a.publicKey)).not.toBe(keyIdOf(generateEd25519().publicKey));
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // As UTF-8, a lone surrogate as U+FFFD (what a Hash object's update gives).
    for (const text of ['abc', 'ñandú 😀', '\ud800x', 'x'.repeat(70_000)])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(sha256Hex('\ud800')).toBe(sha256Hex('\ufffd'));
  });
});

describe('public keys as PEM (for a team admin)', () => {
  it('round-trips the raw key through SPKI PEM; refuses other keys and other text', () => {
    const pair = generateEd25519();
    const pem = publicKeyPem(pair.publicKey);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(rawPublicKeyFromPem(pem)).toBe(pair.publicKey);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(rawPublicKeyFromPem(rsa)).toBeNull();
    expect(rawPublicKeyFromPem('not a key')).toBeNull();
  });
});
