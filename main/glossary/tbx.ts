/**
 * TBX import. Reads TBX v3 (ISO 30042:2019: `tbx` / `conceptEntry` / `langSec` / `termSec` /
 * `term`, TBX-Basic and other dialects, DCA or DCT style) and TBX 2008 (`martif` / `termEntry` /
 * `langSet` / `tig` or `ntig` / `term`). The writer is tbxWriter.ts (both versions).
 *
 * Per entry, the source language's terms that are not deprecated each become a glossary term;
 * the target language's preferred term (else its first term that is not deprecated) is the
 * translation, and its deprecated or superseded terms are the forbidden variants. Notes of the
 * entry, its language sections, the source term and the chosen translation become the note. The
 * definition (`<descrip type="definition">`, alone or in a `<descripGrp>`, or DCT's
 * `<basic:definition>`) is the source language's, else the entry's, else the target language's;
 * an entry without one gives none (so an import keeps a stored definition). Case sensitivity has
 * no TBX data category: Verso writes and reads a `<note>case-sensitive</note>` on the source term.
 * Every other data category (part of speech, subject field, context…) is named in the row's
 * `notKept`, so the import can say what it did not keep.
 *
 * Parsed with saxes, which never fetches anything nor expands entities declared in a DTD; on top
 * of that a DOCTYPE with an internal subset or entity declarations is refused outright (XXE,
 * "billion laughs"), and size, depth and term count are capped.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { attr, runParser } from '../core/safeXml.js';
import { GLOSSARY_LIMITS } from '../../shared/glossary/normalize.js';
import { ServiceError } from '../core/serviceError.js';
import type { ImportRow } from './csv.js';

export const TBX_MAX_DEPTH = 32;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const CASE_SENSITIVE_NOTE = 'case-sensitive';

const ENTRY = new Set(['conceptEntry', 'termEntry']);
const LANG = new Set(['langSec', 'langSet']);
const TERM_SECTION = new Set(['termSec', 'tig', 'ntig']);
/** Elements whose `type` names a data category, and the one of each Verso keeps. */
const TYPED = new Set(['descrip', 'termNote', 'admin', 'ref', 'xref', 'transac']);
const KEPT_TYPE: Record<string, string> = { descrip: 'definition', termNote: 'administrativeStatus' };
/** Structure, inline markup and the data categories Verso reads by element name (v3 DCT). */
const UNTYPED_KNOWN = new Set([
  'conceptEntry',
  'termEntry',
  'langSec',
  'langSet',
  'termSec',
  'tig',
  'ntig',
  'termGrp',
  'term',
  'note',
  'descripGrp',
  'adminGrp',
  'termNoteGrp',
  'transacGrp',
  'transacNote',
  'date',
  'definition',
  'administrativeStatus',
  'hi',
  'foreign',
  'bpt',
  'ept',
  'ph',
  'sc',
  'ec',
]);

/** A data category's name as a file gives it, shown to the user: a name, or "other" (never control or bidi characters, never long). */
const CATEGORY_NAME = /^[A-Za-z][A-Za-z0-9_.:-]{0,59}$/;

/** The data category an element inside an entry carries that Verso's glossary does not keep, if any. */
function notKeptCategory(tag: SaxesTagNS): string | null {
  let category: string | null;
  if (TYPED.has(tag.local)) {
    const type = attr(tag, 'type') ?? tag.local;
    category = KEPT_TYPE[tag.local] === type ? null : type;
  } else {
    category = UNTYPED_KNOWN.has(tag.local) ? null : tag.local;
  }
  return category === null || CATEGORY_NAME.test(category) ? category : 'other';
}

/** Whether a TBX language tag serves a Verso language (`es-ES` and `es` serve each other; `es-ES` and `es-MX` do not). */
export function tbxLangMatches(tbxLang: string, wanted: string): boolean {
  const a = tbxLang.toLowerCase().replace(/_/g, '-').split('-');
  const b = wanted.toLowerCase().split('-');
  if (a[0] !== b[0]) return false;
  return a.length === 1 || b.length === 1 || a.join('-') === b.join('-');
}

