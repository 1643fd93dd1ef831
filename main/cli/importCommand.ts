/**
 * `verso import` and `verso reimport` (issue 14): XLIFF and other files in and out of pipelines.
 *   verso import <file> --source <lang> --target <lang> [--file-languages] [--title TEXT] [--prefill] [--prefill-from <file.tmx>]
 *   verso reimport <document> <file> [--tool NAME]
 * An XLIFF whose declared languages differ from --source/--target is refused with both pairs named,
 * unless --file-languages says to import it in the file's languages: never relabelled silently.
 * --prefill then fills the new document's paragraphs that have a 100 % TM match, as opening it in
 * the app does with "Pre-fill 100% matches" on (whatever that setting is), and prints how many.
 * --prefill-from (issue 17) fills them from a TMX file read once and not stored, as OmegaT's
 * tm/auto (the same matches as `verso tm import` + --prefill; a broken file fills nothing); with
 * --prefill too, the translation memory then fills what the file did not.
 * Both need the library's profile (the one the app set up): imports are recorded under it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ReimportResult } from '../../shared/features/importingApi.js';
import type { TmPrefillResult, TmxPrefillResult } from '../../shared/features/memoryApi.js';
import type { DocumentDetail, DocumentSummary } from '../../shared/types.js';
import type { Backend } from '../backend.js';
import { CliError } from './writeExportFile.js';
import { IMPORT_OPTIONS } from './importOptions.js';
import { detailsOf } from '../../shared/errorDetails.js';

export interface ImportCliDeps {
  out: (text: string) => void;
  cwd: string;
  openLibrary: () => Backend;
  findDocument: (docs: readonly DocumentSummary[], ref: string) => DocumentSummary;
}

type Usage = (message: string) => Error;

function fileSource(cwd: string, file: string) {
  const full = path.resolve(cwd, file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(full);
  } catch {
    throw new CliError(`Cannot read ${full}.`);
  }
  return { kind: 'file' as const, fileName: path.basename(full), dataBase64: bytes.toString('base64') };
}

async function dispatch<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) {
    if (result.error.code === 'IMPORT_LANGUAGE_MISMATCH') {
      const d = detailsOf(result.error, 'IMPORT_LANGUAGE_MISMATCH');
      throw new LanguageMismatch(String(d?.fileSourceLang), String(d?.fileTargetLang), `${result.error.message} (${result.error.code})`);
    }
    throw new CliError(`${result.error.message} (${result.error.code})`);
  }
  return result.value as T;
}

class LanguageMismatch extends CliError {
  constructor(
    readonly fileSource: string,
    readonly fileTarget: string,
    message: string,
  ) {
    super(message);
  }
}

export async function importCommand(deps: ImportCliDeps, args: string[], usage: Usage): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: IMPORT_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw usage('Give exactly one file: verso import <file> --source <lang> --target <lang>');
  if (!values.source || !values.target) throw usage('--source and --target are required (e.g. --source en --target es).');
  const source = fileSource(deps.cwd, positionals[0]!);
  const tmx = values['prefill-from'];
  const tmxFile = tmx === undefined ? null : path.resolve(deps.cwd, tmx);
  const backend = deps.openLibrary();
  try {
    // The TMX's source segments are read in the import worker while the document is imported (an unreadable file imports nothing).
    if (tmxFile !== null)
      await dispatch(backend, 'prepareTmxPrefill', { source: { kind: 'path', path: tmxFile }, sourceLang: values.source });
    const input = { source, sourceLang: values.source, targetLang: values.target, ...(values.title ? { title: values.title } : {}) };
    let doc: DocumentDetail;
    try {
      doc = await dispatch<DocumentDetail>(backend, 'importDocument', input);
    } catch (err) {
      if (!(err instanceof LanguageMismatch)) throw err;
      if (!values['file-languages']) {
        throw new CliError(
          `${err.message}. Nothing was imported: pass --file-languages to import it as ${err.fileSource}→${err.fileTarget}, or give --source/--target that match.`,
        );
      }
      doc = await dispatch<DocumentDetail>(backend, 'importDocument', { ...input, sourceLang: err.fileSource, targetLang: err.fileTarget });
    }
    deps.out(`${doc.id}\t${doc.sourceLang}→${doc.targetLang}\t${doc.paragraphs.length} paragraphs\t${doc.title}\n`);
    if (tmxFile !== null) {
      const { paragraphs, tus } = await dispatch<TmxPrefillResult>(backend, 'prefillFromTmx', {
        documentId: doc.id,
        source: { kind: 'path', path: tmxFile },
      }).catch((err: unknown) => {
        throw err instanceof CliError ? new CliError(`${err.message} (The document was imported as ${doc.id}.)`) : err;
      });
      deps.out(
        `pre-filled ${paragraphs.length} of ${doc.paragraphs.length} paragraphs with 100 % matches from ${path.basename(tmxFile)} (${tus.toLocaleString('en-US')} translation units read, none stored)\n`,
      );
    }
    if (values.prefill) {
      const { paragraphs } = await dispatch<TmPrefillResult>(backend, 'prefillTmMatches', { documentId: doc.id, requested: true });
      deps.out(`pre-filled ${paragraphs.length} of ${doc.paragraphs.length} paragraphs with 100 % translation memory matches\n`);
    }
    return 0;
  } finally {
    backend.close();
  }
}

export async function reimportCommand(deps: ImportCliDeps, args: string[], usage: Usage): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { tool: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 2) throw usage('Give a document and a file: verso reimport <document> <file> [--tool NAME]');
  const source = fileSource(deps.cwd, positionals[1]!);
  const backend = deps.openLibrary();
  try {
    const doc = deps.findDocument(await dispatch<DocumentSummary[]>(backend, 'listDocuments', {}), positionals[0]!);
    const { summary } = await dispatch<ReimportResult>(backend, 'reimportDocument', {
      documentId: doc.id,
      source,
      ...(values.tool ? { tool: values.tool } : {}),
    });
    const nums = (n: readonly number[]) => (n.length > 0 ? ` (${n.join(', ')})` : '');
    deps.out(
      `unchanged: ${summary.unchanged}, changed: ${summary.changed.length}, added: ${summary.added.length}, moved: ${summary.moved.length}, removed: ${summary.removed.length}\n`,
    );
    const tr = summary.translations;
    if (tr) {
      deps.out(
        `translations${tr.tool ? ` from ${tr.tool}` : ''}: applied ${tr.applied.length}${nums(tr.applied)}, unchanged ${tr.unchanged}, sign-offs reopened ${tr.signOffsReopened.length}${nums(tr.signOffsReopened)}\n`,
      );
      for (const s of tr.skipped)
        deps.out(
          `skipped paragraph ${s.paragraph}: ${s.reason === 'excluded' ? 'excluded from translation' : 'no translation in the file'}\n`,
        );
    }
    return 0;
  } finally {
    backend.close();
  }
}
