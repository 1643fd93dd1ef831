import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { perConnection } from './perConnection.js';

describe('perConnection', () => {
  it('prepares once per connection, and apart for each connection', () => {
    let prepared = 0;
    const stmts = perConnection((db) => {
      prepared++;
      return { one: db.prepare('SELECT 1 AS n') };
    });
    const a = new Database(':memory:');
    const b = new Database(':memory:');
    expect(stmts(a)).toBe(stmts(a));
    expect(stmts(b)).not.toBe(stmts(a));
    expect(stmts(b).one.get()).toEqual({ n: 1 });
    expect(prepared).toBe(2);
    a.close();
    b.close();
  });
});
