/**
 * The one word tokenizer (issue 15 item 6): `Intl.Segmenter` word boundaries for the text's
 * language (cached per language; an unknown tag falls back to the root locale), so every script
 * splits into real words — Chinese and Japanese by ICU's dictionaries, never by spaces. Used by the
 * TM score, word diffs, glossary matching and the re-import's paragraph similarity.
 */

const segmenters = new Map<string, Intl.Segmenter>();

/** The word segmenter for a language (BCP 47 tag), made once. */
export function wordSegmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    try {
      s = new Intl.Segmenter(lang, { granularity: 'word' });
    } catch {
      s = new Intl.Segmenter('und', { granularity: 'word' });
    }
    segmenters.set(lang, s);
  }
  return s;
}

/** Every segment of the text in order (words, spaces, punctuation): joined, they give the text back. */
export function segments(text: string, lang: string): string[] {
  return Array.from(wordSegmenter(lang).segment(text), (s) => s.segment);
}

/** The words of a text, lower-cased (punctuation and spaces left out). */
export function words(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const s of wordSegmenter(lang).segment(text)) if (s.isWordLike) out.push(s.segment.toLowerCase());
  return out;
}
