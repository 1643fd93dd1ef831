/**
 * A TMX unit (`<tu>…</tu>`) read from the file's bytes, for the index of a file's source segments
 * (tmxSourceIndex.ts). A piece of the file is scanned as a one-byte string (latin1: each byte one
 * character, so offsets are byte offsets, and `indexOf` is the engine's own): where each unit ends,
 * and the `textHash` of each of its source-language <seg>s — or that it is unsure (always handed to
 * the real reader, which decides): a nested <tu> (its own </tu> is missing), a <seg> not closed in
 * it, a comment, CDATA or processing instruction in it, a segment whose exact text `segKey` (on
 * the segment's bytes decoded as UTF-8) cannot be sure of.
 */
import { primaryLanguage } from '../../shared/memory/pair.js';
import { tmxLanguageTag } from './tmx.js';
import { decodeReferences, isSpace, segKey, textHash, TmxScanFallback } from './tmxExactScan.js';

/** A piece of the file: its bytes (valid UTF-8), and the same bytes as a latin1 string. */
export interface Piece {
  bytes: Buffer;
  text: string;
}

// The tests of bytes below compare byte by byte: faster on the hot path than a loop over a needle,
// or `String#startsWith`. A byte past the end reads as undefined, which equals none.

/** Whether the bytes at `at` are ` xml:lang="`. */
const xmlLangAt = (d: Uint8Array, at: number): boolean =>
  d[at] === 32 &&
  d[at + 1] === 120 &&
  d[at + 2] === 109 &&
  d[at + 3] === 108 &&
  d[at + 4] === 58 &&
  d[at + 5] === 108 &&
  d[at + 6] === 97 &&
  d[at + 7] === 110 &&
  d[at + 8] === 103 &&
  d[at + 9] === 61 &&
  d[at + 10] === 34;

/** Whether the bytes at `at` are `</seg`. */
const segCloseAt = (d: Uint8Array, at: number): boolean =>
  d[at] === 60 && d[at + 1] === 47 && d[at + 2] === 115 && d[at + 3] === 101 && d[at + 4] === 103;

/** Whether the `</seg` at `at` goes on `></tuv>`. */
const tuvCloseAfterSeg = (d: Uint8Array, at: number): boolean =>
  d[at + 5] === 62 &&
  d[at + 6] === 60 &&
  d[at + 7] === 47 &&
  d[at + 8] === 116 &&
  d[at + 9] === 117 &&
  d[at + 10] === 118 &&
  d[at + 11] === 62;

/**
 * `markup.at` before the piece is searched for "<!": only a unit the scan is unsure of needs it, and
 * searching a whole piece for it at once costs more than the rest of the scan saves (a '<' every
 * few bytes stops the search each time).
 */
export const MARKUP_UNKNOWN = -2;

/** A <tuv>'s language attribute (xml:lang, or TMX 1.1's lang), in the rest of its start tag. */
const LANG = /^[^>]*?\s(?:xml:)?lang\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>$/;
/**
 * Where the <tu> starting at `start` ends (after its `</tu>`), or -1 when `text` does not hold all
 * of it yet. `markup.at`: where the next "<!" at or after `start` is (-1: none; `MARKUP_UNKNOWN`: not
 * looked for yet), kept across units.
 * A comment or CDATA section may hold "</tu>": it is skipped whole.
 */
function tuEnd(text: string, start: number, markup: { at: number }): number {
  let at = start;
  if (markup.at === MARKUP_UNKNOWN || (markup.at >= 0 && markup.at < at)) markup.at = text.indexOf('<!', at);
  for (;;) {
    const close = text.indexOf('</tu', at);
    if (close < 0) return -1;
    if (markup.at >= 0 && markup.at < close) {
      const m = markup.at;
      if (m + 9 > text.length) return -1; // not enough to tell
      const cdata = text.startsWith('<![CDATA[', m);
      if (!cdata && !text.startsWith('<!--', m)) throw new TmxScanFallback('markup declaration in a unit');
      const end = text.indexOf(cdata ? ']]>' : '-->', m + 4);
      if (end < 0) return -1;
      at = end + 3;
      markup.at = text.indexOf('<!', at);
      continue;
    }
    let k = close + 4;
    if (k >= text.length) return -1; // the tag goes on in the next piece
    if (text.charCodeAt(k) === 62) return k + 1;
    if (isSpace(text.charCodeAt(k))) {
      while (k < text.length && isSpace(text.charCodeAt(k))) k++;
      if (k >= text.length) return -1;
      if (text.charCodeAt(k) === 62) return k + 1;
      throw new TmxScanFallback('odd </tu> tag');
    }
    at = close + 4; // </tuv
  }
}

