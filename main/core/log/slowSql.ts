/**
 * Slow SQL lines: every statement the library prepares is timed when it runs (`run`, `get`, `all`);
 * one that takes `SLOW_MS` or longer is logged by its verb and table only (e.g. `UPDATE paragraphs`),
 * never its text or bound values. One place (the connection's `prepare`), not every query.
 */
import type Database from 'better-sqlite3';
import { appLog, logIfSlow, SLOW_MS, type AppLog } from './logger.js';

const TIMED = ['run', 'get', 'all'] as const;

/** `INSERT INTO revisions (…)` → `INSERT revisions`; the verb and first table named, nothing else. */
export function sqlSummary(sql: string): string {
  const verb = /^\s*(?:WITH\b[\s\S]*?\)\s*)?([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
  const table = /\b(?:FROM|INTO|UPDATE|JOIN)\s+["`[]?([A-Za-z_][A-Za-z0-9_]*)/i.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb;
}

export interface SlowSqlOptions {
  log?: () => AppLog;
  now?: () => number;
  thresholdMs?: number;
}

/** Makes `db.prepare` hand out statements that log themselves when slow. */
export function timeStatements(db: Database.Database, options: SlowSqlOptions = {}): void {
  const log = options.log ?? appLog;
  const now = options.now ?? (() => performance.now());
  const threshold = options.thresholdMs ?? SLOW_MS;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const name = sqlSummary(sql);
    for (const method of TIMED) {
      const original = statement[method].bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = function timed(this: unknown, ...args: unknown[]): unknown {
        const started = now();
        try {
          return original(...args);
        } finally {
          logIfSlow(log(), 'sql', name, now() - started, threshold);
        }
      };
    }
    return statement;
  }) as typeof db.prepare;
}
