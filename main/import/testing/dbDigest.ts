/** A digest of the content of every table of a database (tests: "nothing stored changed"). */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export function dbDigest(dbPath: string): { hash: string; rows: Record<string, number> } {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const hash = createHash('sha256');
    const rows: Record<string, number> = {};
    for (const table of tables) {
      // Rows in a stable order whatever the table's kind (WITHOUT ROWID, virtual and shadow tables too).
      const all = db
        .prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`)
        .raw()
        .all()
        .map((row) =>
          JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)),
        )
        .sort();
      rows[table] = all.length;
      hash.update(table).update('\0').update(all.join('\n')).update('\0');
    }
    hash.update(String(db.pragma('user_version', { simple: true })));
    return { hash: hash.digest('hex'), rows };
  } finally {
    db.close();
  }
}
