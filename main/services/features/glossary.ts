/**
 * Services of `GlossaryApi`: terms per language pair (add, edit, delete, list), CSV and TBX import
 * (merge or replace, one transaction: a bad row changes nothing) and export; and the glossary's QA
 * check for the sign-off gate (`createGlossaryQaChecks`).
 */
import type { GlossaryImportResult } from '../../../shared/features/glossaryApi.js';
import type { GlossaryApi } from '../../../shared/features/glossaryContract.js';
import { cleanTerm, GLOSSARY_LIMITS, type CleanTerm, type TermProblem } from '../../../shared/glossary/normalize.js';
import { glossaryQaCheck } from '../../../shared/glossary/qaCheck.js';
import type { GlossaryTerm, GlossaryTermInput } from '../../../shared/glossary/types.js';
import { canonicalLanguageTag } from '../../../shared/languages.js';
import type { QaCheck } from '../../../shared/qa/types.js';
import { writeGlossaryCsv, type ImportRow } from '../../glossary/csv.js';
import { createGlossaryRepo } from '../../glossary/glossaryRepo.js';
import { writeTbx } from '../../glossary/tbxWriter.js';
import { createImportRunner, type ImportRunner } from '../../import/importRunner.js';
import { bundledWorkerFile } from '../../import/importWorkers.js';
import { termsForPair } from '../../glossary/termsFor.js';
import type { ServiceDeps } from '../context.js';
import type { ExtraQaChecks } from '../reviewService.js';
import { ServiceError } from '../../core/serviceError.js';
import { withGlossaryCapture } from '../../team/local/captureGlossary.js';

type Pair = { sourceLang: string; targetLang: string };

function pairOf(input: Pair): Pair {
  const sourceLang = canonicalLanguageTag(input.sourceLang);
  const targetLang = canonicalLanguageTag(input.targetLang);
  for (const [tag, known, which] of [
    [input.sourceLang, sourceLang, 'source'],
    [input.targetLang, targetLang, 'target'],
  ] as const) {
    if (known === null)
      throw new ServiceError('LANGUAGE_UNKNOWN', `Not a valid ${which} language tag (BCP 47): "${tag.slice(0, 40)}".`, {
        tag: tag.slice(0, 40),
      });
  }
  if (sourceLang === targetLang)
    throw new ServiceError('LANGUAGE_SAME', 'The source and target languages must differ.', { tag: sourceLang! });
  return { sourceLang: sourceLang!, targetLang: targetLang! };
}

const FIELD_NAMES = {
  source: 'source term',
  target: 'target term',
  note: 'note',
  definition: 'definition',
  forbidden: 'forbidden variant',
} as const;

/** The ServiceError for a term that cannot be stored; `row` when it came from an import. */
function problemError(problem: TermProblem, row?: number): ServiceError {
  const at = row === undefined ? '' : `Row ${row}: `;
  const details: Record<string, number> = row === undefined ? {} : { row };
  switch (problem.kind) {
    case 'empty':
      return new ServiceError('GLOSSARY_TERM_EMPTY', `${at}The ${FIELD_NAMES[problem.field]} is empty.`, {
        ...details,
        field: problem.field,
      });
    case 'tooLong':
      return new ServiceError(
        'GLOSSARY_TERM_TOO_LONG',
        `${at}The ${FIELD_NAMES[problem.field]} is longer than ${problem.limit} characters.`,
        {
          ...details,
          field: problem.field,
          limit: problem.limit,
        },
      );
    case 'tooManyVariants':
      return new ServiceError('GLOSSARY_TOO_MANY_VARIANTS', `${at}A term has at most ${problem.limit} forbidden variants.`, {
        ...details,
        limit: problem.limit,
      });
    case 'forbiddenIsTarget':
      return new ServiceError(
        'GLOSSARY_FORBIDDEN_IS_TARGET',
        `${at}"${problem.variant}" cannot be both the translation and a forbidden variant.`,
        {
          ...details,
          variant: problem.variant,
        },
      );
  }
}

/** The CSV column (or TBX part) a problem is in. */
function columnOf(problem: TermProblem): string {
  return problem.kind === 'empty' || problem.kind === 'tooLong' ? problem.field : 'forbidden';
}

function clean(input: GlossaryTermInput, row?: number): CleanTerm {
  const result = cleanTerm(input);
  if (!result.ok && row !== undefined) {
    // From a file: the row and column first, the specific reason in the message and details.
    const specific = problemError(result.problem, row);
    throw new ServiceError('GLOSSARY_IMPORT_ROW_INVALID', `${specific.message} Nothing was imported.`, {
      ...specific.details,
      row,
      field: columnOf(result.problem),
      reason: specific.code,
    });
  }
  if (!result.ok) throw problemError(result.problem, row);
  return result.term;
}

function sameContent(a: GlossaryTerm, b: CleanTerm): boolean {
  return (
    a.target === b.target &&
    a.note === b.note &&
    a.definition === b.definition &&
    a.caseSensitive === b.caseSensitive &&
    JSON.stringify(a.forbidden) === JSON.stringify(b.forbidden)
  );
}

