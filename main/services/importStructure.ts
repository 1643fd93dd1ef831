/**
 * What a Word import brings besides paragraphs (issue 14): where each paragraph sat (notes, table
 * cells, text boxes: stored so the DOCX export can rebuild them), its comments (as Verso comments
 * on the paragraph they anchor to, under the Word author's name) and the import report.
 */
import type { ParsedImport } from '../../shared/import/importedDocument.js';
import type { ImportedPlace, ParagraphPlace } from '../../shared/import/paragraphPlace.js';
import { cleanImportedText, cleanImportedTitle } from '../../shared/textHygiene.js';
import type { DocumentDetail, Paragraph, Profile } from '../../shared/types.js';
import type Database from 'better-sqlite3';
import { createDocxStructureRepo } from '../db/repositories/importing/docxStructureRepo.js';
import { createWorkflowRepo } from '../db/repositories/workflow/workflowRepo.js';
import type { ServiceDeps } from './context.js';

/** A parsed place as stored: the note's reference position becomes the id of the paragraph now there. */
function storedPlace(place: ImportedPlace, paragraphIds: readonly string[]): ParagraphPlace {
  if (place.kind === 'cell' || place.kind === 'textbox') return place;
  return { kind: place.kind, note: place.note, refParagraphId: place.ref === null ? null : (paragraphIds[place.ref] ?? null) };
}

/** Stores places, comments and the report of a parsed import whose segments became `paragraphs` (same order), in the caller's transaction. */
export function saveImportStructure(
  deps: ServiceDeps,
  documentId: string,
  parsed: ParsedImport,
  paragraphs: readonly Paragraph[],
  author: Profile,
  at: string,
): void {
  const repo = createDocxStructureRepo(deps.db);
  const workflow = createWorkflowRepo(deps.db);
  const ids = paragraphs.map((p) => p.id);
  parsed.segments.forEach((seg, i) => {
    const paragraph = paragraphs[i];
    if (!paragraph) return;
    if (seg.place) repo.savePlace(paragraph.id, documentId, storedPlace(seg.place, ids));
    for (const c of seg.comments ?? []) {
      const body = cleanImportedText(c.text).trim();
      if (body === '') continue;
      const name = cleanImportedTitle(c.author).replace(/\s+/gu, ' ').trim().slice(0, 100);
      workflow.addComment({
        id: deps.newId(),
        paragraphId: paragraph.id,
        documentId,
        profileId: author.id,
        authorName: name === '' ? 'Word' : name,
        role: author.role,
        body,
        at: c.at ?? at,
      });
    }
  });
  if (parsed.report) repo.saveReport(documentId, parsed.report);
}

/**
 * After a re-import (living story): the places as the revised file has them, `paragraphIds[i]`
 * being the paragraph now at position i; the report replaced (removed when the revised file has
 * none). Comments are not imported again (they would repeat on unchanged paragraphs).
 */
export function replaceImportStructure(
  deps: ServiceDeps,
  documentId: string,
  segments: ParsedImport['segments'],
  paragraphIds: readonly string[],
  report: ParsedImport['report'] | null,
): void {
  const repo = createDocxStructureRepo(deps.db);
  repo.deletePlacesOfDocument(documentId);
  segments.forEach((seg, i) => {
    const id = paragraphIds[i];
    if (seg.place && id !== undefined) repo.savePlace(id, documentId, storedPlace(seg.place, paragraphIds));
  });
  if (report) repo.saveReport(documentId, report);
  else repo.deleteReport(documentId);
}

/** The paragraphs with their Word places (a document not imported from Word: unchanged). */
export function withPlaces(db: Database.Database, paragraphs: Paragraph[]): Paragraph[] {
  const places = createDocxStructureRepo(db).placesOfParagraphs(paragraphs.map((p) => p.id));
  if (places.size === 0) return paragraphs;
  return paragraphs.map((p) => {
    const place = places.get(p.id);
    return place ? { ...p, place } : p;
  });
}

/** A document's detail with its paragraphs' places and its import report. */
export function withImportStructure(db: Database.Database, detail: DocumentDetail): DocumentDetail {
  const report = createDocxStructureRepo(db).report(detail.id);
  const paragraphs = withPlaces(db, detail.paragraphs);
  return { ...detail, paragraphs, ...(report ? { importReport: report } : {}) };
}
