/**
 * A unit's XLIFF inline codes read into tokens and `InlineCode`s (the model: shared/inline/
 * xliffCodes.ts). 1.2: <g> (paired), <x/>, <bx/>, <ex/>, <ph> and <it> (native code as content),
 * <bpt>…<ept> (one paired code: its start and end native code; an <ept> whose <bpt> is not in the
 * segment stands alone). 2.0: <pc> (paired), <ph/>, <sc/>, <ec/>, their native code taken from the
 * unit's <originalData> (dataRef, dataRefStart/End). The element and its own attributes are kept
 * as the file wrote them; export writes them from their meaning. A code Verso itself writes for
 * bold, italic, a link, inline code or a line break becomes that code again (versoCodeOf).
 * A target's codes are matched to its source's by element and id; one the source lacks is dropped.
 */
import type { SaxesTagNS } from 'saxes';
import {
  closeToken,
  compactCodes,
  isPaired,
  MAX_CODES,
  openToken,
  soloToken,
  tokenInfo,
  TOKEN_PATTERN,
  type InlineCode,
  type XliffElement,
} from '../../../shared/inline/inlineCodes.js';
import { versoCodeOf, type XliffCode } from '../../../shared/inline/xliffCodes.js';

export const CODES_1 = new Set(['g', 'x', 'bx', 'ex', 'ph', 'bpt', 'ept', 'it']);
export const CODES_2 = new Set(['pc', 'ph', 'sc', 'ec']);
/** Elements whose XML element closes a paired code (<bpt>'s pair closes at its <ept>). */
export const PAIRED_ELEMENTS = new Set(['g', 'pc']);

/** The element's own (un-namespaced) attributes, as the file wrote them. */
function plainAttrs(tag: SaxesTagNS): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Object.values(tag.attributes)) if (a.uri === '' && a.prefix === '') out[a.local] = a.value;
  return out;
}

/** Where an element's native content goes while it is read. */
export interface ContentSink {
  add(text: string): void;
}

export interface InlineOpen {
  /** The token(s) to append to the field ('' when the code was dropped). */
  token: string;
  /** A <g>/<pc> whose element close ends the pair: the code index (null when dropped). */
  pair: { index: number | null } | null;
  /** The element holds native code, not text: its content goes to `sink` (or nowhere). */
  nativeContent: ContentSink | null | false;
}

export class UnitInline {
  readonly codes: InlineCode[] = [];
  /** 2.0 <originalData>: data id → native code. */
  readonly data = new Map<string, string>();
  private readonly keys = new Map<string, number>();
  /** The field's <bpt>s waiting for their <ept>: key → code index (null when dropped). */
  private openBpts = new Map<string, number | null>();

  constructor(private readonly version: 1 | 2) {}

  /** A <source> or <target> starts. */
  startField(): void {
    this.openBpts = new Map();
  }

  private register(f: 'source' | 'target', key: string, code: XliffCode): number | null {
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    if (f !== 'source' || this.codes.length >= MAX_CODES) return null;
    this.codes.push(code);
    this.keys.set(key, this.codes.length - 1);
    return this.codes.length - 1;
  }

  private code(index: number | null): XliffCode | null {
    const c = index === null ? undefined : this.codes[index];
    return c?.type === 'xliff' ? c : null;
  }

  open(f: 'source' | 'target', tag: SaxesTagNS): InlineOpen {
    const element = tag.local as XliffElement;
    const attrs = plainAttrs(tag);
    const fresh = f === 'source';
    if (this.version === 1 && element === 'ept') {
      const key = attrs['rid'] ?? attrs['id'] ?? '';
      const index = this.openBpts.get(key);
      if (index !== undefined) {
        this.openBpts.delete(key);
        const code = this.code(index);
        const end = fresh && code ? (code.end = { attrs, content: '' }) : null;
        return {
          token: index === null ? '' : closeToken(index),
          pair: null,
          nativeContent: end ? { add: (t) => (end.content += t) } : null,
        };
      }
    }
    const id = attrs['id'] ?? attrs['startRef'] ?? '';
    const key = element === 'bpt' ? `bpt#${attrs['rid'] ?? id}` : `${element}#${id}`;
    const content = this.version === 2 ? (this.data.get(attrs['dataRef'] ?? attrs['dataRefStart'] ?? '') ?? '') : '';
    const endData = this.version === 2 && attrs['dataRefEnd'] !== undefined ? this.data.get(attrs['dataRefEnd']) : undefined;
    const made: XliffCode = {
      type: 'xliff',
      element,
      attrs,
      content,
      ...(endData !== undefined ? { end: { attrs: {}, content: endData } } : {}),
    };
    const index = this.register(f, key, made);
    const code = fresh ? this.code(index) : null;
    const sink: ContentSink | null = code ? { add: (t) => (code.content += t) } : null;
    if (element === 'bpt') {
      this.openBpts.set(attrs['rid'] ?? id, index);
      return { token: index === null ? '' : openToken(index), pair: null, nativeContent: sink };
    }
    if (PAIRED_ELEMENTS.has(element)) return { token: index === null ? '' : openToken(index), pair: { index }, nativeContent: false };
    // 1.2 <ph>, <it>, a lone <ept> hold native code; the other standalone codes are empty.
    return {
      token: index === null ? '' : soloToken(index),
      pair: null,
      nativeContent: this.version === 1 && (element === 'ph' || element === 'it' || element === 'ept') ? sink : false,
    };
  }

  /**
   * The unit's text and codes: a pair left open (a <bpt> without its <ept>) is closed at the end,
   * codes the source lost are removed and the rest renumbered alike in source and target, and
   * Verso's own codes come back as themselves.
   */
  finish(source: string, target: string): { source: string; target: string; codes: InlineCode[] } {
    const closeOpen = (text: string): string =>
      this.codes.reduce((t, c, i) => (isPaired(c) && t.includes(openToken(i)) && !t.includes(closeToken(i)) ? t + closeToken(i) : t), text);
    const src = closeOpen(source);
    const s = compactCodes(src, this.codes);
    // The target's tokens follow the source's renumbering (as compactCodes keeps codes).
    const kept = new Map<number, number>();
    this.codes.forEach((c, i) => {
      if (isPaired(c) ? src.includes(openToken(i)) && src.includes(closeToken(i)) : src.includes(soloToken(i))) kept.set(i, kept.size);
    });
    const t = closeOpen(target).replace(TOKEN_PATTERN, (ch) => {
      const info = tokenInfo(ch)!;
      const j = kept.get(info.index);
      if (j === undefined) return '';
      return info.role === 'open' ? openToken(j) : info.role === 'close' ? closeToken(j) : soloToken(j);
    });
    return { source: s.text, target: t, codes: s.codes.map((c) => (c.type === 'xliff' ? versoCodeOf(c) : c)) };
  }
}
