/**
 * Issue 16, offline handoff (docs/team.md#offline-handoff): the texts this library has seen of each
 * paragraph from another laptop's review package (also the sides of a conflict it kept). A package
 * this library sends lists them with its own revisions' texts, so the receiver can tell "I am behind"
 * (take the sender's text) from "we both changed it" (a conflict).
 */
import type { Migration } from './types.js';

export const migration0340ReviewPackages: Migration = {
  version: 340,
  name: 'review-packages',
  up(db) {
    db.exec(`
      CREATE TABLE review_package_seen (
        paragraph_id TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
        text_sha256  TEXT NOT NULL,
        PRIMARY KEY (paragraph_id, text_sha256)
      ) WITHOUT ROWID;
    `);
  },
};
