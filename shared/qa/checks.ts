/** The built-in QA checks. Each is pure and tested in checks.test.ts. */
import { escapeRegExp } from '../escapeRegExp.js';
import { extractEmails, extractUrls, withoutLinks } from './links.js';
import { mtMarksCheck } from './mtMarks.js';
import { numbersWithoutDigits } from './numberWords.js';
import { isCjk, missingFrom, primaryLang } from './text.js';
import type { QaCheck, QaIssue, QaSeverity } from './types.js';

function issue(checkId: string, severity: QaSeverity, code: string, params: QaIssue['params'] = {}): QaIssue {
  return { checkId, severity, code, params };
}

// ---------------------------------------------------------------------------------------------
// URLs and e-mail addresses (checked before numbers, whose digits they may contain).

export { extractEmails, extractUrls } from './links.js';

export const urlsCheck: QaCheck = {
  id: 'urls',
  run({ source, target }) {
    const out: QaIssue[] = [];
    for (const url of missingFrom(extractUrls(source), extractUrls(target))) out.push(issue('urls', 'error', 'urlMissing', { value: url }));
    for (const url of missingFrom(extractUrls(target), extractUrls(source))) out.push(issue('urls', 'error', 'urlAdded', { value: url }));
    for (const mail of missingFrom(extractEmails(source), extractEmails(target)))
      out.push(issue('urls', 'error', 'emailMissing', { value: mail }));
    for (const mail of missingFrom(extractEmails(target), extractEmails(source)))
      out.push(issue('urls', 'error', 'emailAdded', { value: mail }));
    return out;
  },
};

// ---------------------------------------------------------------------------------------------
// Numbers and dates. Group and decimal separators differ between locales (1,000.5 / 1.000,5 /
// 1 000,5), so a number is compared by its digits; a date's day, month number and year are numbers.

