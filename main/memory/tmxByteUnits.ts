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
import { decodeReferences, isSpace, plainHash, segKey, textHash, TmxScanFallback } from './tmxExactScan.js';

/** A piece of the file: its bytes (valid UTF-8), and the same bytes as a latin1 string. */
export interface Piece {
  bytes: Buffer;
  text: string;
}

/** A <tuv>'s language attribute (xml:lang, or TMX 1.1's lang), in the rest of its start tag. */
const LANG = /^[^>]*?\s(?:xml:)?lang\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>$/;
/**
 * The next tag a unit's scan looks at (the `<` only: what it is, is told by the characters after
 * it): a <seg> or its end, the unit's end, another <tu> or </body> (its own </tu> is missing, or
 * odd), a comment, CDATA or processing instruction.
 */
const NEXT = /<(?=seg|\/seg|\/tu>|tu[\s>/]|\/body|[!?])/g;

/**
 * Where the <tu> starting at `start` ends (after its `</tu>`), or -1 when `text` does not hold all
 * of it yet. `markup.at`: where the next "<!" at or after `start` is (-1: none), kept across units.
 * A comment or CDATA section may hold "</tu>": it is skipped whole.
 */
export function tuEnd(text: string, start: number, markup: { at: number }): number {
  let at = start;
  if (markup.at >= 0 && markup.at < at) markup.at = text.indexOf('<!', at);
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

  /** Whether the <seg> at `seg` of the unit starting at `unit` is in a <tuv> of the source language (true when not sure). */
  ofSource(piece: Piece, unit: number, seg: number): boolean {
    const { text } = piece;
    // Right after one of the last languages' <tuv xml:lang="…"> (none of them has '<', '>' or '"').
    if (text.charCodeAt(seg - 1) === 62 && text.charCodeAt(seg - 2) === 34)
      for (let r = 0; r < this.recent.length; r++) {
        const [head, mine] = this.recent[r]!;
        const from = seg - head.length;
        if (from < unit) continue;
        let k = head.length - 3;
        while (k >= 0 && text.charCodeAt(from + k) === head.charCodeAt(k)) k--;
        if (k < 0) return mine;
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
        this.recent.unshift([`<tuv xml:lang="${raw}">`, mine]);
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

/**
 * Reads the unit starting at `start` (its `<tu`): each source <seg>'s hash to `sink`, or
 * `sink.unsure()` when the scan cannot be sure of it. Returns where the unit ends (after its
 * `</tu>`), or -1 when the piece does not hold all of it yet. `markup`: as for `tuEnd`.
 */
export function readUnit(piece: Piece, start: number, lang: SourceLanguage, sink: UnitSink, markup: { at: number }): number {
  const { text } = piece;
  let content = -1; // where the content of the <seg> being read starts
  let open = -1;
  NEXT.lastIndex = start + 3;
  while (NEXT.test(text)) {
    const m = NEXT.lastIndex - 1;
    const c1 = text.charCodeAt(m + 1);
    if (c1 === 115) {
      // <seg…
      if (content >= 0) return unsure(text, start, sink, markup);
      const next = text.charCodeAt(m + 4);
      const gt = next === 62 ? m + 4 : text.indexOf('>', m);
      if (gt < 0 || Number.isNaN(next)) return -1;
      if (!(next === 62 || next === 47 || isSpace(next))) return unsure(text, start, sink, markup);
      NEXT.lastIndex = gt + 1;
      if (text.charCodeAt(gt - 1) === 47) continue; // <seg/>
      open = m;
      content = gt + 1;
    } else if (c1 === 47 && text.charCodeAt(m + 2) === 115) {
      // </seg: the segment read (a stray one is the real reader's to judge, in a candidate)
      if (content < 0) continue;
      if (lang.ofSource(piece, start, open)) {
        let hash = plainHash(text, content, m);
        if (hash < 0) {
          const key = segKey(piece.bytes.toString('utf8', content, m));
          if (key === null) return unsure(text, start, sink, markup);
          hash = textHash(key);
        }
        sink.hash(hash);
      }
      content = -1;
    } else if (c1 === 47 && text.charCodeAt(m + 2) === 116) {
      // </tu>
      if (content >= 0) return unsure(text, start, sink, markup);
      return m + 5;
    } else return unsure(text, start, sink, markup); // <tu, </body, <!, <?
  }
  return -1;
}

/** The unit is unsure: where it ends, found as the real reader would (`tuEnd`). */
function unsure(text: string, start: number, sink: UnitSink, markup: { at: number }): number {
  const end = tuEnd(text, start, markup);
  if (end >= 0) sink.unsure();
  return end;
}
