/**
 * Reads TMX 1.4b as a stream (issue 17): bytes or text go in, in pieces of any size and cut
 * anywhere (inside a tag, inside a multibyte UTF-8 character), and each unit of the pair comes out
 * as soon as its </tu> is read, so a file of any size is read in bounded memory.
 * Safety as for every XML file Verso reads (saxes never fetches an external DTD and expands no
 * entity but the five predefined ones): a DOCTYPE other than the harmless `tmx SYSTEM/PUBLIC`
 * forms (OmegaT's, LISA's, never fetched) is refused, nesting is capped, and so are the elements
 * and characters of one <tu> (what is held in memory at once).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { reasonOf } from '../core/safeXml.js';
import { isServiceError, ServiceError } from '../core/serviceError.js';
import { stripTokens as withoutTokens } from '../../shared/inline/inlineCodes.js';
import { TmxSegReader } from './tmxInline.js';
import { pairVariants, primaryLanguage, sharedCodes, tmxDate, tmxLanguageTag, tmxMtOrigin, type ParsedTmx, type TuvSeg } from './tmx.js';
import type { NewTmUnit } from './tmStore.js';

export const TMX_MAX_DEPTH = 40;
/** Most elements in one <tu> (variants, props, notes, inline codes). */
export const TMX_MAX_UNIT_ELEMENTS = 10_000;
/** Most characters of text in one <tu>. */
export const TMX_MAX_UNIT_CHARS = 2_000_000;
/** Languages remembered for the "no units of this pair" message. */
const MAX_LANGUAGES = 100;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

interface Pair {
  sourceLang: string;
  targetLang: string;
}

/** What a whole file gave besides its units. */
export type TmxReadSummary = Omit<ParsedTmx, 'units'> & {
  /** Units given to `onUnit`. */
  units: number;
  /** <tu> elements read. */
  tus: number;
};

interface OpenTu {
  by: string;
  at: string | null;
  tool: string | null;
  segs: TuvSeg[];
  props: Record<string, string>;
  elements: number;
  chars: number;
}

const LEGAL_DOCTYPE = (() => {
  const literal = `("[^"]*"|'[^']*')`;
  return new RegExp(`^\\s*tmx\\s+(SYSTEM\\s+${literal}|PUBLIC\\s+${literal}\\s+${literal})\\s*$`, 'i');
})();

export class TmxReader {
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private decoder: InstanceType<typeof TextDecoder> | null = null;
  private head: Uint8Array = new Uint8Array(0);
  private depth = 0;
  private root: string | null = null;
  private inBody = false;
  private tu: OpenTu | null = null;
  private tus = 0;
  private units = 0;
  private skipped = 0;
  private readonly languages = new Set<string>();
  private readonly notKept = { notes: 0, properties: 0, sourceVariants: 0 };
  /** The header's creationtool, and the tool that made the <tuv> being read (issue 12: MT origin). */
  private headerTool: string | null = null;
  private tuvTool: string | null = null;
  private prop: { type: string; text: string[] } | null = null;
  private tuvLang: string | null = null;
  private seg: TmxSegReader | null = null;

  constructor(
    private readonly pair: Pair,
    private readonly now: string,
    private readonly onUnit: (unit: NewTmUnit) => void,
  ) {
    this.parser.on('error', (err) => {
      throw err;
    });
    this.parser.on('doctype', (doctype) => this.doctype(doctype));
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', (tag) => this.close(tag));
    this.parser.on('text', (t) => this.text(t));
    this.parser.on('cdata', (t) => this.text(t));
  }

  /** Where the reader is: 1-based line and column, and the number of the <tu> being (or next to be) read. */
  get position(): { line: number; column: number; unit: number } {
    return { line: this.parser.line, column: this.parser.column + 1, unit: this.tus + 1 };
  }

  /** Bytes of the file, in pieces cut anywhere: UTF-8, or UTF-16 with a byte-order mark. */
  writeBytes(chunk: Uint8Array): void {
    if (this.decoder === null) {
      const head = new Uint8Array(this.head.length + chunk.length);
      head.set(this.head);
      head.set(chunk, this.head.length);
      if (head.length < 2) {
        this.head = head;
        return;
      }
      const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
      this.decoder = new TextDecoder(utf16 ?? 'utf-8', { fatal: true });
      this.head = new Uint8Array(0);
      chunk = head;
    }
    this.write(this.decode(chunk, true));
  }

