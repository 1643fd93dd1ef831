/**
 * A deleted document's tombstone keeps hashes of what was deleted: per paragraph the SHA-256 of
 * its source and target and whether it was signed off (JSON), and one SHA-256 over that list, so
 * the record shows what was deleted without keeping the text. Rows deleted before this migration
 * have none (NULL).
 */
import type { Migration } from './types.js';

export const migration0200DeletionHashes: Migration = {
  version: 200,
  name: 'deletion-hashes',
  up(db) {
    db.exec(`
      ALTER TABLE library_deletions ADD COLUMN paragraph_hashes TEXT;
      ALTER TABLE library_deletions ADD COLUMN content_sha256 TEXT;
    `);
  },
};