interface TermSec {
  text: string;
  status: string;
  notes: string[];
}

interface Entry {
  number: number;
  notes: string[];
  /** Definitions given for the whole entry (not inside a language section). */
  definitions: string[];
  /** Data categories of the entry Verso's glossary has no place for (part of speech, subject field…). */
  notKept: Set<string>;
  langs: { lang: string; terms: TermSec[]; definitions: string[] }[];
}

function isForbiddenStatus(status: string): boolean {
  const s = status.toLowerCase();
  return s.includes('deprecated') || s.includes('superseded');
}

/** What a TBX file gives for a pair: its rows, and how many entries had no usable term in the pair's source or target language. */
export interface TbxParse {
  rows: ImportRow[];
  skippedEntries: number;
}

/** The rows of a TBX file for the pair (see `readTbx`). */
export function parseTbx(text: string, pair: { sourceLang: string; targetLang: string }): ImportRow[] {
  return readTbx(text, pair).rows;
}

export function readTbx(text: string, pair: { sourceLang: string; targetLang: string }): TbxParse {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const where = () => ({ line: parser.line, column: parser.column + 1 });
  const invalid = (reason: string) =>
    new ServiceError('GLOSSARY_TBX_INVALID', `The TBX file is not valid at line ${parser.line}: ${reason}`, { ...where(), reason });

  const stack: string[] = [];
  let entries = 0;
  let entry: Entry | null = null;
  let lang: Entry['langs'][number] | null = null;
  let termSec: TermSec | null = null;
  /** What the character data currently goes to. */
  let capture: { kind: 'term' | 'status' | 'termNote' | 'entryNote' | 'definition'; text: string } | null = null;
  const rows: ImportRow[] = [];
  let skippedEntries = 0;

  function finishEntry(e: Entry): void {
    const source = e.langs.filter((l) => tbxLangMatches(l.lang, pair.sourceLang)).flatMap((l) => l.terms);
    const target = e.langs.filter((l) => tbxLangMatches(l.lang, pair.targetLang)).flatMap((l) => l.terms);
    const wanted = target.find((t) => t.status.toLowerCase().includes('preferred')) ?? target.find((t) => !isForbiddenStatus(t.status));
    const sources = source.filter((t) => !isForbiddenStatus(t.status));
    if (!wanted || sources.length === 0) {
      skippedEntries++;
      return;
    }
    const forbidden = target.filter((t) => isForbiddenStatus(t.status)).map((t) => t.text);
    const termNotes = (t: TermSec) => t.notes.filter((n) => n !== '' && n.toLowerCase() !== CASE_SENSITIVE_NOTE);
    const definitionOf = (langs: Entry['langs']) => langs.flatMap((l) => l.definitions)[0];
    const definition =
      definitionOf(e.langs.filter((l) => tbxLangMatches(l.lang, pair.sourceLang))) ??
      e.definitions[0] ??
      definitionOf(e.langs.filter((l) => tbxLangMatches(l.lang, pair.targetLang)));
    // One definition per term is kept: any other one of the pair's languages is said, not dropped silently.
    const all = new Set([
      ...e.definitions,
      ...e.langs
        .filter((l) => tbxLangMatches(l.lang, pair.sourceLang) || tbxLangMatches(l.lang, pair.targetLang))
        .flatMap((l) => l.definitions),
    ]);
    if (all.size > 1) e.notKept.add('definition');
    for (const s of sources) {
      rows.push({
        row: e.number,
        input: {
          source: s.text,
          target: wanted.text,
          note: [...e.notes, ...termNotes(s), ...termNotes(wanted)].join('\n'),
          // No definition in the file: none given (an import then keeps a stored one).
          ...(definition === undefined ? {} : { definition }),
          forbidden,
          caseSensitive: s.notes.some((n) => n.trim().toLowerCase() === CASE_SENSITIVE_NOTE),
        },
        ...(e.notKept.size > 0 ? { notKept: [...e.notKept] } : {}),
      });
      if (rows.length > GLOSSARY_LIMITS.termsPerPair) {
        throw new ServiceError('GLOSSARY_TOO_MANY_TERMS', `A language pair holds at most ${GLOSSARY_LIMITS.termsPerPair} terms.`, {
          limit: GLOSSARY_LIMITS.termsPerPair,
        });
      }
    }
  }

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype) || doctype.includes('[')) {
      throw new ServiceError(
        'GLOSSARY_TBX_ENTITIES',
        'The TBX file declares entities or a DTD of its own; Verso does not read such files (they can hide attacks).',
        where(),
      );
    }
  });
  /** What an element starts capturing, if anything (nothing while a capture is open: inline markup). */
  function captureOf(tag: SaxesTagNS): NonNullable<typeof capture>['kind'] | null {
    const name = tag.local;
    const type = attr(tag, 'type');
    if (name === 'term' && termSec) return 'term';
    if (((name === 'termNote' && type === 'administrativeStatus') || name === 'administrativeStatus') && termSec) return 'status';
    if (name === 'note') return termSec ? 'termNote' : 'entryNote';
    if ((name === 'descrip' && type === 'definition') || name === 'definition') return 'definition';
    return null;
  }

  parser.on('opentag', (tag) => {
    const name = tag.local;
    if (stack.length === 0 && name !== 'tbx' && name !== 'martif') throw invalid(`the root element is <${name}>, not <tbx> or <martif>`);
    stack.push(name);
    if (stack.length > TBX_MAX_DEPTH) throw invalid(`elements are nested deeper than ${TBX_MAX_DEPTH} levels`);
    if (ENTRY.has(name)) {
      if (entry) throw invalid(`<${name}> inside another entry`);
      entry = { number: ++entries, notes: [], definitions: [], notKept: new Set(), langs: [] };
    } else if (LANG.has(name) && entry) {
      const tagLang = attr(tag, 'lang', XML_NS) ?? attr(tag, 'lang');
      if (!tagLang) throw invalid(`<${name}> without xml:lang`);
      lang = { lang: tagLang, terms: [], definitions: [] };
      entry.langs.push(lang);
    } else if (TERM_SECTION.has(name) && lang) {
      termSec = { text: '', status: '', notes: [] };
      lang.terms.push(termSec);
    } else if (entry && !capture) {
      const kind = captureOf(tag);
      if (kind) capture = { kind, text: '' };
      const category = notKeptCategory(tag);
      if (category) entry.notKept.add(category);
    }
  });
  parser.on('text', (t) => {
    if (capture) capture.text += t;
  });
  parser.on('cdata', (t) => {
    if (capture) capture.text += t;
  });
  parser.on('closetag', (tag) => {
    const name = tag.local;
    stack.pop();
    if (
      capture &&
      (name === 'term' ||
        name === 'termNote' ||
        name === 'note' ||
        name === 'descrip' ||
        name === 'definition' ||
        name === 'administrativeStatus')
    ) {
      const value = capture.text.trim();
      if (capture.kind === 'term' && termSec) termSec.text = value;
      if (capture.kind === 'status' && termSec) termSec.status = value;
      if (capture.kind === 'termNote' && termSec) termSec.notes.push(value);
      if (capture.kind === 'entryNote' && entry && value !== '') entry.notes.push(value);
      if (capture.kind === 'definition' && value !== '') (lang ?? entry)?.definitions.push(value);
      capture = null;
    } else if (TERM_SECTION.has(name)) {
      termSec = null;
    } else if (LANG.has(name)) {
      lang = null;
    } else if (ENTRY.has(name) && entry) {
      finishEntry(entry);
      entry = null;
    }
  });
  runParser(parser, text, invalid);
  if (entries === 0) throw new ServiceError('GLOSSARY_IMPORT_EMPTY', 'The file holds no terms.');
  if (rows.length === 0) {
    throw new ServiceError('GLOSSARY_IMPORT_EMPTY', `The file holds no terms for ${pair.sourceLang} → ${pair.targetLang}.`, {
      sourceLang: pair.sourceLang,
      targetLang: pair.targetLang,
    });
  }
  return { rows, skippedEntries };
}
