/**
 * Writes a paragraph's text with its inline codes as XLIFF 1.2 or 2.0 inline content, each code
 * from its meaning (xliffCodes.ts) with only the attributes that version defines:
 *
 * | meaning | 1.2 | 2.0 |
 * | paired | <g> (<bpt>/<ept> with native data) | <pc> (dataRefStart/End) |
 * | standalone | <x/> (<ph> with native data) | <ph/> (dataRef) |
 * | start + its end in the text | <bx rid/>…<ex rid/> (<bpt>/<ept> with data) | <sc/>…<ec startRef/> |
 * | start or end alone | <bx/> / <ex/> (<it pos> with data) | <sc isolated="yes"/> / <ec isolated="yes"/> |
 *
 * Ids are renumbered: `prefix` + the code's number + 1, so they are unique in the unit (the MT
 * candidate uses another prefix) and every reference (rid, startRef, dataRef) is one written here.
 */
import { escapeXml, escapeXmlAttribute } from '../xml/escapeXml.js';
import type { InlineCode } from './inlineCodes.js';
import { pieces, type Piece } from './pieces.js';
import { meaningOf, type XliffMeaning } from './xliffCodes.js';

export type XliffVersion = '1.2' | '2.0';

/** One `<data>` of a 2.0 `<originalData>`. */
export interface XliffData {
  id: string;
  value: string;
}

export interface XliffInline {
  content: string;
  /** 2.0: the native data the content refers to (always [] for 1.2, which holds it in the codes). */
  data: XliffData[];
}

const PLACEHOLDER_CTYPES = new Set(['image', 'pb', 'lb']);
const DELIMITER_CTYPES = new Set(['bold', 'italic', 'underlined', 'link']);
const TO_CTYPE: Record<string, string> = { 'xlf:b': 'bold', 'xlf:i': 'italic', 'xlf:u': 'underlined', 'xlf:lb': 'lb', 'xlf:pb': 'pb' };

/** The 1.2 ctype for a meaning on a placeholder (x, ph) or delimiter element; null when none. */
function ctypeOf(m: XliffMeaning, placeholder: boolean): string | null {
  const value =
    m.ctype ??
    (m.subType !== null ? TO_CTYPE[m.subType] : undefined) ??
    (m.type === 'link' || m.type === 'image' ? m.type : m.type !== null ? `x-${m.type}` : null);
  if (value === null || value === undefined) return null;
  if (value.startsWith('x-')) return /^x-[^\s]+$/.test(value) ? value : null;
  return (placeholder ? PLACEHOLDER_CTYPES : DELIMITER_CTYPES).has(value) ? value : `x-${value}`;
}

