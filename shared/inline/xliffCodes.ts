/**
 * XLIFF inline codes by their meaning. Whatever version a code came in (1.2 g x bx ex bpt ept ph
 * it; 2.0 pc ph sc ec), and whatever Verso made it from (bold, italic, link, inline code, line
 * break), it is read into one `XliffMeaning` — its shape, its kind (2.0 `type`/`subType`, 1.2
 * `ctype`), its equivalent text and display, its native data — and written from that meaning
 * with only what the target version allows (`xliffWrite.ts`). Attributes are never copied.
 *
 * The stored record (`{type:'xliff', element, attrs, content, end?}`) keeps what the file said,
 * so rows stored before this module existed (raw attributes, 1.2 <ph> content) read the same way.
 */
import type { InlineCode } from './inlineCodes.js';
import { safeHref } from './safeHref.js';

export type XliffCode = Extract<InlineCode, { type: 'xliff' }>;

/** XLIFF 2.0 `type` values (1.2 has none; its `ctype` maps onto them). */
export type CodeType = 'fmt' | 'ui' | 'quote' | 'link' | 'image' | 'other';
const CODE_TYPES = new Set<string>(['fmt', 'ui', 'quote', 'link', 'image', 'other']);

export interface XliffMeaning {
  /** paired: spans content (g, pc, bpt+ept); standalone (x, ph); start / end: one end of a span (bx/ex, sc/ec, it). */
  shape: 'paired' | 'standalone' | 'start' | 'end';
  /** What links a start with its end in the file (1.2 rid or id, 2.0 id / startRef); '' when none. */
  key: string;
  type: CodeType | null;
  /** A valid `prefix:value` (2.0 subType), only with a type. */
  subType: string | null;
  /** A 1.2 `ctype` with no 2.0 counterpart (x-… values), kept for 1.2. */
  ctype: string | null;
  /** Plain-text equivalent (1.2 equiv-text, 2.0 equiv/equivStart) and of a pair's end (2.0 equivEnd, 1.2 <ept equiv-text>). */
  equiv: string | null;
  equivEnd: string | null;
  /** Display text (2.0 only: disp/dispStart, dispEnd). */
  disp: string | null;
  dispEnd: string | null;
  /** Native code (1.2 ph/bpt/it content, 2.0 originalData) and a pair's end (1.2 ept content, 2.0 dataRefEnd). */
  data: string | null;
  dataEnd: string | null;
}

/** The 2.0 subType pattern (xliff_core_2.0.xsd userDefinedValue). */
export const SUBTYPE_PATTERN = /^[^\s:]+:[^\s:]+$/;

/** 1.2 ctype values ↔ 2.0 type/subType (XLIFF 2.0 §4.3.1.36 and the 1.2 ctype lists). */
const FROM_CTYPE: Record<string, [CodeType, string | null]> = {
  bold: ['fmt', 'xlf:b'],
  italic: ['fmt', 'xlf:i'],
  underlined: ['fmt', 'xlf:u'],
  lb: ['fmt', 'xlf:lb'],
  pb: ['fmt', 'xlf:pb'],
  link: ['link', null],
  image: ['image', null],
};

/** The `xlf:` subType values and the type each requires (XLIFF 2.0 §4.3.1.36); other `xlf:` values are reserved. */
const XLF_SUBTYPES: Record<string, CodeType> = {
  'xlf:b': 'fmt',
  'xlf:i': 'fmt',
  'xlf:u': 'fmt',
  'xlf:lb': 'fmt',
  'xlf:pb': 'fmt',
  'xlf:var': 'ui',
};

function validSubType(subType: string, type: CodeType): boolean {
  return SUBTYPE_PATTERN.test(subType) && (!subType.startsWith('xlf:') || XLF_SUBTYPES[subType] === type);
}

const nonEmpty = (v: string | undefined | null): string | null => (v === undefined || v === null || v === '' ? null : v);

function shapeOf(code: XliffCode): XliffMeaning['shape'] {
  switch (code.element) {
    case 'g':
    case 'pc':
    case 'bpt':
      return 'paired';
    case 'x':
    case 'ph':
      return 'standalone';
    case 'bx':
    case 'sc':
      return 'start';
    case 'ex':
    case 'ec':
    case 'ept':
      return 'end';
    case 'it':
      return code.attrs['pos'] === 'close' ? 'end' : 'start';
  }
}

/** The meaning of a stored XLIFF code (either version's attribute names; unknown ones ignored). */
export function xliffMeaning(code: XliffCode): XliffMeaning {
  const a = code.attrs;
  const shape = shapeOf(code);
  const ctype = nonEmpty(a['ctype']);
  // Verso writes a 2.0 type with no 1.2 counterpart as ctype "x-<type>": read back as that type.
  const typed = ctype !== null ? /^x-(fmt|ui|quote|link|image|other)$/.exec(ctype)?.[1] : undefined;
  const known =
    ctype !== null ? (FROM_CTYPE[ctype] ?? (typed !== undefined ? ([typed as CodeType, null] as [CodeType, null]) : undefined)) : undefined;
  let type: CodeType | null = a['type'] !== undefined && CODE_TYPES.has(a['type']) ? (a['type'] as CodeType) : null;
  let subType = type !== null && a['subType'] !== undefined && validSubType(a['subType'], type) ? a['subType'] : null;
  if (type === null && known) [type, subType] = known;
  else if (type === null && ctype !== null) type = 'other';
  return {
    shape,
    key: (shape === 'end' ? (a['rid'] ?? a['startRef'] ?? a['id']) : (a['rid'] ?? a['id'])) ?? '',
    type,
    subType,
    ctype: ctype !== null && !known ? ctype : null,
    equiv: nonEmpty(a['equiv-text'] ?? a['equiv'] ?? a['equivStart']),
    equivEnd: nonEmpty(a['equivEnd'] ?? code.end?.attrs['equiv-text']),
    disp: nonEmpty(a['disp'] ?? a['dispStart']),
    dispEnd: nonEmpty(a['dispEnd']),
    data: nonEmpty(code.content),
    dataEnd: nonEmpty(code.end?.content),
  };
}

