/**
 * Export: publish mode needs every paragraph signed off and appends the vetted disclosure
 * footer of the target language (never machine-translated); draft mode is never refused and
 * carries a draft notice instead.
 */
import type { Paragraph } from '../../shared/types.js';
import { draftNoticeFor, type DraftNotice } from '../../shared/features/exportingDraftNotice.js';

/** File-name slug of a title: lowercase letters and digits of any script joined by '-'. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // Latin/Greek/Cyrillic accents only; other scripts keep their signs
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...slug].slice(0, 80).join('').replace(/-+$/, '');
  return cut === '' ? 'document' : cut;
}

/** The draft notice in the document's target language (English when it has none; see exportingDraftNotice.ts). */
export function draftNotice(paragraphs: readonly Paragraph[], targetLang: string): DraftNotice {
  // Paragraphs excluded from translation are done: they are not counted.
  const counted = paragraphs.filter((p) => !p.excluded);
  const signed = counted.filter((p) => p.status === 'signed-off').length;
  return draftNoticeFor(targetLang, signed, counted.length);
}
