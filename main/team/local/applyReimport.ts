/**
 * Applying a pulled re-import (a `document` change `{ reimport }`, captureReimport.ts;
 * docs/team.md#re-import): the document's paragraphs become exactly the list it carries — ids,
 * positions, kinds, markers, sources and inline codes — removed ones are archived with their
 * history (as a local re-import archives them: the text this library had, unsent edits included),
 * a paragraph whose source changed gets a reopening (its old source and text, shown in the editor),
 * added ones are inserted with their state. Text and status of kept paragraphs are not touched
 * here: the re-import's `paragraph` changes carry them on each paragraph's chain.
 *
 * An own re-import is already here, unless another member's re-import of the same document was
 * ordered between its base and it: then it is applied again on top, so that every library ends
 * with the structure of the last re-import in the server's order.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { IMPORT_FORMATS } from '../../../shared/import/importedDocument.js';
import type { ServerChange } from '../../../shared/team/changes.js';
import type { Paragraph } from '../../../shared/types.js';
import { createImportingRepo } from '../../db/repositories/importing/importingRepo.js';
import { documentPayloadSchema } from './applyPayloads.js';
import { insertParagraph } from './applyDocument.js';
import type { Actor } from './applyParagraphWrite.js';
import type { ApplyContext, ChangeResult } from './applyParagraph.js';
import { paragraphPayloadSchema } from './applyPayloads.js';
import { archivedParagraph } from './reimportArchive.js';

const imported = documentPayloadSchema.shape.paragraphs.element;
const listedSchema = imported
  .pick({ id: true, position: true, kind: true, marker: true, source: true, codes: true })
  .extend({ added: imported.pick({ target: true, status: true, mt: true, excluded: true }).optional() });

const reimportPayloadSchema = z.object({
  reimport: z.object({
    format: z.enum(IMPORT_FORMATS),
    fileName: z.string().max(255).nullable(),
    summary: z.unknown(),
    paragraphs: z.array(listedSchema).max(100_000),
    removed: z.array(z.string().min(1).max(200)).max(100_000),
  }),
});
type Reimport = z.infer<typeof reimportPayloadSchema>['reimport'];
type Listed = Reimport['paragraphs'][number];

/** A `document` change is a re-import when its payload has `reimport`. */
export function isReimportChange(c: Pick<ServerChange, 'kind' | 'payload'>): boolean {
  return c.kind === 'document' && typeof c.payload === 'object' && 'reimport' in c.payload;
}

/** Added to positions while paragraphs are renumbered, so UNIQUE(document_id, position) never trips. */
const POSITION_OFFSET = 1_000_000;

/** Why the list cannot be applied here, or null. */
function listProblem(ctx: ApplyContext, documentId: string, list: readonly Listed[]): string | null {
  const ids = new Set(list.map((p) => p.id));
  if (ids.size !== list.length) return 'a paragraph is listed twice';
  const positions = new Set(list.map((p) => p.position));
  if (positions.size !== list.length || list.some((p) => p.position >= list.length)) return 'the positions are not 0…n-1';
  for (const p of list) {
    const here = ctx.repos.paragraphs.get(p.id);
    if (here && here.documentId !== documentId) return 'a paragraph of another document is listed';
  }
  return null;
}

