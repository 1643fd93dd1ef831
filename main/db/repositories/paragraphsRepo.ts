/** Paragraphs of a document, with their MT record and sign-off, mapped to the shared `Paragraph` type. */
import type Database from 'better-sqlite3';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import type { BlockKind, Exclusion, Paragraph, ParagraphStatus, Role } from '../../../shared/types.js';
import { claimOf } from '../audit/auditEntries.js';
import { sha256Hex } from '../../core/crypto.js';

interface ParagraphRow {
  id: string;
  document_id: string;
  position: number;
  kind: BlockKind;
  marker: string | null;
  source: string;
  target: string;
  status: ParagraphStatus;
  mt_text: string | null;
  mt_engine: string | null;
  mt_engine_version: string | null;
  mt_source_lang: string | null;
  mt_target_lang: string | null;
  mt_created_at: string | null;
  mt_unknown_words: string | null;
  signed_off_by: string | null;
  signed_off_name: string | null;
  signed_off_role: Role | null;
  signed_off_at: string | null;
  signed_off_hash: string | null;
  updated_at: string;
  inline_codes: string;
  excluded_at: string | null;
  excluded_by: string | null;
  excluded_role: Role | null;
  excluded_origin: Exclusion['origin'] | null;
  /** Reads only: the payload of the latest sign-off audit entry, for signed-off paragraphs. */
  signed_claim?: string | null;
}

const COLUMN_NAMES = [
  'id',
  'document_id',
  'position',
  'kind',
  'marker',
  'source',
  'target',
  'inline_codes',
  'status',
  'mt_text',
  'mt_engine',
  'mt_engine_version',
  'mt_source_lang',
  'mt_target_lang',
  'mt_created_at',
  'mt_unknown_words',
  'signed_off_by',
  'signed_off_name',
  'signed_off_role',
  'signed_off_at',
  'signed_off_hash',
  'updated_at',
  'excluded_at',
  'excluded_by',
  'excluded_role',
  'excluded_origin',
] as const satisfies readonly (keyof ParagraphRow)[];
const COLUMNS = COLUMN_NAMES.join(', ');

/** Reads add the latest sign-off claim (audit_log, migration 0180) of a signed-off paragraph. */
const READ_COLUMNS = `${COLUMNS},
  CASE WHEN status = 'signed-off' THEN (SELECT a.payload FROM audit_log a
    WHERE a.paragraph_id = paragraphs.id AND a.kind = 'sign-off' ORDER BY a.seq DESC LIMIT 1) END AS signed_claim`;

/**
 * Reads come as arrays (better-sqlite3's raw mode), mapped here: building 27-key row objects
 * natively costs three times as much (a 10,000-paragraph document is listed in ~0.1 s, not ~0.3 s).
 */
type RawRow = unknown[];
const AT = Object.fromEntries([...COLUMN_NAMES, 'signed_claim'].map((name, i) => [name, i])) as Record<keyof ParagraphRow, number>;

function rowOf(r: RawRow): ParagraphRow {
  return {
    id: r[AT.id] as string,
    document_id: r[AT.document_id] as string,
    position: r[AT.position] as number,
    kind: r[AT.kind] as BlockKind,
    marker: r[AT.marker] as string | null,
    source: r[AT.source] as string,
    target: r[AT.target] as string,
    inline_codes: r[AT.inline_codes] as string,
    status: r[AT.status] as ParagraphStatus,
    mt_text: r[AT.mt_text] as string | null,
    mt_engine: r[AT.mt_engine] as string | null,
    mt_engine_version: r[AT.mt_engine_version] as string | null,
    mt_source_lang: r[AT.mt_source_lang] as string | null,
    mt_target_lang: r[AT.mt_target_lang] as string | null,
    mt_created_at: r[AT.mt_created_at] as string | null,
    mt_unknown_words: r[AT.mt_unknown_words] as string | null,
    signed_off_by: r[AT.signed_off_by] as string | null,
    signed_off_name: r[AT.signed_off_name] as string | null,
    signed_off_role: r[AT.signed_off_role] as Role | null,
    signed_off_at: r[AT.signed_off_at] as string | null,
    signed_off_hash: r[AT.signed_off_hash] as string | null,
    updated_at: r[AT.updated_at] as string,
    excluded_at: r[AT.excluded_at] as string | null,
    excluded_by: r[AT.excluded_by] as string | null,
    excluded_role: r[AT.excluded_role] as Role | null,
    excluded_origin: r[AT.excluded_origin] as Exclusion['origin'] | null,
    signed_claim: r[AT.signed_claim] as string | null,
  };
}

