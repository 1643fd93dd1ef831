/** Pure helpers of the editor: status keys, engine choice, merging paragraph updates. */
import { languageFallbacks } from '../../../shared/languages.js';
import type { DocumentDetail, EngineInfo, Paragraph, ParagraphStatus } from '../../../shared/types.js';

export type StatusKey = 'new' | 'machine' | 'edited' | 'translated' | 'signedOff';

export function statusKey(status: ParagraphStatus): StatusKey {
  return status === 'signed-off' ? 'signedOff' : status;
}

function sameOrBroader(engineTag: string, documentTag: string): boolean {
  const wanted = engineTag.toLowerCase();
  return languageFallbacks(documentTag).some((tag) => tag.toLowerCase() === wanted);
}

/** Whether the engine can translate this document here (installed, and has the pair). */
export function supportsPair(engine: EngineInfo, sourceLang: string, targetLang: string): boolean {
  return (
    engine.available &&
    engine.unavailableReason === null &&
    engine.pairs.some((p) => sameOrBroader(p.source, sourceLang) && sameOrBroader(p.target, targetLang))
  );
}

/** Replaces paragraphs by id; paragraphs not in `updated` keep their identity (rows stay memoized). */
export function mergeParagraphs(doc: DocumentDetail, updated: readonly Paragraph[]): DocumentDetail {
  if (updated.length === 0) return doc;
  const byId = new Map(updated.map((p) => [p.id, p]));
  let changed = false;
  const paragraphs = doc.paragraphs.map((p) => {
    const next = byId.get(p.id);
    if (!next || next === p) return p;
    changed = true;
    return next;
  });
  return changed ? { ...doc, paragraphs } : doc;
}

/**
 * A freshly loaded document over the one on screen: keeps the on-screen paragraph when it is newer
 * (a save that finished while the reload was in flight) or unchanged (same identity for memo).
 */
export function mergeReloaded(current: DocumentDetail | null, fresh: DocumentDetail): DocumentDetail {
  if (!current || current.id !== fresh.id) return fresh;
  const old = new Map(current.paragraphs.map((p) => [p.id, p]));
  const paragraphs = fresh.paragraphs.map((p) => {
    const mine = old.get(p.id);
    if (!mine) return p;
    if (mine.updatedAt > p.updatedAt) return mine;
    if (mine.updatedAt === p.updatedAt && mine.target === p.target && mine.status === p.status) return mine;
    return p;
  });
  return { ...fresh, paragraphs };
}

export function countSignedOff(paragraphs: readonly Paragraph[]): number {
  let n = 0;
  for (const p of paragraphs) if (p.status === 'signed-off') n++;
  return n;
}
