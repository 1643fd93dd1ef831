// The corpus shapes of `npm run bench:tm --corpus NAME` (deterministic: a seeded PRNG).
// Each corpus gives `makeSource()` (a unit's source text) and `makeQuery(samples)` (a lookup: edited
// copies of stored units, `samples`, and new sentences of the same shape).
//   zipf     — the generated newsroom corpus: a Zipf vocabulary of function words and 40,000 invented
//              words; 60 % boilerplate from 400 templates with names, numbers and days in slots.
//   lowvocab — word-bigram chains over one long real text, the GNU GPL version 3
//              (/usr/share/common-licenses/GPL-3, 5,629 words) restricted to its 999 most frequent
//              words: sentences of 5–40 words, strongly repetitive, as legal boilerplate.
//   neardup  — families of near-duplicates: a base sentence (from the Zipf vocabulary) and its
//              variants differing by one or two words; family sizes from 1 to about 5,000.
import fs from 'node:fs';
import { mulberry32, zipfSampler } from './random.mjs';

export const CORPORA = ['zipf', 'lowvocab', 'neardup'];
export const LONG_TEXT = '/usr/share/common-licenses/GPL-3';

function randomTools(seed) {
  const rand = mulberry32(seed);
  const int = (n) => Math.floor(rand() * n);
  const pick = (xs) => xs[int(xs.length)];
  return { rand, int, pick };
}

const FUNCTION_WORDS = (
  'the of and to a in that is for on it with as was he said by at from his an be has have are ' +
  'but not they this had were which who will been their its after more one also would we new ' +
  'there up or about than other into could when last two over her year people first government ' +
  'minister police president officials country city state week some told while under years'
).split(' ');
const SYLLABLES =
  'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zi zo an en in on ar er or al el il ol'.split(
    ' ',
  );

/** A Zipf (s = 1.05) sampler over function words and 40,000 invented words. */
function zipfVocabulary({ rand, int, pick }) {
  const invented = new Set();
  while (invented.size < 40_000) {
    let w = '';
    for (let k = 2 + int(3); k > 0; k--) w += pick(SYLLABLES);
    invented.add(w);
  }
  return zipfSampler(rand, [...FUNCTION_WORDS, ...invented]);
}

/** Words joined as a sentence: capitalised, with a final full stop (one in ten a question). */
function sentenceOf(rand, words) {
  const text = words.join(' ').replace(/ ,/g, ',');
  return text[0].toUpperCase() + text.slice(1) + (rand() < 0.1 ? '?' : '.');
}

/** 1–3 edits of a stored text: a word replaced, deleted, inserted, or its case changed. */
function editor({ int }, newWord) {
  return (text) => {
    const words = text.slice(0, -1).split(' ');
    for (let e = 1 + int(3); e > 0; e--) {
      const at = int(words.length);
      const op = int(4);
      if (op === 0) words[at] = newWord();
      else if (op === 1 && words.length > 3) words.splice(at, 1);
      else if (op === 2) words.splice(at, 0, newWord());
      else words[at] = words[at].toUpperCase() === words[at] ? words[at].toLowerCase() : words[at].toUpperCase();
    }
    return words.join(' ') + text.slice(-1);
  };
}