function attrs(list: [string, string | null | undefined][]): string {
  return list
    .filter((e): e is [string, string] => e[1] !== null && e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`)
    .join('');
}

/** Which start each end closes in this text (by the file's key, a start before its end), and back. */
function partners(list: readonly Piece[], meanings: readonly XliffMeaning[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const openStarts: number[] = [];
  for (const p of list) {
    if (p.kind !== 'solo') continue;
    const m = meanings[p.index]!;
    if (m.shape === 'start' && m.key !== '') openStarts.push(p.index);
    else if (m.shape === 'end' && m.key !== '') {
      const at = openStarts.findLastIndex((i) => meanings[i]!.key === m.key);
      if (at < 0) continue;
      const start = openStarts.splice(at, 1)[0]!;
      pairs.set(p.index, start).set(start, p.index);
    }
  }
  return pairs;
}

class Writer {
  out = '';
  data: XliffData[] = [];
  constructor(
    private readonly version: XliffVersion,
    private readonly prefix: string,
  ) {}

  id(index: number): string {
    return `${this.prefix}${index + 1}`;
  }

  dataRef(index: number, value: string | null, end = false): string | null {
    if (value === null) return null;
    const id = `${this.prefix}d${index + 1}${end ? 'e' : ''}`;
    if (!this.data.some((d) => d.id === id)) this.data.push({ id, value });
    return id;
  }

  paired(p: Piece & { kind: 'open' | 'close' }, m: XliffMeaning): void {
    const id = this.id(p.index);
    if (this.version === '2.0') {
      if (p.kind === 'close') this.out += '</pc>';
      else
        this.out += `<pc${attrs([
          ['id', id],
          ['type', m.type],
          ['subType', m.type !== null ? m.subType : null],
          ['dataRefStart', this.dataRef(p.index, m.data)],
          ['dataRefEnd', this.dataRef(p.index, m.dataEnd, true)],
          ['equivStart', m.equiv],
          ['equivEnd', m.equivEnd],
          ['dispStart', m.disp],
          ['dispEnd', m.dispEnd],
        ])}>`;
    } else if (m.data !== null || m.dataEnd !== null) {
      this.out +=
        p.kind === 'open'
          ? `<bpt${attrs([
              ['id', id],
              ['ctype', ctypeOf(m, false)],
              ['equiv-text', m.equiv],
            ])}>${escapeXml(m.data ?? '')}</bpt>`
          : `<ept${attrs([
              ['id', id],
              ['equiv-text', m.equivEnd],
            ])}>${escapeXml(m.dataEnd ?? '')}</ept>`;
    } else {
      this.out +=
        p.kind === 'open'
          ? `<g${attrs([
              ['id', id],
              ['ctype', ctypeOf(m, false)],
              ['equiv-text', m.equiv],
            ])}>`
          : '</g>';
    }
  }

  standalone(index: number, m: XliffMeaning): void {
    const id = this.id(index);
    if (this.version === '2.0')
      this.out += `<ph${attrs([
        ['id', id],
        ['type', m.type],
        ['subType', m.type !== null ? m.subType : null],
        ['dataRef', this.dataRef(index, m.data)],
        ['equiv', m.equiv],
        ['disp', m.disp],
      ])}/>`;
    else if (m.data !== null)
      this.out += `<ph${attrs([
        ['id', id],
        ['ctype', ctypeOf(m, true)],
        ['equiv-text', m.equiv],
      ])}>${escapeXml(m.data)}</ph>`;
    else
      this.out += `<x${attrs([
        ['id', id],
        ['ctype', ctypeOf(m, true)],
        ['equiv-text', m.equiv],
      ])}/>`;
  }

  /** A start or an end; `partner` is the other end's code when it is in this text. */
  spanEnd(index: number, m: XliffMeaning, partner: number | undefined, partnerMeaning: XliffMeaning | undefined): void {
    const start = m.shape === 'start';
    const id = this.id(index);
    if (this.version === '2.0') {
      const common: [string, string | null][] = [
        ['type', m.type],
        ['subType', m.type !== null ? m.subType : null],
        ['dataRef', this.dataRef(index, m.data)],
        ['equiv', m.equiv],
        ['disp', m.disp],
      ];
      if (start) this.out += `<sc${attrs([['id', id], ...common, ['isolated', partner === undefined ? 'yes' : null]])}/>`;
      else if (partner === undefined) this.out += `<ec${attrs([['id', id], ...common, ['isolated', 'yes']])}/>`;
      else this.out += `<ec${attrs([['startRef', this.id(partner)], ...common])}/>`;
      return;
    }
    const withData = m.data !== null || (partnerMeaning?.data ?? null) !== null;
    if (partner !== undefined && withData) {
      // Both ends in the segment with native code: <bpt>/<ept>, the end named by its start's id.
      if (start)
        this.out += `<bpt${attrs([
          ['id', id],
          ['ctype', ctypeOf(m, false)],
          ['equiv-text', m.equiv],
        ])}>${escapeXml(m.data ?? '')}</bpt>`;
      else
        this.out += `<ept${attrs([
          ['id', this.id(partner)],
          ['equiv-text', m.equiv],
        ])}>${escapeXml(m.data ?? '')}</ept>`;
    } else if (partner !== undefined) {
      const rid = start ? id : this.id(partner);
      this.out += start
        ? `<bx${attrs([
            ['id', id],
            ['rid', rid],
            ['ctype', ctypeOf(m, false)],
            ['equiv-text', m.equiv],
          ])}/>`
        : `<ex${attrs([
            ['id', id],
            ['rid', rid],
            ['equiv-text', m.equiv],
          ])}/>`;
    } else if (m.data !== null) {
      this.out += `<it${attrs([
        ['id', id],
        ['pos', start ? 'open' : 'close'],
        ['ctype', ctypeOf(m, false)],
        ['equiv-text', m.equiv],
      ])}>${escapeXml(m.data)}</it>`;
    } else {
      this.out += start
        ? `<bx${attrs([
            ['id', id],
            ['ctype', ctypeOf(m, false)],
            ['equiv-text', m.equiv],
          ])}/>`
        : `<ex${attrs([
            ['id', id],
            ['equiv-text', m.equiv],
          ])}/>`;
    }
  }
}

/**
 * XLIFF inline content for a <source>/<target> (text escaped, codes as elements) and, for 2.0,
 * the <data> it refers to. `prefix` starts every id written (codes and data): "" for the
 * segment, another (e.g. "m") for an MT candidate in the same unit.
 */
export function renderXliffInline(text: string, codes: readonly InlineCode[], version: XliffVersion, prefix = ''): XliffInline {
  const meanings = codes.map(meaningOf);
  const list = pieces(text, codes);
  const pairs = partners(list, meanings);
  const w = new Writer(version, prefix);
  for (const p of list) {
    if (p.kind === 'text') {
      w.out += escapeXml(p.text);
      continue;
    }
    const m = meanings[p.index]!;
    if (p.kind !== 'solo') w.paired(p as Piece & { kind: 'open' | 'close' }, m);
    else if (m.shape === 'standalone' || m.shape === 'paired') w.standalone(p.index, m);
    else {
      const partner = pairs.get(p.index);
      w.spanEnd(p.index, m, partner, partner === undefined ? undefined : meanings[partner]);
    }
  }
  return { content: w.out, data: version === '2.0' ? w.data : [] };
}

/** Native data exactly: a control character XML cannot carry as text becomes a 2.0 <cp hex>, the rest is escaped. */
function dataText(value: string): string {
  return value
    .split(/([\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF])/)
    .map((part, i) => (i % 2 === 1 ? `<cp hex="${part.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>` : escapeXml(part)))
    .join('');
}

/** A 2.0 <originalData> element for `data` (deduplicated by id), or '' when there is none. */
export function originalDataElement(data: readonly XliffData[], indent: string): string {
  const seen = new Set<string>();
  const unique = data.filter((d) => !seen.has(d.id) && seen.add(d.id));
  if (unique.length === 0) return '';
  return [
    `${indent}<originalData>`,
    ...unique.map((d) => `${indent}  <data id="${d.id}" xml:space="preserve">${dataText(d.value)}</data>`),
    `${indent}</originalData>`,
  ].join('\n');
}
