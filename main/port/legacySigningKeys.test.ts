/**
 * Signing keys sealed directly with safeStorage before the backend left the main process are
 * found at start (for main to open), and only those.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { safeStorageProtector } from '../db/audit/keyProtection.js';
import { createSigningKeys } from '../db/audit/signingKeys.js';
import { readDirectSafeStorageRecords } from './legacySigningKeys.js';
import { backendSigningProtector } from './signingProtector.js';

const fakeSafeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (plain: string) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x33)),
  decryptString: (encrypted: Buffer) => Buffer.from([...encrypted].map((b) => b ^ 0x33)).toString('utf8'),
};

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe('signing keys sealed directly with safeStorage', () => {
  it('are read from the library; keys sealed with the backend’s secret are not', async () => {
    const backend = createBackend({
      dataDir: dir,
      mode: 'electron',
      version: '1',
      engines: [createFakeEngine()],
      backups: false,
      verifyAtStart: false,
      integrityCheckIdleMs: null,
    });
    const a = await backend.api.setProfile({ name: 'Ana Ruiz', role: 'translator' });
    const b = await backend.api.setProfile({ name: 'Bo Berg', role: 'editor' });
    backend.close();
    const dbPath = path.join(dir, 'verso.sqlite');
    const db = new Database(dbPath);
    createSigningKeys(db, safeStorageProtector(fakeSafeStorage)).keyFor(a.id);
    createSigningKeys(db, backendSigningProtector(Buffer.alloc(32, 1).toString('base64'))).keyFor(b.id);
    const legacy = db
      .prepare<[string], { sealed: string }>('SELECT sealed_private_key AS sealed FROM signing_keys WHERE profile_id = ?')
      .get(a.id)!.sealed;
    db.close();

    expect(readDirectSafeStorageRecords(dbPath)).toEqual([legacy]);
  });

  it('a library that is missing or has no such table has none', () => {
    expect(readDirectSafeStorageRecords(path.join(dir, 'missing.sqlite'))).toEqual([]);
    const other = path.join(dir, 'other.sqlite');
    new Database(other).close();
    expect(readDirectSafeStorageRecords(other)).toEqual([]);
  });
});
