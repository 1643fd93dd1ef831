/**
 * What an XLIFF import does not keep, by element (issue 14: nothing dropped silently). Notes on a
 * unit become comments (kept); notes outside any unit, alternative translations that are not MT,
 * context, annotations, glossary and other module data, and binary units are listed in the import
 * report with the paragraph they belong to.
 */
import type { SaxesTagNS } from 'saxes';
import type { ImportReportLostItem } from '../../../shared/import/importReport.js';

const NS_1 = 'urn:oasis:names:tc:xliff:document:1.2';
const NS_2 = 'urn:oasis:names:tc:xliff:document:2.0';
const NS_GLS = 'urn:oasis:names:tc:xliff:glossary:2.0';

/** 1.2 elements of a unit that hold nothing to translate and nothing lost: the source split in segments. */
const UNIT_SKIPPED_QUIETLY_1 = new Set(['seg-source']);
const CONTEXT_1 = new Set(['context-group', 'context']);

/**
 * The report item for an element of a unit that the reader skips (outside its source and target,
 * not a note, candidate or Verso's own data), or null when skipping it loses nothing.
 */
export function skippedInUnit(tag: SaxesTagNS, version: 1 | 2): ImportReportLostItem | null {
  if (version === 1 && (tag.uri === NS_1 || tag.uri === '')) {
    if (UNIT_SKIPPED_QUIETLY_1.has(tag.local)) return null;
    return CONTEXT_1.has(tag.local) ? 'context' : 'metadata';
  }
  if (version === 2 && tag.uri === NS_2) return 'metadata';
  return tag.uri === NS_GLS ? 'glossary' : 'metadata';
}

/** Inline annotations whose text is kept but whose meaning (a comment, a term, protection) is not. */
export const ANNOTATIONS = new Set(['mrk', 'sm', 'em']);

/** 2.0 note categories Verso writes for its own records (the title, a draft notice, MT and sign-off records). */
const VERSO_CATEGORIES = new Set(['title', 'draft', 'mt', 'sign-off']);
/** Verso's 1.2 sign-off record: "signed off <time> sha256:<hash>" under the editor's name. */
const SIGN_OFF_RECORD = /^signed off \S+ sha256:[0-9a-f]+$/;

/**
 * Whether a note is one of the records Verso writes into its own XLIFF (title, draft notice, MT
 * engine, sign-off), which the import reads elsewhere or rebuilds: no comment, nothing lost.
 */
export function isVersoRecord(tag: SaxesTagNS, text: string | null): boolean {
  const from = tag.attributes['from']?.value ?? null;
  const category = tag.attributes['category']?.value ?? null;
  if (from === 'verso' || (category !== null && VERSO_CATEGORIES.has(category))) return true;
  return text !== null && SIGN_OFF_RECORD.test(text.trim());
}

/** The author a note's comment is shown under: the 1.2 `from`, the 2.0 `category`, else the file format. */
export function noteAuthor(tag: SaxesTagNS): string {
  const from = tag.attributes['from']?.value ?? tag.attributes['category']?.value ?? '';
  return from.trim() === '' ? 'XLIFF' : `XLIFF (${from.trim().slice(0, 60)})`;
}