const BLANK: Omit<XliffMeaning, 'shape'> = {
  key: '',
  type: null,
  subType: null,
  ctype: null,
  equiv: null,
  equivEnd: null,
  disp: null,
  dispEnd: null,
  data: null,
  dataEnd: null,
};

function escapeHtmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function unescapeHtml(s: string): string {
  return s.replace(
    /&(quot|lt|gt|#39|apos|amp);/g,
    (_, e: string) => ({ quot: '"', lt: '<', gt: '>', '#39': "'", apos: "'", amp: '&' })[e]!,
  );
}

/**
 * The meaning of any inline code as XLIFF: Verso's own codes as XLIFF writes them (bold/italic
 * as fmt b/i, strikethrough as fmt with `<s>` data, a link with its `<a href>` as native data, inline code as a placeholder with its
 * `<code>` data and plain-text equivalent, a line break as fmt lb).
 */
export function meaningOf(code: InlineCode): XliffMeaning {
  switch (code.type) {
    case 'xliff':
      return xliffMeaning(code);
    case 'bold':
      return { ...BLANK, shape: 'paired', type: 'fmt', subType: 'xlf:b' };
    case 'italic':
      return { ...BLANK, shape: 'paired', type: 'fmt', subType: 'xlf:i' };
    case 'strike':
      // XLIFF names no strikethrough: formatting whose native data is HTML's <s>.
      return { ...BLANK, shape: 'paired', type: 'fmt', data: '<s>', dataEnd: '</s>' };
    case 'link': {
      const href = safeHref(code.href);
      return {
        ...BLANK,
        shape: 'paired',
        type: 'link',
        data: href === null ? null : `<a href="${escapeHtmlAttr(href)}">`,
        dataEnd: href === null ? null : '</a>',
      };
    }
    case 'code':
      return {
        ...BLANK,
        shape: 'standalone',
        type: 'other',
        ctype: 'x-code',
        equiv: code.text,
        disp: code.text,
        data: `<code>${escapeHtmlAttr(code.text)}</code>`,
      };
    case 'break':
      return { ...BLANK, shape: 'standalone', type: 'fmt', subType: 'xlf:lb' };
  }
}

/**
 * Whether `m` says nothing beyond what Verso writes for `candidate`. Ids, a 1.2 ctype and a 2.0
 * display text are not compared (one version cannot carry them), nor a link's native data (its
 * href is what was read from it).
 */
function sameMeaning(candidate: InlineCode, m: XliffMeaning): boolean {
  const ours = meaningOf(candidate);
  const ignored = new Set<string>(['key', 'ctype', 'disp', 'dispEnd', ...(candidate.type === 'link' ? ['data', 'dataEnd'] : [])]);
  return ours.shape === m.shape && (Object.keys(BLANK) as (keyof typeof BLANK)[]).every((k) => ignored.has(k) || ours[k] === m[k]);
}

/**
 * A code read from XLIFF that is exactly what Verso writes for bold, italic, a link, inline code
 * or a line break becomes that code again (so importing Verso's own export restores the link's
 * href, and other exports render them); anything that carries more stays an XLIFF code.
 */
export function versoCodeOf(code: XliffCode): InlineCode {
  const m = xliffMeaning(code);
  let candidate: InlineCode | null = null;
  if (m.shape === 'paired' && m.subType === 'xlf:b') candidate = { type: 'bold' };
  else if (m.shape === 'paired' && m.subType === 'xlf:i') candidate = { type: 'italic' };
  else if (m.shape === 'paired' && m.type === 'fmt' && m.data === '<s>' && m.dataEnd === '</s>') candidate = { type: 'strike' };
  else if (m.shape === 'paired' && m.type === 'link') {
    const href = /^<a href="([^"]*)">$/.exec(m.data ?? '')?.[1];
    if (href !== undefined && m.dataEnd === '</a>' && safeHref(unescapeHtml(href)) !== null)
      candidate = { type: 'link', href: unescapeHtml(href) };
  } else if (m.shape === 'standalone' && m.subType === 'xlf:lb') candidate = { type: 'break' };
  else if (m.shape === 'standalone' && m.data !== null) {
    const text = /^<code>([\s\S]*)<\/code>$/.exec(m.data)?.[1];
    if (text !== undefined) candidate = { type: 'code', text: unescapeHtml(text) };
  }
  return candidate !== null && sameMeaning(candidate, m) ? candidate : code;
}