  /** Text, in pieces cut anywhere. */
  write(text: string): void {
    try {
      this.parser.write(text);
    } catch (err) {
      throw this.wrap(err);
    }
  }

  /** The end of the file: checks it is complete and returns what it gave besides its units. */
  end(): TmxReadSummary {
    if (this.head.length > 0 || this.decoder) {
      if (this.decoder === null) this.decoder = new TextDecoder('utf-8', { fatal: true });
      const rest = this.decode(this.head, false) + this.decode(new Uint8Array(0), false);
      if (rest !== '') this.write(rest);
    }
    try {
      this.parser.close();
    } catch (err) {
      throw this.wrap(err);
    }
    if (this.root === null) throw new ServiceError('TMX_INVALID', 'The file has no XML content.', { line: 1, column: 1, reason: 'empty' });
    return {
      units: this.units,
      tus: this.tus,
      skipped: this.skipped,
      languages: [...this.languages].sort(),
      notKept: { ...this.notKept },
    };
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch {
      // Read up to the bad bytes first, so the error names the line and unit they are in.
      const lenient = new TextDecoder(this.decoder!.encoding).decode(bytes);
      const bad = lenient.indexOf('\uFFFD');
      try {
        if (bad > 0) this.parser.write(lenient.slice(0, bad));
      } catch {
        // the text before was broken too: the encoding is what is reported
      }
      throw this.invalid('the file is not valid UTF-8 or UTF-16 text', 'encoding');
    }
  }

  private wrap(err: unknown): ServiceError {
    return isServiceError(err) ? err : this.invalid(reasonOf(err));
  }

  private invalid(reason: string, detail = reason): ServiceError {
    const { line, column, unit } = this.position;
    return new ServiceError(
      'TMX_INVALID',
      `The TMX file is broken at line ${line}, column ${column} (translation unit ${unit}): ${reason}`,
      {
        line,
        column,
        unit,
        reason: detail,
      },
    );
  }

  private tooComplex(what: string): ServiceError {
    const { line, column, unit } = this.position;
    return new ServiceError('TMX_INVALID', `The TMX file is too complex at line ${line} (translation unit ${unit}): ${what}.`, {
      line,
      column,
      unit,
      reason: 'limits',
    });
  }

