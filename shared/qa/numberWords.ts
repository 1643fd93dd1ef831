/**
 * Numbers written without digits: Roman numerals ("siglo XIX") and small cardinal and ordinal
 * number words ("primer", "third", "zweite"). The numbers check uses them only to pair off a
 * digit number the other side lacks; they never raise an issue of their own, so an upper-case word
 * that happens to be a valid numeral ("MIX", "CD") or a word that is also an article ("un", "ein")
 * costs nothing. Number words go up to twelve in en, es, fr, de, it, pt, ca and nl; larger
 * spelled-out numbers, decades ("the 90s") and word-to-word pairs (second ↔ segundo) are not checked.
 */
import { primaryLang } from './text.js';

const ROMAN: readonly [string, number][] = [
  ['M', 1000],
  ['CM', 900],
  ['D', 500],
  ['CD', 400],
  ['C', 100],
  ['XC', 90],
  ['L', 50],
  ['XL', 40],
  ['X', 10],
  ['IX', 9],
  ['V', 5],
  ['IV', 4],
  ['I', 1],
];

function toRoman(n: number): string {
  let out = '';
  for (const [numeral, value] of ROMAN) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

/** The value of a Roman numeral written in canonical upper-case form (I … MMMCMXCIX), else null. */
export function romanValue(word: string): number | null {
  if (!/^[MDCLXVI]{1,15}$/.test(word)) return null;
  let total = 0;
  let i = 0;
  for (const [numeral, value] of ROMAN) {
    while (word.startsWith(numeral, i)) {
      total += value;
      i += numeral.length;
    }
  }
  return i === word.length && total > 0 && total < 4000 && toRoman(total) === word ? total : null;
}

const WORD_RE = /[\p{L}\p{M}]+/gu;

/** Values (as digit strings) of the Roman numerals standing as words in `text`. */
export function romanNumeralValues(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const value = romanValue(m[0]);
    if (value !== null) out.push(String(value));
  }
  return out;
}

/** Every form of a word: the stem with each ending. */
const forms = (stem: string, endings: readonly string[]) => endings.map((e) => stem + e);
const ROMANCE_O = ['o', 'a', 'os', 'as'];
const ITALIAN_O = ['o', 'a', 'i', 'e'];
const GERMAN = ['e', 'er', 'en', 'es', 'em'];

