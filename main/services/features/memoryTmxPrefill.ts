/**
 * `prefillFromTmx` (issue 17; the CLI's `import --prefill-from`): a document's untouched paragraphs
 * get their 100 % matches from a TMX file read once and never stored, as OmegaT uses tm/auto —
 * the units and rules of importing the file and pre-filling (main/memory/tmxExactFills.ts). The
 * matches are written in one transaction once the whole file has been read: a broken file fills
 * nothing. The library's own memory is not consulted (`prefillTmMatches` does that).
 * `prepareTmxPrefill` starts reading the file's source segments in the import worker before the
 * document is imported, and the import offers its paragraphs to that reading as soon as they are
 * parsed (tmxPrefillPrepared.ts), so reading the file overlaps importing the document.
 */
import type { TmUnit, TmxPrefillResult } from '../../../shared/features/memoryApi.js';
import type { Paragraph, Profile } from '../../../shared/types.js';
import { isServiceError, ServiceError } from '../../core/serviceError.js';
import type { DocumentRecord } from '../../db/repositories/index.js';
import type { ParagraphTexts } from '../../db/repositories/paragraphsRepo.js';
import { tmxSourceSize } from '../../import/tmxStream.js';
import { tmxExactFills } from '../../memory/tmxExactFills.js';
import { requireProfile, type ServiceDeps } from '../context.js';
import { resolveSource, type Resolved, type TmxImportSource } from './tmxImport.js';
import { checkedTag } from './tmPair.js';
import type { PreparedTmxIndexes } from './tmxPrefillPrepared.js';

type WriteFound = (found: readonly [string, TmUnit][], doc: DocumentRecord, author: Profile) => Paragraph[];

/** The file's name in a reader's error, and that nothing was filled. */
function naming(err: unknown, fileName: string): unknown {
  if (!isServiceError(err) || !['TMX_INVALID', 'TMX_DOCTYPE'].includes(err.code)) return err;
  const message = `${err.message.replace(/^The TMX file /, `${fileName} `).replace(/\.?$/, '.')} Nothing was filled.`;
  return ServiceError.withDetails(err.code, message, { ...err.details, fileName });
}

/** The file a source names, and its size (TMX_FILE_UNREADABLE when it cannot be read). */
function fileOf(resolved: Resolved): { file: string; bytesTotal: number } {
  if (resolved.source.kind !== 'path') throw new Error('a TMX to pre-fill from is read from a file');
  return { file: resolved.source.path, bytesTotal: tmxSourceSize(resolved.source) };
}

export function createTmxPrefill(
  deps: ServiceDeps,
  isUntouched: (p: ParagraphTexts) => boolean,
  writeFound: WriteFound,
  prepared: PreparedTmxIndexes,
) {
  /** Starts reading the file's source segments for documents in `sourceLang`; returns at once. */
  function prepareTmxPrefill(input: { source: TmxImportSource; sourceLang: string }): Promise<{ fileName: string; bytesTotal: number }> {
    const sourceLang = checkedTag(input.sourceLang, 'source');
    const resolved = resolveSource(deps, input.source);
    // An upload stays for the prefillFromTmx that follows (which deletes it).
    const { file, bytesTotal } = fileOf(resolved);
    prepared.prepare(file, sourceLang);
    return Promise.resolve({ fileName: resolved.fileName, bytesTotal });
  }

  async function prefillFromTmx(input: { documentId: string; source: TmxImportSource }): Promise<TmxPrefillResult> {
    const doc = deps.repos.documents.get(input.documentId);
    if (!doc)
      throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', {
        documentId: input.documentId,
      });
    const author = requireProfile(deps);
    const resolved = resolveSource(deps, input.source);
    try {
      const { file } = fileOf(resolved);
      const untouched = deps.repos.paragraphs.listTexts(doc.id).filter(isUntouched);
      const paragraphs = untouched.map((p) => ({ id: p.id, source: p.source, codes: p.codes }));
      const pair = { sourceLang: doc.sourceLang, targetLang: doc.targetLang };
      const at = deps.now().toISOString();
      const { matches, tus } = await tmxExactFills(file, paragraphs, pair, at, { fills: prepared.take(file, pair, at) });
      const found = untouched.flatMap((p): [string, TmUnit][] => {
        const unit = matches.get(p.id);
        return unit ? [[p.id, unit]] : [];
      });
      // One transaction, to the paragraphs still untouched now (the file took seconds to read).
      return { paragraphs: writeFound(found, doc, author), tus };
    } catch (err) {
      throw naming(err, resolved.fileName);
    } finally {
      resolved.cleanup();
    }
  }

  return { prepareTmxPrefill, prefillFromTmx };
}