/** The cheap check on every read: the texts' hashes against the claim (signatures are checked by main/signing/verifySignatures.ts). */
function signatureBroken(row: ParagraphRow): boolean {
  if (row.status !== 'signed-off' || row.signed_claim === undefined) return false;
  const claim = row.signed_claim === null ? null : claimOf(row.signed_claim);
  return claim === null || claim.targetSha256 !== sha256Hex(row.target) || claim.sourceSha256 !== sha256Hex(row.source);
}

function parseWords(json: string | null): string[] {
  if (json === null) return [];
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : [];
}

function parseCodes(json: string): InlineCode[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? (value as InlineCode[]) : [];
}

/** A paragraph's texts and state, without the rest of it: what a pre-fill reads of a whole document. */
export interface ParagraphTexts {
  id: string;
  source: string;
  target: string;
  codes: InlineCode[];
  status: ParagraphStatus;
  excluded: boolean;
}

type TextsRow = [id: string, source: string, target: string, codes: string, status: ParagraphStatus, excluded: 0 | 1];

function toTexts([id, source, target, codes, status, excluded]: TextsRow): ParagraphTexts {
  return { id, source, target, codes: parseCodes(codes), status, excluded: excluded === 1 };
}

function toParagraph(row: ParagraphRow): Paragraph {
  const codes = parseCodes(row.inline_codes);
  return {
    id: row.id,
    documentId: row.document_id,
    index: row.position,
    kind: row.kind,
    marker: row.marker,
    source: row.source,
    target: row.target,
    // Only paragraphs with inline markup carry the field.
    ...(codes.length > 0 ? { codes } : {}),
    status: row.status,
    mt:
      row.mt_text === null
        ? null
        : {
            text: row.mt_text,
            engineId: row.mt_engine ?? '',
            engineVersion: row.mt_engine_version ?? '',
            sourceLang: row.mt_source_lang ?? '',
            targetLang: row.mt_target_lang ?? '',
            createdAt: row.mt_created_at ?? '',
            unknownWords: parseWords(row.mt_unknown_words),
          },
    signOff:
      row.signed_off_at === null
        ? null
        : {
            profileId: row.signed_off_by ?? '',
            name: row.signed_off_name ?? '',
            role: row.signed_off_role ?? 'editor',
            at: row.signed_off_at,
            textHash: row.signed_off_hash ?? '',
          },
    // Only excluded paragraphs carry the field.
    ...(row.excluded_at !== null
      ? { excluded: { at: row.excluded_at, name: row.excluded_by ?? '', role: row.excluded_role, origin: row.excluded_origin ?? 'human' } }
      : {}),
    ...(signatureBroken(row) ? { signatureBroken: true as const } : {}),
    updatedAt: row.updated_at,
  };
}

const fromRaw = (r: RawRow): Paragraph => toParagraph(rowOf(r));

type Params = Record<string, string | number | null>;

function toParams(p: Paragraph): Params {
  return {
    id: p.id,
    document_id: p.documentId,
    position: p.index,
    kind: p.kind,
    marker: p.marker,
    source: p.source,
    target: p.target,
    inline_codes: JSON.stringify(p.codes ?? []),
    status: p.status,
    mt_text: p.mt?.text ?? null,
    mt_engine: p.mt?.engineId ?? null,
    mt_engine_version: p.mt?.engineVersion ?? null,
    mt_source_lang: p.mt?.sourceLang ?? null,
    mt_target_lang: p.mt?.targetLang ?? null,
    mt_created_at: p.mt?.createdAt ?? null,
    mt_unknown_words: p.mt ? JSON.stringify(p.mt.unknownWords) : null,
    signed_off_by: p.signOff?.profileId ?? null,
    signed_off_name: p.signOff?.name ?? null,
    signed_off_role: p.signOff?.role ?? null,
    signed_off_at: p.signOff?.at ?? null,
    signed_off_hash: p.signOff?.textHash ?? null,
    updated_at: p.updatedAt,
    ...exclusionParams(p.excluded ?? null),
  };
}

function exclusionParams(e: Exclusion | null): Params {
  return { excluded_at: e?.at ?? null, excluded_by: e?.name ?? null, excluded_role: e?.role ?? null, excluded_origin: e?.origin ?? null };
}

