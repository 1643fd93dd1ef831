/**
 * Translation memory: one unit per signed-off paragraph (kept up to date by triggers, so every
 * way of signing off or withdrawing — review, bulk sign-off, undo, re-import — reaches the TM),
 * units imported from TMX, and a term index for fuzzy lookup (main/memory/tmIndex.ts).
 *
 * The index: `tm_postings` (term hash → blocks of unit ids, clustered by term; main/memory/postings.ts)
 * and `tm_terms` (document
 * frequency per term). Tokenising needs Intl.Segmenter, so the triggers only queue work in
 * `tm_index_queue`; the TM store indexes the queue before every lookup.
 */
import type { Migration } from './types.js';

/** SQL for the primary language subtag of a column ("es-ES" → "es"); shared/memory/pair.ts agrees. */
const primary = (col: string) => `lower(CASE WHEN instr(${col}, '-') > 0 THEN substr(${col}, 1, instr(${col}, '-') - 1) ELSE ${col} END)`;

const insertFromParagraph = (p: string, from = 'documents d', where = '') => `
  INSERT INTO tm_units (pair, source_lang, target_lang, source, target, origin, paragraph_id, document_id, document_title, created_by, created_at)
  SELECT ${primary('d.source_lang')} || '>' || ${primary('d.target_lang')}, d.source_lang, d.target_lang, ${p}.source, ${p}.target,
         'signoff', ${p}.id, d.id, d.title, coalesce(${p}.signed_off_name, ''), ${p}.signed_off_at
  FROM ${from}
  WHERE d.id = ${p}.document_id ${where} AND trim(${p}.source) <> '' AND trim(${p}.target) <> ''`;

export const migration0070TranslationMemory: Migration = {
  version: 70,
  name: 'translation-memory',
  up(db) {
    db.exec(`
      CREATE TABLE tm_units (
        id              INTEGER PRIMARY KEY,
        -- primary source language '>' primary target language, e.g. 'en>es' (variants share a TM)
        pair            TEXT NOT NULL CHECK (instr(pair, '>') > 1),
        source_lang     TEXT NOT NULL,
        target_lang     TEXT NOT NULL,
        source          TEXT NOT NULL CHECK (length(trim(source)) > 0),
        target          TEXT NOT NULL CHECK (length(trim(target)) > 0),
        origin          TEXT NOT NULL CHECK (origin IN ('signoff', 'tmx')),
        -- the signed-off paragraph; NULL for TMX units and once the document is deleted (the unit stays)
        paragraph_id    TEXT UNIQUE REFERENCES paragraphs (id) ON DELETE SET NULL,
        document_id     TEXT,
        document_title  TEXT,
        created_by      TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        -- filled by the indexer: source tokens joined by U+001F, and their count
        tokens          TEXT,
        token_count     INTEGER
      );
      CREATE INDEX idx_tm_units_pair_id ON tm_units (pair, id);
      -- finds a unit already in the TM (TMX merge) without indexing whole texts
      CREATE INDEX idx_tm_units_pair_source ON tm_units (pair, substr(source, 1, 48));

      CREATE TABLE tm_terms (
        term  INTEGER PRIMARY KEY,
        df    INTEGER NOT NULL CHECK (df >= 0)
      );
      CREATE TABLE tm_postings (
        term   INTEGER NOT NULL,
        -- the first unit id of the block
        block  INTEGER NOT NULL,
        -- ascending 32-bit unit ids
        ids    BLOB NOT NULL CHECK (length(ids) % 4 = 0 AND length(ids) > 0),
        PRIMARY KEY (term, block)
      ) WITHOUT ROWID;
      CREATE TABLE tm_index_queue (
        seq      INTEGER PRIMARY KEY,
        unit_id  INTEGER NOT NULL,
        op       TEXT NOT NULL CHECK (op IN ('add', 'remove')),
        pair     TEXT NOT NULL,
        tokens   TEXT
      );

      CREATE TABLE tm_provenance (
        revision_id   INTEGER PRIMARY KEY REFERENCES revisions (id) ON DELETE CASCADE,
        paragraph_id  TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
        unit_id       INTEGER NOT NULL,
        score         INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
        unit_source   TEXT NOT NULL,
        unit_origin   TEXT NOT NULL,
        unit_by       TEXT NOT NULL,
        unit_at       TEXT NOT NULL
      );
      CREATE INDEX idx_tm_provenance_paragraph_id ON tm_provenance (paragraph_id);

      CREATE TRIGGER tm_units_queue_add AFTER INSERT ON tm_units BEGIN
        INSERT INTO tm_index_queue (unit_id, op, pair, tokens) VALUES (NEW.id, 'add', NEW.pair, NULL);
      END;
      CREATE TRIGGER tm_units_queue_remove AFTER DELETE ON tm_units WHEN OLD.tokens IS NOT NULL BEGIN
        INSERT INTO tm_index_queue (unit_id, op, pair, tokens) VALUES (OLD.id, 'remove', OLD.pair, OLD.tokens);
      END;

      CREATE TRIGGER tm_paragraph_inserted_signed AFTER INSERT ON paragraphs WHEN NEW.status = 'signed-off' BEGIN
        ${insertFromParagraph('NEW')};
      END;
      -- Signed off, or re-signed (new sign-off, or text changed while signed off): the unit is replaced.
      CREATE TRIGGER tm_paragraph_signed AFTER UPDATE ON paragraphs
      WHEN NEW.status = 'signed-off' AND (OLD.status IS NOT 'signed-off' OR OLD.signed_off_at IS NOT NEW.signed_off_at
        OR OLD.target IS NOT NEW.target OR OLD.source IS NOT NEW.source)
      BEGIN
        DELETE FROM tm_units WHERE paragraph_id = NEW.id;
        ${insertFromParagraph('NEW')};
      END;
      -- A withdrawn sign-off leaves nothing behind.
      CREATE TRIGGER tm_paragraph_withdrawn AFTER UPDATE ON paragraphs
      WHEN OLD.status = 'signed-off' AND NEW.status IS NOT 'signed-off'
      BEGIN
        DELETE FROM tm_units WHERE paragraph_id = NEW.id;
      END;
    `);
    // Paragraphs signed off before this version join the TM.
    db.exec(insertFromParagraph('p', 'paragraphs p JOIN documents d', "AND p.status = 'signed-off'"));
  },
};
