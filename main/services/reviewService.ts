/** Human work on paragraphs: editing the target, confirming, signing off. Every change is a revision. */
import { createHash } from 'node:crypto';
import type { VersoApi } from '../../shared/api.js';
import { canConfirm, canSignOff, statusAfterConfirm, statusAfterEdit, type Check } from '../../shared/status.js';
import type { ErrorCode, Paragraph, ParagraphStatus, Profile } from '../../shared/types.js';
import { formatNumbers, plural, requireProfile, type ServiceDeps } from './context.js';
import { ServiceError } from './serviceError.js';

/** Edits by the same person within this window fold into one revision (debounced autosave). */
export const EDIT_COALESCE_MS = 60_000;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const REASONS: Partial<Record<ErrorCode, string>> = {
  PARAGRAPH_EMPTY: 'it has no translation',
  PARAGRAPH_NOT_CONFIRMABLE: 'its status does not allow it',
  ROLE_FORBIDDEN: 'only editors sign off',
};

export function createReviewService(
  deps: ServiceDeps,
): Pick<VersoApi, 'updateParagraphTarget' | 'confirmParagraphs' | 'signOffParagraphs'> {
  const { repos } = deps;

  function load(ids: readonly string[]): Paragraph[] {
    const unique = [...new Set(ids)];
    const found = unique.map((id) => repos.paragraphs.get(id));
    const missing = unique.filter((_, i) => found[i] === null);
    if (missing.length > 0) {
      throw new ServiceError('PARAGRAPH_NOT_FOUND', `${plural(missing.length, 'paragraph does', 'paragraphs do')} not exist.`, {
        paragraphIds: missing.slice(0, 100),
      });
    }
    return found as Paragraph[];
  }

  /** All-or-nothing: refuses the whole call when any paragraph fails the check. */
  function checkAll(paragraphs: readonly Paragraph[], check: (p: Paragraph) => Check, verb: string): void {
    const failures = paragraphs
      .map((p) => ({ p, result: check(p) }))
      .filter((f): f is { p: Paragraph; result: { ok: false; code: ErrorCode } } => !f.result.ok)
      .sort((a, b) => a.p.documentId.localeCompare(b.p.documentId) || a.p.index - b.p.index);
    const first = failures[0];
    if (!first) return;
    const numbers = failures.map((f) => f.p.index + 1);
    throw new ServiceError(
      first.result.code,
      `${plural(failures.length, 'paragraph', 'paragraphs')} cannot be ${verb}: ${formatNumbers(numbers)}` +
        ` (paragraph ${first.p.index + 1}: ${REASONS[first.result.code] ?? first.result.code}). Nothing was changed.`,
      { count: failures.length, paragraphs: numbers, paragraphIds: failures.map((f) => f.p.id) },
    );
  }

  function revision(
    p: Paragraph,
    author: Profile,
    action: 'edit' | 'confirm' | 'sign-off' | 'sign-off-withdrawn',
    beforeText: string,
    afterText: string,
    statusAfter: ParagraphStatus,
    at: string,
  ): void {
    repos.revisions.insert({
      paragraphId: p.id,
      documentId: p.documentId,
      profileId: author.id,
      authorName: author.name,
      role: author.role,
      origin: 'human',
      action,
      mtEngine: null,
      beforeText,
      afterText,
      statusBefore: p.status,
      statusAfter,
      createdAt: at,
    });
  }

  const writeEdit = deps.db.transaction((p: Paragraph, target: string, author: Profile) => {
    const { status, withdrawsSignOff } = statusAfterEdit(p.status, p.target, target);
    const now = deps.now();
    const at = now.toISOString();
    const updated: Paragraph = { ...p, target, status, signOff: withdrawsSignOff ? null : p.signOff, updatedAt: at };
    repos.paragraphs.update(updated);

    const last = repos.revisions.last(p.id);
    const coalesce =
      !withdrawsSignOff &&
      last !== null &&
      last.action === 'edit' &&
      last.origin === 'human' &&
      last.profileId === author.id &&
      now.getTime() - Date.parse(last.updatedAt) <= EDIT_COALESCE_MS;
    if (coalesce) repos.revisions.extend(last.id, target, status, at);
    else revision(p, author, 'edit', p.target, target, status, at);
    if (withdrawsSignOff) revision(p, author, 'sign-off-withdrawn', p.target, target, status, at);

    repos.documents.touch(p.documentId, at);
    return { paragraph: updated, signOffWithdrawn: withdrawsSignOff };
  });

  const writeConfirm = deps.db.transaction((paragraphs: Paragraph[], author: Profile) => {
    const at = deps.now().toISOString();
    return paragraphs.map((p) => {
      const status = statusAfterConfirm(p.status);
      const updated: Paragraph = { ...p, status, updatedAt: at };
      repos.paragraphs.update(updated);
      revision(p, author, 'confirm', p.target, p.target, status, at);
      repos.documents.touch(p.documentId, at);
      return updated;
    });
  });

  const writeSignOff = deps.db.transaction((paragraphs: Paragraph[], author: Profile) => {
    const at = deps.now().toISOString();
    return paragraphs.map((p) => {
      const updated: Paragraph = {
        ...p,
        status: 'signed-off',
        signOff: { profileId: author.id, name: author.name, role: author.role, at, textHash: sha256Hex(p.target) },
        updatedAt: at,
      };
      repos.paragraphs.update(updated);
      revision(p, author, 'sign-off', p.target, p.target, 'signed-off', at);
      repos.documents.touch(p.documentId, at);
      return updated;
    });
  });

  return {
    async updateParagraphTarget({ paragraphId, target }) {
      const author = requireProfile(deps);
      const [p] = load([paragraphId]);
      if (p!.target === target) return { paragraph: p!, signOffWithdrawn: false };
      return writeEdit(p!, target, author);
    },

    async confirmParagraphs({ paragraphIds }) {
      const author = requireProfile(deps);
      const paragraphs = load(paragraphIds);
      checkAll(paragraphs, (p) => canConfirm(p.status, p.target), 'confirmed');
      return writeConfirm(paragraphs, author);
    },

    async signOffParagraphs({ paragraphIds }) {
      const author = requireProfile(deps);
      if (author.role !== 'editor') {
        throw new ServiceError('ROLE_FORBIDDEN', `Only editors can sign off paragraphs; ${author.name} works as a ${author.role}.`, {
          role: author.role,
        });
      }
      const paragraphs = load(paragraphIds);
      checkAll(paragraphs, (p) => canSignOff(p.status, p.target, author.role), 'signed off');
      return writeSignOff(paragraphs, author);
    },
  };
}
