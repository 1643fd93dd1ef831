/**
 * Apertium names languages with ISO 639-3 (sometimes 639-1 or 639-2/B) codes and `_` variants
 * (`eng-spa`, `spa-eng_US`, `por_BR`); Verso uses BCP 47 tags of the languages it knows.
 */
import { canonicalLanguageTag } from '../../shared/languages.js';
import type { LanguagePair } from '../../shared/types.js';

const ISO639_TO_BCP47: Readonly<Record<string, string>> = {
  afr: 'af',
  amh: 'am',
  ara: 'ar',
  arg: 'an',
  ast: 'ast',
  aze: 'az',
  bak: 'ba',
  bel: 'be',
  ben: 'bn',
  bos: 'bs',
  bre: 'br',
  bul: 'bg',
  cat: 'ca',
  ces: 'cs',
  chv: 'cv',
  cos: 'co',
  crh: 'crh',
  cym: 'cy',
  dan: 'da',
  deu: 'de',
  ell: 'el',
  eng: 'en',
  epo: 'eo',
  est: 'et',
  eus: 'eu',
  fao: 'fo',
  fas: 'fa',
  fin: 'fi',
  fra: 'fr',
  fry: 'fy',
  gla: 'gd',
  gle: 'ga',
  glg: 'gl',
  grn: 'gn',
  guj: 'gu',
  hat: 'ht',
  hbs: 'sh',
  heb: 'he',
  hin: 'hi',
  hrv: 'hr',
  hun: 'hu',
  hye: 'hy',
  ind: 'id',
  isl: 'is',
  ita: 'it',
  jpn: 'ja',
  kat: 'ka',
  kaz: 'kk',
  kir: 'ky',
  kor: 'ko',
  kur: 'ku',
  lat: 'la',
  lav: 'lv',
  lit: 'lt',
  ltz: 'lb',
  mar: 'mr',
  mkd: 'mk',
  mlt: 'mt',
  mon: 'mn',
  msa: 'ms',
  nld: 'nl',
  nno: 'nn',
  nob: 'nb',
  nor: 'no',
  oci: 'oc',
  pol: 'pl',
  por: 'pt',
  ron: 'ro',
  rus: 'ru',
  sco: 'sco',
  slk: 'sk',
  slv: 'sl',
  sme: 'se',
  snd: 'sd',
  spa: 'es',
  sqi: 'sq',
  srd: 'sc',
  srp: 'sr',
  swe: 'sv',
  swa: 'sw',
  tam: 'ta',
  tat: 'tt',
  tel: 'te',
  tgl: 'tl',
  tha: 'th',
  tur: 'tr',
  udm: 'udm',
  uig: 'ug',
  ukr: 'uk',
  urd: 'ur',
  uzb: 'uz',
  vie: 'vi',
  zho: 'zh',
  // ISO 639-2/B forms some older pairs use.
  alb: 'sq',
  arm: 'hy',
  baq: 'eu',
  chi: 'zh',
  cze: 'cs',
  dut: 'nl',
  fre: 'fr',
  geo: 'ka',
  ger: 'de',
  gre: 'el',
  ice: 'is',
  mac: 'mk',
  may: 'ms',
  per: 'fa',
  rum: 'ro',
  slo: 'sk',
  wel: 'cy',
};

/**
 * BCP 47 tag for an Apertium language code (`eng_US` → 'en-US', `por_BR` → 'pt-BR'; issue 14: any
 * valid regional tag), or null when it names no valid language or region (`cat_valencia`).
 */
export function apertiumCodeToTag(code: string): string | null {
  const m = /^([a-z]{2,3})(?:_([A-Za-z0-9]+))?$/.exec(code);
  if (!m) return null;
  const base = m[1]!.length === 2 ? m[1]! : ISO639_TO_BCP47[m[1]!];
  if (base === undefined) return null;
  const variant = m[2];
  if (variant === undefined) return canonicalLanguageTag(base);
  // Only region (US, BR, 419) and script (Hans) variants map to BCP 47; others (valencia) are skipped.
  if (/^(?:[A-Za-z]{2}|\d{3}|[A-Za-z]{4})$/.test(variant)) return canonicalLanguageTag(`${base}-${variant}`);
  return null;
}

/** The pair a mode name (`eng-spa`) translates, or null for other modes or unknown languages. */
export function modeToPair(mode: string): LanguagePair | null {
  const parts = mode.split('-');
  if (parts.length !== 2) return null;
  const source = apertiumCodeToTag(parts[0]!);
  const target = apertiumCodeToTag(parts[1]!);
  if (source === null || target === null || source === target) return null;
  return { source, target };
}
