/**
 * Work done in another tool, coming back (issue 14): on a re-import of an XLIFF, a target the file
 * changed becomes a new revision of the paragraph (origin import, credited to the tool the file
 * names, in the revision's `mtEngine`, which the history shows as its author), a signed-off paragraph whose text changed has its sign-off withdrawn (recorded, with its
 * old text kept as a reference) and an editor signs again. Runs inside the re-import's transaction;
 * the revisions repository chains every revision into the audit log.
 */
import type { ReimportTranslations } from '../../../shared/features/importingApi.js';
import type { ImportedSegment, ImportedTarget, ParsedImport } from '../../../shared/import/importedDocument.js';
import type { Paragraph, ParagraphStatus, Profile } from '../../../shared/types.js';
import { createImportingRepo } from '../../db/repositories/importing/importingRepo.js';
import type { DocumentRecord } from '../../db/repositories/index.js';
import { provenanceRepoFor } from '../../db/repositories/provenance/provenanceRepo.js';
import { isInvisible } from '../../../shared/import/visibleText.js';
import type { ServiceDeps } from '../context.js';
import { importedMt } from '../documentService.js';

/** The tool the file's translations are credited to: the file's own, unless that is Verso (then the one the person named). */
export function creditedTool(parsed: Pick<ParsedImport, 'tool'>, named: string | null): string | null {
  const tool = parsed.tool ?? null;
  if (tool && !/^verso$/i.test(tool.name.trim())) return [tool.name, tool.version].filter(Boolean).join(' ');
  return named;
}

export function emptyTranslations(tool: string | null): ReimportTranslations {
  return { tool, applied: [], unchanged: 0, signOffsReopened: [], skipped: [] };
}

function statusOf(target: ImportedTarget, isMt: boolean): ParagraphStatus {
  if (target.state === 'mt' && isMt) return 'machine';
  return target.state === 'confirmed' ? 'translated' : 'edited';
}

/**
 * Applies the file's target of `seg` to the paragraph `p` (at its new position `index`), counting
 * what happened into `out`. Returns the paragraph as it is now.
 */
export function applyFileTarget(
  deps: ServiceDeps,
  ctx: { doc: DocumentRecord; author: Profile; at: string; reimportId: number; out: ReimportTranslations },
  p: Paragraph,
  seg: ImportedSegment,
  index: number,
): Paragraph {
  const { doc, author, at, out } = ctx;
  const number = index + 1;
  const target = seg.target;
  if (p.excluded) {
    if (target && target.text !== p.target) out.skipped.push({ paragraph: number, reason: 'excluded' });
    return p;
  }
  // A translation of invisible characters only is no translation.
  if (!target || isInvisible(target.text)) {
    out.skipped.push({ paragraph: number, reason: 'no-target' });
    return p;
  }
  if (target.text === p.target) {
    out.unchanged++;
    return p;
  }
  const mt = importedMt(target, doc, at);
  const status = statusOf(target, mt !== null);
  const withdraws = p.status === 'signed-off';
  const { signatureBroken: _broken, ...rest } = p;
  const updated: Paragraph = { ...rest, index, target: target.text, status, mt: mt ?? p.mt, signOff: null, updatedAt: at };
  deps.repos.paragraphs.update(updated);
  const who = { paragraphId: p.id, documentId: doc.id, profileId: author.id, authorName: author.name, role: author.role, createdAt: at };
  if (withdraws) {
    createImportingRepo(deps.db).addReopening({
      paragraphId: p.id,
      reimportId: ctx.reimportId,
      oldSource: p.source,
      oldTarget: p.target,
      oldStatus: p.status,
      signedOffByName: p.signOff?.name ?? null,
    });
    deps.repos.revisions.insert({
      ...who,
      origin: 'import',
      action: 'sign-off-withdrawn',
      mtEngine: null,
      beforeText: p.target,
      afterText: p.target,
      statusBefore: p.status,
      statusAfter: status,
    });
    out.signOffsReopened.push(number);
  }
  const isMt = status === 'machine';
  deps.repos.revisions.insert({
    ...who,
    origin: isMt ? 'mt' : 'import',
    action: isMt ? 'mt' : status === 'translated' ? 'confirm' : 'edit',
    // An import revision names the tool that made its text here (the history shows it as the author).
    mtEngine: isMt ? (mt?.engineId ?? null) : ((out.tool ?? target.tool)?.slice(0, 100) ?? null),
    beforeText: p.target,
    afterText: target.text,
    statusBefore: withdraws ? status : p.status,
    statusAfter: status,
  });
  // Where the text came from (issue 12), credited to the tool: an origin the MT record cannot hold.
  const kind = target.origin?.kind ?? 'unknown';
  if (kind !== 'mt') provenanceRepoFor(deps.db).record(p.id, kind, out.tool ?? target.tool, at);
  out.applied.push(number);
  return updated;
}
