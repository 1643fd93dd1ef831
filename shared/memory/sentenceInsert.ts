/**
 * Where sentence matches go in a translation (issue 17 item 3; docs/translation-memory.md):
 * - **Insert sentence** replaces the target's sentence of the same index when the target has as
 *   many sentences as the source (shared/text/sentences.ts); otherwise (an empty target, a target
 *   still being built, a translation that merged or split sentences) the match is appended at the
 *   end, after a space (none in Chinese and Japanese), so inserting sentence by sentence in order
 *   builds the translation;
 * - **Insert assembled** is the source with each sentence replaced by its match; a sentence without
 *   a match keeps its source text (for the translator or MT to replace), and what lies between
 *   sentences (spaces, line breaks) is the source's.
 */
import { splitSentences } from '../text/sentences.js';

const NO_SPACE_LANGUAGES = new Set(['zh', 'ja']);

function sentenceSeparator(lang: string): string {
  return NO_SPACE_LANGUAGES.has(lang.split('-')[0]!.toLowerCase()) ? '' : ' ';
}

/** The target with `sentence` placed as the source's sentence `index` of `sourceCount`. */
export function placeSentence(target: string, sentence: string, index: number, sourceCount: number, targetLang: string): string {
  const targets = splitSentences(target, targetLang);
  const same = targets.length === sourceCount ? targets[index] : undefined;
  if (same) return target.slice(0, same.start) + sentence + target.slice(same.end);
  const kept = target.trimEnd();
  return kept === '' ? sentence : kept + sentenceSeparator(targetLang) + sentence;
}

/** The source with each sentence span replaced by its text (null: the source sentence stays). */
export function assembleSentences(
  source: string,
  spans: readonly { start: number; end: number }[],
  texts: readonly (string | null)[],
): string {
  let out = '';
  let at = 0;
  spans.forEach((span, i) => {
    out += source.slice(at, span.start) + (texts[i] ?? source.slice(span.start, span.end));
    at = span.end;
  });
  return out + source.slice(at);
}
