/** SHA-256 and Ed25519 with `node:crypto` (no other dependency). Keys travel as base64 of raw 32-byte public keys / PKCS#8 DER private keys. */
import { createHash, hash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

// One-shot `hash` (Node ≥ 20.12) skips the Hash object: three per audit link.
const oneShot = typeof hash === 'function';

export function sha256Hex(text: string): string {
  return oneShot ? hash('sha256', text, 'hex') : createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface Ed25519KeyPair {
  /** base64 of the raw 32-byte public key. */
  publicKey: string;
  /** PKCS#8 DER of the private key (keep it in memory only; `keyProtection.ts` seals it at rest). */
  privateKeyDer: Buffer;
}

/** The SPKI DER prefix of an Ed25519 public key (RFC 8410), before the 32 raw bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function generateEd25519(): Ed25519KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: rawPublicKey(publicKey), privateKeyDer: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

function rawPublicKey(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(ED25519_SPKI_PREFIX.length).toString('base64');
}

function publicKeyObject(publicKeyB64: string): KeyObject {
  const raw = Buffer.from(publicKeyB64, 'base64');
  if (raw.length !== 32) throw new Error('An Ed25519 public key has 32 bytes.');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The raw public key (base64, as Verso stores it) as a standard SPKI PEM file, for a team admin to register. */
export function publicKeyPem(publicKeyB64: string): string {
  return publicKeyObject(publicKeyB64).export({ format: 'pem', type: 'spki' }).toString();
}

/** The raw public key (base64) in an SPKI PEM, or null when the text is not an Ed25519 public key. */
export function rawPublicKeyFromPem(pem: string): string | null {
  try {
    const key = createPublicKey({ key: pem, format: 'pem' });
    return key.asymmetricKeyType === 'ed25519' ? rawPublicKey(key) : null;
  } catch {
    return null;
  }
}

/** A key's id: the first 32 hex digits of the SHA-256 of its raw public key. */
export function keyIdOf(publicKeyB64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex').slice(0, 32);
}

export function publicKeyOf(privateKeyDer: Buffer): string {
  return rawPublicKey(createPublicKey(createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' })));
}

/** A signer over one private key, parsed once (parsing costs more than signing). */
export function ed25519Signer(privateKeyDer: Buffer): (message: string) => string {
  const key = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  return (message) => sign(null, Buffer.from(message, 'utf8'), key).toString('base64');
}

/** Ed25519 signature (base64) of the UTF-8 bytes of `message`. */
export function signEd25519(privateKeyDer: Buffer, message: string): string {
  return ed25519Signer(privateKeyDer)(message);
}

// Public keys parsed once each (a library has a handful; verification runs per paragraph).
const publicKeys = new Map<string, KeyObject>();

/** False for a wrong signature, a malformed key or a malformed signature (never throws). */
export function verifyEd25519(publicKeyB64: string, message: string, signatureB64: string): boolean {
  try {
    let key = publicKeys.get(publicKeyB64);
    if (!key) {
      key = publicKeyObject(publicKeyB64);
      if (publicKeys.size > 1000) publicKeys.clear();
      publicKeys.set(publicKeyB64, key);
    }
    return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}
