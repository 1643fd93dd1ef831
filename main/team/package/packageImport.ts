/**
 * A package for a document this library does not have (the other laptop's first handoff): the
 * document and its paragraphs with the same ids, and their import revisions (author: the signer),
 * like a pulled `document` change. Sign-offs are applied afterwards by the merge.
 */
import type { Paragraph } from '../../../shared/types.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { Actor } from '../local/applyParagraphWrite.js';
import { PackageInvalid, type PackageParagraph, type ReviewPackage } from './packageFormat.js';

type Repos = Pick<Repositories, 'documents' | 'paragraphs' | 'revisions'>;

function insertParagraph(repos: Repos, documentId: string, pp: PackageParagraph, actor: Actor, at: string): void {
  // A sign-off is written by the merge once its claim verifies.
  const status = pp.status === 'signed-off' ? 'translated' : pp.status;
  const paragraph: Paragraph = {
    id: pp.id,
    documentId,
    index: pp.position,
    kind: pp.kind,
    marker: pp.marker,
    source: pp.source,
    target: pp.target,
    codes: pp.codes,
    status,
    mt: pp.mt,
    signOff: null,
    ...(pp.excluded ? { excluded: { at, name: actor.name, role: actor.role, origin: 'human' as const } } : {}),
    updatedAt: at,
  };
  repos.paragraphs.insert(paragraph);
  const who = { paragraphId: pp.id, documentId, profileId: null, authorName: actor.name, role: actor.role, createdAt: at };
  repos.revisions.insert({
    ...who,
    origin: 'import',
    action: 'import',
    mtEngine: null,
    beforeText: null,
    afterText: pp.source,
    statusBefore: null,
    statusAfter: 'new',
  });
  if (pp.target === '' && status === 'new') return;
  const isMt = status === 'machine';
  repos.revisions.insert({
    ...who,
    origin: isMt ? 'mt' : 'human',
    action: isMt ? 'mt' : status === 'translated' ? 'confirm' : 'edit',
    mtEngine: isMt ? (pp.mt?.engineId ?? null) : null,
    beforeText: '',
    afterText: pp.target,
    statusBefore: 'new',
    statusAfter: status,
  });
}

/** Adds the package's document and paragraphs (the caller checked that the document id is free). */
export function importPackagedDocument(repos: Repos, pkg: ReviewPackage, actor: Actor, at: string): void {
  const d = pkg.document;
  for (const pp of pkg.paragraphs) {
    const other = repos.paragraphs.get(pp.id);
    if (other) throw new PackageInvalid(`paragraph ${pp.id} belongs to another document of this library`);
  }
  repos.documents.insert({
    id: d.id,
    title: d.title,
    sourceLang: d.sourceLang,
    targetLang: d.targetLang,
    sourceFormat: d.sourceFormat,
    createdAt: d.createdAt,
    updatedAt: at,
  });
  for (const pp of pkg.paragraphs) insertParagraph(repos, d.id, pp, actor, at);
}
