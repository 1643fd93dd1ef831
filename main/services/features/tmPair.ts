/** The pair of a translation memory, as its methods take it. */
import { canonicalLanguageTag } from '../../../shared/languages.js';
import { ServiceError } from '../../core/serviceError.js';

/** A TM's pair as the user named it: any valid BCP 47 tags (issue 14), canonical; not the same tag twice. */
export function tmPair(input: { sourceLang: string; targetLang: string }): { sourceLang: string; targetLang: string } {
  const sourceLang = canonicalLanguageTag(input.sourceLang);
  const targetLang = canonicalLanguageTag(input.targetLang);
  for (const [tag, canonical, which] of [
    [input.sourceLang, sourceLang, 'source'],
    [input.targetLang, targetLang, 'target'],
  ] as const) {
    if (canonical === null)
      throw new ServiceError('LANGUAGE_UNKNOWN', `Not a valid ${which} language tag (BCP 47): "${tag.slice(0, 40)}".`, {
        tag: tag.slice(0, 40),
      });
  }
  if (sourceLang === targetLang)
    throw new ServiceError('LANGUAGE_SAME', 'The source and target languages must differ.', { tag: sourceLang! });
  return { sourceLang: sourceLang!, targetLang: targetLang! };
}
