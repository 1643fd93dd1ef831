/**
 * Word files (DOCX, WordprocessingML): the archive is opened with the guards of `safeZip.ts`, its
 * XML parts are read with the same safe saxes reader as XLIFF (no DTD entities, depth and element
 * limits). Paragraphs become headings (Title / Heading 1–6 styles, or an outline level), quotes,
 * list items (numbering, ordered ones with their number) or paragraphs; table cells and content
 * controls are read as paragraphs. Deleted tracked changes, field instructions, drawings, text
 * boxes, foot-/endnote marks and comments are left out. Runs keep bold, italic and hyperlink
 * targets (`DocxRun`) for inline markup.
 */
import type { SaxesTagNS } from 'saxes';
import { compactCodes, InlineBuilder, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import type { ImportedSegment, ParsedImport } from '../../../shared/import/importedDocument.js';
import type { BlockKind } from '../../../shared/types.js';
import { ServiceError } from '../../services/serviceError.js';
import { decodeText } from '../decodeText.js';
import { isZip } from '../sniff.js';
import { parseXml } from './safeXml.js';
import { openSafeZip, type ZipLimits, type ZipReader } from './safeZip.js';

const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const R_NS = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships']);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** A run of text with its formatting. */
export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Target of the hyperlink the run is in (external links only), else null. */
  href: string | null;
}

export interface DocxParagraph {
  kind: BlockKind;
  marker: string | null;
  runs: DocxRun[];
}

/** Elements whose whole content is skipped inside the document body. */
const SKIP_W = new Set([
  'del', 'moveFrom', 'delText', 'instrText', 'drawing', 'pict', 'object', 'footnoteReference', 'endnoteReference',
  'commentReference', 'annotationRef', 'sectPr', 'tblPr', 'tblGrid', 'trPr', 'tcPr', 'sdtPr', 'sdtEndPr', 'customXmlPr', 'smartTagPr',
]);

function isW(tag: SaxesTagNS): boolean {
  return W_NS.has(tag.uri);
}

/** A WordprocessingML attribute (w:val …) by local name. */
function wAttr(tag: SaxesTagNS, local: string): string | null {
  for (const a of Object.values(tag.attributes)) if (a.local === local && (W_NS.has(a.uri) || a.uri === '')) return a.value;
  return null;
}

function rAttr(tag: SaxesTagNS, local: string): string | null {
  for (const a of Object.values(tag.attributes)) if (a.local === local && R_NS.has(a.uri)) return a.value;
  return null;
}

/** An on/off property (<w:b/>, <w:b w:val="0"/>…). */
function toggle(tag: SaxesTagNS): boolean {
  const v = wAttr(tag, 'val');
  return v === null || !['0', 'false', 'off', 'none'].includes(v.toLowerCase());
}

function notDocx(): ServiceError {
  return new ServiceError('IMPORT_DOCX_NOT_ZIP', 'This .docx file is not a Word document (it is not a ZIP archive).');
}

function noDocument(): ServiceError {
  return new ServiceError('IMPORT_DOCX_NO_DOCUMENT', 'The Word file has no main document (word/document.xml) to import.');
}

function xmlText(bytes: Buffer): string {
  return decodeText(bytes).text;
}

// --- Relationships -----------------------------------------------------------------------------

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

