/**
 * The status ladder of a paragraph: new -> machine -> edited -> translated -> signed-off.
 * Pure rules; the services apply them and record revisions.
 */
import type { ErrorCode, ParagraphStatus, Role } from './types.js';

export type Check = { ok: true } | { ok: false; code: ErrorCode };

const OK: Check = Object.freeze({ ok: true });
const fail = (code: ErrorCode): Check => ({ ok: false, code });

function isEmptyText(text: string): boolean {
  return text.trim() === '';
}

/** Paragraphs that "translate all" fills by default: no human work yet. */
export function isUntouchedByHumans(status: ParagraphStatus): boolean {
  return status === 'new' || status === 'machine';
}

/** Status after MT text is written; null when MT must not overwrite (human work present). */
export function statusAfterMt(current: ParagraphStatus): ParagraphStatus | null {
  return isUntouchedByHumans(current) ? 'machine' : null;
}

/**
 * Status after a person changes the target text. Unchanged text keeps the status. Changed text
 * becomes 'edited' (or 'new' when it is now empty, or 'machine' when it is now exactly the raw
 * machine translation again, e.g. after undoing every edit); changing a signed-off text withdraws
 * the sign-off.
 */
export function statusAfterEdit(
  current: ParagraphStatus,
  before: string,
  after: string,
  /** The paragraph's raw MT, if it has one. */
  rawMt?: string | null,
): { status: ParagraphStatus; withdrawsSignOff: boolean } {
  if (before === after) return { status: current, withdrawsSignOff: false };
  return {
    status: isEmptyText(after) ? 'new' : rawMt !== undefined && rawMt !== null && after === rawMt ? 'machine' : 'edited',
    withdrawsSignOff: current === 'signed-off',
  };
}

/** Whether a translator (or editor) may confirm the paragraph as translated. */
export function canConfirm(status: ParagraphStatus, target: string): Check {
  if (isEmptyText(target)) return fail('PARAGRAPH_EMPTY');
  if (status === 'machine' || status === 'edited') return OK;
  return fail('PARAGRAPH_NOT_CONFIRMABLE');
}

export function statusAfterConfirm(current: ParagraphStatus): ParagraphStatus {
  void current;
  return 'translated';
}

/** Whether `role` may sign the paragraph off. Only editors sign off. */
export function canSignOff(status: ParagraphStatus, target: string, role: Role): Check {
  if (role !== 'editor') return fail('ROLE_FORBIDDEN');
  if (isEmptyText(target)) return fail('PARAGRAPH_EMPTY');
  if (status === 'machine' || status === 'edited' || status === 'translated') return OK;
  return fail('PARAGRAPH_NOT_CONFIRMABLE');
}
