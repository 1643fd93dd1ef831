/**
 * Writes MT results to paragraphs, many in one transaction. Each paragraph is its own savepoint
 * inside it (target and status, its revision, its provenance and the cache row, all or nothing),
 * and each is checked against the paragraph as it is at that moment, inside the transaction: a
 * paragraph a person edited, confirmed or signed off meanwhile is left alone (MT never overwrites
 * human work), as is one excluded from translation, deleted meanwhile or given the same MT again.
 */
import { statusAfterMt } from '../../shared/status.js';
import type { LanguagePair, Paragraph, Profile } from '../../shared/types.js';
import type { MtOutput } from '../engines/mtEngine.js';
import type { CacheKey, MtStore } from '../engines/mtStore.js';
import type { ServiceDeps } from './context.js';
import { cleanImportedText } from '../../shared/textHygiene.js';

export interface MtResult {
  paragraphId: string;
  output: MtOutput;
  producedAt: string;
  fromCache: boolean;
  key: CacheKey;
}

export interface MtWriteContext {
  engineId: string;
  engineVersion: string;
  pair: LanguagePair;
  /** Retranslate (the cache was bypassed); recorded with the provenance. */
  retranslated: boolean;
  author: Profile;
}

export interface BatchOutcome {
  /** Paragraphs whose result was dealt with: written, or skipped for a reason above. */
  settled: string[];
  /** How many of them were written. */
  written: number;
  /** The first paragraph that could not be written (its savepoint rolled back; the others stand). */
  error: unknown;
}

export type MtBatchWriter = (results: readonly MtResult[]) => BatchOutcome;

export function createMtBatchWriter(deps: Pick<ServiceDeps, 'db' | 'repos' | 'now'>, store: MtStore, ctx: MtWriteContext): MtBatchWriter {
  const { repos } = deps;
  const { engineId, engineVersion, pair, retranslated, author } = ctx;

  /** One paragraph (a savepoint when called inside the batch); false when skipped. */
  const writeOne = deps.db.transaction((r: MtResult, at: string): Paragraph | null => {
    if (!r.fromCache) store.put(r.key, r.output, r.producedAt);
    const current = repos.paragraphs.get(r.paragraphId);
    // Excluded meanwhile (Exclude from translation): MT leaves it alone.
    if (!current || current.excluded || r.output.text.trim() === '') return null;
    const status = statusAfterMt(current.status);
    if (status === null) return null;
    if (
      current.target === r.output.text &&
      current.mt?.text === r.output.text &&
      current.mt.engineId === engineId &&
      current.mt.engineVersion === engineVersion
    ) {
      return null; // the same MT again: nothing to record
    }
    const updated: Paragraph = {
      ...current,
      target: r.output.text,
      status,
      mt: {
        text: r.output.text,
        engineId,
        engineVersion,
        sourceLang: pair.source,
        targetLang: pair.target,
        createdAt: r.producedAt,
        unknownWords: r.output.unknownWords,
      },
      updatedAt: at,
    };
    repos.paragraphs.update(updated);
    const revisionId = repos.revisions.insert({
      paragraphId: r.paragraphId,
      documentId: current.documentId,
      profileId: author.id,
      authorName: author.name,
      role: author.role,
      origin: 'mt',
      action: 'mt',
      mtEngine: engineId,
      beforeText: current.target,
      afterText: r.output.text,
      statusBefore: current.status,
      statusAfter: status,
      createdAt: at,
    });
    store.recordProvenance({
      revisionId,
      paragraphId: r.paragraphId,
      engineId,
      engineVersion,
      sourceLang: pair.source,
      targetLang: pair.target,
      producedAt: r.producedAt,
      writtenAt: at,
      fromCache: r.fromCache,
      retranslated,
      unknownWords: r.output.unknownWords,
    });
    return updated;
  });

  return deps.db.transaction((results: readonly MtResult[]): BatchOutcome => {
    const at = deps.now().toISOString();
    const settled: string[] = [];
    const touched = new Set<string>();
    let written = 0;
    let error: unknown = null;
    for (const r of results) {
      try {
        const updated = writeOne(withoutControlCharacters(r), at);
        settled.push(r.paragraphId);
        if (updated) {
          written++;
          touched.add(updated.documentId);
        }
      } catch (err) {
        error ??= err;
      }
    }
    for (const documentId of touched) repos.documents.touch(documentId, at);
    return { settled, written, error };
  });
}

/** An engine's reply never brings ESC, NUL or other control characters into a paragraph (tab and line breaks stay). */
function withoutControlCharacters(r: MtResult): MtResult {
  const text = cleanImportedText(r.output.text);
  return text === r.output.text ? r : { ...r, output: { ...r.output, text } };
}
