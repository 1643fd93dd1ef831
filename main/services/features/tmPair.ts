/** The pair of a translation memory, as its methods take it. */
import { canonicalLanguageTag } from '../../../shared/languages.js';
import { ServiceError } from '../../core/serviceError.js';

/** Any valid BCP 47 tag (issue 14), canonical; else LANGUAGE_UNKNOWN naming it. */
export function checkedTag(tag: string, which: 'source' | 'target'): string {
  const canonical = canonicalLanguageTag(tag);
  if (canonical === null)
    throw new ServiceError('LANGUAGE_UNKNOWN', `Not a valid ${which} language tag (BCP 47): "${tag.slice(0, 40)}".`, {
      tag: tag.slice(0, 40),
    });
  return canonical;
}

/** A TM's pair as the user named it: any valid BCP 47 tags, canonical; not the same tag twice. */
export function tmPair(input: { sourceLang: string; targetLang: string }): { sourceLang: string; targetLang: string } {
  const sourceLang = checkedTag(input.sourceLang, 'source');
  const targetLang = checkedTag(input.targetLang, 'target');
  if (sourceLang === targetLang)
    throw new ServiceError('LANGUAGE_SAME', 'The source and target languages must differ.', { tag: sourceLang });
  return { sourceLang, targetLang };
}
