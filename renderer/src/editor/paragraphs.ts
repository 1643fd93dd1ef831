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

/** Whether a freshly read paragraph says nothing the one on screen does not (its row need not re-render). */
function sameParagraph(mine: Paragraph, fresh: Paragraph): boolean {
  return (
    mine.updatedAt === fresh.updatedAt &&
    mine.target === fresh.target &&
    mine.status === fresh.status &&
    mine.index === fresh.index &&
    mine.mt?.createdAt === fresh.mt?.createdAt &&
    mine.signOff?.at === fresh.signOff?.at &&
    mine.excluded?.at === fresh.excluded?.at
  );
}

/**
 * Freshly read paragraphs over those on screen, in the fresh order: keeps the on-screen paragraph
 * when it is newer (a save that finished while the read was in flight) or the same (its identity,
 * so its row stays memoized). Null when the result would equal `current` paragraph for paragraph.
 */
export function mergeFreshParagraphs(current: readonly Paragraph[], fresh: readonly Paragraph[]): Paragraph[] | null {
  const old = new Map(current.map((p) => [p.id, p]));
  let changed = current.length !== fresh.length;
  const paragraphs = fresh.map((p, i) => {
    const mine = old.get(p.id);
    const kept = mine && (mine.updatedAt > p.updatedAt || sameParagraph(mine, p)) ? mine : p;
    if (kept !== current[i]) changed = true;
    return kept;
  });
  return changed ? paragraphs : null;
}

/** A freshly loaded document over the one on screen (see mergeFreshParagraphs). */
export function mergeReloaded(current: DocumentDetail | null, fresh: DocumentDetail): DocumentDetail {
  if (!current || current.id !== fresh.id) return fresh;
  return { ...fresh, paragraphs: mergeFreshParagraphs(current.paragraphs, fresh.paragraphs) ?? current.paragraphs };
}

/**
 * Freshly read paragraphs of document `documentId` over the document on screen; the very same
 * document object when nothing changed (nothing derived from it recomputes), and unchanged when
 * another document is on screen now.
 */
export function mergeReloadedParagraphs(
  current: DocumentDetail | null,
  documentId: string,
  fresh: readonly Paragraph[],
): DocumentDetail | null {
  if (!current || current.id !== documentId) return current;
  const paragraphs = mergeFreshParagraphs(current.paragraphs, fresh);
  return paragraphs ? { ...current, paragraphs } : current;
}

export function countSignedOff(paragraphs: readonly Paragraph[]): number {
  let n = 0;
  for (const p of paragraphs) if (p.status === 'signed-off') n++;
  return n;
}