  private doctype(doctype: string): void {
    // <!DOCTYPE tmx SYSTEM "tmx14.dtd"> (OmegaT) and the LISA <!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD
    // for Translation Memory eXchange//EN" "tmx14.dtd"> are harmless: saxes never loads an external DTD
    // and expands no entity but the five predefined ones. An internal subset (entity declarations) is refused.
    if (/[[<]/.test(doctype) || !LEGAL_DOCTYPE.test(doctype)) {
      throw new ServiceError(
        'TMX_DOCTYPE',
        'The TMX file declares a DTD or entities; Verso does not read such files (they can hide attacks).',
        {
          line: this.parser.line,
        },
      );
    }
  }

  private open(tag: SaxesTagNS): void {
    this.depth++;
    if (this.depth > TMX_MAX_DEPTH) throw this.tooComplex(`elements nested deeper than ${TMX_MAX_DEPTH} levels`);
    const { depth } = this;
    const tu = this.tu;
    if (tu && ++tu.elements > TMX_MAX_UNIT_ELEMENTS) throw this.tooComplex(`more than ${TMX_MAX_UNIT_ELEMENTS} elements in one unit`);
    const name = tag.local;
    if (this.root === null) return this.openRoot(tag);
    if (name === 'header' && depth === 2) this.headerTool = tag.attributes['creationtool']?.value ?? null;
    if (name === 'prop' && tu && depth === 4) this.prop = { type: String(tag.attributes['type']?.value ?? ''), text: [] };
    // A unit's or variant's notes and properties other than Verso's own: the TM keeps text, codes, who and when.
    if (tu && this.seg === null && (depth === 4 || depth === 5)) {
      const type = String(tag.attributes['type']?.value ?? '');
      if (name === 'note') this.notKept.notes++;
      else if (name === 'prop' && !type.startsWith('x-verso-') && type !== 'x-document') this.notKept.properties++;
    }
    if (name === 'body' && depth === 2) this.inBody = true;
    else if (name === 'tu' && this.inBody && depth === 3) {
      this.tu = {
        by: tag.attributes['changeid']?.value ?? tag.attributes['creationid']?.value ?? '',
        at: tmxDate(tag.attributes['changedate']?.value) ?? tmxDate(tag.attributes['creationdate']?.value),
        tool: tag.attributes['creationtool']?.value ?? null,
        segs: [],
        props: {},
        elements: 0,
        chars: 0,
      };
    } else if (name === 'tuv' && tu && depth === 4) {
      const lang = Object.values(tag.attributes).find((a) => (a.uri === XML_NS && a.local === 'lang') || a.name === 'lang')?.value;
      if (!lang) throw this.invalid('<tuv> without xml:lang');
      this.tuvLang = tmxLanguageTag(lang);
      this.tuvTool = tag.attributes['creationtool']?.value ?? null;
    } else if (name === 'seg' && this.tuvLang !== null && depth === 5) this.seg = new TmxSegReader();
    else if (this.seg !== null && depth > 5)
      this.seg.open(name, Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])));
  }

  private openRoot(tag: SaxesTagNS): void {
    this.root = tag.local;
    if (tag.local !== 'tmx') throw this.invalid(`the root element is <${tag.name}>, not <tmx>`);
    const version = tag.attributes['version']?.value ?? '';
    if (!/^1\.[1-4]b?$/.test(version)) throw this.invalid(`TMX version "${version}" is not supported (1.1 to 1.4b)`);
  }

  private close(tag: SaxesTagNS): void {
    const name = tag.local;
    const { depth, seg, tu } = this;
    if (seg !== null && depth > 5) seg.close(name);
    else if (name === 'seg' && seg !== null && depth === 5) this.closeSeg(seg, tu!);
    else if (name === 'tuv' && depth === 4) this.tuvLang = null;
    else if (name === 'prop' && this.prop && depth === 4) {
      const { type, text } = this.prop;
      if (type.startsWith('x-verso-')) tu!.props[type.slice('x-verso-'.length)] = text.join('').trim().slice(0, 200);
      this.prop = null;
    } else if (name === 'tu' && tu && depth === 3) this.closeTu(tu);
    else if (name === 'body' && depth === 2) this.inBody = false;
    this.depth--;
  }

  private closeSeg(seg: TmxSegReader, tu: OpenTu): void {
    const { text: raw, codes } = seg.build();
    const textOf = raw.normalize('NFC').trim();
    const lang = this.tuvLang!;
    if (this.languages.size < MAX_LANGUAGES) this.languages.add(lang);
    // Every variant is kept (a second <tuv> of the very same tag adds nothing).
    if (withoutTokens(textOf) !== '' && !tu.segs.some((s) => s.lang === lang))
      tu.segs.push({ lang, text: textOf, codes, tool: this.tuvTool });
    this.seg = null;
  }

  private closeTu(tu: OpenTu): void {
    const { pair } = this;
    const found = pairVariants(tu.segs, pair.sourceLang, pair.targetLang);
    for (const { source: s, target: t } of found) {
      const mtOrigin = tmxMtOrigin(tu.props, t.tool ?? tu.tool, this.headerTool);
      const { text: source, target, codes } = sharedCodes(s, t);
      this.units++;
      this.onUnit({
        sourceLang: s.lang,
        targetLang: t.lang,
        source,
        target,
        origin: 'tmx',
        createdBy: tu.by,
        createdAt: tu.at ?? this.now,
        ...(codes.length > 0 ? { codes } : {}),
        ...(mtOrigin ? { mtOrigin } : {}),
      });
    }
    if (found.length === 0) this.skipped++;
    else {
      const used = new Set(found.flatMap((f) => [f.source, f.target]));
      this.notKept.sourceVariants += tu.segs.filter(
        (g) => !used.has(g) && primaryLanguage(g.lang) === primaryLanguage(pair.sourceLang),
      ).length;
    }
    this.tus++;
    this.tu = null;
  }

  private text(t: string): void {
    if (this.tu && (this.tu.chars += t.length) > TMX_MAX_UNIT_CHARS)
      throw this.tooComplex(`more than ${TMX_MAX_UNIT_CHARS} characters in one unit`);
    if (this.seg !== null) this.seg.text(t);
    else if (this.prop !== null) this.prop.text.push(t);
  }
}

/** A whole TMX text at once (tests, small files): the streaming reader fed in one piece. */
export function parseTmx(text: string, pair: Pair, now: string): ParsedTmx {
  const units: NewTmUnit[] = [];
  const reader = new TmxReader(pair, now, (u) => units.push(u));
  reader.write(text);
  const { skipped, languages, notKept } = reader.end();
  return { units, skipped, languages, notKept };
}