/** Number words per primary language: value → forms (lower case). */
const WORDS: Record<string, readonly (readonly string[])[]> = {
  en: [
    [],
    ['one', 'first'],
    ['two', 'second'],
    ['three', 'third'],
    ['four', 'fourth'],
    ['five', 'fifth'],
    ['six', 'sixth'],
    ['seven', 'seventh'],
    ['eight', 'eighth'],
    ['nine', 'ninth'],
    ['ten', 'tenth'],
    ['eleven', 'eleventh'],
    ['twelve', 'twelfth'],
  ],
  es: [
    [],
    ['uno', 'una', 'un', 'primer', ...forms('primer', ROMANCE_O)],
    ['dos', ...forms('segund', ROMANCE_O)],
    ['tres', 'tercer', ...forms('tercer', ROMANCE_O)],
    ['cuatro', ...forms('cuart', ROMANCE_O)],
    ['cinco', ...forms('quint', ROMANCE_O)],
    ['seis', ...forms('sext', ROMANCE_O)],
    ['siete', ...forms('séptim', ROMANCE_O), ...forms('sétim', ROMANCE_O)],
    ['ocho', ...forms('octav', ROMANCE_O)],
    ['nueve', ...forms('noven', ROMANCE_O)],
    ['diez', ...forms('décim', ROMANCE_O)],
    ['once', ...forms('undécim', ROMANCE_O)],
    ['doce', ...forms('duodécim', ROMANCE_O)],
  ],
  pt: [
    [],
    ['um', 'uma', ...forms('primeir', ROMANCE_O)],
    ['dois', 'duas', ...forms('segund', ROMANCE_O)],
    ['três', ...forms('terceir', ROMANCE_O)],
    ['quatro', ...forms('quart', ROMANCE_O)],
    ['cinco', ...forms('quint', ROMANCE_O)],
    ['seis', ...forms('sext', ROMANCE_O)],
    ['sete', ...forms('sétim', ROMANCE_O)],
    ['oito', ...forms('oitav', ROMANCE_O)],
    ['nove', ...forms('non', ROMANCE_O)],
    ['dez', ...forms('décim', ROMANCE_O)],
    ['onze'],
    ['doze'],
  ],
  it: [
    [],
    ['uno', 'una', 'un', ...forms('prim', ITALIAN_O)],
    ['due', ...forms('second', ITALIAN_O)],
    ['tre', ...forms('terz', ITALIAN_O)],
    ['quattro', ...forms('quart', ITALIAN_O)],
    ['cinque', ...forms('quint', ITALIAN_O)],
    ['sei', ...forms('sest', ITALIAN_O)],
    ['sette', ...forms('settim', ITALIAN_O)],
    ['otto', ...forms('ottav', ITALIAN_O)],
    ['nove', ...forms('non', ITALIAN_O)],
    ['dieci', ...forms('decim', ITALIAN_O)],
    ['undici', ...forms('undicesim', ITALIAN_O)],
    ['dodici', ...forms('dodicesim', ITALIAN_O)],
  ],
  fr: [
    [],
    ['un', 'une', 'premier', 'première', 'premiers', 'premières'],
    ['deux', 'deuxième', 'second', 'seconde'],
    ['trois', 'troisième'],
    ['quatre', 'quatrième'],
    ['cinq', 'cinquième'],
    ['six', 'sixième'],
    ['sept', 'septième'],
    ['huit', 'huitième'],
    ['neuf', 'neuvième'],
    ['dix', 'dixième'],
    ['onze', 'onzième'],
    ['douze', 'douzième'],
  ],
  ca: [
    [],
    ['u', 'un', 'una', 'primer', 'primera'],
    ['dos', 'dues', 'segon', 'segona'],
    ['tres', 'tercer', 'tercera'],
    ['quatre', 'quart', 'quarta'],
    ['cinc', 'cinquè', 'cinquena'],
    ['sis', 'sisè', 'sisena'],
    ['set', 'setè', 'setena'],
    ['vuit', 'vuitè', 'vuitena'],
    ['nou', 'novè', 'novena'],
    ['deu', 'desè', 'desena'],
    ['onze', 'onzè'],
    ['dotze', 'dotzè'],
  ],
  de: [
    [],
    ['eins', 'ein', 'eine', 'einer', 'einen', 'einem', 'eines', ...forms('erst', GERMAN)],
    ['zwei', ...forms('zweit', GERMAN)],
    ['drei', ...forms('dritt', GERMAN)],
    ['vier', ...forms('viert', GERMAN)],
    ['fünf', ...forms('fünft', GERMAN)],
    ['sechs', ...forms('sechst', GERMAN)],
    ['sieben', ...forms('siebt', GERMAN), ...forms('siebent', GERMAN)],
    ['acht', ...forms('acht', GERMAN)],
    ['neun', ...forms('neunt', GERMAN)],
    ['zehn', ...forms('zehnt', GERMAN)],
    ['elf', ...forms('elft', GERMAN)],
    ['zwölf', ...forms('zwölft', GERMAN)],
  ],
  nl: [
    [],
    ['een', 'één', 'eerste'],
    ['twee', 'tweede'],
    ['drie', 'derde'],
    ['vier', 'vierde'],
    ['vijf', 'vijfde'],
    ['zes', 'zesde'],
    ['zeven', 'zevende'],
    ['acht', 'achtste'],
    ['negen', 'negende'],
    ['tien', 'tiende'],
    ['elf', 'elfde'],
    ['twaalf', 'twaalfde'],
  ],
};

const LOOKUP = new Map<string, Map<string, number>>(
  Object.entries(WORDS).map(([lang, table]) => [lang, new Map(table.flatMap((words, value) => words.map((w) => [w, value] as const)))]),
);

/** Values (as digit strings) of the number words of `lang` in `text`. */
export function numberWordValues(text: string, lang: string): string[] {
  const table = LOOKUP.get(primaryLang(lang));
  if (!table) return [];
  const out: string[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const value = table.get(m[0].toLowerCase());
    if (value !== undefined) out.push(String(value));
  }
  return out;
}

/** Every number `text` writes without digits. */
export function numbersWithoutDigits(text: string, lang: string): string[] {
  return [...romanNumeralValues(text), ...numberWordValues(text, lang)];
}