function zipfCorpus(seed) {
  const tools = randomTools(seed);
  const { rand, int, pick } = tools;
  const zipfWord = zipfVocabulary(tools);
  const NAMES = Array.from({ length: 5000 }, () => {
    const w = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
    return w[0].toUpperCase() + w.slice(1);
  });
  const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const SLOTS = {
    NAME: () => pick(NAMES) + ' ' + pick(NAMES),
    NUM: () => String(1 + int(5000)),
    DAY: () => pick(DAYS),
    PLACE: () => pick(NAMES),
  };
  const TEMPLATES = Array.from({ length: 400 }, () => {
    const words = Array.from({ length: 10 + int(16) }, zipfWord);
    const kinds = Object.keys(SLOTS);
    for (let s = 2 + int(3); s > 0; s--) words.splice(int(words.length + 1), 0, `{${pick(kinds)}}`);
    if (rand() < 0.5) words.splice(1 + int(words.length - 1), 0, ',');
    return words;
  });
  const fillTemplate = () =>
    sentenceOf(
      rand,
      pick(TEMPLATES).map((w) => (w.startsWith('{') ? SLOTS[w.slice(1, -1)]() : w)),
    );
  const freeSentence = () => sentenceOf(rand, Array.from({ length: 8 + int(23) }, zipfWord));
  const edit = editor(tools, zipfWord);
  return {
    rand,
    makeSource: () => (rand() < 0.6 ? fillTemplate() : freeSentence()),
    makeQuery(samples) {
      const r = rand();
      if (r < 0.5 && samples.length > 0) return edit(pick(samples));
      return r < 0.75 ? fillTemplate() : freeSentence();
    },
  };
}

/** The long text's words (lower-cased), and each word's successors in the text, over its `max` most frequent words. */
export function bigramChains(text, max = 999) {
  const words = (text.match(/[A-Za-z]+(?:'[a-z]+)?/g) ?? []).map((w) => w.toLowerCase());
  const freq = new Map();
  for (const w of words) freq.set(w, (freq.get(w) ?? 0) + 1);
  const kept = new Set(
    [...freq]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, max)
      .map(([w]) => w),
  );
  const successors = new Map();
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i], words[i + 1]];
    if (!kept.has(a) || !kept.has(b)) continue;
    if (!successors.has(a)) successors.set(a, []);
    successors.get(a).push(b);
  }
  return { words: words.filter((w) => kept.has(w)), successors };
}

function lowvocabCorpus(seed) {
  const tools = randomTools(seed);
  const { rand, int, pick } = tools;
  const { words, successors } = bigramChains(fs.readFileSync(LONG_TEXT, 'utf8'));
  const chain = () => {
    const out = [pick(words)];
    for (let length = 5 + int(36); out.length < length;) {
      const next = successors.get(out.at(-1));
      out.push(next ? pick(next) : pick(words));
    }
    if (rand() < 0.3) out.splice(2 + int(out.length - 3), 0, ',');
    return sentenceOf(rand, out);
  };
  const edit = editor(tools, () => pick(words));
  return {
    rand,
    makeSource: chain,
    makeQuery: (samples) => (rand() < 0.6 && samples.length > 0 ? edit(pick(samples)) : chain()),
  };
}

function neardupCorpus(seed) {
  const tools = randomTools(seed);
  const { rand, int, pick } = tools;
  const zipfWord = zipfVocabulary(tools);
  const variant = (base) => {
    const words = base.slice();
    for (let e = 1 + int(2); e > 0; e--) {
      const at = int(words.length);
      const op = int(3);
      if (op === 0) words[at] = zipfWord();
      else if (op === 1 && words.length > 4) words.splice(at, 1);
      else words.splice(at, 0, zipfWord());
    }
    return sentenceOf(rand, words);
  };
  let base = [];
  let left = 0;
  const edit = editor(tools, zipfWord);
  return {
    rand,
    makeSource() {
      if (left === 0) {
        base = Array.from({ length: 8 + int(23) }, zipfWord);
        // Family sizes ~ 5000 / k for k uniform in 1..5000: mostly small, some in the thousands.
        left = Math.max(1, Math.floor(5000 / (1 + int(5000))));
      }
      left--;
      return variant(base);
    },
    makeQuery: (samples) =>
      rand() < 0.8 && samples.length > 0 ? edit(pick(samples)) : sentenceOf(rand, Array.from({ length: 8 + int(23) }, zipfWord)),
  };
}

export function createCorpus(name, seed) {
  if (name === 'zipf') return zipfCorpus(seed);
  if (name === 'lowvocab') return lowvocabCorpus(seed);
  if (name === 'neardup') return neardupCorpus(seed);
  throw new Error(`bench:tm: unknown --corpus ${name} (one of ${CORPORA.join(', ')}, all)`);
}
