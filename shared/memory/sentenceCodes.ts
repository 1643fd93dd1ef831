/**
 * Inline codes of one sentence (issue 17 item 3). A paragraph's placeholders number its codes
 * (shared/inline/inlineCodes.ts); segmentation never splits a pair (shared/text/sentences.ts), so
 * every code a sentence holds is whole in it.
 * - A sentence stored as a TM unit keeps its own codes, renumbered from 0 (`pairWithOwnCodes`), like a
 *   paragraph unit, so it is self-contained (TMX export, formatting penalty, insertion).
 * - A sentence match inserted into a paragraph maps the unit's tokens onto the codes of the
 *   paragraph's sentence by kind and order (`mapOntoSentence`), as a paragraph match does onto
 *   the paragraph's codes; tokens without a counterpart are dropped.
 */
import { closeToken, openToken, soloToken, tokenInfo, TOKEN_PATTERN, type InlineCode } from '../inline/inlineCodes.js';
import { mapUnitTokens } from './formatting.js';
import { splitSentences } from '../text/sentences.js';

/** The paragraph's code indexes a text holds, in order of first appearance. */
function codeIndexes(text: string): number[] {
  const seen = new Set<number>();
  for (const m of text.matchAll(TOKEN_PATTERN)) seen.add(tokenInfo(m[0])!.index);
  return [...seen];
}

/** The text with each placeholder's code index mapped (unmapped placeholders dropped). */
function renumber(text: string, to: (index: number) => number | undefined): string {
  return text.replace(TOKEN_PATTERN, (ch) => {
    const info = tokenInfo(ch)!;
    const j = to(info.index);
    if (j === undefined) return '';
    return info.role === 'open' ? openToken(j) : info.role === 'close' ? closeToken(j) : soloToken(j);
  });
}

/** A source sentence and its target sentence with their own codes, numbered from 0 (source's first, then any only the target holds). */
export function pairWithOwnCodes(
  source: string,
  target: string,
  codes: readonly InlineCode[],
): { source: string; target: string; codes: InlineCode[] } {
  const indexes = [...new Set([...codeIndexes(source), ...codeIndexes(target)])].filter((i) => codes[i] !== undefined);
  const position = new Map(indexes.map((i, j) => [i, j]));
  const to = (i: number) => position.get(i);
  return { source: renumber(source, to), target: renumber(target, to), codes: indexes.map((i) => codes[i]!) };
}

/** A unit's target as it goes in place of a paragraph sentence: its tokens on that sentence's codes (paragraph numbering). */
export function mapOntoSentence(
  target: string,
  unitCodes: readonly InlineCode[],
  sentence: string,
  paragraphCodes: readonly InlineCode[],
): string {
  const indexes = codeIndexes(sentence).filter((i) => paragraphCodes[i] !== undefined);
  const mapped = mapUnitTokens(
    target,
    unitCodes,
    indexes.map((i) => paragraphCodes[i]!),
  );
  return renumber(mapped, (j) => indexes[j]);
}

interface SentencePair {
  source: string;
  target: string;
  codes: InlineCode[];
}

/** The aligned sentence pairs of a paragraph, or none when the sentence counts differ or it has one sentence. */
export function alignedSentences(
  source: string,
  target: string,
  codes: readonly InlineCode[],
  sourceLang: string,
  targetLang: string,
): SentencePair[] {
  const sources = splitSentences(source, sourceLang);
  const targets = splitSentences(target, targetLang);
  if (sources.length < 2 || sources.length !== targets.length) return [];
  return sources.map((s, i) => pairWithOwnCodes(s.text, targets[i]!.text, codes));
}