/** Whether a <tuv>'s language is the source language, by its raw attribute text (a few kept). */
export class SourceLanguage {
  /** By the attribute's bytes (latin1), and by its text. */
  private readonly byBytes = new Map<string, boolean>();
  private readonly byText = new Map<string, boolean>();
  private readonly recent: [string, boolean][] = [];
  private readonly primary: string;

  constructor(sourceLang: string) {
    this.primary = primaryLanguage(tmxLanguageTag(sourceLang));
  }

  /**
   * Whether the <seg> at `seg` of the unit starting at `unit` is in a <tuv> of the source language
   * (true when not sure). `last`: where the last <tuv> before it is, when known (-1: look for it).
   */
  ofSource(piece: Piece, unit: number, seg: number, last = -1): boolean {
    const { text, bytes: d } = piece;
    // `<tuv xml:lang="…"><seg` with one of the last languages (none of them has '<', '>' or '"').
    const length = seg - 2 - (last + 15);
    if (last >= unit && length >= 0 && d[seg - 1] === 62 && d[seg - 2] === 34)
      for (let r = 0; r < this.recent.length; r++) {
        const [raw, mine] = this.recent[r]!;
        if (raw.length !== length) continue;
        let k = length - 1;
        while (k >= 0 && d[last + 15 + k] === raw.charCodeAt(k)) k--;
        if (k < 0 && xmlLangAt(d, last + 4)) return mine;
      }
    const tuv = text.lastIndexOf('<tuv', seg);
    const gt = tuv < unit ? -1 : text.indexOf('>', tuv);
    if (gt < 0 || gt > seg) return true;
    if (text.startsWith(' xml:lang="', tuv + 4) && text.indexOf('"', tuv + 15) === gt - 1) {
      const raw = text.slice(tuv + 15, gt - 1);
      let mine = this.byBytes.get(raw);
      if (mine === undefined) {
        mine = this.decide(piece.bytes.toString('utf8', tuv + 15, gt - 1));
        if (this.byBytes.size < 1_000) this.byBytes.set(raw, mine);
      }
      if (gt === seg - 1 && !raw.includes('<')) {
        this.recent.unshift([raw, mine]);
        if (this.recent.length > 4) this.recent.pop();
      }
      return mine;
    }
    const lang = LANG.exec(piece.bytes.toString('utf8', tuv + 4, gt + 1));
    return lang ? this.decide(lang[1] ?? lang[2] ?? '') : true;
  }

  private decide(raw: string): boolean {
    let mine = this.byText.get(raw);
    if (mine === undefined) {
      const value = decodeReferences(raw);
      mine = value === null || value.trim() === '' || primaryLanguage(tmxLanguageTag(value)) === this.primary;
      if (this.byText.size < 1_000) this.byText.set(raw, mine);
    }
    return mine;
  }
}

/** What a unit gives the index: the hashes of its source segments, or that it is unsure. */
export interface UnitSink {
  hash(value: number): void;
  unsure(): void;
}

const LT = 60;
const SLASH = 47;
const FNV_START = 0x811c9dc5;

/**
 * The hash of the plain ASCII text from `from` up to the next `<` (whitespace left out), and where
 * that `<` is; `at` is -1 when something else comes first (a reference, a character not ASCII: the
 * segment's exact text is then `segKey`'s) or the piece ends.
 */
