// bench:tm --vs-omegat, the data: a project of --paragraphs English paragraphs (one plain-text file,
// a blank line between paragraphs, one line each) and a TMX of --units en→es units in which a known
// share of the paragraphs (--share, default 0.3) has exactly one unit with the same source. The rest
// is noise: a fuzzy near miss (one word replaced) of every paragraph, a case variant (first word in
// lower case) of every fourth unmatched one, and new sentences from the same vocabulary. No noise
// unit has the source of a paragraph, so the exact matches to fill are exactly the matched share.
// Deterministic: the same seed gives the same files.
import fs from 'node:fs';
import { mulberry32, zipfSampler } from './random.mjs';

const FUNCTION_WORDS = (
  'the of and to a in that is for on it with as was he said by at from his an be has have are but not they ' +
  'this had were which who will been their its after more one also would we new there up or about than ' +
  'other into could when last two over her year people first government minister police president city'
).split(' ');
const SYLLABLES =
  'ba be bi bo bu ca ce co da de di do fa fe fi ga go la le li lo lu ma me mi mo na ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi an en in on ar er or al el'.split(
    ' ',
  );

/** Words, sentences and paragraphs from one seeded generator (a Zipf vocabulary of 20,000 words). */
function textMaker(rand) {
  const int = (n) => Math.floor(rand() * n);
  const invented = new Set();
  while (invented.size < 20_000) {
    let w = '';
    for (let k = 2 + int(3); k > 0; k--) w += SYLLABLES[int(SYLLABLES.length)];
    invented.add(w);
  }
  const word = zipfSampler(rand, [...FUNCTION_WORDS, ...invented]);
  const sentence = () => {
    const text = Array.from({ length: 6 + int(17) }, word).join(' ');
    return text[0].toUpperCase() + text.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: 1 + int(3) }, sentence).join(' ');
  /** The same text with one word (not the first) replaced: a fuzzy match, never an exact one. */
  const nearMiss = (text) => {
    const words = text.split(' ');
    const at = 1 + int(words.length - 1);
    const end = words[at].endsWith('.') ? '.' : '';
    let replacement = word();
    while (replacement + end === words[at]) replacement = word();
    words[at] = replacement + end;
    return words.join(' ');
  };
  return { int, sentence, paragraph, nearMiss };
}

/** The unit's "translation": each word's letters reversed, so a filled target is told apart from its source. */
export function translationOf(source) {
  return source.replace(/[a-z]+/gi, (w) => [...w].reverse().join(''));
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tu = (source) =>
  `<tu><tuv xml:lang="en"><seg>${escapeXml(source)}</seg></tuv><tuv xml:lang="es"><seg>${escapeXml(translationOf(source))}</seg></tuv></tu>\n`;

/** The project's paragraphs, all different; `matched[i]` says whether paragraph i gets an exact unit. */
function projectParagraphs(text, rand, count, share) {
  const seen = new Set();
  const paragraphs = [];
  while (paragraphs.length < count) {
    const p = text.paragraph();
    if (seen.has(p)) continue;
    paragraphs.push(p);
    seen.add(p);
  }
  const order = paragraphs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const matched = new Array(count).fill(false);
  for (const i of order.slice(0, Math.round(share * count))) matched[i] = true;
  return { paragraphs, seen, matched };
}

/** The units besides noise: each matched paragraph's exact unit, near misses and case variants, at most `units`. */
function specialUnits(text, paragraphs, seen, matched, units) {
  const special = [];
  const add = (s) => {
    if (!seen.has(s)) special.push(s);
  };
  for (const [i, p] of paragraphs.entries()) if (matched[i]) special.push(p);
  for (const [i, p] of paragraphs.entries()) {
    add(text.nearMiss(p));
    if (!matched[i] && i % 4 === 0) add(p[0].toLowerCase() + p.slice(1));
  }
  if (special.length > units) throw new Error(`--units ${units} is too few for the matches and near misses (${special.length}).`);
  return special;
}

/**
 * Writes `article.txt` (the project's source) and `memory.tmx` into `dir`. Returns the paragraphs,
 * which of them have an exact unit, and the expected number of exact matches.
 */
export function writeCorpus(dir, { paragraphs: count, units, share = 0.3, seed = 20261203 }) {
  const rand = mulberry32(seed);
  const text = textMaker(rand);
  const { paragraphs, seen, matched } = projectParagraphs(text, rand, count, share);
  fs.writeFileSync(`${dir}/article.txt`, paragraphs.join('\n\n') + '\n');
  const special = specialUnits(text, paragraphs, seen, matched, units);
  // Special units at random places among the noise.
  const at = new Map();
  for (const s of special) {
    let pos = text.int(units);
    while (at.has(pos)) pos = (pos + 1) % units;
    at.set(pos, s);
  }
  const fd = fs.openSync(`${dir}/memory.tmx`, 'w');
  fs.writeSync(
    fd,
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="verso-bench" creationtoolversion="1" segtype="paragraph" o-tmf="verso" adminlang="en" srclang="en" datatype="plaintext"/>\n<body>\n',
  );
  let chunk = '';
  for (let i = 0; i < units; i++) {
    let source = at.get(i);
    while (source === undefined || (seen.has(source) && !at.has(i))) source = text.sentence();
    chunk += tu(source);
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk + '</body>\n</tmx>\n');
  fs.closeSync(fd);
  return { paragraphs, matched, expected: matched.filter(Boolean).length, tmxBytes: fs.statSync(`${dir}/memory.tmx`).size };
}
