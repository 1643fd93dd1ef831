/**
 * Each profile's Ed25519 key pair (`signing_keys`, migration 0180). A key is unlocked (opened by
 * the `KeyProtector`) at most once per app run and kept in memory; a profile without a key it can
 * open gets a new one, recorded in the audit chain (`key-created`, with its public key), so every
 * signature ever made stays verifiable.
 *
 * Interim (issue 12, see README): nobody types a passphrase yet. Unless the composition root gives
 * a protector, `sessionProtector()` seals keys with a random secret that lives only in this
 * process: a private key is never usable from the data folder alone (a copied or edited library
 * cannot be re-signed), at the price of a new key per profile per app start.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { appendAuditEntry } from '../db/repositories/audit/auditRepo.js';
import { keyCreatedPayload } from './auditEntries.js';
import { generateEd25519, keyIdOf, signEd25519 } from './crypto.js';
import { KeyLockedError, passphraseProtector, type KeyProtector } from './keyProtection.js';

export interface UnlockedKey {
  keyId: string;
  publicKey: string;
  sign(message: string): string;
}

/** A random 256-bit secret needs no stretching, hence scrypt's lowest sensible cost. */
export function sessionProtector(): KeyProtector {
  return passphraseProtector(randomBytes(32).toString('base64'), { N: 2 ** 10, r: 8, p: 1 });
}

export function createSigningKeys(db: Database.Database, protector: KeyProtector, now: () => Date = () => new Date()) {
  const unlocked = new Map<string, UnlockedKey>();
  const keysOf = db.prepare<[string], { key_id: string; public_key: string; sealed_private_key: string }>(
    'SELECT key_id, public_key, sealed_private_key FROM signing_keys WHERE profile_id = ? ORDER BY created_at DESC, rowid DESC',
  );
  const insertKey = db.prepare(
    'INSERT INTO signing_keys (key_id, profile_id, public_key, sealed_private_key, protection, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const publicKeyStmt = db.prepare<[string], { public_key: string; profile_id: string }>('SELECT public_key, profile_id FROM signing_keys WHERE key_id = ?');

  function toUnlocked(keyId: string, publicKey: string, privateKeyDer: Buffer): UnlockedKey {
    return { keyId, publicKey, sign: (message) => signEd25519(privateKeyDer, message) };
  }

  function create(profileId: string): UnlockedKey {
    const pair = generateEd25519();
    const keyId = keyIdOf(pair.publicKey);
    const at = now().toISOString();
    insertKey.run(keyId, profileId, pair.publicKey, protector.seal(pair.privateKeyDer), protector.method, at);
    appendAuditEntry(db, {
      kind: 'key-created',
      documentId: null,
      paragraphId: null,
      revisionId: null,
      build: () => ({ payload: keyCreatedPayload({ profileId, keyId, publicKey: pair.publicKey, protection: protector.method, at }), keyId }),
    });
    return toUnlocked(keyId, pair.publicKey, pair.privateKeyDer);
  }

  return {
    /** The profile's key, unlocked (opened once, then from memory), or a new one. */
    keyFor(profileId: string): UnlockedKey {
      const cached = unlocked.get(profileId);
      // A key made in a transaction that was rolled back is gone from the table: make another.
      if (cached && publicKeyStmt.get(cached.keyId)) return cached;
      let key: UnlockedKey | null = null;
      for (const row of keysOf.all(profileId)) {
        try {
          key = toUnlocked(row.key_id, row.public_key, protector.open(row.sealed_private_key));
          break;
        } catch (err) {
          if (!(err instanceof KeyLockedError)) throw err;
        }
      }
      key ??= create(profileId);
      unlocked.set(profileId, key);
      return key;
    },
    /** A stored public key (base64) and its profile, for verification. */
    publicKey(keyId: string): { publicKey: string; profileId: string } | null {
      const row = publicKeyStmt.get(keyId);
      return row ? { publicKey: row.public_key, profileId: row.profile_id } : null;
    },
  };
}

export type SigningKeys = ReturnType<typeof createSigningKeys>;
