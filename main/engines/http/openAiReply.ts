/**
 * A chat model's reply to "translate this": the translation only. Removes what models add around
 * it (reasoning blocks, code fences, "Here is the translation:", wrapping quotes, trailing notes)
 * and rejects replies that are not a translation into the target language (empty, identical to the
 * source, far too short or long, in the wrong script, or still in the source language).
 */
import { languageInfo } from '../../../shared/languages.js';

export type ReplyVerdict =
  { ok: true; text: string } | { ok: false; reason: 'empty' | 'identical' | 'length' | 'script' | 'language'; text: string };

const PREAMBLE_LINE =
  /^(?:(?:sure|certainly|of course|okay|ok)[,.!]?\s*)?(?:here(?:'s| is)|below is|the following is)\b[^\n]{0,80}?(?:translation|translated|version|text)[^\n]{0,60}?:\s*$/i;
const LABEL_PREFIX =
  /^(?:\*\*)?(?:translation|translated text|traducción|traduction|übersetzung|traduzione|tradução|vertaling)(?:\s*\([^)\n]{0,40}\))?\s*(?:\*\*)?\s*:\s*(?:\*\*)?\s*/i;
const NOTE_LINE = /^\s*(?:\(?\s*(?:note|notes|translator'?s note|explanation)\s*[:)-])/i;
const QUOTES: readonly [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
  ['»', '«'],
  ['「', '」'],
  ["'", "'"],
  ['‘', '’'],
];

function unwrapQuotes(text: string, source: string): string {
  for (const [open, close] of QUOTES) {
    if (text.length > 1 && text.startsWith(open) && text.endsWith(close) && !source.trim().startsWith(open)) {
      const inner = text.slice(open.length, text.length - close.length);
      // Only when the quotes wrap everything (no other quote of the same kind inside).
      if (!inner.includes(close) && !(open !== close && inner.includes(open))) return inner.trim();
    }
  }
  return text;
}

/** Removes the usual wrapping around the translation. */
export function cleanReply(reply: string, source: string): string {
  let text = reply
    .replace(/<think>[\s\S]*?<\/think>/gi, '')
    .replace(/\r\n/g, '\n')
    .trim();
  const fence = /^```[\w-]*\n([\s\S]*?)\n```$/.exec(text);
  if (fence) text = fence[1]!.trim();
  const lines = text.split('\n');
  while (lines.length > 1 && PREAMBLE_LINE.test(lines[0]!.trim())) {
    lines.shift();
    while (lines.length > 1 && lines[0]!.trim() === '') lines.shift();
  }
  text = lines.join('\n');
  // Trailing notes after a blank line ("Note: …") when the source has no such paragraph.
  const parts = text.split(/\n\s*\n/);
  while (parts.length > 1 && NOTE_LINE.test(parts[parts.length - 1]!) && !NOTE_LINE.test(source.split(/\n\s*\n/).at(-1) ?? '')) parts.pop();
  text = parts.join('\n\n').trim();
  if (!LABEL_PREFIX.test(source)) text = text.replace(LABEL_PREFIX, '');
  return unwrapQuotes(text.trim(), source);
}

type Script = 'Latin' | 'Cyrillic' | 'Greek' | 'Arabic' | 'Hebrew' | 'Han' | 'Japanese' | 'Hangul' | 'Devanagari';

const SCRIPT_OF: Readonly<Record<string, Script>> = {
  ru: 'Cyrillic',
  uk: 'Cyrillic',
  bg: 'Cyrillic',
  el: 'Greek',
  ar: 'Arabic',
  fa: 'Arabic',
  he: 'Hebrew',
  'zh-Hans': 'Han',
  'zh-Hant': 'Han',
  ja: 'Japanese',
  ko: 'Hangul',
  hi: 'Devanagari',
};

const SCRIPT_TEST: Readonly<Record<Script, RegExp>> = {
  Latin: /\p{Script=Latin}/u,
  Cyrillic: /\p{Script=Cyrillic}/u,
  Greek: /\p{Script=Greek}/u,
  Arabic: /\p{Script=Arabic}/u,
  Hebrew: /\p{Script=Hebrew}/u,
  Han: /\p{Script=Han}/u,
  Japanese: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  Hangul: /\p{Script=Hangul}/u,
  Devanagari: /\p{Script=Devanagari}/u,
};

/** The script a language is written in (Latin for those not listed). */
export function scriptOf(tag: string): Script {
  const known = languageInfo(tag)?.tag ?? tag;
  return SCRIPT_OF[known] ?? 'Latin';
}

/** Share of the letters of `text` in `script` (1 when there are no letters). */
function shareInScript(text: string, script: Script): number {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return 1;
  return letters.filter((c) => SCRIPT_TEST[script].test(c)).length / letters.length;
}

/** Characters weighted by how much text they carry (a Han character is worth about three Latin ones). */
function weightedLength(text: string): number {
  let n = 0;
  for (const c of text) n += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(c) ? 3 : /\s/.test(c) ? 0 : 1;
  return n;
}

/** The commonest short words of some Latin-script languages (to tell which one a reply is in). */
const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'is', 'in', 'that', 'it', 'was', 'for', 'with', 'on', 'he', 'said'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'ein', 'eine', 'sich', 'dem'],
  es: ['el', 'la', 'de', 'que', 'y', 'los', 'las', 'en', 'un', 'una', 'por', 'con', 'para', 'es'],
  fr: ['le', 'la', 'les', 'de', 'des', 'et', 'est', 'que', 'un', 'une', 'du', 'en', 'pour', 'dans'],
  it: ['il', 'la', 'di', 'che', 'e', 'un', 'una', 'per', 'con', 'non', 'sono', 'gli', 'del', 'della'],
  pt: ['o', 'a', 'de', 'que', 'e', 'os', 'as', 'um', 'uma', 'para', 'com', 'não', 'do', 'da'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'met', 'voor', 'zijn', 'die', 'te'],
};

function stopwordShare(words: readonly string[], lang: string): number {
  const list = STOPWORDS[lang.split('-')[0]!];
  if (!list || words.length === 0) return 0;
  const set = new Set(list);
  return words.filter((w) => set.has(w)).length / words.length;
}

/** Cleans the reply and decides whether it is a translation of `source` into `target`. */
export function judgeReply(reply: string, source: string, sourceLang: string, targetLang: string): ReplyVerdict {
  const text = cleanReply(reply, source);
  if (text === '') return { ok: false, reason: 'empty', text };
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const sourceWords = source.trim().split(/\s+/).filter(Boolean);
  if (norm(text) === norm(source) && sourceWords.length >= 4 && sourceLang.split('-')[0] !== targetLang.split('-')[0]) {
    return { ok: false, reason: 'identical', text };
  }
  const a = weightedLength(source);
  const b = weightedLength(text);
  if (a >= 20 && (b < a * 0.3 || b > a * 3.5)) return { ok: false, reason: 'length', text };
  const script = scriptOf(targetLang);
  if (scriptOf(sourceLang) !== script && shareInScript(text, script) < 0.5) return { ok: false, reason: 'script', text };
  // Same script: a reply clearly in the source language (and not in the target one) is not a translation.
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length >= 8 && STOPWORDS[sourceLang.split('-')[0]!] && STOPWORDS[targetLang.split('-')[0]!]) {
    const inSource = stopwordShare(words, sourceLang);
    const inTarget = stopwordShare(words, targetLang);
    if (inSource >= 0.15 && inSource > inTarget * 2) return { ok: false, reason: 'language', text };
  }
  return { ok: true, text };
}
