/**
 * Sentence segmentation (issue 17 item 3): `Intl.Segmenter` sentence boundaries (ICU: ". ", "? ",
 * "! ", CJK "。！？", closing quotes kept with their sentence, "3.5", "... then") with the breaks
 * ICU makes wrongly taken back:
 * - after an abbreviation that never ends a sentence in the language ("Dr.", "Mr.", "e.g.", "Sr.",
 *   "z.", "Prof.", …; `NO_BREAK_AFTER`); "etc."/"usw." may end one, and ICU already keeps going
 *   when a lower-case word follows;
 * - after one letter and a period: initials ("J. K. Rowling") and spaced abbreviations ("z. B.",
 *   "d. h."); a sentence ending in one capital letter ("plan B.") is therefore not split;
 * - German ordinals ("am 3. Oktober"): a number of up to four digits and a period;
 * - inside a pair of inline codes (shared/inline/inlineCodes.ts): a bold or a link that spans two
 *   sentences keeps them one; the closing placeholders right after a period go with its sentence;
 * - a piece without a letter or digit (a trailing line-break code) joins the sentence before it.
 * Other languages get ICU's boundaries and the one-letter rule. Pure: no Node, no DOM.
 */
import { tokenInfo } from '../inline/inlineCodes.js';

export interface Sentence {
  /** Offset of its first character in the paragraph (white space between sentences belongs to none). */
  start: number;
  /** Offset after its last character. */
  end: number;
  text: string;
}

/** Lower-cased abbreviations after which no sentence ends, per primary language. */
const NO_BREAK_AFTER: Readonly<Record<string, readonly string[]>> = {
  en: [
    'dr.',
    'mr.',
    'mrs.',
    'ms.',
    'prof.',
    'st.',
    'jr.',
    'sr.',
    'gen.',
    'gov.',
    'sen.',
    'rep.',
    'e.g.',
    'i.e.',
    'vs.',
    'cf.',
    'no.',
    'approx.',
  ],
  es: ['sr.', 'sra.', 'srta.', 'dr.', 'dra.', 'lic.', 'ing.', 'prof.', 'ud.', 'uds.', 'p.ej.', 'núm.', 'pág.', 'aprox.', 'avda.', 'cf.'],
  de: ['dr.', 'prof.', 'hr.', 'fr.', 'nr.', 'vgl.', 'bzw.', 'ca.', 'd.h.', 'u.a.', 'z.b.', 'inkl.', 'evtl.', 'sog.', 'st.', 'abs.'],
  fr: ['mme.', 'mlle.', 'dr.', 'pr.', 'me.', 'mgr.', 'p.ex.', 'cf.', 'env.', 'av.', 'bd.', 'n°.', 'st.', 'ste.'],
  pt: ['sr.', 'sra.', 'srta.', 'dr.', 'dra.', 'prof.', 'profa.', 'av.', 'p.ex.', 'nº.', 'pág.', 'aprox.', 'cf.'],
  it: ['sig.', 'sig.ra', 'sigg.', 'dott.', 'dott.ssa', 'prof.', 'avv.', 'ing.', 'on.', 'pag.', 'ecc.', 'es.', 'cfr.', 'n.'],
};

const sentenceSegmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(lang: string): Intl.Segmenter {
  let s = sentenceSegmenters.get(lang);
  if (!s) {
    try {
      s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    } catch {
      s = new Intl.Segmenter('und', { granularity: 'sentence' });
    }
    sentenceSegmenters.set(lang, s);
  }
  return s;
}

const primaryOf = (lang: string): string => lang.split('-')[0]!.toLowerCase();
const isCloseToken = (ch: string | undefined): boolean => ch !== undefined && tokenInfo(ch)?.role === 'close';
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The last white-space-separated word before `at`, placeholders and closing punctuation left out. */
function lastWord(text: string, at: number): string {
  const before = text
    .slice(Math.max(0, at - 40), at)
    .replace(/[\uE000-\uE2FF]/gu, '')
    .trimEnd();
  return /(\S+)$/u.exec(before)?.[1] ?? '';
}

/** Does ICU's break at `at` follow an abbreviation, an initial or (German) an ordinal? */
function afterAbbreviation(text: string, at: number, lang: string): boolean {
  const word = lastWord(text, at).replace(/^[("'«“‘¿¡]+/u, '');
  if (!word.endsWith('.')) return false;
  const lower = word.toLowerCase();
  const primary = primaryOf(lang);
  if ((NO_BREAK_AFTER[primary] ?? []).includes(lower)) return true;
  if (/^\p{L}\.$/u.test(word) || /^(\p{L}\.){2,}$/u.test(word)) return true;
  return primary === 'de' && /^\d{1,4}\.$/u.test(word);
}

/** Placeholders of paired codes opened before `at` and not closed yet. */
function openPairs(text: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const role = tokenInfo(text[i]!)?.role;
    if (role === 'open') depth++;
    else if (role === 'close') depth--;
  }
  return depth;
}

/** Break positions: ICU's, moved past closing placeholders, without the wrong ones. */
function breaks(text: string, lang: string): number[] {
  const out: number[] = [];
  for (const { index } of sentenceSegmenter(lang).segment(text)) {
    if (index === 0) continue;
    let at = index;
    // A close right after a period ("<b>Stop.</b> Then"), possibly after white space: its sentence's.
    let probe = at;
    while (probe < text.length && /\s/u.test(text[probe]!)) probe++;
    while (isCloseToken(text[probe])) at = ++probe;
    if (at >= text.length || out.at(-1) === at) continue;
    if (afterAbbreviation(text, index, lang) || openPairs(text, at) > 0) continue;
    out.push(at);
  }
  return out;
}

/** The sentences of a paragraph, trimmed, in order; an empty or blank text has none. */
export function splitSentences(text: string, lang: string): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  for (const to of [...breaks(text, lang), text.length]) {
    const piece = text.slice(from, to);
    const start = from + (piece.length - piece.trimStart().length);
    const end = from + piece.trimEnd().length;
    from = to;
    if (end <= start) continue;
    const last = sentences.at(-1);
    // Nothing to read in it (a trailing line-break code): part of the sentence before.
    if (last && !WORD_CHAR.test(text.slice(start, end))) {
      last.end = end;
      last.text = text.slice(last.start, end);
      continue;
    }
    sentences.push({ start, end, text: text.slice(start, end) });
  }
  return sentences;
}
