/**
 * Signing keys sealed directly with Electron's safeStorage before the backend left the main
 * process (issue 15): read once at start, before the library is opened for work, so main can open
 * them (signingProtector.ts). A library without the table, or one that cannot be read, has none.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { isDirectSafeStorageRecord, SAFE_STORAGE_METHOD } from './signingProtector.js';

export function readDirectSafeStorageRecords(dbPath: string, nativeBinding?: string): string[] {
  if (!fs.existsSync(dbPath)) return [];
  let db: Database.Database | null = null;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db
      .prepare<[string], { sealed: string }>('SELECT sealed_private_key AS sealed FROM signing_keys WHERE protection = ?')
      .all(SAFE_STORAGE_METHOD);
    return rows.map((r) => r.sealed).filter(isDirectSafeStorageRecord);
  } catch {
    return [];
  } finally {
    db?.close();
  }
}