function parseRels(text: string): Map<string, Relationship> {
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
function resolvePart(baseDir: string, target: string): string | null {
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
function safeHref(target: string): string | null {
  const t = target.trim();
  return /^(https?:|mailto:)/i.test(t) ? t : null;
}

// --- Styles and numbering ----------------------------------------------------------------------

interface StyleDef {
  name: string;
  basedOn: string | null;
  outlineLevel: number | null;
  numId: string | null;
  ilvl: number | null;
  bold: boolean | null;
  italic: boolean | null;
}

interface ResolvedStyle {
  heading: number | null;
  quote: boolean;
  numId: string | null;
  ilvl: number;
  bold: boolean;
  italic: boolean;
}

function parseStyles(text: string): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  let current: StyleDef | null = null;
  let inPPr = false;
  let inRPr = false;
  parseXml(text, {
    open(tag) {
      if (!isW(tag)) return;
      if (tag.local === 'style') {
        const id = wAttr(tag, 'styleId');
        current = { name: '', basedOn: null, outlineLevel: null, numId: null, ilvl: null, bold: null, italic: null };
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

function resolveStyle(styles: Map<string, StyleDef>, id: string | null): ResolvedStyle {
  const out: ResolvedStyle = { heading: null, quote: false, numId: null, ilvl: 0, bold: false, italic: false };
  const chain: StyleDef[] = [];
  const seen = new Set<string>();
  for (let cur = id; cur !== null && !seen.has(cur) && chain.length < 32; ) {
    seen.add(cur);
    const def = styles.get(cur);
    // Without a styles part, the built-in ids still say what a style is.
    chain.push(def ?? { name: cur, basedOn: null, outlineLevel: null, numId: null, ilvl: null, bold: null, italic: null });
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
  }
  return out;
}

interface Numbering {
  /** numId → abstractNumId */
  nums: Map<string, string>;
  /** abstractNumId → level → format and start */
  levels: Map<string, Map<number, { format: string; start: number }>>;
}

function parseNumbering(text: string): Numbering {
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

// --- The document ------------------------------------------------------------------------------

interface ParagraphDraft {
  styleId: string | null;
  numId: string | null;
  ilvl: number | null;
  outlineLevel: number | null;
  runs: DocxRun[];
}

interface RunDraft {
  styleId: string | null;
  bold: boolean | null;
  italic: boolean | null;
}

export function parseDocumentXml(
  text: string,
  context: { rels: Map<string, Relationship>; styles: Map<string, StyleDef>; numbering: Numbering },
): DocxParagraph[] {
  const { rels, styles, numbering } = context;
  const out: DocxParagraph[] = [];
  const counters = new Map<string, number[]>();
  let para: ParagraphDraft | null = null;
  let paraDepth = 0;
  let run: RunDraft | null = null;
  let inPPr = 0;
  let inRPr = 0;
  let inT = false;
  let skipDepth = 0;
  /** Open <w:hyperlink> elements: their depth and target. */
  const links: { depth: number; href: string | null }[] = [];
  /** Complex fields (fldChar begin/separate/end): their instruction and whether the result is showing. */
  const fields: { instr: string; href: string | null }[] = [];
  let inInstr = false;

  const currentHref = (): string | null => {
    for (let i = links.length - 1; i >= 0; i--) if (links[i]!.href !== null) return links[i]!.href;
    for (let i = fields.length - 1; i >= 0; i--) if (fields[i]!.href !== null) return fields[i]!.href;
    return null;
  };

  const append = (t: string): void => {
    if (!para || t === '') return;
    // Direct formatting or a character style; a paragraph style's bold (headings) is the block's look, not inline markup.
    const charStyle = run?.styleId ? resolveStyle(styles, run.styleId) : null;
    const bold = run?.bold ?? charStyle?.bold ?? false;
    const italic = run?.italic ?? charStyle?.italic ?? false;
    const href = currentHref();
    const last = para.runs[para.runs.length - 1];
    if (last && last.bold === bold && last.italic === italic && last.href === href) last.text += t;
    else para.runs.push({ text: t, bold, italic, href });
  };

  const finishParagraph = (p: ParagraphDraft): void => {
    const style = resolveStyle(styles, p.styleId);
    const numId = p.numId ?? style.numId;
    const ilvl = p.ilvl ?? style.ilvl;
    let kind: BlockKind = 'paragraph';
    let marker: string | null = null;
    const heading = p.outlineLevel !== null && p.outlineLevel >= 0 && p.outlineLevel <= 8 ? Math.min(6, p.outlineLevel + 1) : style.heading;
    if (heading !== null) {
      kind = 'heading';
      marker = String(heading);
    } else if (numId !== null && numId !== '0') {
      kind = 'list-item';
      const abstract = numbering.levels.get(numbering.nums.get(numId) ?? '');
      const level = abstract?.get(ilvl) ?? { format: 'bullet', start: 1 };
      const count = counters.get(numId) ?? [];
      count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
      count.length = ilvl + 1; // deeper levels start again
      counters.set(numId, count);
      if (level.format !== 'bullet' && level.format !== 'none') marker = `${count[ilvl]}.`;
    } else if (style.quote) kind = 'quote';
    const runs = tidyRuns(p.runs);
    if (runs.length > 0) out.push({ kind, marker, runs });
  };

  parseXml(text, {
    open(tag, depth) {
      if (skipDepth > 0) return;
      if (tag.uri === MC_NS && tag.local === 'AlternateContent') {
        skipDepth = depth;
        return;
      }
      if (!isW(tag)) return;
      const name = tag.local;
      if (SKIP_W.has(name)) {
        if (name === 'instrText') inInstr = true;
        else {
          skipDepth = depth;
          return;
        }
      }
      if (name === 'p') {
        if (para) {
          // A paragraph inside a paragraph (text box that escaped the skip list): left out.
          skipDepth = depth;
          return;
        }
        para = { styleId: null, numId: null, ilvl: null, outlineLevel: null, runs: [] };
        paraDepth = depth;
        return;
      }
      if (!para) return;
      switch (name) {
        case 'pPr':
          inPPr++;
          return;
        case 'rPr':
          inRPr++;
          return;
        case 'r':
          run = { styleId: null, bold: null, italic: null };
          return;
        case 't':
          inT = true;
          return;
        case 'hyperlink': {
          const id = rAttr(tag, 'id');
          const rel = id ? rels.get(id) : undefined;
          links.push({ depth, href: rel && rel.external ? safeHref(rel.target) : null });
          return;
        }
        case 'fldChar': {
          const type = wAttr(tag, 'fldCharType');
          if (type === 'begin') fields.push({ instr: '', href: null });
          else if (type === 'separate' && fields.length > 0) {
            const field = fields[fields.length - 1]!;
            const m = /^\s*HYPERLINK\s+"([^"]*)"/i.exec(field.instr);
            field.href = m ? safeHref(m[1]!) : null;
          } else if (type === 'end') fields.pop();
          return;
        }
      }
      if (inPPr > 0 && inRPr === 0) {
        if (name === 'pStyle') para.styleId = wAttr(tag, 'val');
        else if (name === 'numId') para.numId = wAttr(tag, 'val');
        else if (name === 'ilvl') para.ilvl = Number.parseInt(wAttr(tag, 'val') ?? '0', 10) || 0;
        else if (name === 'outlineLvl') para.outlineLevel = Number.parseInt(wAttr(tag, 'val') ?? '', 10);
        return;
      }
      if (inRPr > 0) {
        if (!run) return; // the paragraph mark's formatting
        if (name === 'rStyle') run.styleId = wAttr(tag, 'val');
        else if (name === 'b') run.bold = toggle(tag);
        else if (name === 'i') run.italic = toggle(tag);
        return;
      }
      if (!run) return;
      if (name === 'tab' || name === 'ptab') append(' ');
      else if (name === 'br') {
        const type = wAttr(tag, 'type');
        append(type === 'page' || type === 'column' ? ' ' : '\n');
      } else if (name === 'cr') append('\n');
      else if (name === 'noBreakHyphen') append('\u2011');
    },
    close(tag, depth) {
      if (skipDepth > 0) {
        if (depth === skipDepth) skipDepth = 0;
        return;
      }
      if (!isW(tag)) return;
      const name = tag.local;
      if (name === 'instrText') inInstr = false;
      else if (name === 'p' && para && depth === paraDepth) {
        const done = para;
        para = null;
        run = null;
        inPPr = 0;
        inRPr = 0;
        finishParagraph(done);
      } else if (name === 'pPr') inPPr = Math.max(0, inPPr - 1);
      else if (name === 'rPr') inRPr = Math.max(0, inRPr - 1);
      else if (name === 'r') run = null;
      else if (name === 't') inT = false;
      else if (name === 'hyperlink' && links.length > 0 && links[links.length - 1]!.depth === depth) links.pop();
    },
    text(t) {
      if (skipDepth > 0) return;
      if (inInstr && fields.length > 0) fields[fields.length - 1]!.instr += t;
      else if (inT) append(t);
    },
  });
  return out;
}

/** NFC, no leading/trailing whitespace per line or paragraph, no empty runs. */
function tidyRuns(runs: DocxRun[]): DocxRun[] {
  const text = runs.map((r) => r.text).join('');
  if (text.trim() === '') return [];
  const cleaned = runs.map((r) => ({ ...r, text: r.text.normalize('NFC').replace(/[ \t]*\n[ \t]*/g, '\n') }));
  // Trim the start of the first non-empty run and the end of the last one.
  while (cleaned.length > 0 && cleaned[0]!.text.trimStart() === '') cleaned.shift();
  while (cleaned.length > 0 && cleaned[cleaned.length - 1]!.text.trimEnd() === '') cleaned.pop();
  if (cleaned.length === 0) return [];
  cleaned[0]!.text = cleaned[0]!.text.trimStart();
  cleaned[cleaned.length - 1]!.text = cleaned[cleaned.length - 1]!.text.trimEnd();
  return cleaned.filter((r) => r.text !== '');
}

/** The plain text of a paragraph's runs. */
export function runsText(runs: readonly DocxRun[]): string {
  return runs.map((r) => r.text).join('');
}

// --- The archive -------------------------------------------------------------------------------

async function readXml(zip: ZipReader, name: string): Promise<string | null> {
  const bytes = await zip.read(name);
  return bytes === null ? null : xmlText(bytes);
}

/** The main document's part name, from the package relationships (`_rels/.rels`). */
async function mainDocumentPart(zip: ZipReader): Promise<string> {
  const rootRels = await readXml(zip, '_rels/.rels');
  if (rootRels !== null) {
    for (const rel of parseRels(rootRels).values()) {
      if (!rel.external && /\/officeDocument$/.test(rel.type)) {
        const part = resolvePart('', rel.target);
        if (part !== null && zip.names.includes(part)) return part;
      }
    }
  }
  if (zip.names.includes('word/document.xml')) return 'word/document.xml';
  throw noDocument();
}

/** The paragraphs of a DOCX file's main document. */
export async function readDocx(bytes: Uint8Array, limits?: ZipLimits): Promise<DocxParagraph[]> {
  if (!isZip(bytes)) throw notDocx();
  const zip = await openSafeZip(bytes, limits);
  try {
    const main = await mainDocumentPart(zip);
    const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
    const relsName = `${dir}_rels/${main.slice(dir.length)}.rels`;
    const relsText = await readXml(zip, relsName);
    const rels = relsText === null ? new Map<string, Relationship>() : parseRels(relsText);
    const partOf = (suffix: string): string | null => {
      for (const rel of rels.values()) if (!rel.external && rel.type.endsWith(suffix)) return resolvePart(dir, rel.target);
      return null;
    };
    const stylesName = partOf('/styles') ?? `${dir}styles.xml`;
    const numberingName = partOf('/numbering') ?? `${dir}numbering.xml`;
    const stylesText = await readXml(zip, stylesName);
    const numberingText = await readXml(zip, numberingName);
    const documentText = await readXml(zip, main);
    if (documentText === null) throw noDocument();
    return parseDocumentXml(documentText, {
      rels,
      styles: stylesText === null ? new Map() : parseStyles(stylesText),
      numbering: numberingText === null ? { nums: new Map(), levels: new Map() } : parseNumbering(numberingText),
    });
  } finally {
    zip.close();
  }
}

/**
 * A paragraph's runs as text with tokens (shared/inline): a link outermost, then bold, then italic;
 * a change of formatting closes what changed (innermost first) and opens the new.
 */
export function runsWithTokens(runs: readonly DocxRun[]): { text: string; codes: InlineCode[] } {
  const b = new InlineBuilder();
  const open: { key: string; index: number | null }[] = [];
  for (const run of runs) {
    const wanted: { key: string; code: InlineCode }[] = [];
    if (run.href !== null) wanted.push({ key: `link:${run.href}`, code: { type: 'link', href: run.href } });
    if (run.bold) wanted.push({ key: 'bold', code: { type: 'bold' } });
    if (run.italic) wanted.push({ key: 'italic', code: { type: 'italic' } });
    let same = 0;
    while (same < open.length && same < wanted.length && open[same]!.key === wanted[same]!.key) same++;
    while (open.length > same) b.close(open.pop()!.index);
    for (const w of wanted.slice(same)) open.push({ key: w.key, index: b.open(w.code) });
    b.text(run.text);
  }
  while (open.length > 0) b.close(open.pop()!.index);
  const built = b.build();
  return compactCodes(built.text, built.codes);
}

export async function parseDocx(bytes: Uint8Array, limits?: ZipLimits): Promise<ParsedImport> {
  const paragraphs = await readDocx(bytes, limits);
  const segments: ImportedSegment[] = paragraphs.map((p) => {
    const { text, codes } = runsWithTokens(p.runs);
    return codes.length > 0 ? { kind: p.kind, marker: p.marker, text, codes, target: null } : { kind: p.kind, marker: p.marker, text, target: null };
  });
  return { format: 'docx', segments, encoding: null, sourceLang: null, targetLang: null, title: null };
}
