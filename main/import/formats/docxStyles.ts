/**
 * WordprocessingML basics shared by the DOCX reader's parts: namespaces and attributes,
 * relationships, styles (headings, quotes, lists, bold/italic/strikethrough) and numbering.
 */
import type { SaxesTagNS } from 'saxes';
import { parseXml } from '../../core/safeXml.js';

export const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
export const R_NS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);

export function isW(tag: SaxesTagNS): boolean {
  return W_NS.has(tag.uri);
}

/** A WordprocessingML attribute (w:val …) by local name. */
export function wAttr(tag: SaxesTagNS, local: string): string | null {
  for (const a of Object.values(tag.attributes)) if (a.local === local && (W_NS.has(a.uri) || a.uri === '')) return a.value;
  return null;
}

export function rAttr(tag: SaxesTagNS, local: string): string | null {
  for (const a of Object.values(tag.attributes)) if (a.local === local && R_NS.has(a.uri)) return a.value;
  return null;
}

/** An on/off property (<w:b/>, <w:b w:val="0"/>…). */
export function toggle(tag: SaxesTagNS): boolean {
  const v = wAttr(tag, 'val');
  return v === null || !['0', 'false', 'off', 'none'].includes(v.toLowerCase());
}

// --- Relationships -----------------------------------------------------------------------------

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(text: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  parseXml(text, {
    open(tag) {
      if (tag.local !== 'Relationship') return;
      const id = tag.attributes['Id']?.value;
      const target = tag.attributes['Target']?.value;
      if (!id || target === undefined) return;
      rels.set(id, { type: tag.attributes['Type']?.value ?? '', target, external: tag.attributes['TargetMode']?.value === 'External' });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** A part name from a relationship target relative to `baseDir` ('' or 'word/'), or null when it leaves the archive. */
export function resolvePart(baseDir: string, target: string): string | null {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(p);
  }
  return out.join('/');
}

/** Only links a reader may follow are kept. */
export function safeHref(target: string): string | null {
  const t = target.trim();
  return /^(https?:|mailto:)/i.test(t) ? t : null;
}

// --- Styles and numbering ----------------------------------------------------------------------

export interface StyleDef {
  name: string;
  basedOn: string | null;
  outlineLevel: number | null;
  numId: string | null;
  ilvl: number | null;
  bold: boolean | null;
  italic: boolean | null;
  strike: boolean | null;
}

export interface ResolvedStyle {
  heading: number | null;
  quote: boolean;
  numId: string | null;
  ilvl: number;
  bold: boolean;
  italic: boolean;
  strike: boolean;
}

export function parseStyles(text: string): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  let current: StyleDef | null = null;
  let inPPr = false;
  let inRPr = false;
  parseXml(text, {
    open(tag) {
      if (!isW(tag)) return;
      if (tag.local === 'style') {
        const id = wAttr(tag, 'styleId');
        current = { name: '', basedOn: null, outlineLevel: null, numId: null, ilvl: null, bold: null, italic: null, strike: null };
        if (id) styles.set(id, current);
        return;
      }
      if (!current) return;
      if (tag.local === 'name') current.name = wAttr(tag, 'val') ?? '';
      else if (tag.local === 'basedOn') current.basedOn = wAttr(tag, 'val');
      else if (tag.local === 'pPr') inPPr = true;
      else if (tag.local === 'rPr') inRPr = true;
      else if (inPPr && tag.local === 'outlineLvl') current.outlineLevel = Number.parseInt(wAttr(tag, 'val') ?? '', 10);
      else if (inPPr && tag.local === 'numId') current.numId = wAttr(tag, 'val');
      else if (inPPr && tag.local === 'ilvl') current.ilvl = Number.parseInt(wAttr(tag, 'val') ?? '0', 10) || 0;
      else if (inRPr && tag.local === 'b') current.bold = toggle(tag);
      else if (inRPr && tag.local === 'i') current.italic = toggle(tag);
      else if (inRPr && (tag.local === 'strike' || tag.local === 'dstrike')) current.strike = toggle(tag);
    },
    close(tag) {
      if (!isW(tag)) return;
      if (tag.local === 'style') current = null;
      else if (tag.local === 'pPr') inPPr = false;
      else if (tag.local === 'rPr') inRPr = false;
    },
    text() {},
  });
  return styles;
}

export function resolveStyle(styles: Map<string, StyleDef>, id: string | null): ResolvedStyle {
  const out: ResolvedStyle = { heading: null, quote: false, numId: null, ilvl: 0, bold: false, italic: false, strike: false };
  const chain: StyleDef[] = [];
  const seen = new Set<string>();
  for (let cur = id; cur !== null && !seen.has(cur) && chain.length < 32;) {
    seen.add(cur);
    const def = styles.get(cur);
    // Without a styles part, the built-in ids still say what a style is.
    chain.push(def ?? { name: cur, basedOn: null, outlineLevel: null, numId: null, ilvl: null, bold: null, italic: null, strike: null });
    cur = def?.basedOn ?? null;
  }
  // Nearest definition wins: walk from the base style to the style itself.
  for (const def of chain.reverse()) {
    const name = def.name.toLowerCase().replace(/\s+/g, ' ').trim();
    const heading = /^heading ?([1-9])$/.exec(name);
    if (heading) out.heading = Math.min(6, Number(heading[1]));
    else if (name === 'title') out.heading = 1;
    else if (def.outlineLevel !== null && def.outlineLevel >= 0 && def.outlineLevel <= 8) out.heading = Math.min(6, def.outlineLevel + 1);
    if (name === 'quote' || name === 'intense quote' || name === 'block text') out.quote = true;
    if (def.numId !== null) out.numId = def.numId;
    if (def.ilvl !== null) out.ilvl = def.ilvl;
    if (def.bold !== null) out.bold = def.bold;
    if (def.italic !== null) out.italic = def.italic;
    if (def.strike !== null) out.strike = def.strike;
  }
  return out;
}

export interface Numbering {
  /** numId → abstractNumId */
  nums: Map<string, string>;
  /** abstractNumId → level → format and start */
  levels: Map<string, Map<number, { format: string; start: number }>>;
}

export function parseNumbering(text: string): Numbering {
  const nums = new Map<string, string>();
  const levels = new Map<string, Map<number, { format: string; start: number }>>();
  let abstractId: string | null = null;
  let numId: string | null = null;
  let level: { format: string; start: number } | null = null;
  parseXml(text, {
    open(tag) {
      if (!isW(tag)) return;
      if (tag.local === 'abstractNum') {
        abstractId = wAttr(tag, 'abstractNumId');
        if (abstractId !== null && !levels.has(abstractId)) levels.set(abstractId, new Map());
      } else if (tag.local === 'num') numId = wAttr(tag, 'numId');
      else if (tag.local === 'abstractNumId' && numId !== null) nums.set(numId, wAttr(tag, 'val') ?? '');
      else if (tag.local === 'lvl' && abstractId !== null) {
        level = { format: 'decimal', start: 1 };
        levels.get(abstractId)!.set(Number.parseInt(wAttr(tag, 'ilvl') ?? '0', 10) || 0, level);
      } else if (level && tag.local === 'numFmt') level.format = wAttr(tag, 'val') ?? 'decimal';
      else if (level && tag.local === 'start') level.start = Number.parseInt(wAttr(tag, 'val') ?? '1', 10) || 1;
    },
    close(tag) {
      if (!isW(tag)) return;
      if (tag.local === 'abstractNum') abstractId = null;
      else if (tag.local === 'num') numId = null;
      else if (tag.local === 'lvl') level = null;
    },
    text() {},
  });
  return { nums, levels };
}