function plainRun(d: Uint8Array, from: number, out: { hash: number; at: number }): void {
  let h = FNV_START;
  for (let k = from; k < d.length; k++) {
    const c = d[k]!;
    if (c > 32) {
      if (c === LT) {
        out.hash = h >>> 0;
        out.at = k;
        return;
      }
      if (c >= 0x80 || c === 38) break;
      h = Math.imul(h ^ c, 16777619);
    } else if (!isSpace(c)) h = Math.imul(h ^ c, 16777619);
  }
  out.at = -1;
}

const run = { hash: 0, at: -1 };

/**
 * Reads the unit starting at `start` (its `<tu`), tag after tag: each source <seg>'s hash to
 * `sink`, or `sink.unsure()` when the scan cannot be sure of it (another <tu> or </body> before
 * its </tu>, a comment, CDATA or processing instruction, a <seg> in a <seg>, an odd </tu>).
 * Returns where the unit ends (after its `</tu>`), or -1 when the piece does not hold all of it yet.
 * `markup`: as for `tuEnd`.
 */
export function readUnit(piece: Piece, start: number, lang: SourceLanguage, sink: UnitSink, markup: { at: number }): number {
  const { text, bytes: d } = piece;
  let content = -1; // where the content of the <seg> being read starts
  let source = false; // and whether it is of the source language
  let hash = -1; // its hash when it is plain text, else -1
  let tuv = -1; // the last <tuv
  let at = start + 3;
  for (;;) {
    const lt = text.indexOf('<', at);
    if (lt < 0 || lt + 5 >= text.length) return -1;
    at = lt + 1;
    const c1 = d[lt + 1]!;
    const c2 = d[lt + 2]!;
    if (c1 === 115 && c2 === 101 && d[lt + 3]! === 103) {
      // <seg…
      if (content >= 0) return unsure(text, start, sink, markup);
      const next = d[lt + 4]!;
      const gt = next === 62 ? lt + 4 : text.indexOf('>', lt);
      if (gt < 0) return -1;
      if (!(next === 62 || next === SLASH || isSpace(next))) return unsure(text, start, sink, markup);
      at = gt + 1;
      if (d[gt - 1]! === SLASH) continue; // <seg/>
      content = gt + 1;
      source = lang.ofSource(piece, start, lt, tuv);
      hash = -1;
      if (!source) continue;
      plainRun(d, content, run);
      if (run.at < 0) continue; // not plain: the tags up to </seg are read one by one
      at = run.at;
      if (segCloseAt(d, run.at)) hash = run.hash;
    } else if (c1 === SLASH && c2 === 115) {
      // </seg: the segment read (a stray one is the real reader's to judge, in a candidate)
      if (content < 0 || d[lt + 3] !== 101 || d[lt + 4] !== 103) continue;
      if (source) {
        if (hash < 0) {
          const key = segKey(piece.bytes.toString('utf8', content, lt));
          if (key === null) return unsure(text, start, sink, markup);
          hash = textHash(key);
        }
        sink.hash(hash);
      }
      content = -1;
      if (tuvCloseAfterSeg(d, lt)) at = lt + 12;
    } else if (c1 === SLASH && c2 === 116 && d[lt + 3]! === 117) {
      // </tu> ends the unit; </tuv goes on; an odd </tu…, or one in a <seg>, is the real reader's to judge
      const c4 = d[lt + 4]!;
      if (c4 === 118 && content < 0) continue;
      if (c4 === 62 && content < 0) return lt + 5;
      return unsure(text, start, sink, markup);
    } else if (c1 === 116 && c2 === 117) {
      // <tuv, or another <tu: this one's </tu> is missing
      const c3 = d[lt + 3]!;
      if (c3 === 118 && content < 0) {
        tuv = lt;
        continue;
      }
      if (c3 === 118 || c3 === 62 || c3 === SLASH || isSpace(c3)) return unsure(text, start, sink, markup);
    } else if (c1 === 33 || c1 === 63 || (c1 === SLASH && text.startsWith('body', lt + 2))) return unsure(text, start, sink, markup); // <!, <?, </body
  }
}

/** The unit is unsure: where it ends, found as the real reader would (`tuEnd`). */
function unsure(text: string, start: number, sink: UnitSink, markup: { at: number }): number {
  const end = tuEnd(text, start, markup);
  if (end >= 0) sink.unsure();
  return end;
}
