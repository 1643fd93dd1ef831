/** Issue 15, item 8: SQL statements over the threshold get a log line naming verb and table only. */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { openFileLog, type AppLog } from './logger.js';
import { sqlSummary, timeStatements } from './slowSql.js';

let dir = '';
let log: AppLog | null = null;
afterEach(() => {
  log?.close();
  removeTempDir(dir);
});

describe('slow SQL lines', () => {
  it('name a statement by its verb and table, never its text', () => {
    expect(sqlSummary('INSERT INTO revisions (id, text) VALUES (?, ?)')).toBe('INSERT revisions');
    expect(sqlSummary('  update paragraphs SET target = ? WHERE id = ?')).toBe('UPDATE paragraphs');
    expect(sqlSummary('SELECT p.id FROM "paragraphs" p JOIN documents d ON d.id = p.document_id')).toBe('SELECT paragraphs');
    expect(sqlSummary('PRAGMA quick_check')).toBe('PRAGMA');
  });

  it('log the statements that took the threshold or longer, with their duration; results unchanged', () => {
    dir = makeTempDir();
    log = openFileLog(dir, 'info');
    const db = new Database(':memory:');
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    // Each execution takes 10 ms, except the third, 300 ms (a clock the test moves; no real waiting).
    const durations = [10, 10, 300, 10];
    let t = 0;
    let calls = 0;
    timeStatements(db, { log: () => log!, now: () => (calls++ % 2 === 0 ? t : (t += durations[(calls - 2) / 2]!)) });
    const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
    expect(insert.run('private draft one').changes).toBe(1);
    expect(insert.run('private draft two').changes).toBe(1);
    expect(db.prepare('SELECT text FROM notes ORDER BY id').pluck().all()).toEqual(['private draft one', 'private draft two']);
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 2 });
    const text = fs.readFileSync(log.file!, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'slow sql', kind: 'sql', name: 'SELECT notes', ms: 300 })]);
    expect(text).not.toContain('private draft');
    expect(text).not.toContain('ORDER BY');
    db.close();
  });
});
