/**
 * Human work on paragraphs: editing the target, confirming, signing off. Every change is a revision.
 * The sign-off gate lives here: a paragraph with QA errors (shared/qa) is not signed off unless an
 * editor overrides it with a reason, which is kept beside the sign-off revision.
 */
import { createHash } from 'node:crypto';
import type { VersoApi } from '../../shared/api.js';
import type { FastSignOff, RevisionLinkKind } from '../../shared/features/workflowApi.js';
import { isFastSignOff, readingWords } from '../../shared/features/workflowReview.js';
import { qaErrors, runQa, type QaCheck, type QaIssue } from '../../shared/qa/runQa.js';
import { canConfirm, canSignOff, statusAfterConfirm, statusAfterEdit, type Check } from '../../shared/status.js';
import type { ErrorCode, Paragraph, ParagraphStatus, Profile } from '../../shared/types.js';
import { createWorkflowRepo, type WorkflowRepo } from '../db/repositories/workflow/workflowRepo.js';
import { createReplaceRepo } from '../db/repositories/replace/replaceRepo.js';
import { formatNumbers, plural, requireProfile, type ServiceDeps } from './context.js';
import { ServiceError } from '../core/serviceError.js';

/** Edits by the same person within this window fold into one revision (debounced autosave). */
export const EDIT_COALESCE_MS = 60_000;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const REASONS: Partial<Record<ErrorCode, string>> = {
  PARAGRAPH_EMPTY: 'it has no translation',
  PARAGRAPH_NOT_CONFIRMABLE: 'its status does not allow it',
  ROLE_FORBIDDEN: 'only editors sign off',
  QA_BLOCKED: 'QA found errors; an editor can override them with a reason',
  PARAGRAPH_EXCLUDED: 'it is excluded from translation',
};

/** Checks another feature (e.g. the glossary) adds to the gate, per document. */
export type ExtraQaChecks = (documentId: string) => readonly QaCheck[];

type LinkRef = { kind: RevisionLinkKind; revisionId: number };
type OverrideRef = { reason: string; issues: QaIssue[] };
type ReviewRef = { dwellMs: number; words: number; diffViewed: boolean; fast: boolean };

/** The writing core shared by the review service and the workflow feature (undo, restore, bulk sign-off). */
export interface ReviewCore {
  workflow: WorkflowRepo;
  /** The paragraphs, or PARAGRAPH_NOT_FOUND naming the missing ones. */
  load: (ids: readonly string[]) => Paragraph[];
  /** All-or-nothing: refuses the whole call when any paragraph fails the check. */
  checkAll: (paragraphs: readonly Paragraph[], check: (p: Paragraph) => Check, verb: string) => void;
  qaIssues: (p: Paragraph) => QaIssue[];
  /** `tag`: the edit gets a revision of its own (never folded into another) and is handed its id (Replace all batches). */
  writeEdit: (
    p: Paragraph,
    target: string,
    author: Profile,
    link?: LinkRef,
    tag?: (revisionId: number) => void,
  ) => { paragraph: Paragraph; signOffWithdrawn: boolean };
  writeConfirm: (paragraphs: Paragraph[], author: Profile) => Paragraph[];
  /**
   * The review signal of each sign-off: Verso's own reading time and "diff viewed" records
   * (reportReviewFocus, reportDiffViewed), and whether that is faster than plausible reading.
   */
  reviewSignals: (paragraphs: readonly Paragraph[]) => { reviews: Map<string, ReviewRef>; fast: FastSignOff[] };
  writeSignOff: (
    paragraphs: Paragraph[],
    author: Profile,
    overrides?: ReadonlyMap<string, OverrideRef>,
    reviews?: ReadonlyMap<string, ReviewRef>,
  ) => Paragraph[];
}

