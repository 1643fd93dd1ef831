/**
 * Applying a pulled `document` change: the document and its paragraphs as imported by another
 * member, with the same ids, and their import revisions (author: that member). An own document
 * is already here: it is acknowledged. Either way each paragraph's starting text is remembered
 * as its head's text until a paragraph change moves it.
 */
import type { ServerChange } from '../../../shared/team/changes.js';
import type { Paragraph } from '../../../shared/types.js';
import { documentPayloadSchema, type DocumentPayload } from './applyPayloads.js';
import type { Actor } from './applyParagraphWrite.js';
import type { ApplyContext, ChangeResult } from './applyParagraph.js';

type ImportedParagraph = DocumentPayload['paragraphs'][number];

export function insertParagraph(ctx: ApplyContext, documentId: string, ip: ImportedParagraph, actor: Actor, at: string): void {
  const status = ip.status === 'signed-off' ? 'translated' : ip.status;
  const paragraph: Paragraph = {
    id: ip.id,
    documentId,
    index: ip.position,
    kind: ip.kind,
    marker: ip.marker,
    source: ip.source,
    target: ip.target,
    codes: ip.codes ?? [],
    status,
    mt: ip.mt,
    signOff: null,
    ...(ip.excluded ? { excluded: { at, name: actor.name, role: actor.role, origin: 'import' as const } } : {}),
    updatedAt: at,
  };
  ctx.repos.paragraphs.insert(paragraph);
  const who = { paragraphId: ip.id, documentId, profileId: null, authorName: actor.name, role: actor.role, createdAt: at, mtEngine: null };
  ctx.repos.revisions.insert({
    ...who,
    origin: 'import',
    action: 'import',
    beforeText: null,
    afterText: ip.source,
    statusBefore: null,
    statusAfter: 'new',
  });
  if (ip.target !== '' || status !== 'new') {
    const isMt = status === 'machine';
    ctx.repos.revisions.insert({
      ...who,
      origin: isMt ? 'mt' : 'import',
      action: isMt ? 'mt' : status === 'translated' ? 'confirm' : 'edit',
      mtEngine: isMt ? (ip.mt?.engineId ?? null) : null,
      beforeText: '',
      afterText: ip.target,
      statusBefore: 'new',
      statusAfter: status,
    });
  }
  if (ip.excluded) {
    // As an import marks it (translate="no"): recorded in the history too.
    const text = ip.target;
    ctx.repos.revisions.insert({
      ...who,
      origin: 'import',
      action: 'exclude',
      beforeText: text,
      afterText: text,
      statusBefore: status,
      statusAfter: status,
    });
  }
}

export function applyDocumentChange(ctx: ApplyContext, c: ServerChange): ChangeResult {
  const own = ctx.state.isOwn(c.id);
  if (own) ctx.state.acknowledge(c.id);
  const parsed = documentPayloadSchema.safeParse(c.payload);
  if (!parsed.success) return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: 'malformed document change' };
  const doc = parsed.data;
  const actor = ctx.actorOf(c.author);
  const exists = ctx.repos.documents.get(c.entityId) !== null;
  if (!exists) {
    ctx.repos.documents.insert({
      id: c.entityId,
      title: doc.title,
      sourceLang: doc.sourceLang,
      targetLang: doc.targetLang,
      sourceFormat: doc.sourceFormat,
      createdAt: c.clientAt,
      updatedAt: c.clientAt,
    });
    for (const ip of doc.paragraphs) insertParagraph(ctx, c.entityId, ip, actor, c.clientAt);
  }
  for (const ip of doc.paragraphs) {
    if (ctx.state.paragraphHead(ip.id)) continue;
    ctx.state.setParagraphHead(ip.id, {
      changeId: c.id,
      target: ip.target,
      status: ip.status === 'signed-off' ? 'translated' : ip.status,
      excluded: ip.excluded,
      author: actor.name,
      authorRole: actor.role,
      at: c.clientAt,
      signOff: null,
    });
  }
  // The document is in the team from now on: edits of its paragraphs made here are captured.
  ctx.state.setServerHead(c.entityId, c.id, true);
  if (own) return { kind: 'acknowledged' };
  return exists ? { kind: 'skipped' } : { kind: 'applied' };
}