/** Decodes an import file: UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is refused. */
function decode(bytes: Buffer): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ServiceError('GLOSSARY_IMPORT_ENCODING', 'The file is not UTF-8 (or UTF-16 with a byte order mark) text.');
  }
}

function formatOf(fileName: string, asked: 'csv' | 'tbx' | undefined): 'csv' | 'tbx' {
  if (asked) return asked;
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.tbx') || lower.endsWith('.xml')) return 'tbx';
  throw new ServiceError(
    'GLOSSARY_IMPORT_FORMAT',
    `Verso imports glossaries from CSV (.csv) and TBX (.tbx) files, not "${fileName.slice(0, 80)}".`,
    {
      fileName: fileName.slice(0, 80),
    },
  );
}

/** At most this many data categories are listed (a hostile file could name thousands); the rest are counted as "other". */
const NOT_KEPT_LISTED = 20;

/** Which data categories the file held that the glossary does not keep, in how many entries (rows of one entry count once). */
function notKeptOf(rows: readonly ImportRow[]): { category: string; entries: number }[] {
  const entries = new Map<string, Set<number>>();
  for (const r of rows) {
    for (const found of r.notKept ?? []) {
      const category = entries.has(found) || entries.size < NOT_KEPT_LISTED ? found : 'other';
      entries.set(category, (entries.get(category) ?? new Set()).add(r.row));
    }
  }
  return [...entries].map(([category, rowsOf]) => ({ category, entries: rowsOf.size }));
}

function slug(tag: string): string {
  return tag.replace(/[^A-Za-z0-9-]/g, '');
}

/** The glossary's QA check for the sign-off gate: the terms of the paragraph's document pair. */
export function createGlossaryQaChecks(deps: ServiceDeps): ExtraQaChecks {
  // One check per terms list (the list is cached until the glossary changes).
  const checks = new WeakMap<readonly GlossaryTerm[], QaCheck>();
  return (documentId) => {
    const doc = deps.repos.documents.get(documentId);
    if (!doc) return [];
    const terms = termsForPair(deps.db, doc.sourceLang, doc.targetLang);
    if (terms.length === 0) return [];
    let check = checks.get(terms);
    if (!check) {
      check = glossaryQaCheck(terms);
      checks.set(terms, check);
    }
    return [check];
  };
}

export interface GlossaryServiceOptions {
  /** Parses CSV/TBX files (in the import worker; in process in unit tests). */
  runner?: ImportRunner;
}