export function createParagraphsRepo(db: Database.Database) {
  const insertStmt = db.prepare<[Params]>(
    `INSERT INTO paragraphs (${COLUMNS}) VALUES (${COLUMNS.split(',')
      .map((c) => '@' + c.trim())
      .join(', ')})`,
  );
  // Everything a service may change; id, document, position, kind, marker and source never change.
  const updateStmt = db.prepare<[Params]>(
    `UPDATE paragraphs SET target = @target, status = @status,
       mt_text = @mt_text, mt_engine = @mt_engine, mt_engine_version = @mt_engine_version,
       mt_source_lang = @mt_source_lang, mt_target_lang = @mt_target_lang, mt_created_at = @mt_created_at,
       mt_unknown_words = @mt_unknown_words,
       signed_off_by = @signed_off_by, signed_off_name = @signed_off_name, signed_off_role = @signed_off_role,
       signed_off_at = @signed_off_at, signed_off_hash = @signed_off_hash, updated_at = @updated_at
     WHERE id = @id`,
  );
  const read = <P extends unknown[]>(sql: string) => db.prepare<P, RawRow>(sql).raw(true);
  const getStmt = read<[string]>(`SELECT ${READ_COLUMNS} FROM paragraphs WHERE id = ?`);
  // Ids as one JSON array: one statement for a batch (a pre-fill reads thousands).
  const manyStmt = read<[string]>(`SELECT ${READ_COLUMNS} FROM paragraphs WHERE id IN (SELECT value FROM json_each(?))`);
  const listStmt = read<[string]>(`SELECT ${READ_COLUMNS} FROM paragraphs WHERE document_id = ? ORDER BY position`);
  const textsStmt = db
    .prepare<[string], TextsRow>(
      'SELECT id, source, target, inline_codes, status, excluded_at IS NOT NULL FROM paragraphs WHERE document_id = ? ORDER BY position',
    )
    .raw(true);
  const pageStmt = read<[string, number, number]>(
    `SELECT ${READ_COLUMNS} FROM paragraphs WHERE document_id = ? AND position >= ? ORDER BY position LIMIT ?`,
  );
  const countInDocumentStmt = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM paragraphs WHERE document_id = ?');
  const setCodesStmt = db.prepare<[string, string]>('UPDATE paragraphs SET inline_codes = ? WHERE id = ?');
  // Exclusion changes only through setExclusion: `update` never touches it, so a stale copy of a
  // paragraph (an MT result, an edit) cannot undo an exclusion.
  const setExclusionStmt = db.prepare<[Params]>(
    `UPDATE paragraphs SET excluded_at = @excluded_at, excluded_by = @excluded_by, excluded_role = @excluded_role,
       excluded_origin = @excluded_origin WHERE id = @id`,
  );
  const countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM paragraphs');

  return {
    insert(p: Paragraph): void {
      insertStmt.run(toParams(p));
    },
    /** Writes the mutable columns (target, status, MT record, sign-off, updated_at). */
    update(p: Paragraph): void {
      if (updateStmt.run(toParams(p)).changes !== 1) throw new Error(`Paragraph ${p.id} does not exist`);
    },
    /** The inline codes of a paragraph whose source was replaced (re-import). */
    setCodes(id: string, codes: readonly InlineCode[]): void {
      setCodesStmt.run(JSON.stringify(codes), id);
    },
    /** Excludes the paragraph from translation (`exclusion`) or includes it again (null). */
    setExclusion(id: string, exclusion: Exclusion | null): void {
      if (setExclusionStmt.run({ id, ...exclusionParams(exclusion) }).changes !== 1) throw new Error(`Paragraph ${id} does not exist`);
    },
    get(id: string): Paragraph | null {
      const row = getStmt.get(id);
      return row ? fromRaw(row) : null;
    },
    /** The paragraphs of these ids that exist, by id (as `get` reads each). */
    getMany(ids: readonly string[]): Map<string, Paragraph> {
      const found = new Map<string, Paragraph>();
      if (ids.length === 0) return found;
      for (const row of manyStmt.all(JSON.stringify(ids))) {
        const p = fromRaw(row);
        found.set(p.id, p);
      }
      return found;
    },
    listByDocument(documentId: string): Paragraph[] {
      return listStmt.all(documentId).map(fromRaw);
    },
    /** Every paragraph's texts and state, in order (a few columns of each: a document may have 20,000). */
    listTexts(documentId: string): ParagraphTexts[] {
      return textsStmt.all(documentId).map(toTexts);
    },
    /** At most `limit` paragraphs of the document at positions ≥ `from`, in order. */
    listFrom(documentId: string, from: number, limit: number): Paragraph[] {
      return pageStmt.all(documentId, from, limit).map(fromRaw);
    },
    countInDocument(documentId: string): number {
      return countInDocumentStmt.get(documentId)?.n ?? 0;
    },
    count(): number {
      return countStmt.get()?.n ?? 0;
    },
  };
}