export function createReviewCore(deps: ServiceDeps, extraChecks: ExtraQaChecks = () => []): ReviewCore {
  const { repos } = deps;
  const workflow = createWorkflowRepo(deps.db);
  const batches = createReplaceRepo(deps.db);

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
    throw ServiceError.withDetails(
      first.result.code,
      `${plural(failures.length, 'paragraph', 'paragraphs')} cannot be ${verb}: ${formatNumbers(numbers)}` +
        ` (paragraph ${first.p.index + 1}: ${REASONS[first.result.code] ?? first.result.code}). Nothing was changed.`,
      { count: failures.length, paragraphs: numbers, paragraphIds: failures.map((f) => f.p.id) },
    );
  }

  /** QA issues of a paragraph as stored (its document gives the language pair). */
  function qaIssues(p: Paragraph): QaIssue[] {
    const doc = repos.documents.get(p.documentId);
    if (!doc) return [];
    return runQa(
      { source: p.source, target: p.target, sourceLang: doc.sourceLang, targetLang: doc.targetLang, mt: p.mt },
      extraChecks(p.documentId),
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
  ): number {
    return repos.revisions.insert({
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

  const writeEdit = deps.db.transaction(
    (p: Paragraph, target: string, author: Profile, link?: LinkRef, tag?: (revisionId: number) => void) => {
      const { status, withdrawsSignOff } = statusAfterEdit(p.status, p.target, target, p.mt?.text);
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
        now.getTime() - Date.parse(last.updatedAt) <= EDIT_COALESCE_MS &&
        // Undo, redo and restore stay revisions of their own (the undo history depends on them).
        link === undefined &&
        !workflow.hasLink(last.id) &&
        // A Replace all is one step of its own, before and after.
        tag === undefined &&
        !batches.isBatched(last.id);
      if (coalesce) repos.revisions.extend(last.id, target, status, at);
      else {
        const id = revision(p, author, 'edit', p.target, target, status, at);
        if (link) workflow.addLink({ revisionId: id, kind: link.kind, targetRevisionId: link.revisionId });
        tag?.(id);
      }
      if (withdrawsSignOff) revision(p, author, 'sign-off-withdrawn', p.target, target, status, at);

      repos.documents.touch(p.documentId, at);
      return { paragraph: updated, signOffWithdrawn: withdrawsSignOff };
    },
  );

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

  const writeSignOff = deps.db.transaction(
    (
      paragraphs: Paragraph[],
      author: Profile,
      overrides: ReadonlyMap<string, OverrideRef> = new Map(),
      reviews: ReadonlyMap<string, ReviewRef> = new Map(),
    ) => {
      const at = deps.now().toISOString();
      return paragraphs.map((p) => {
        // A new sign-off covers the text as it is now.
        const { signatureBroken: _broken, ...rest } = p;
        const updated: Paragraph = {
          ...rest,
          status: 'signed-off',
          signOff: { profileId: author.id, name: author.name, role: author.role, at, textHash: sha256Hex(p.target) },
          updatedAt: at,
        };
        repos.paragraphs.update(updated);
        const id = revision(p, author, 'sign-off', p.target, p.target, 'signed-off', at);
        const override = overrides.get(p.id);
        if (override)
          workflow.addOverride({ revisionId: id, paragraphId: p.id, reason: override.reason, issues: override.issues, createdAt: at });
        const review = reviews.get(p.id);
        if (review) workflow.addReview({ revisionId: id, paragraphId: p.id, ...review });
        repos.documents.touch(p.documentId, at);
        return updated;
      });
    },
  );

  function reviewSignals(paragraphs: readonly Paragraph[]): { reviews: Map<string, ReviewRef>; fast: FastSignOff[] } {
    const reviews = new Map<string, ReviewRef>();
    const fast: FastSignOff[] = [];
    for (const p of paragraphs) {
      const dwellMs = deps.reviewClock.dwellMs(p.id);
      const words = readingWords(p.target, repos.documents.get(p.documentId)?.targetLang ?? 'und');
      const isFast = isFastSignOff(dwellMs, words);
      reviews.set(p.id, { dwellMs, words, diffViewed: deps.reviewClock.sawDiff(p.id), fast: isFast });
      if (isFast) fast.push({ paragraphId: p.id, number: p.index + 1, dwellMs, words });
    }
    return { reviews, fast };
  }

  return {
    workflow,
    load,
    checkAll,
    qaIssues,
    reviewSignals,
    writeEdit: (p, target, author, link, tag) => writeEdit(p, target, author, link, tag),
    writeConfirm: (paragraphs, author) => writeConfirm(paragraphs, author),
    writeSignOff: (paragraphs, author, overrides, reviews) => writeSignOff(paragraphs, author, overrides, reviews),
  };
}

/** The editor must be an editor (checked before anything else). */
export function requireEditor(deps: ServiceDeps): Profile {
  const author = requireProfile(deps);
  if (author.role !== 'editor') {
    throw new ServiceError('ROLE_FORBIDDEN', `Only editors can sign off paragraphs; ${author.name} works as a ${author.role}.`, {
      role: author.role,
    });
  }
  return author;
}

export function createReviewService(
  deps: ServiceDeps,
  extraChecks?: ExtraQaChecks,
): Pick<VersoApi, 'updateParagraphTarget' | 'confirmParagraphs' | 'signOffParagraphs'> {
  const { load, checkAll, qaIssues, writeEdit, writeConfirm, writeSignOff, reviewSignals } = createReviewCore(deps, extraChecks);

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
      const author = requireEditor(deps);
      const paragraphs = load(paragraphIds);
      checkAll(
        paragraphs,
        (p) => (p.excluded ? { ok: false, code: 'PARAGRAPH_EXCLUDED' } : canSignOff(p.status, p.target, author.role)),
        'signed off',
      );
      // The QA gate: all-or-nothing here; signOffReviewed (workflow) skips and takes overrides.
      checkAll(paragraphs, (p) => (qaErrors(qaIssues(p)).length > 0 ? { ok: false, code: 'QA_BLOCKED' } : { ok: true }), 'signed off');
      // The review signal (fast sign-off) is recorded here too, as signOffReviewed records it.
      return writeSignOff(paragraphs, author, undefined, reviewSignals(paragraphs).reviews);
    },
  };
}
