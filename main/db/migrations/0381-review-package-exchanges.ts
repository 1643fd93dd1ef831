/**
 * Issue 16, offline handoff (docs/team.md#offline-handoff), glossary terms in review packages:
 * - `review_package_exchanges`: when this library last sent a package of a document. A package
 *   carries its pair's glossary terms changed since then (all of them before the first).
 * - `review_package_terms`: the `updated_at` a package gave a term here. A term whose `updated_at`
 *   is still that one was not changed here since; one changed here after this library's last send
 *   is a change the other side has not seen (a package with another value then keeps this one).
 */
import type { Migration } from './types.js';

export const migration0381ReviewPackageExchanges: Migration = {
  version: 381,
  name: 'review-package-exchanges',
  up(db) {
    db.exec(`
      CREATE TABLE review_package_exchanges (
        document_id  TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        last_sent_at TEXT NOT NULL
      );
      CREATE TABLE review_package_terms (
        term_id    TEXT PRIMARY KEY REFERENCES glossary_terms (id) ON DELETE CASCADE,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