export function createReimportApplier(db: Database.Database) {
  const importing = createImportingRepo(db);
  const archivedStmt = db.prepare<[string], { document_id: string }>(
    'SELECT document_id FROM importing_archived_paragraphs WHERE paragraph_id = ?',
  );
  // The old source of the paragraph's reopening by the first own re-import still in the outbox that changed it.
  const sourceBeforeOwnStmt = db.prepare<[string, string], { old_source: string }>(
    `SELECT o.old_source FROM team_outbox t
     JOIN importing_reopenings o ON o.paragraph_id = ? AND o.reimport_id = json_extract(t.payload, '$.reimport.summary.reimportId')
     WHERE t.kind = 'document' AND t.entity_id = ? AND t.refused_code IS NULL AND json_extract(t.payload, '$.reimport') IS NOT NULL
     ORDER BY t.rowid LIMIT 1`,
  );
  const keepArchivedStmt = db.prepare<[string, string, string]>(
    'UPDATE importing_archived_paragraphs SET target = ?, status = ? WHERE paragraph_id = ?',
  );

  function archive(ctx: ApplyContext, p: Paragraph, reimportId: number, at: string): void {
    // Archived once (a paragraph re-inserted by a later re-import and removed again keeps its first copy).
    if (!archivedStmt.get(p.id)) {
      importing.archive({
        paragraphId: p.id,
        documentId: p.documentId,
        reimportId,
        oldPosition: p.index,
        source: p.source,
        target: p.target,
        status: p.status,
        paragraph: archivedParagraph(db, p),
        revisions: ctx.repos.revisions.listByParagraph(p.id),
        archivedAt: at,
      });
    }
    importing.deleteParagraph(p.id);
  }

  function place(
    ctx: ApplyContext,
    c: ServerChange,
    old: ReadonlyMap<string, Paragraph>,
    l: Listed,
    by: { actor: Actor; reimportId: number },
  ): void {
    const p = old.get(l.id);
    if (!p) {
      const state = l.added ?? { target: '', status: 'new' as const, mt: null, excluded: false };
      insertParagraph(ctx, c.documentId, { ...l, ...state }, by.actor, c.clientAt);
      return;
    }
    importing.setPosition(p.id, l.position);
    ctx.repos.paragraphs.setCodes(p.id, l.codes ?? []);
    if (p.source === l.source && p.kind === l.kind && p.marker === l.marker) return;
    if (p.source !== l.source) {
      importing.addReopening({
        paragraphId: p.id,
        reimportId: by.reimportId,
        oldSource: p.source,
        oldTarget: p.target,
        oldStatus: p.status,
        signedOffByName: p.signOff?.name ?? null,
      });
    }
    importing.setSource(p.id, l.source, l.kind, l.marker, c.clientAt);
  }

  /** The document's paragraphs as `r` lists them (see the file's comment). */
  function applyList(ctx: ApplyContext, c: ServerChange, r: Reimport): void {
    const actor = ctx.actorOf(c.author);
    const reimportId = importing.addReimport({
      documentId: c.documentId,
      profileId: null,
      authorName: actor.name,
      format: r.format,
      fileName: r.fileName,
      summary: r.summary ?? {},
      createdAt: c.clientAt,
    });
    const listed = new Set(r.paragraphs.map((p) => p.id));
    const old = new Map<string, Paragraph>();
    for (const p of ctx.repos.paragraphs.listByDocument(c.documentId)) {
      if (!listed.has(p.id)) archive(ctx, p, reimportId, c.clientAt);
      else {
        old.set(p.id, p);
        importing.setPosition(p.id, p.index + POSITION_OFFSET);
      }
    }
    for (const l of r.paragraphs) place(ctx, c, old, l, { actor, reimportId });
    ctx.repos.documents.touch(c.documentId, c.clientAt);
  }

  /** An added paragraph starts with a head as a document change gives its paragraphs. */
  function headsOfAdded(ctx: ApplyContext, c: ServerChange, r: Reimport): void {
    const actor = ctx.actorOf(c.author);
    for (const l of r.paragraphs) {
      if (!l.added || ctx.state.paragraphHead(l.id)) continue;
      const status = l.added.status === 'signed-off' ? 'translated' : l.added.status;
      const head = { target: l.added.target, status, excluded: l.added.excluded, author: actor.name, authorRole: actor.role };
      ctx.state.setParagraphHead(l.id, { ...head, changeId: c.id, at: c.clientAt, signOff: null });
    }
  }

  return {
    applyReimportChange(ctx: ApplyContext, c: ServerChange): ChangeResult {
      const own = ctx.state.isOwn(c.id);
      if (own) ctx.state.acknowledge(c.id);
      const parsed = reimportPayloadSchema.safeParse(c.payload);
      if (!parsed.success) return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: 'malformed re-import' };
      const r = parsed.data.reimport;
      if (c.entityId !== c.documentId || !ctx.repos.documents.get(c.documentId))
        return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: 'the document is not in this library' };
      const problem = listProblem(ctx, c.documentId, r.paragraphs);
      if (problem) return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: `re-import: ${problem}` };
      // Own and nothing else came between: the local copy is this re-import's result already.
      const intervened = ctx.state.heads(c.documentId).serverHead !== c.baseId;
      if (!own || intervened) applyList(ctx, c, r);
      headsOfAdded(ctx, c, r);
      ctx.state.setServerHead(c.documentId, c.id, ctx.state.pendingOwn(c.documentId) === 0);
      return { kind: own ? 'acknowledged' : 'applied' };
    },
    /**
     * The paragraph's source in the server's order: an own re-import not yet pulled back changed it
     * only here (a remote sign-off made before it is checked against the source it was made on).
     */
    sourceInServerOrder(p: Paragraph): string {
      return sourceBeforeOwnStmt.get(p.id, p.documentId)?.old_source ?? p.source;
    },
    /**
     * A paragraph change for a paragraph a re-import removed here (an edit made meanwhile): the
     * archived copy takes its text, so the edit is kept, not dropped. Null when the paragraph is
     * not archived (the ordinary rule applies).
     */
    keepInArchive(ctx: ApplyContext, c: ServerChange): ChangeResult | null {
      if (c.kind !== 'paragraph' || ctx.repos.paragraphs.get(c.entityId)) return null;
      const archived = archivedStmt.get(c.entityId);
      if (!archived || archived.document_id !== c.documentId) return null;
      const own = ctx.state.isOwn(c.id);
      if (own) ctx.state.acknowledge(c.id);
      const parsed = paragraphPayloadSchema.safeParse(c.payload);
      if (!parsed.success) return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: 'malformed paragraph change' };
      if (c.outcome === 'applied') keepArchivedStmt.run(parsed.data.target, parsed.data.status, c.entityId);
      return { kind: own ? 'acknowledged' : 'applied' };
    },
  };
}