export function createGlossaryService(deps: ServiceDeps, options: GlossaryServiceOptions = {}): GlossaryApi {
  const runner = options.runner ?? createImportRunner({ workerFile: bundledWorkerFile() });
  // Issue 16: in a team, every term written goes to the outbox in the same transaction.
  const repo = withGlossaryCapture(deps.db, createGlossaryRepo(deps.db), deps.now);

  function requireTerm(termId: string): GlossaryTerm {
    const term = repo.get(termId);
    if (!term)
      throw new ServiceError('GLOSSARY_TERM_NOT_FOUND', 'This glossary term does not exist (it may have been deleted).', { termId });
    return term;
  }

  function duplicate(source: string): ServiceError {
    return new ServiceError('GLOSSARY_TERM_DUPLICATE', `The glossary already has the term "${source}" for this language pair.`, { source });
  }

  function tooMany(): ServiceError {
    return new ServiceError('GLOSSARY_TOO_MANY_TERMS', `A language pair holds at most ${GLOSSARY_LIMITS.termsPerPair} terms.`, {
      limit: GLOSSARY_LIMITS.termsPerPair,
    });
  }

  /** `hasDefinition` false: the file has no definition for the term, so a stored one is kept. */
  type ImportTerm = { row: number; term: CleanTerm; hasDefinition: boolean };
  const runImport = deps.db.transaction((pair: Pair, terms: ImportTerm[], mode: 'merge' | 'replace'): GlossaryImportResult => {
    const at = deps.now().toISOString();
    const result: GlossaryImportResult = { added: 0, updated: 0, unchanged: 0, removed: 0, total: 0 };
    if (mode === 'replace') {
      const keep = new Set(terms.map((t) => t.term.source));
      for (const old of repo.list(pair.sourceLang, pair.targetLang)) {
        if (!keep.has(old.source) && repo.delete(old.id)) result.removed++;
      }
    }
    for (const { term: given, hasDefinition } of terms) {
      const existing = repo.findBySource(pair.sourceLang, pair.targetLang, given.source);
      const term = existing && !hasDefinition ? { ...given, definition: existing.definition } : given;
      if (existing && sameContent(existing, term)) result.unchanged++;
      else if (existing) {
        repo.update({ ...existing, ...term, updatedAt: at });
        result.updated++;
      } else {
        repo.insert({ id: deps.newId(), ...pair, ...term, createdAt: at, updatedAt: at });
        result.added++;
      }
    }
    result.total = repo.count(pair.sourceLang, pair.targetLang);
    // Thrown inside the transaction: nothing of the import stays.
    if (result.total > GLOSSARY_LIMITS.termsPerPair) throw tooMany();
    return result;
  });

  return {
    async listGlossaryPairs() {
      return repo.pairs();
    },

    async listGlossaryTerms(input) {
      const pair = pairOf(input);
      return repo.list(pair.sourceLang, pair.targetLang);
    },

    async listDocumentGlossary({ documentId }) {
      const doc = deps.repos.documents.get(documentId);
      if (!doc) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
      return termsForPair(deps.db, doc.sourceLang, doc.targetLang);
    },

    async addGlossaryTerm(input) {
      const pair = pairOf(input);
      const term = clean(input.term);
      if (repo.findBySource(pair.sourceLang, pair.targetLang, term.source)) throw duplicate(term.source);
      if (repo.count(pair.sourceLang, pair.targetLang) >= GLOSSARY_LIMITS.termsPerPair) throw tooMany();
      const at = deps.now().toISOString();
      const stored: GlossaryTerm = { id: deps.newId(), ...pair, ...term, createdAt: at, updatedAt: at };
      repo.insert(stored);
      return stored;
    },

    async updateGlossaryTerm({ termId, term: input }) {
      const existing = requireTerm(termId);
      const term = clean(input);
      const other = repo.findBySource(existing.sourceLang, existing.targetLang, term.source);
      if (other && other.id !== existing.id) throw duplicate(term.source);
      // A caller that does not send a definition (one written before definitions existed) keeps the stored one.
      const definition = input.definition === undefined ? existing.definition : term.definition;
      const updated: GlossaryTerm = { ...existing, ...term, definition, updatedAt: deps.now().toISOString() };
      repo.update(updated);
      return updated;
    },

    async deleteGlossaryTerm({ termId }) {
      requireTerm(termId);
      repo.delete(termId);
      return { deleted: true };
    },

    async importGlossary(input) {
      const pair = pairOf(input);
      const format = formatOf(input.fileName, input.format);
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length > GLOSSARY_LIMITS.importBytes) {
        throw new ServiceError('GLOSSARY_IMPORT_TOO_LARGE', `The file is larger than ${GLOSSARY_LIMITS.importBytes / 1024 / 1024} MB.`, {
          limit: GLOSSARY_LIMITS.importBytes,
          size: bytes.length,
        });
      }
      const text = decode(bytes);
      // Parsed in the import worker: a big or hostile file never blocks the main process.
      const { rows, skippedEntries }: { rows: ImportRow[]; skippedEntries: number } = await runner.run({
        kind: 'glossary',
        format,
        text,
        ...pair,
      });
      if (rows.length === 0) throw new ServiceError('GLOSSARY_IMPORT_EMPTY', 'The file holds no terms.');
      if (rows.length > GLOSSARY_LIMITS.termsPerPair) throw tooMany();
      const firstRow = new Map<string, number>();
      const terms = rows.map(({ row, input: termInput }) => {
        const term = clean(termInput, row);
        const earlier = firstRow.get(term.source);
        if (earlier !== undefined) {
          throw new ServiceError(
            'GLOSSARY_IMPORT_DUPLICATE',
            `Row ${row}: the term "${term.source}" is already in row ${earlier} of the file.`,
            {
              row,
              firstRow: earlier,
              source: term.source,
            },
          );
        }
        firstRow.set(term.source, row);
        return { row, term, hasDefinition: termInput.definition !== undefined };
      });
      const result = runImport(pair, terms, input.mode);
      const notKept = notKeptOf(rows);
      return { ...result, ...(notKept.length > 0 ? { notKept } : {}), ...(skippedEntries > 0 ? { skippedEntries } : {}) };
    },

    async exportGlossary(input) {
      const pair = pairOf(input);
      const terms = repo.list(pair.sourceLang, pair.targetLang);
      const base = `glossary.${slug(pair.sourceLang)}-${slug(pair.targetLang)}`;
      if (input.format === 'csv') return { fileName: `${base}.csv`, mimeType: 'text/csv; charset=utf-8', content: writeGlossaryCsv(terms) };
      // A TBX body holds at least one entry (both versions' schemas say so).
      if (terms.length === 0) {
        throw new ServiceError(
          'GLOSSARY_EXPORT_EMPTY',
          `The glossary has no terms for ${pair.sourceLang} → ${pair.targetLang} to export as TBX.`,
          pair,
        );
      }
      // TBX-Basic 2008 (v2) unless v3 is asked for: the form OmegaT and translate-toolkit read.
      const version = input.tbxVersion ?? 'v2';
      const name = version === 'v2' ? `${base}.tbx` : `${base}.tbx-v3.tbx`;
      return { fileName: name, mimeType: 'application/x-tbx+xml; charset=utf-8', content: writeTbx(terms, pair, version) };
    },
  };
}
