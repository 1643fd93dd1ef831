/**
 * Each profile's Ed25519 key pair (`signing_keys`, migration 0180). A key is unlocked (opened by
 * the `KeyProtector`) at most once per app run and kept in memory; a profile without a key it can
 * open gets a new one, recorded in the audit chain (`key-created`, with its public key), so every
 * signature ever made stays verifiable.
 *
 * Protection: a profile that set a passphrase (Settings → Signing key, `unlock`) has its key
 * sealed with it (`user-passphrase`) and must unlock it once per run (SIGNING_KEY_LOCKED until
 * then). Otherwise the composition root's protector seals it (safeStorage in Electron,
 * VERSO_SIGNING_PASSPHRASE in browser mode), or `sessionProtector()`: a random secret that lives
 * only in this process, so a private key is never usable from the data folder alone, at the price
 * of a new key per profile per app start.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { appendAuditEntry } from '../repositories/audit/auditRepo.js';
import { keyCreatedPayload } from './auditEntries.js';
import { ed25519Signer, generateEd25519, keyIdOf } from '../../core/crypto.js';
import { KeyLockedError, PASSPHRASE_COST, passphraseProtector, type KeyProtector, type ScryptCost } from './keyProtection.js';
import { ServiceError } from '../../core/serviceError.js';

export interface UnlockedKey {
  keyId: string;
  publicKey: string;
  sign(message: string): string;
}

/** A random 256-bit secret needs no stretching, hence scrypt's lowest sensible cost. */
export function sessionProtector(): KeyProtector {
  return passphraseProtector(randomBytes(32).toString('base64'), { N: 2 ** 10, r: 8, p: 1 }, 'process-session');
}

/** Keys sealed with a passphrase the person typed (Settings → Signing key): never replaced silently. */
export const USER_PASSPHRASE = 'user-passphrase';

export type SigningKeyState = 'none' | 'locked' | 'unlocked';

export function createSigningKeys(
  db: Database.Database,
  protector: KeyProtector,
  now: () => Date = () => new Date(),
  userCost: ScryptCost = PASSPHRASE_COST,
) {
  const unlocked = new Map<string, UnlockedKey>();
  const keysOf = db.prepare<[string], { key_id: string; public_key: string; sealed_private_key: string; protection: string }>(
    'SELECT key_id, public_key, sealed_private_key, protection FROM signing_keys WHERE profile_id = ? ORDER BY created_at DESC, rowid DESC',
  );
  const insertKey = db.prepare(
    'INSERT INTO signing_keys (key_id, profile_id, public_key, sealed_private_key, protection, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const passphraseKeyStmt = db.prepare<[string], { one: number }>(
    `SELECT 1 AS one FROM signing_keys WHERE profile_id = ? AND protection = '${USER_PASSPHRASE}' LIMIT 1`,
  );
  const publicKeyStmt = db.prepare<[string], { public_key: string; profile_id: string }>(
    'SELECT public_key, profile_id FROM signing_keys WHERE key_id = ?',
  );

  const protectionStmt = db.prepare<[string], { protection: string }>('SELECT protection FROM signing_keys WHERE key_id = ?');

  function toUnlocked(keyId: string, publicKey: string, privateKeyDer: Buffer): UnlockedKey {
    return { keyId, publicKey, sign: ed25519Signer(privateKeyDer) };
  }

  function create(profileId: string, protector: KeyProtector): UnlockedKey {
    const pair = generateEd25519();
    const keyId = keyIdOf(pair.publicKey);
    const at = now().toISOString();
    insertKey.run(keyId, profileId, pair.publicKey, protector.seal(pair.privateKeyDer), protector.method, at);
    appendAuditEntry(db, {
      kind: 'key-created',
      documentId: null,
      paragraphId: null,
      revisionId: null,
      build: () => ({
        payload: keyCreatedPayload({ profileId, keyId, publicKey: pair.publicKey, protection: protector.method, at }),
        keyId,
      }),
    });
    return toUnlocked(keyId, pair.publicKey, pair.privateKeyDer);
  }

  return {
    /**
     * The profile's key, unlocked (opened once, then from memory), or a new one. A profile whose
     * key is sealed with its own passphrase must unlock it first (`SIGNING_KEY_LOCKED`).
     */
    keyFor(profileId: string): UnlockedKey {
      const cached = unlocked.get(profileId);
      // A key made in a transaction that was rolled back is gone from the table: make another.
      if (cached && publicKeyStmt.get(cached.keyId)) return cached;
      const rows = keysOf.all(profileId);
      if (rows.some((r) => r.protection === USER_PASSPHRASE)) {
        throw new ServiceError(
          'SIGNING_KEY_LOCKED',
          'Your signing key is locked: enter your signing passphrase under Settings → Signing key, then sign off again.',
        );
      }
      let key: UnlockedKey | null = null;
      for (const row of rows) {
        try {
          key = toUnlocked(row.key_id, row.public_key, protector.open(row.sealed_private_key));
          break;
        } catch (err) {
          if (!(err instanceof KeyLockedError)) throw err;
        }
      }
      key ??= create(profileId, protector);
      unlocked.set(profileId, key);
      return key;
    },
    /** The profile has a key sealed with a passphrase the person set (switching to it needs it). */
    hasPassphrase(profileId: string): boolean {
      return passphraseKeyStmt.get(profileId) !== undefined;
    },
    /** About the passphrase-sealed key only: a key sealed otherwise (this run, safeStorage, the environment) leaves it `none`, so a passphrase can still be set. */
    state(profileId: string): SigningKeyState {
      const sealed = keysOf.all(profileId).find((r) => r.protection === USER_PASSPHRASE);
      if (!sealed) return 'none';
      return unlocked.get(profileId)?.keyId === sealed.key_id ? 'unlocked' : 'locked';
    },
    /**
     * Unlocks the profile's passphrase-sealed key for this run, or, when it has none yet, makes
     * one sealed with this passphrase (scrypt + AES-256-GCM). A wrong passphrase: SIGNING_PASSPHRASE_WRONG.
     */
    unlock(profileId: string, passphrase: string): { keyId: string; created: boolean } {
      const userProtector = passphraseProtector(passphrase, userCost, USER_PASSPHRASE);
      const row = keysOf.all(profileId).find((r) => r.protection === USER_PASSPHRASE);
      if (!row) {
        const key = db.transaction(() => create(profileId, userProtector))();
        unlocked.set(profileId, key);
        return { keyId: key.keyId, created: true };
      }
      try {
        unlocked.set(profileId, toUnlocked(row.key_id, row.public_key, userProtector.open(row.sealed_private_key)));
      } catch (err) {
        if (err instanceof KeyLockedError)
          throw new ServiceError('SIGNING_PASSPHRASE_WRONG', 'This is not the passphrase of your signing key.');
        throw err;
      }
      return { keyId: row.key_id, created: false };
    },
    /** How a stored key is sealed (`process-session`: a new key at every app start). */
    protectionOf(keyId: string): string | null {
      return protectionStmt.get(keyId)?.protection ?? null;
    },
    /** A stored public key (base64) and its profile, for verification. */
    publicKey(keyId: string): { publicKey: string; profileId: string } | null {
      const row = publicKeyStmt.get(keyId);
      return row ? { publicKey: row.public_key, profileId: row.profile_id } : null;
    },
  };
}

export type SigningKeys = ReturnType<typeof createSigningKeys>;
