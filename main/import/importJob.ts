/**
 * One parse job and its outcome, as they travel to and from the import worker: documents (a file
 * or pasted text) and glossaries (TMX files are streamed: tmxStream.ts) (CSV/TBX), so no big or hostile file
 * is parsed on the main process; and the heavy planning of an import (aligning a bilingual pair,
 * mapping a re-imported source onto a document), seconds of CPU on 20,000 paragraphs. Each kind's
 * code is loaded by its first job (`import()`), so the worker starts without it.
 */
import type { AlignmentProposal } from '../../shared/import/alignment.js';
import type { ReimportPlan } from '../../shared/import/reimportPlan.js';
import type { HtmlExtract, ParsedImport, PasteFormat } from '../../shared/import/importedDocument.js';
import type { ApiError } from '../../shared/types.js';
import type { TbxParse } from '../glossary/tbx.js';
import { isServiceError } from '../core/serviceError.js';
import { parseImportFile, parseImportText } from './parseImport.js';

interface Pair {
  sourceLang: string;
  targetLang: string;
}

export type ImportJob =
  | { kind: 'file'; fileName: string; bytes: Uint8Array; extract?: HtmlExtract }
  | { kind: 'text'; text: string; format: PasteFormat; extract?: HtmlExtract }
  | ({ kind: 'glossary'; format: 'csv' | 'tbx'; text: string } & Pair)
  | { kind: 'align'; sources: string[]; translations: string[] }
  | { kind: 'reimportPlan'; oldSources: string[]; newSources: string[]; lang: string };

/** What each kind of job gives. */
export interface ImportJobValues {
  file: ParsedImport;
  text: ParsedImport;
  glossary: TbxParse;
  align: AlignmentProposal;
  reimportPlan: ReimportPlan;
}

export type ImportOutcome<V = ImportJobValues[keyof ImportJobValues]> = { ok: true; value: V } | { ok: false; error: ApiError };

async function parse(job: ImportJob): Promise<ImportJobValues[keyof ImportJobValues]> {
  switch (job.kind) {
    case 'file':
      return parseImportFile(
        job.extract ? { fileName: job.fileName, bytes: job.bytes, extract: job.extract } : { fileName: job.fileName, bytes: job.bytes },
      );
    case 'text':
      return parseImportText(job.text, job.format, job.extract ? { extract: job.extract } : {});
    case 'glossary':
      return job.format === 'csv'
        ? { rows: (await import('../glossary/csv.js')).parseGlossaryCsv(job.text), skippedEntries: 0 }
        : (await import('../glossary/tbx.js')).readTbx(job.text, job);
    case 'align':
      return (await import('../../shared/import/alignment.js')).proposeAlignment(job.sources, job.translations);
    case 'reimportPlan':
      return (await import('../../shared/import/reimportPlan.js')).planReimport(job.oldSources, job.newSources, job.lang);
  }
}

export async function runImportJob(job: ImportJob): Promise<ImportOutcome> {
  try {
    return { ok: true, value: await parse(job) };
  } catch (err) {
    return failedOutcome(err);
  }
}

/** A parse's failure as it travels back from the worker. */
export function failedOutcome(err: unknown): { ok: false; error: ApiError } {
  if (isServiceError(err)) return { ok: false, error: err.toApiError() };
  if (err instanceof RangeError) {
    // A stack overflow on pathological nesting: too complex, not an internal failure.
    return {
      ok: false,
      error: { code: 'IMPORT_TOO_COMPLEX', message: 'The file is nested too deeply to read.', details: { limit: 'nesting' } },
    };
  }
  return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
}
