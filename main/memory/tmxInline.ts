/**
 * TMX 1.4b inline content (issue 14, TMX level 2) ⇄ Verso's text with inline codes
 * (shared/inline/inlineCodes.ts), so a formatted paragraph and a TMX unit compare AS CODES.
 *
 * Reading a <seg>:
 * - <bpt>/<ept> pairs (matched by `i`) become a paired code: bold, italic or link when the `type`
 *   or the native code says so (`<b>`, `<strong>`, `<i>`, `<em>`, `<a href>`, RTF `\b`, `\i`),
 *   else a generic pair (an XLIFF `g` code keeping both native fragments). A <bpt> without its
 *   <ept> (or the reverse) becomes an isolated begin (end) code.
 * - <ph> becomes a line break (`type="lb"` or `<br>`), inline code (`type="x-code"`, Verso's
 *   own) or a standalone code keeping its native fragment; <it> an isolated begin/end code; <ut>
 *   a standalone code; <hi> a paired code around its (translatable) text.
 * - <sub>: the text of the first <sub> in a <ph> is translatable text of the segment, between the
 *   two halves of a paired code (so "Click <ph>…<sub>Start</sub>…</ph> to start." keeps "Start");
 *   any other <sub> (in <bpt>, <ept>, <it>, or a second one) stays verbatim in its code's native
 *   fragment and is written back on export.
 * Native fragments are stored as TMX markup (escaped text, <sub> elements), exactly as they are
 * written back. Codes of TMX units live only in the TM: a match is inserted with the paragraph's
 * own codes (shared/memory/formatting.ts mapUnitTokens).
 */
import {
  InlineBuilder,
  closeToken,
  openToken,
  soloToken,
  tokenInfo,
  TOKEN_PATTERN,
  type InlineCode,
} from '../../shared/inline/inlineCodes.js';
import { escapeXml, escapeXmlAttribute } from '../../shared/xml/escapeXml.js';
import { safeHref } from '../../shared/inline/renderInline.js';

/** Attribute marking a code read from TMX, with the element it came from. */
export const TMX_ELEMENT_ATTR = 'x-tmx';
/** The native fragment after the text of a <ph>'s <sub>, or of a pair's <ept>. */
const END_ATTR = 'x-tmx-end';

type Attrs = Record<string, string>;

interface Capture {
  element: string;
  attrs: Attrs;
  /** Serialised content (TMX markup) before the visible <sub> (or all of it). */
  before: string[];
  /** The first <sub>'s text, in a <ph>: shown as segment text. */
  subText: string[] | null;
  after: string[];
  /** Open elements inside the code (for the serialised fragment), and whether we are in the visible <sub>. */
  depth: number;
  inVisibleSub: boolean;
}

const CODE_HOSTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