const NUMBER_RE = /\p{Nd}+(?:[.,\u00a0\u202f\u2009']\p{Nd}+)*/gu;

/** Digits of every number, as ASCII, separators removed (`1.000,5` -> `10005`). */
export function extractNumbers(text: string): string[] {
  return [...withoutLinks(text).matchAll(NUMBER_RE)].map((m) =>
    [...m[0]]
      .filter((c) => /\p{Nd}/u.test(c))
      .map((c) => String(digitValue(c)))
      .join(''),
  );
}

/** Value of any Unicode decimal digit: its distance from the start of its run of ten digits. */
function digitValue(c: string): number {
  let code = c.codePointAt(0)!;
  let value = 0;
  while (value < 9 && /\p{Nd}/u.test(String.fromCodePoint(code - 1))) {
    code--;
    value++;
  }
  return value;
}

export const numbersCheck: QaCheck = {
  id: 'numbers',
  run({ source, target, sourceLang, targetLang }) {
    if (target.trim() === '') return [];
    const src = extractNumbers(source);
    const tgt = extractNumbers(target);
    // A number the other side writes without digits ("19th" ↔ "XIX", "1st" ↔ "primer") pairs off.
    const missing = missingFrom(missingFrom(src, tgt), numbersWithoutDigits(withoutLinks(target), targetLang));
    const added = missingFrom(missingFrom(tgt, src), numbersWithoutDigits(withoutLinks(source), sourceLang));
    return [
      ...missing.map((value) => issue('numbers', 'error', 'numberMissing', { value })),
      ...added.map((value) => issue('numbers', 'error', 'numberAdded', { value })),
    ];
  },
};

// ---------------------------------------------------------------------------------------------

export const emptyCheck: QaCheck = {
  id: 'empty',
  run({ source, target }) {
    return source.trim() !== '' && target.trim() === '' ? [issue('empty', 'error', 'targetEmpty')] : [];
  },
};

export const identicalCheck: QaCheck = {
  id: 'identical',
  run({ source, target }) {
    const s = source.trim();
    // Only text with words: a number or a name-only line may well stay the same.
    return s !== '' && s === target.trim() && /\p{L}{2,}.*\s.*\p{L}{2,}/su.test(s)
      ? [issue('identical', 'warning', 'targetIdentical')]
      : [];
  },
};

export const spacesCheck: QaCheck = {
  id: 'spaces',
  run({ source, target }) {
    if (target.trim() === '') return [];
    const out: QaIssue[] = [];
    if (/^\s/u.test(target) && !/^\s/u.test(source)) out.push(issue('spaces', 'warning', 'leadingSpace'));
    if (/\s$/u.test(target) && !/\s$/u.test(source)) out.push(issue('spaces', 'warning', 'trailingSpace'));
    const doubles = target.trim().match(/ {2,}/gu)?.length ?? 0;
    if (doubles > (source.trim().match(/ {2,}/gu)?.length ?? 0)) out.push(issue('spaces', 'warning', 'doubleSpace', { count: doubles }));
    return out;
  },
};

// ---------------------------------------------------------------------------------------------
// End punctuation: compares the kind of the last sentence mark, ignoring closing quotes/brackets.

const END_KINDS: Record<string, string> = {
  '.': '.',
  '。': '.',
  '।': '.',
  '۔': '.',
  '!': '!',
  '！': '!',
  '?': '?',
  '？': '?',
  '؟': '?',
  ':': ':',
  '：': ':',
  ';': ';',
  '；': ';',
  '؛': ';',
  '…': '…',
};

export function endMark(text: string): string {
  const trimmed = text.trimEnd().replace(/[\s"'”“„»«›‹’‘)\]}」』）]+$/u, '');
  if (trimmed.endsWith('...')) return '…';
  const last = [...trimmed].at(-1) ?? '';
  return END_KINDS[last] ?? '';
}

export const endPunctuationCheck: QaCheck = {
  id: 'endPunctuation',
  run({ source, target }) {
    if (target.trim() === '' || source.trim() === '') return [];
    const s = endMark(source);
    const t = endMark(target);
    return s === t ? [] : [issue('endPunctuation', 'warning', 'endPunctuation', { source: s || '∅', target: t || '∅' })];
  },
};

// ---------------------------------------------------------------------------------------------
// Length ratio (characters of target per character of source), against rough norms per pair.

/** Typical length of a text in `lang` relative to the same text in English. */
const LENGTH_VS_ENGLISH: Record<string, number> = {
  en: 1,
  de: 1.2,
  nl: 1.15,
  fr: 1.2,
  es: 1.2,
  it: 1.15,
  pt: 1.2,
  ca: 1.2,
  gl: 1.2,
  ro: 1.15,
  pl: 1.1,
  cs: 1.05,
  sk: 1.05,
  ru: 1.1,
  uk: 1.1,
  fi: 1.1,
  sv: 1.05,
  da: 1.05,
  nb: 1.05,
  nn: 1.05,
  el: 1.2,
  tr: 1.05,
  hu: 1.1,
  ar: 0.95,
  he: 0.85,
  fa: 1,
  zh: 0.35,
  ja: 0.5,
  ko: 0.55,
  hi: 1.05,
  vi: 1.1,
  id: 1.1,
};

/** Expected target/source character ratio for a pair. */
export function expectedLengthRatio(sourceLang: string, targetLang: string): number {
  return (LENGTH_VS_ENGLISH[primaryLang(targetLang)] ?? 1) / (LENGTH_VS_ENGLISH[primaryLang(sourceLang)] ?? 1);
}

/** How far off the norm (as a factor) a length may be before it is reported. */
export const LENGTH_TOLERANCE = 2;
const MIN_SOURCE_CHARS = 20;

export const lengthCheck: QaCheck = {
  id: 'length',
  run({ source, target, sourceLang, targetLang }) {
    const s = [...source.trim()].length;
    const t = [...target.trim()].length;
    if (s < MIN_SOURCE_CHARS || t === 0) return [];
    const ratio = t / s;
    const expected = expectedLengthRatio(sourceLang, targetLang);
    if (ratio > expected * LENGTH_TOLERANCE) return [issue('length', 'warning', 'tooLong', { percent: Math.round(ratio * 100) })];
    if (ratio < expected / LENGTH_TOLERANCE) return [issue('length', 'warning', 'tooShort', { percent: Math.round(ratio * 100) })];
    return [];
  },
};

// ---------------------------------------------------------------------------------------------
// Brackets and quotation marks.

const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '）': '（', '」': '「', '』': '『' };
const OPENERS = new Set(Object.values(PAIRS));

/** True when every bracket closes the latest open one and none stays open. */
export function bracketsBalanced(text: string): boolean {
  const stack: string[] = [];
  for (const c of text) {
    if (OPENERS.has(c)) stack.push(c);
    else if (c in PAIRS) {
      if (stack.pop() !== PAIRS[c]) return false;
    }
  }
  return stack.length === 0;
}

interface QuoteStyle {
  open: string;
  close: string;
}

/** Double quotation marks per language (first style is the one suggested). */
const QUOTE_STYLES: Record<string, QuoteStyle[]> = {
  en: [{ open: '“', close: '”' }],
  de: [
    { open: '„', close: '“' },
    { open: '»', close: '«' },
  ],
  fr: [{ open: '«', close: '»' }],
  es: [
    { open: '«', close: '»' },
    { open: '“', close: '”' },
  ],
  it: [
    { open: '«', close: '»' },
    { open: '“', close: '”' },
  ],
  pt: [
    { open: '«', close: '»' },
    { open: '“', close: '”' },
  ],
  ca: [
    { open: '«', close: '»' },
    { open: '“', close: '”' },
  ],
  nl: [
    { open: '“', close: '”' },
    { open: '„', close: '”' },
  ],
  pl: [
    { open: '„', close: '”' },
    { open: '«', close: '»' },
  ],
  cs: [{ open: '„', close: '“' }],
  ru: [
    { open: '«', close: '»' },
    { open: '„', close: '“' },
  ],
  uk: [{ open: '«', close: '»' }],
  ja: [{ open: '「', close: '」' }],
  zh: [
    { open: '“', close: '”' },
    { open: '「', close: '」' },
  ],
};
const DOUBLE_QUOTES = new Set(['"', '“', '”', '„', '«', '»', '「', '」']);

export function quoteStyles(lang: string): QuoteStyle[] | null {
  const primary = primaryLang(lang);
  if (lang.toLowerCase() === 'pt-br') return [{ open: '“', close: '”' }];
  if (lang.toLowerCase() === 'zh-hant')
    return [
      { open: '「', close: '」' },
      { open: '“', close: '”' },
    ];
  return QUOTE_STYLES[primary] ?? null;
}

function quotesBalanced(text: string): boolean {
  const count = (set: string) => {
    let n = 0;
    for (const x of text) if (set.includes(x)) n++;
    return n;
  };
  // „…“, “…”, „…” all pair two of these marks; « » and » « pair each other.
  return count('"') % 2 === 0 && count('„“”') % 2 === 0 && count('«') === count('»') && count('「') === count('」');
}

export const balanceCheck: QaCheck = {
  id: 'balance',
  run({ source, target }) {
    if (target.trim() === '') return [];
    const out: QaIssue[] = [];
    if (!bracketsBalanced(target) && bracketsBalanced(source)) out.push(issue('balance', 'warning', 'bracketsUnbalanced'));
    if (!quotesBalanced(target) && quotesBalanced(source)) out.push(issue('balance', 'warning', 'quotesUnbalanced'));
    return out;
  },
};

export const quoteStyleCheck: QaCheck = {
  id: 'quoteStyle',
  run({ target, targetLang }) {
    const styles = quoteStyles(targetLang);
    if (!styles) return [];
    const allowed = new Set(styles.flatMap((s) => [s.open, s.close]));
    const wrong = [...new Set([...target].filter((c) => DOUBLE_QUOTES.has(c) && !allowed.has(c)))];
    if (wrong.length === 0) return [];
    const expected = `${styles[0]!.open}…${styles[0]!.close}`;
    return [issue('quoteStyle', 'warning', 'quoteStyle', { found: wrong.join(' '), expected })];
  },
};

// ---------------------------------------------------------------------------------------------

function containsWord(text: string, word: string, cjk: boolean): boolean {
  if (cjk) return text.includes(word);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

export const unknownWordsCheck: QaCheck = {
  id: 'unknownWords',
  run({ target, targetLang, mt }) {
    if (!mt || mt.unknownWords.length === 0) return [];
    const cjk = isCjk(targetLang);
    const left = [...new Set(mt.unknownWords)].filter((w) => w.trim() !== '' && containsWord(target, w, cjk));
    return left.length === 0 ? [] : [issue('unknownWords', 'warning', 'unknownWords', { words: left.join(', '), count: left.length })];
  },
};

export const BUILT_IN_QA_CHECKS: readonly QaCheck[] = Object.freeze([
  emptyCheck,
  numbersCheck,
  urlsCheck,
  endPunctuationCheck,
  spacesCheck,
  identicalCheck,
  lengthCheck,
  balanceCheck,
  quoteStyleCheck,
  unknownWordsCheck,
  mtMarksCheck,
]);
