/**
 * The text `npm run bench:ui` imports: news-like English paragraphs built from English prose every
 * Debian machine has (the reference article and the common licences bench:mt uses). Sentences are
 * drawn with a seeded generator into paragraphs of one to three sentences, the length of a news
 * paragraph, every paragraph different (so neither the MT cache nor Find meets duplicates); some
 * carry a Markdown link or emphasis, as most paragraphs of a real CMS page do. Pure: the caller
 * reads the files.
 */
import { mulberry32 } from '../../shared/testing/seededRandom.js';

export interface BenchParagraph {
  /** What Verso imports (Markdown: links and emphasis become inline codes). */
  markdown: string;
  /** The same words without markup: what raw `apertium` translates. */
  plain: string;
}

export interface CorpusOptions {
  paragraphs: number;
  seed: number;
  /** Share of paragraphs with a link (default 0.3); 0 gives plain paragraphs only. */
  linkShare?: number;
  /** Share of paragraphs with emphasis (default 0.15). */
  emphasisShare?: number;
}

/** A small, well-distributed seeded generator (mulberry32; reproducible runs). */
export const seededRandom = mulberry32;

/** Markdown would read these as markup, lists or headings; prose sentences without them are kept. */
const MARKUP = /[*_`#<>[\]|\\{}]|^\s*(?:\d+[.)]|[-+>])\s/;

/** The sentences of some prose that read like a news sentence: 6–45 words, capitalised, not shouted. */
export function proseSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const flat = block.replace(/\s+/g, ' ').trim();
    for (const s of flat.split(/(?<=[.!?][”’"]?)\s+(?=[“‘"]?[A-Z])/)) {
      const words = s.split(' ').length;
      if (words < 6 || words > 45) continue;
      if (!/^[“‘"]?[A-Z]/.test(s) || !/[.!?][”’"]?$/.test(s)) continue;
      if (MARKUP.test(s) || /https?:|www\.|@/.test(s)) continue;
      const letters = s.replace(/[^A-Za-z]/g, '');
      if (letters.replace(/[^A-Z]/g, '').length > letters.length * 0.3) continue;
      sentences.push(s);
    }
  }
  return [...new Set(sentences)];
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Wraps 2–4 words of the paragraph (not its first word) in a link or emphasis. */
function markUp(plain: string, random: () => number, kind: 'link' | 'emphasis', n: number): string {
  const words = plain.split(' ');
  if (words.length < 6) return plain;
  const length = 2 + Math.floor(random() * 3);
  const start = 1 + Math.floor(random() * (words.length - length - 1));
  const span = words.slice(start, start + length);
  // Punctuation stays outside the markup, as a CMS puts it.
  const last = span[span.length - 1]!;
  const trail = /[.,;:!?”’"]+$/.exec(last)?.[0] ?? '';
  span[span.length - 1] = last.slice(0, last.length - trail.length);
  const inner = span.join(' ');
  const marked = kind === 'link' ? `[${inner}](https://news.example.org/story/${n})` : `*${inner}*`;
  return [...words.slice(0, start), marked + trail, ...words.slice(start + length)].join(' ');
}

/**
 * `paragraphs` different paragraphs. News sentences (the first source) are drawn as often as all
 * the others together, so the text reads like news while the other prose gives variety.
 */
export function buildCorpus(news: readonly string[], other: readonly string[], options: CorpusOptions): BenchParagraph[] {
  if (news.length === 0 && other.length === 0) throw new Error('No sentences to build paragraphs from.');
  const random = seededRandom(options.seed);
  const linkShare = options.linkShare ?? 0.3;
  const emphasisShare = options.emphasisShare ?? 0.15;
  const seen = new Set<string>();
  const out: BenchParagraph[] = [];
  let attempts = 0;
  while (out.length < options.paragraphs) {
    if (++attempts > options.paragraphs * 50) throw new Error(`Only ${out.length} different paragraphs could be built.`);
    const count = 1 + Math.floor(random() * 3);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const pool = other.length === 0 || (news.length > 0 && random() < 0.5) ? news : other;
      parts.push(pick(pool, random));
    }
    const plain = parts.join(' ');
    if (seen.has(plain)) continue;
    seen.add(plain);
    const roll = random();
    const kind = roll < linkShare ? 'link' : roll < linkShare + emphasisShare ? 'emphasis' : null;
    out.push({ plain, markdown: kind ? markUp(plain, random, kind, out.length + 1) : plain });
  }
  return out;
}

/**
 * A word to search for: letters only, at least 5 long, found (whole, any case) in the sources of
 * about `share` of the paragraphs — a search that filters the list to a page or so of rows.
 */
export function findWord(paragraphs: readonly BenchParagraph[], share = 0.02): { word: string; matches: number } {
  const df = new Map<string, number>();
  for (const p of paragraphs) {
    for (const w of new Set(p.plain.toLowerCase().match(/\p{L}{5,}/gu) ?? [])) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const target = Math.max(1, paragraphs.length * share);
  let best: { word: string; matches: number } | null = null;
  for (const [word, matches] of [...df.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!best || Math.abs(matches - target) < Math.abs(best.matches - target)) best = { word, matches };
  }
  if (!best) throw new Error('No word to search for.');
  return best;
}