function attrText(attrs: Attrs): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`)
    .join('');
}

/** Plain text of a serialised native fragment (markup and escapes undone): for sniffing only. */
function nativeText(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What a <bpt> begins: a Verso formatting code when its type or native code says so. */
function pairedCodeOf(type: string | undefined, native: string): InlineCode | null {
  const t = (type ?? '').toLowerCase();
  const n = native.trim();
  if (t === 'bold' || /^<(b|strong)(\s[^>]*)?>$/i.test(n) || /^\{?\\b\s?$/.test(n)) return { type: 'bold' };
  if (t === 'italic' || /^<(i|em)(\s[^>]*)?>$/i.test(n) || /^\{?\\i\s?$/.test(n)) return { type: 'italic' };
  const href = /^<a\s[^>]*\bhref\s*=\s*("([^"]*)"|'([^']*)')[^>]*>$/i.exec(n);
  if (href) return { type: 'link', href: (href[2] ?? href[3] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&') };
  if (t === 'link') return { type: 'link', href: '' };
  return null;
}

function standaloneCodeOf(type: string | undefined, native: string): InlineCode | null {
  const t = (type ?? '').toLowerCase();
  if (t === 'lb' || /^<br\s*\/?>$/i.test(native.trim()) || native.trim() === '\\line') return { type: 'break' };
  if (t === 'x-code') return { type: 'code', text: native };
  return null;
}

/** Reads one <seg>'s content from parser events into text with tokens and codes. */
export class TmxSegReader {
  private readonly out = new InlineBuilder();
  private capture: Capture | null = null;
  /** Open <bpt>s by their `i`: the code index. */
  private readonly pairs = new Map<string, number | null>();
  /** Open <hi>s (their code index), innermost last. */
  private readonly his: (number | null)[] = [];

  open(name: string, attrs: Attrs): void {
    const c = this.capture;
    if (c) {
      c.depth++;
      if (name === 'sub' && c.element === 'ph' && c.subText === null && c.depth === 1) {
        c.subText = [];
        c.inVisibleSub = true;
        c.before.push(`<sub${attrText(attrs)}>`);
        return;
      }
      (c.subText !== null && !c.inVisibleSub ? c.after : c.inVisibleSub ? [] : c.before).push(`<${name}${attrText(attrs)}>`);
      return;
    }
    if (CODE_HOSTS.has(name)) {
      this.capture = { element: name, attrs, before: [], subText: null, after: [], depth: 0, inVisibleSub: false };
      return;
    }
    if (name === 'hi')
      this.his.push(
        this.out.open({ type: 'xliff', element: 'g', attrs: { [TMX_ELEMENT_ATTR]: 'hi', ...pick(attrs, 'type', 'x') }, content: '' }),
      );
    // Anything else in a <seg> is not TMX: its text is kept, the tag is not.
  }

  close(name: string): void {
    const c = this.capture;
    if (c) {
      if (c.depth === 0) {
        this.capture = null;
        this.finish(c);
        return;
      }
      c.depth--;
      if (c.inVisibleSub && c.depth === 0 && name === 'sub') {
        c.inVisibleSub = false;
        c.after.push('</sub>');
        return;
      }
      if (!c.inVisibleSub) (c.subText !== null ? c.after : c.before).push(`</${name}>`);
      return;
    }
    if (name === 'hi') this.out.close(this.his.pop() ?? null);
  }

  text(t: string): void {
    const c = this.capture;
    if (!c) {
      this.out.text(t);
      return;
    }
    // Text of the visible <sub> itself (not the native content of a code inside it).
    if (c.inVisibleSub) {
      if (c.depth === 1) c.subText!.push(t);
    } else (c.subText !== null ? c.after : c.before).push(escapeXml(t));
  }

  private finish(c: Capture): void {
    const before = c.before.join('');
    const native = nativeText(before);
    const own = pick(c.attrs, 'type', 'x', 'assoc', 'pos');
    switch (c.element) {
      case 'bpt': {
        const i = c.attrs['i'] ?? '';
        // Native code holding a <sub> stays as it came (its <sub> is written back).
        const code = (before.includes('<sub') ? null : pairedCodeOf(c.attrs['type'], native)) ?? {
          type: 'xliff',
          element: 'g',
          attrs: { [TMX_ELEMENT_ATTR]: 'bpt', ...own },
          content: before,
        };
        this.pairs.set(i, this.out.open(code));
        return;
      }
      case 'ept': {
        const i = c.attrs['i'] ?? '';
        if (this.pairs.has(i)) {
          const index = this.pairs.get(i)!;
          this.pairs.delete(i);
          const code = index === null ? undefined : this.out.codes[index];
          if (code?.type === 'xliff') code.attrs[END_ATTR] = before;
          this.out.close(index);
        } else this.out.solo({ type: 'xliff', element: 'ex', attrs: { [TMX_ELEMENT_ATTR]: 'ept' }, content: before });
        return;
      }
      case 'ph': {
        if (c.subText !== null) {
          const index = this.out.open({
            type: 'xliff',
            element: 'g',
            attrs: { [TMX_ELEMENT_ATTR]: 'ph', ...own, [END_ATTR]: c.after.join('') },
            content: before,
          });
          this.out.text(c.subText.join(''));
          this.out.close(index);
          return;
        }
        this.out.solo(
          standaloneCodeOf(c.attrs['type'], native) ?? {
            type: 'xliff',
            element: 'ph',
            attrs: { [TMX_ELEMENT_ATTR]: 'ph', ...own },
            content: before,
          },
        );
        return;
      }
      case 'it':
        this.out.solo({
          type: 'xliff',
          element: c.attrs['pos'] === 'end' ? 'ex' : 'bx',
          attrs: { [TMX_ELEMENT_ATTR]: 'it', ...own },
          content: before,
        });
        return;
      default:
        this.out.solo({ type: 'xliff', element: 'x', attrs: { [TMX_ELEMENT_ATTR]: 'ut', ...own }, content: before });
    }
  }

  /** The segment: text with tokens and its codes; a <bpt> never closed becomes an isolated begin. */
  build(): { text: string; codes: InlineCode[] } {
    let { text, codes } = this.out.build();
    for (const index of this.pairs.values()) {
      if (index === null) continue;
      const code = codes[index]!;
      codes[index] = {
        type: 'xliff',
        element: 'bx',
        attrs: code.type === 'xliff' ? { ...code.attrs, [TMX_ELEMENT_ATTR]: 'bpt' } : { [TMX_ELEMENT_ATTR]: 'bpt' },
        content: code.type === 'xliff' ? code.content : nativeOpen(code),
      };
      text = text.replace(openToken(index), soloToken(index));
    }
    for (const index of this.his) if (index !== null) text += closeToken(index);
    return { text, codes };
  }
}

function pick(attrs: Attrs, ...names: string[]): Attrs {
  const out: Attrs = {};
  for (const n of names) if (attrs[n] !== undefined) out[n] = attrs[n];
  return out;
}

// --- Writing --------------------------------------------------------------------------------------

/** The native code Verso writes for its own formatting (HTML, as most CAT tools show it). */
function nativeOpen(code: InlineCode): string {
  switch (code.type) {
    case 'bold':
      return escapeXml('<b>');
    case 'italic':
      return escapeXml('<i>');
    case 'link': {
      // Only links a reader may safely follow (as every export): an unsafe one is written as a bare <a>.
      const href = safeHref(code.href);
      return escapeXml(href === null ? '<a>' : `<a href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`);
    }
    default:
      return '';
  }
}

function nativeClose(code: InlineCode): string {
  return code.type === 'bold'
    ? escapeXml('</b>')
    : code.type === 'italic'
      ? escapeXml('</i>')
      : code.type === 'link'
        ? escapeXml('</a>')
        : '';
}

const TMX_TYPE: Partial<Record<InlineCode['type'], string>> = { bold: 'bold', italic: 'italic', link: 'link' };

/** Attributes of a code read from TMX that the element may carry (TMX 1.4b DTD). */
const ALLOWED: Record<string, readonly string[]> = {
  bpt: ['x', 'type'],
  ph: ['x', 'assoc', 'type'],
  it: ['x', 'type'],
  hi: ['x', 'type'],
  ut: ['x'],
};

function tmxAttrs(element: string, attrs: Attrs): string {
  return attrText(pick(attrs, ...(ALLOWED[element] ?? [])));
}

/**
 * A text with tokens as TMX 1.4b <seg> content (valid against tmx14.dtd): paired codes as
 * <bpt i>/<ept i> (or <hi>, or a <ph> with a <sub>, when they came so), standalone codes as <ph>,
 * isolated ones as <it pos>. `i` is the code's number + 1. A token without its code is dropped;
 * a pair missing one end is written as an isolated code.
 */
export function renderTmxSeg(text: string, codes: readonly InlineCode[]): string {
  const present = new Set(text.match(TOKEN_PATTERN) ?? []);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    out += escapeXml(text.slice(last, m.index));
    last = m.index + 1;
    const { role, index } = tokenInfo(m[0])!;
    const code = codes[index];
    if (!code) continue;
    const i = String(index + 1);
    const from = code.type === 'xliff' ? (code.attrs[TMX_ELEMENT_ATTR] ?? '') : '';
    const content = code.type === 'xliff' ? code.content : '';
    if (role === 'solo') {
      out += soloTmx(code, i);
      continue;
    }
    const paired = present.has(openToken(index)) && present.has(closeToken(index));
    if (from === 'hi') {
      if (paired) out += role === 'open' ? `<hi${tmxAttrs('hi', code.type === 'xliff' ? code.attrs : {})}>` : '</hi>';
      continue;
    }
    if (from === 'ph') {
      // A <ph> whose <sub> text is the text between the two tokens: written around it, as read.
      const attrs = code.type === 'xliff' ? code.attrs : {};
      const end = attrs[END_ATTR] ?? '';
      // One end missing: the whole <ph> (its <sub> empty) where the other one is.
      if (!paired) out += `<ph${tmxAttrs('ph', attrs)}>${content}${end}</ph>`;
      else out += role === 'open' ? `<ph${tmxAttrs('ph', attrs)}>${content}` : `${end}</ph>`;
      continue;
    }
    const type = TMX_TYPE[code.type] ?? (code.type === 'xliff' ? code.attrs['type'] : undefined);
    // A code read from TMX keeps its own attributes (x, type); Verso's say their type.
    const own = (element: string) =>
      from && code.type === 'xliff' ? tmxAttrs(element, code.attrs) : type ? ` type="${escapeXmlAttribute(type)}"` : '';
    // A TMX code's fragments are TMX markup already; an XLIFF code's content is plain native text.
    const begin = code.type === 'xliff' ? (from ? content : escapeXml(content)) : nativeOpen(code);
    const end = code.type === 'xliff' ? (code.attrs[END_ATTR] ?? '') : nativeClose(code);
    if (!paired) {
      out += `<it pos="${role === 'open' ? 'begin' : 'end'}"${own('it')}>${role === 'open' ? begin : end}</it>`;
      continue;
    }
    out += role === 'open' ? `<bpt i="${i}"${own('bpt')}>${begin}</bpt>` : `<ept i="${i}">${end}</ept>`;
  }
  return out + escapeXml(text.slice(last));
}

function soloTmx(code: InlineCode, i: string): string {
  switch (code.type) {
    case 'break':
      return `<ph type="lb">${escapeXml('<br/>')}</ph>`;
    case 'code':
      return `<ph type="x-code">${escapeXml(code.text)}</ph>`;
    case 'xliff': {
      const from = code.attrs[TMX_ELEMENT_ATTR];
      if (code.element === 'bx' || code.element === 'ex' || code.element === 'sc' || code.element === 'ec') {
        return `<it pos="${code.element === 'bx' || code.element === 'sc' ? 'begin' : 'end'}"${from ? tmxAttrs('it', code.attrs) : ''}>${from ? code.content : ''}</it>`;
      }
      // A <ph> read from TMX keeps its native code; an XLIFF <ph>'s content is its native code too.
      if (from === 'ut') return `<ut${tmxAttrs('ut', code.attrs)}>${code.content}</ut>`;
      if (from) return `<ph${tmxAttrs('ph', code.attrs)}>${code.content}</ph>`;
      return `<ph x="${i}">${code.element === 'ph' ? escapeXml(code.content) : ''}</ph>`;
    }
    default:
      return `<ph x="${i}"/>`;
  }
}
