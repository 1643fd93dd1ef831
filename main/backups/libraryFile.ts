/** Is this file a readable, undamaged Verso library this version can open? Reads only. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { MIGRATIONS } from '../db/migrations/index.js';

export type LibraryFileProblem = 'BACKUP_NOT_FOUND' | 'BACKUP_NOT_A_LIBRARY' | 'BACKUP_DAMAGED' | 'DB_TOO_NEW';

export type LibraryFileCheck = { ok: true; schemaVersion: number } | { ok: false; code: LibraryFileProblem; message: string };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Tables every Verso library has had since its first schema. */
const VERSO_TABLES = ['profiles', 'settings', 'documents', 'paragraphs', 'revisions'];

function header(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_MAGIC.length);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

export function checkLibraryFile(file: string): LibraryFileCheck {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return { ok: false, code: 'BACKUP_NOT_FOUND', message: `There is no file ${file}.` };
  }
  if (!st.isFile()) return { ok: false, code: 'BACKUP_NOT_A_LIBRARY', message: `${file} is not a file.` };
  if (st.size === 0) return { ok: false, code: 'BACKUP_NOT_A_LIBRARY', message: `${file} is empty (0 bytes), not a Verso library.` };
  if (!header(file).equals(SQLITE_MAGIC))
    return { ok: false, code: 'BACKUP_NOT_A_LIBRARY', message: `${file} is not a Verso library (not an SQLite database).` };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') return { ok: false, code: 'BACKUP_DAMAGED', message: `${file} is damaged (quick_check: ${String(result)}).` };
    const tables = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => r.name),
    );
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0 || VERSO_TABLES.some((t) => !tables.has(t))) {
      return { ok: false, code: 'BACKUP_NOT_A_LIBRARY', message: `${file} is an SQLite database but not a Verso library.` };
    }
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (version > latest) {
      return {
        ok: false,
        code: 'DB_TOO_NEW',
        message: `${file} was written by a newer version of Verso (schema ${version}; this version knows up to ${latest}).`,
      };
    }
    return { ok: true, schemaVersion: version };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB')
      return { ok: false, code: 'BACKUP_NOT_A_LIBRARY', message: `${file} is not a Verso library (not an SQLite database).` };
    return {
      ok: false,
      code: 'BACKUP_DAMAGED',
      message: `${file} is damaged or unreadable (${err instanceof Error ? err.message : String(err)}).`,
    };
  } finally {
    db?.close();
  }
}
