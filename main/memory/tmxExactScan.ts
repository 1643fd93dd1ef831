/**
 * The fast path of "pre-fill from a TMX file" (issue 17; docs/translation-memory.md): a TMX is read
 * once, as OmegaT reads tm/auto, to fill a document's exact matches without storing the file.
 * Parsing all of a 300 MB file with the real reader (tmxReader.ts) takes about 35 s; this scanner
 * finds each <tu> with `indexOf`, reads its <seg>s' text cheaply (`segKey`) and hands to the real
 * reader only the units one of whose source-language segments has the exact text of a paragraph
 * (`CandidateKeys`; a hash of the text's characters first, so most segments cost one pass),
 * with the file's own prolog (XML declaration, DOCTYPE, root and header: read, and checked, by the
 * real reader) and its end (`</body></tmx>`). So what a unit gives, and every safety rule, is the
 * real reader's; the scanner only decides which units cannot matter.
 * Whatever it is not sure of — a comment or CDATA before <body>, anything but units and comments in
 * the body, a unit too big — throws `TmxScanFallback`: the caller reads the whole file with the real
 * reader instead. A segment whose text it cannot be sure of (`segKey` null) makes its unit a candidate.
 */
import { primaryLanguage } from '../../shared/memory/pair.js';
import { tmxLanguageTag } from './tmx.js';

/** Thrown when the scanner cannot go on safely: read the whole file with the real reader. */
export class TmxScanFallback extends Error {
  constructor(reason: string) {
    super(`TMX fast scan gave up: ${reason}`);
  }
}

export interface TmxScanSink {
  /** Text the real reader must read: the prolog, each candidate unit (`<tu>…</tu>`), the end. */
  write(text: string): void;
}

/** The paragraphs' exact texts (`exactText`), and their `textHash`es (of the first PREFIX characters). */
export interface CandidateKeys {
  has(key: string): boolean;
  hasHash(hash: number): boolean;
}

/** Characters of an exact text hashed: a longer one is told apart by its first PREFIX. */
export const PREFIX = 24;

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** 29 bits of the hash and whether the text is longer than PREFIX: a small integer. */
const withLength = (h: number, longer: boolean): number => ((h >>> 3) << 1) | (longer ? 1 : 0);

/** A 30-bit hash (FNV-1a) of the first PREFIX characters of an exact text (which has no whitespace). */
export function textHash(exact: string): number {
  let h = 0x811c9dc5;
  const end = Math.min(exact.length, PREFIX);
  for (let i = 0; i < end; i++) h = Math.imul(h ^ exact.charCodeAt(i), 16777619);
  // A text of PREFIX characters or fewer is hashed whole, and told apart from a longer one's beginning.
  return withLength(h, exact.length > PREFIX);
}

/**
 * `textHash` of the exact text of `text[from, to)` when its beginning is plain ASCII text (no
 * markup, no reference) and so its exact text's first PREFIX characters are these, whitespace
 * left out; else -1 (not sure). The character after them must be plain ASCII too: a combining
 * mark there would change the last one (NFC).
 */
function plainHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || c === 38 || c === 60) return -1;
    if (isSpace(c)) continue;
    if (n === PREFIX) return withLength(h, true);
    h = Math.imul(h ^ c, 16777619);
    n++;
  }
  return withLength(h, false);
}

/** The most characters held for one unit (the real reader's cap is 2,000,000 characters of text). */
export const SCAN_MAX_UNIT_CHARS = 8_000_000;
/** The most characters before <body> (XML declaration, DOCTYPE, root and header). */
export const SCAN_MAX_PROLOG_CHARS = 8_000_000;

const CODE_ELEMENTS = /^(bpt|ept|ph|it|ut)$/;
/** A start, end or empty tag, its attributes quoted (a '>' may be inside a value). */
const TAG = /^<(\/?)([A-Za-z_][\w.:-]*)(?:\s+[^\s=<>"'/]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>/;
/** A <tuv>'s language attribute (xml:lang, or TMX 1.1's lang), in the rest of its start tag. */
const LANG = /^[^>]*?\s(?:xml:)?lang\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>$/;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Whether XML 1.0 allows a character (a reference to any other breaks the file). */
const xmlChar = (c: number): boolean =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/** The text of entity and character references, or null when one is not a valid XML reference. */
export function decodeReferences(text: string): string | null {
  if (!text.includes('&')) return text;
  let bad = false;
  const out = text.replace(/&([^;&<]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) bad = true;
    else if (name in PREDEFINED) return PREDEFINED[name]!;
    else {
      const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
      const code = m ? parseInt(m[1] ?? m[2]!, m[1] ? 16 : 10) : NaN;
      if (Number.isFinite(code) && xmlChar(code)) return String.fromCodePoint(code);
      bad = true;
    }
    return '';
  });
  return bad ? null : out;
}

/**
 * What shared/memory/matchScore.ts `exactText` gives for a segment's plain text: the reader drops
 * private-use characters from text (they are Verso's code tokens), then NFC, no whitespace.
 */
function exactOf(text: string): string {
  const plain = text.replace(/[\uE000-\uE2FF]/gu, '');
  return (/^[\x00-\x7f]*$/.test(plain) ? plain : plain.normalize('NFC')).replace(/\s+/gu, '');
}

/**
 * The exact text (`exactText`) of the segment the real reader makes of a <seg>'s content, or null
 * when the scanner cannot be sure of it (comments, CDATA, a <sub>, unknown references, odd markup).
 * Inline codes (<bpt>, <ept>, <ph>, <it>, <ut>) are left out with their native content, <hi> and
 * other tags are dropped and their text kept, as tmxInline.ts does.
 */
export function segKey(content: string): string | null {
  if (!content.includes('<')) {
    const text = decodeReferences(content);
    return text === null ? null : exactOf(text);
  }
  if (content.includes('<!') || content.includes('<?') || content.includes('<sub')) return null;
  let text = '';
  let at = 0;
  for (;;) {
    const lt = content.indexOf('<', at);
    const piece = decodeReferences(content.slice(at, lt < 0 ? content.length : lt));
    if (piece === null) return null;
    // Text right after a tag must start with ASCII: a code's token (a space to exactText) would
    // keep NFC from composing a combining mark with the character before it.
    if (at > 0 && piece !== '' && !/^[\x00-\x7f]/.test(piece)) return null;
    text += piece;
    if (lt < 0) break;
    const tag = TAG.exec(content.slice(lt, lt + 4096));
    if (!tag) return null;
    const [whole, closing, name, empty] = tag as unknown as [string, string, string, string];
    at = lt + whole.length;
    if (!CODE_ELEMENTS.test(name) || empty === '/') continue;
    if (closing === '/') return null;
    // A code's native content, up to its end tag (none of the same name inside; <sub> is refused above).
    const end = content.indexOf(`</${name}`, at);
    if (end < 0 || content.slice(at, end).includes(`<${name}`)) return null;
    const close = new RegExp(`^</${name}\\s*>`).exec(content.slice(end, end + 256));
    if (!close) return null;
    at = end + close[0].length;
  }
  return exactOf(text);
}

/**
 * Where the <tu> starting at `start` ends (after its `</tu>`), or -1 when `text` does not hold all
 * of it yet. `markup`: where the next "<!" at or after `start` is (-1: none), found once per piece.
 */
function tuEnd(text: string, start: number, markup: number): number {
  let at = start;
  for (;;) {
    const close = text.indexOf('</tu', at);
    if (close < 0) return -1;
    if (markup >= 0 && markup < close) {
      // A comment or CDATA section may hold "</tu>": skip it whole.
      const cdata = text.startsWith('<![CDATA[', markup);
      const comment = text.startsWith('<!--', markup);
      if (!cdata && !comment) throw new TmxScanFallback('markup declaration in a unit');
      const end = text.indexOf(cdata ? ']]>' : '-->', markup + 4);
      if (end < 0) return -1;
      at = end + 3;
      markup = text.indexOf('<!', at);
      continue;
    }
    if (text.charCodeAt(close + 4) === 62) return close + 5;
    const head = text.slice(close, close + 64);
    const m = /^<\/tu\s*>/.exec(head);
    if (m) return close + m[0].length;
    if (/^<\/tu\s*$/.test(head)) return -1; // the tag goes on in the next piece
    if (/^<\/tu\s/.test(head)) throw new TmxScanFallback('odd </tu> tag');
    at = close + 4; // </tuv
  }
}

/** Whether a unit's text holds another <tu> (its own </tu> is missing: the real reader says so). */
function nestedTu(tu: string): boolean {
  for (let k = tu.indexOf('<tu', 3); k >= 0; k = tu.indexOf('<tu', k + 3)) if (/[\s>/]/.test(tu[k + 3] ?? '>')) return true;
  return false;
}

export class TmxExactScanner {
  private buffer = '';
  private state: 'prolog' | 'body' | 'end' = 'prolog';
  /** <tu>s read, and those handed to the real reader. */
  units = 0;
  candidates = 0;

  /** Whether a <tuv>'s xml:lang is of the source language, by its raw attribute text. */
  private readonly sourceSide = new Map<string, boolean>();
  private readonly recent: [string, boolean][] = [];
  private readonly sourcePrimary: string;

  /** `sourceLang`: the pair's source language (a <seg> of another language is no source). */
  constructor(
    private readonly sink: TmxScanSink,
    private readonly keys: CandidateKeys,
    sourceLang: string,
  ) {
    this.sourcePrimary = primaryLanguage(tmxLanguageTag(sourceLang));
  }

  /** Decoded text of the file, in pieces cut anywhere. */
  write(text: string): void {
    this.buffer += text;
    if (this.state === 'prolog') this.prolog();
    if (this.state === 'body') this.body();
    if (this.state === 'end') {
      this.sink.write(this.buffer);
      this.buffer = '';
    }
  }

  /** The end of the file: whatever is left goes to the real reader, which says what is wrong with it. */
  end(): void {
    if (this.state !== 'end' && this.buffer.trim() !== '') {
      // A file cut off inside the prolog or a unit: the real reader reports it with its own position.
      throw new TmxScanFallback('the file ends inside the prolog or a unit');
    }
    if (this.state !== 'end') throw new TmxScanFallback('no </body>');
  }

  private prolog(): void {
    const body = /<body(?=[\s>/])/.exec(this.buffer);
    if (!body) {
      if (this.buffer.length > SCAN_MAX_PROLOG_CHARS) throw new TmxScanFallback('no <body> near the start');
      return;
    }
    const before = this.buffer.slice(0, body.index);
    if (before.includes('<!--') || before.includes('<![') || before.lastIndexOf('<?') > 0)
      throw new TmxScanFallback('comment, CDATA or processing instruction before <body>');
    const gt = this.buffer.indexOf('>', body.index);
    if (gt < 0) return;
    if (this.buffer[gt - 1] === '/' || /["']/.test(this.buffer.slice(body.index, gt)))
      throw new TmxScanFallback('an empty <body/> or one with attributes');
    this.sink.write(this.buffer.slice(0, gt + 1));
    this.buffer = this.buffer.slice(gt + 1);
    this.state = 'body';
  }

  private body(): void {
    const text = this.buffer;
    let at = 0;
    let markup = text.indexOf('<!');
    for (;;) {
      if (markup >= 0 && markup < at) markup = text.indexOf('<!', at);
      while (at < text.length && isSpace(text.charCodeAt(at))) at++;
      if (text.length - at < 12) break; // not enough to tell what comes
      const after = text.charCodeAt(at + 3);
      if (text.startsWith('<tu', at) && (after === 62 || isSpace(after))) {
        const end = tuEnd(text, at, markup);
        if (end < 0) {
          if (text.length - at > SCAN_MAX_UNIT_CHARS) throw new TmxScanFallback('a unit too big to hold');
          break;
        }
        this.unit(text.slice(at, end));
        at = end;
      } else if (text.startsWith('<!--', at)) {
        const end = text.indexOf('-->', at + 4);
        if (end < 0) break;
        at = end + 3;
      } else if (text.startsWith('</body', at)) {
        this.state = 'end';
        break;
      } else throw new TmxScanFallback('something other than units in <body>');
    }
    this.buffer = text.slice(at);
  }

  private unit(tu: string): void {
    this.units++;
    if (nestedTu(tu) || this.matters(tu)) {
      this.candidates++;
      this.sink.write(tu);
    }
  }

  /** Whether a source-language <seg> of the unit may have a paragraph's exact text (or is not closed in it). */
  private matters(tu: string): boolean {
    let at = 0;
    for (;;) {
      const open = tu.indexOf('<seg', at);
      if (open < 0) return false;
      const gt = tu.indexOf('>', open);
      const next = tu.charCodeAt(open + 4);
      if (gt < 0 || !(next === 62 || next === 47 || isSpace(next))) return true;
      at = gt + 1;
      if (tu.charCodeAt(gt - 1) === 47) continue; // <seg/>
      const close = tu.indexOf('</seg', gt);
      if (close < 0) return true;
      at = close + 5;
      if (!this.ofSource(tu, open)) continue;
      const hash = plainHash(tu, gt + 1, close);
      if (hash >= 0 && !this.keys.hasHash(hash)) continue;
      const key = segKey(tu.slice(gt + 1, close));
      if (key === null || this.keys.has(key)) return true;
    }
  }

  /** Whether the <seg> at `seg` is in a <tuv> of the source language (true when not sure). */
  private ofSource(tu: string, seg: number): boolean {
    const tuv = tu.lastIndexOf('<tuv', seg);
    const gt = tuv < 0 ? -1 : tu.indexOf('>', tuv);
    if (gt < 0 || gt > seg) return true;
    let raw: string;
    if (tu.startsWith(' xml:lang="', tuv + 4) && tu.indexOf('"', tuv + 15) === gt - 1) {
      // The language of the last <tuv>s, compared in place (no string made).
      for (const [lang, mine] of this.recent) if (gt - 1 - (tuv + 15) === lang.length && tu.startsWith(lang, tuv + 15)) return mine;
      raw = tu.slice(tuv + 15, gt - 1);
    } else {
      const lang = LANG.exec(tu.slice(tuv + 4, gt + 1));
      if (!lang) return true;
      raw = lang[1] ?? lang[2] ?? '';
    }
    let mine = this.sourceSide.get(raw);
    if (mine === undefined) {
      const value = decodeReferences(raw);
      mine = value === null || value.trim() === '' || primaryLanguage(tmxLanguageTag(value)) === this.sourcePrimary;
      if (this.sourceSide.size < 1_000) this.sourceSide.set(raw, mine);
    }
    this.recent.unshift([raw, mine]);
    if (this.recent.length > 4) this.recent.pop();
    return mine;
  }
}
