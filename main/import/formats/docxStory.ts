/**
 * One WordprocessingML story (the main document, the footnotes, endnotes or comments part) as
 * paragraphs of runs (ECMA-376 Part 1, §17). Besides the text it records where each paragraph sat
 * (table cell with its spans, text box), which foot-/endnotes and comments a paragraph refers to,
 * and everything it could not keep (drawings, equations, embedded objects, fields, tracked
 * deletions) for the import report, with the paragraph it was in.
 *
 * Text boxes (`w:txbxContent`, in DrawingML `wps:txbx` or VML `v:textbox`) are read as their own
 * paragraphs after the paragraph that anchors them. Of an `mc:AlternateContent` only the first
 * `mc:Choice` is read (ECMA-376 Part 3: the Fallback repeats the same content for older readers),
 * so a text box is never counted twice. Nested tables are read as paragraphs of the outer cell.
 */
import type { SaxesTagNS } from 'saxes';
import type { CellPlace, NoteKind } from '../../../shared/import/paragraphPlace.js';
import type { ImportReportItem } from '../../../shared/import/importReport.js';
import type { BlockKind } from '../../../shared/types.js';
import { parseXml } from '../../core/safeXml.js';
import { isW, rAttr, resolveStyle, safeHref, toggle, wAttr, type Numbering, type Relationship, type StyleDef } from './docxStyles.js';

const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const MATH_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math';
const VML_NS = 'urn:schemas-microsoft-com:vml';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** A run of text with its formatting. */
export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Strikethrough (w:strike or w:dstrike); absent: none. */
  strike?: boolean;
  /** Target of the hyperlink the run is in (external links only), else null. */
  href: string | null;
}

/** Where a paragraph sat while parsing; a note's reference is the paragraph object that holds it. */
export type DocxPlace = { kind: NoteKind; note: number; ref: DocxParagraph | null } | CellPlace | { kind: 'textbox'; box: number };

export interface DocxParagraph {
  kind: BlockKind;
  marker: string | null;
  runs: DocxRun[];
  /** Note, table cell or text box; absent in the body. */
  place?: DocxPlace;
}

export interface StoryParagraph extends DocxParagraph {
  /** Foot-/endnotes referenced from this paragraph, in order. */
  noteRefs: { kind: NoteKind; id: string }[];
  /** Comments anchored here (range start or reference mark). */
  commentIds: string[];
  /** The footnote, endnote or comment (its id) the paragraph belongs to, in those parts. */
  owner: string | null;
}

/** Something the report lists, with the paragraph it was in (or the kept one before it; null: none). */
export interface StoryReportRecord {
  item: ImportReportItem;
  at: StoryParagraph | null;
  detail?: string;
}

export interface StoryContext {
  rels: Map<string, Relationship>;
  styles: Map<string, StyleDef>;
  numbering: Numbering;
  /** Shared by all stories of one file: list counters, text box and table numbers. */
  counters: { lists: Map<string, number[]>; boxes: number; tables: number };
}

export interface Story {
  paragraphs: StoryParagraph[];
  reports: StoryReportRecord[];
  /** Comments part: each comment's author and date. */
  comments: Map<string, { author: string; at: string | null }>;
}

/** Elements whose whole content is skipped (never text of the story). */
const SKIP_W = new Set([
  'delText',
  'sectPr',
  'tblPr',
  'tblGrid',
  'trPr',
  'sdtPr',
  'sdtEndPr',
  'customXmlPr',
  'smartTagPr',
  'annotationRef',
  'footnoteRef',
  'endnoteRef',
]);
/** Graphics: only a text box inside is read; the rest is listed in the report. */
const GRAPHIC_W = new Set(['drawing', 'pict', 'object']);

interface ParagraphDraft {
  styleId: string | null;
  numId: string | null;
  ilvl: number | null;
  outlineLevel: number | null;
  runs: DocxRun[];
  noteRefs: { kind: NoteKind; id: string }[];
  commentIds: string[];
  reports: { item: ImportReportItem; detail?: string }[];
}

interface RunDraft {
  styleId: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strike: boolean | null;
}

interface CellDraft {
  row: number;
  col: number;
  colSpan: number;
  vMerge: 'restart' | 'continue' | null;
  paragraphs: StoryParagraph[];
}

interface TableDraft {
  number: number;
  row: number;
  col: number;
  cell: CellDraft | null;
  inTcPr: boolean;
  cells: CellDraft[];
  /** The kept paragraph before the table (where the report places a table without text). */
  before: StoryParagraph | null;
}

interface Graphic {
  depth: number;
  element: string;
  uri: string;
  image: boolean;
  boxes: number;
}

/** What is open in one flow of text: the body, or a text box inside it. */
interface Flow {
  para: ParagraphDraft | null;
  paraDepth: number;
  run: RunDraft | null;
  inPPr: number;
  inRPr: number;
  inT: boolean;
  /** Open tables: [0] the outermost; deeper ones are nested (read as text of the outer cell). */
  tables: TableDraft[];
  graphic: Graphic | null;
  /** Text box number and the depth of its w:txbxContent; null in the body. */
  box: { number: number; depth: number } | null;
  links: { depth: number; href: string | null }[];
  fields: { instr: string; href: string | null; reported: boolean }[];
  inInstr: boolean;
}

function newFlow(box: Flow['box']): Flow {
  return {
    para: null,
    paraDepth: 0,
    run: null,
    inPPr: 0,
    inRPr: 0,
    inT: false,
    tables: [],
    graphic: null,
    box,
    links: [],
    fields: [],
    inInstr: false,
  };
}

/** The report item of a drawing, VML picture or embedded object without a text box. */
function graphicItem(g: Graphic): ImportReportItem {
  if (g.element === 'object') return 'object';
  const uri = g.uri.toLowerCase();
  if (uri.includes('chart')) return 'chart';
  if (uri.includes('diagram')) return 'smartArt';
  if (uri.includes('picture') || g.image) return 'image';
  if (uri === '' && g.element === 'drawing') return 'image';
  return 'shape';
}

/** The first word of a field instruction (PAGE, TOC, REF…). */
function fieldType(instr: string): string {
  return (/^\s*([A-Za-z]+)/.exec(instr)?.[1] ?? 'field').toUpperCase();
}

type StoryPart = 'body' | 'footnotes' | 'endnotes' | 'comments';

export function parseStory(text: string, context: StoryContext, part: StoryPart): Story {
  const reader = new StoryReader(context, part);
  parseXml(text, {
    open: (tag, depth) => reader.open(tag, depth),
    close: (tag, depth) => reader.close(tag, depth),
    text: (t) => reader.text(t),
  });
  return reader.finish();
}

/** The reading state of one story: what is kept so far and what is open (one SAX pass). */
class StoryReader {
  private readonly out: StoryParagraph[] = [];
  private readonly reports: StoryReportRecord[] = [];
  private readonly comments = new Map<string, { author: string; at: string | null }>();
  /** Text box paragraphs waiting for the paragraph that anchors them. */
  private readonly boxParagraphs: StoryParagraph[] = [];
  /** The flows a text box interrupted (innermost last). */
  private readonly saved: Flow[] = [];
  private flow = newFlow(null);
  private skipDepth = 0;
  private owner: string | null = null;
  private ownerDepth = 0;
  /** Comment ranges opened between paragraphs: anchored to the next one. */
  private pendingComments: string[] = [];
  /** Open mc:AlternateContent elements and whether a branch was read. */
  private readonly alternates: { depth: number; chosen: boolean }[] = [];

  constructor(
    private readonly context: StoryContext,
    private readonly part: StoryPart,
  ) {}

  finish(): Story {
    pushAll(this.out, this.boxParagraphs.splice(0));
    return { paragraphs: this.out, reports: this.reports, comments: this.comments };
  }

  open(tag: SaxesTagNS, depth: number): void {
    if (this.skipDepth > 0) return;
    if (tag.uri === MC_NS) this.openAlternate(tag, depth);
    else if (this.flow.graphic) this.openGraphicChild(tag, depth);
    else if (tag.uri === MATH_NS && (tag.local === 'oMathPara' || tag.local === 'oMath')) {
      this.report('equation');
      this.skipDepth = depth;
    } else if (isW(tag) && !this.openSkipped(tag.local, depth) && !this.openOwner(tag.local, tag, depth)) this.openW(tag.local, tag, depth);
  }

  close(tag: SaxesTagNS, depth: number): void {
    if (this.skipDepth > 0) {
      if (depth === this.skipDepth) this.skipDepth = 0;
      return;
    }
    const alternates = this.alternates;
    if (tag.uri === MC_NS && tag.local === 'AlternateContent' && alternates[alternates.length - 1]?.depth === depth) alternates.pop();
    else if (this.flow.box && depth === this.flow.box.depth) this.closeTextBox();
    else if (this.flow.graphic) {
      if (depth === this.flow.graphic.depth) this.closeGraphic(this.flow.graphic);
    } else if (isW(tag)) {
      if (this.owner !== null && depth === this.ownerDepth) this.owner = null;
      else this.closeW(tag.local, depth);
    }
  }

  text(t: string): void {
    const flow = this.flow;
    if (this.skipDepth > 0 || flow.graphic) return;
    const fields = flow.fields;
    if (flow.inInstr && fields.length > 0) fields[fields.length - 1]!.instr += t;
    else if (flow.inT) this.append(t);
  }

  private lastKept(): StoryParagraph | null {
    return this.out[this.out.length - 1] ?? null;
  }

  private report(item: ImportReportItem, detail?: string): void {
    const para = this.flow.para;
    if (para) para.reports.push(detail === undefined ? { item } : { item, detail });
    else this.reports.push(detail === undefined ? { item, at: this.lastKept() } : { item, at: this.lastKept(), detail });
  }

  private append(t: string): void {
    const { para, run, links, fields } = this.flow;
    if (!para || t === '') return;
    // Direct formatting or a character style; a paragraph style's bold (headings) is the block's look, not inline markup.
    const charStyle = run?.styleId ? resolveStyle(this.context.styles, run.styleId) : null;
    const bold = run?.bold ?? charStyle?.bold ?? false;
    const italic = run?.italic ?? charStyle?.italic ?? false;
    const strike = run?.strike ?? charStyle?.strike ?? false;
    let href: string | null = null;
    for (let i = links.length - 1; i >= 0 && href === null; i--) href = links[i]!.href;
    for (let i = fields.length - 1; i >= 0 && href === null; i--) href = fields[i]!.href;
    const last = para.runs[para.runs.length - 1];
    if (last && last.bold === bold && last.italic === italic && (last.strike ?? false) === strike && last.href === href) last.text += t;
    else para.runs.push({ text: t, bold, italic, ...(strike ? { strike: true } : {}), href });
  }

  private blockOf(p: ParagraphDraft): { kind: BlockKind; marker: string | null } {
    const { styles, numbering, counters } = this.context;
    const style = resolveStyle(styles, p.styleId);
    const numId = p.numId ?? style.numId;
    const ilvl = p.ilvl ?? style.ilvl;
    const heading = p.outlineLevel !== null && p.outlineLevel >= 0 && p.outlineLevel <= 8 ? Math.min(6, p.outlineLevel + 1) : style.heading;
    if (heading !== null) return { kind: 'heading', marker: String(heading) };
    if (numId !== null && numId !== '0') {
      const abstract = numbering.levels.get(numbering.nums.get(numId) ?? '');
      const level = abstract?.get(ilvl) ?? { format: 'bullet', start: 1 };
      const count = counters.lists.get(numId) ?? [];
      count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
      count.length = ilvl + 1; // deeper levels start again
      counters.lists.set(numId, count);
      return { kind: 'list-item', marker: level.format !== 'bullet' && level.format !== 'none' ? `${count[ilvl]}.` : null };
    }
    return { kind: style.quote ? 'quote' : 'paragraph', marker: null };
  }

  private finishParagraph(p: ParagraphDraft): void {
    const { kind, marker } = this.blockOf(p);
    const runs = tidyRuns(p.runs);
    const at =
      runs.length > 0
        ? this.keepParagraph({
            kind,
            marker,
            runs,
            noteRefs: p.noteRefs,
            commentIds: [...this.pendingComments, ...p.commentIds],
            owner: this.owner,
          })
        : this.dropEmptyParagraph(p);
    for (const r of p.reports) this.reports.push({ ...r, at });
  }

  private keepParagraph(para: StoryParagraph): StoryParagraph {
    const cell = this.flow.tables[0]?.cell ?? null;
    this.pendingComments = [];
    if (this.flow.box) para.place = { kind: 'textbox', box: this.flow.box.number };
    if (cell) cell.paragraphs.push(para);
    if (this.saved.length > 0) this.boxParagraphs.push(para);
    else {
      this.out.push(para);
      pushAll(this.out, this.boxParagraphs.splice(0));
    }
    return para;
  }

  /**
   * A paragraph with nothing to translate: its note references and comments go to the paragraph
   * before (or the next); what it anchored (a text box) is reported at the box's first paragraph.
   */
  private dropEmptyParagraph(p: ParagraphDraft): StoryParagraph | null {
    const boxParagraphs = this.boxParagraphs;
    const inBox = this.saved.length > 0;
    const at = inBox ? (boxParagraphs[boxParagraphs.length - 1] ?? null) : (boxParagraphs[0] ?? this.lastKept());
    if (at) {
      pushAll(at.noteRefs, p.noteRefs);
      pushAll(at.commentIds, p.commentIds);
    } else pushAll(this.pendingComments, p.commentIds);
    if (!inBox) pushAll(this.out, boxParagraphs.splice(0));
    return at;
  }

  private finishTable(t: TableDraft): void {
    const rows = t.row + 1;
    const cols = t.cells.reduce((max, c) => Math.max(max, c.col + c.colSpan), 1);
    // One pass in document order (row by row): a cell that starts a vertical merge takes the
    // "continue" cells below it, so each cell is looked at a bounded number of times.
    const at = new Map<string, CellDraft>(t.cells.map((c) => [`${c.row}:${c.col}`, c]));
    const covered = new Set<CellDraft>();
    for (const c of t.cells) {
      if (covered.has(c)) continue;
      let rowSpan = 1;
      for (
        let below = at.get(`${c.row + 1}:${c.col}`);
        c.vMerge !== null && below?.vMerge === 'continue';
        below = at.get(`${c.row + rowSpan}:${c.col}`)
      ) {
        covered.add(below);
        rowSpan++;
        // A covered cell's text (Word shows it in the merged cell) belongs to the merged cell.
        pushAll(c.paragraphs, below.paragraphs);
      }
      const place: CellPlace = { kind: 'cell', table: t.number, row: c.row, col: c.col, colSpan: c.colSpan, rowSpan, rows, cols };
      for (const p of c.paragraphs) if (!p.place) p.place = { ...place };
    }
    const first = t.cells.find((c) => c.paragraphs.length > 0)?.paragraphs[0] ?? t.before;
    this.reports.push({ item: 'table', at: first });
  }

  /** mc:AlternateContent: only its first branch is read. */
  private openAlternate(tag: SaxesTagNS, depth: number): void {
    const alternates = this.alternates;
    if (tag.local === 'AlternateContent') alternates.push({ depth, chosen: false });
    else if ((tag.local === 'Choice' || tag.local === 'Fallback') && alternates.length > 0) {
      const alt = alternates[alternates.length - 1]!;
      if (alt.chosen) this.skipDepth = depth;
      else alt.chosen = true;
    }
  }

  private openGraphicChild(tag: SaxesTagNS, depth: number): void {
    const g = this.flow.graphic!;
    if (tag.uri === A_NS && tag.local === 'graphicData') g.uri = tag.attributes['uri']?.value ?? '';
    else if (tag.uri === VML_NS && tag.local === 'imagedata') g.image = true;
    else if (isW(tag) && tag.local === 'txbxContent') {
      g.boxes++;
      this.saved.push(this.flow);
      this.flow = newFlow({ number: ++this.context.counters.boxes, depth });
    }
  }

  private closeTextBox(): void {
    if (this.flow.para) this.finishParagraph(this.flow.para);
    this.flow = this.saved.pop()!;
    if (!this.flow.para && this.saved.length === 0) pushAll(this.out, this.boxParagraphs.splice(0));
  }

  private closeGraphic(g: Graphic): void {
    this.flow.graphic = null;
    if (g.boxes > 0) for (let i = 0; i < g.boxes; i++) this.report('textBox');
    else this.report(graphicItem(g));
  }

  /** Elements skipped whole or only listed in the report; true when `name` was one. */
  private openSkipped(name: string, depth: number): boolean {
    const flow = this.flow;
    if (SKIP_W.has(name)) this.skipDepth = depth;
    else if (GRAPHIC_W.has(name)) flow.graphic = { depth, element: name, uri: '', image: false, boxes: 0 };
    else if (name === 'del' || name === 'moveFrom') {
      // In run or paragraph properties it only marks a deleted paragraph mark.
      if (flow.inRPr === 0 && flow.inPPr === 0) this.report('trackedDeletion');
      this.skipDepth = depth;
    } else return false;
    return true;
  }

  private openOwner(name: string, tag: SaxesTagNS, depth: number): boolean {
    const part = this.part;
    const wanted = part === 'footnotes' ? 'footnote' : part === 'endnotes' ? 'endnote' : part === 'comments' ? 'comment' : null;
    if (name !== wanted || this.owner !== null) return false;
    const type = wAttr(tag, 'type');
    if (type !== null && type !== 'normal') {
      this.skipDepth = depth; // separators and continuation notices
      return true;
    }
    const owner = wAttr(tag, 'id') ?? '';
    this.owner = owner;
    this.ownerDepth = depth;
    if (part === 'comments') this.comments.set(owner, { author: (wAttr(tag, 'author') ?? '').trim(), at: wAttr(tag, 'date') });
    return true;
  }

  /** A WordprocessingML element that is not skipped. */
  private openW(name: string, tag: SaxesTagNS, depth: number): void {
    const flow = this.flow;
    if (name === 'commentRangeStart') {
      const id = wAttr(tag, 'id') ?? '';
      if (flow.para) flow.para.commentIds.push(id);
      else this.pendingComments.push(id);
    } else if (name === 'altChunk')
      this.report('object', 'altChunk'); // another document (HTML, RTF…) embedded whole
    else if (name === 'sym' && flow.para && flow.run && flow.inRPr === 0) {
      this.report('symbol', wAttr(tag, 'font') ?? undefined); // a character of a symbol font: no Unicode text
    } else if (name === 'fldSimple') {
      const instr = wAttr(tag, 'instr') ?? '';
      if (!/^\s*HYPERLINK\b/i.test(instr)) this.report('field', fieldType(instr));
    } else if (name === 'p') {
      if (flow.para)
        this.skipDepth = depth; // a paragraph inside a paragraph outside any text box: not WordprocessingML
      else {
        flow.para = { styleId: null, numId: null, ilvl: null, outlineLevel: null, runs: [], noteRefs: [], commentIds: [], reports: [] };
        flow.paraDepth = depth;
      }
    } else if (flow.para) this.openInParagraph(name, tag, depth);
    else openTableElement(flow.tables, this.context.counters, name, tag, () => this.report('nestedTable'), this.lastKept());
  }

  private closeW(name: string, depth: number): void {
    const flow = this.flow;
    if (name === 'p' && flow.para && depth === flow.paraDepth) {
      const done = flow.para;
      flow.para = null;
      flow.run = null;
      flow.inPPr = 0;
      flow.inRPr = 0;
      this.finishParagraph(done);
    } else if (!flow.para) {
      const finished = closeTableElement(flow.tables, name);
      if (finished) this.finishTable(finished);
    } else if (name === 'pPr') flow.inPPr = Math.max(0, flow.inPPr - 1);
    else if (name === 'rPr') flow.inRPr = Math.max(0, flow.inRPr - 1);
    else if (name === 'r') flow.run = null;
    else if (name === 't') flow.inT = false;
    else if (name === 'instrText') flow.inInstr = false;
    else if (name === 'hyperlink' && flow.links[flow.links.length - 1]?.depth === depth) flow.links.pop();
  }

  private openField(tag: SaxesTagNS): void {
    const type = wAttr(tag, 'fldCharType');
    const fields = this.flow.fields;
    const field = fields[fields.length - 1];
    if (type === 'begin') fields.push({ instr: '', href: null, reported: false });
    else if (type === 'separate' && field) {
      const m = /^\s*HYPERLINK\s+"([^"]*)"/i.exec(field.instr);
      field.href = m ? safeHref(m[1]!) : null;
      if (!m) this.report('field', fieldType(field.instr));
      field.reported = true;
    } else if (type === 'end' && field) {
      if (!field.reported && !/^\s*HYPERLINK\b/i.test(field.instr)) this.report('field', fieldType(field.instr));
      fields.pop();
    }
  }

  private openInParagraph(name: string, tag: SaxesTagNS, depth: number): void {
    if (this.openParagraphChild(name, tag, depth)) return;
    const flow = this.flow;
    if (flow.inPPr > 0 && flow.inRPr === 0) readParagraphProperty(flow.para!, name, tag);
    else if (flow.inRPr > 0) {
      if (flow.run) readRunProperty(flow.run, name, tag); // else: the paragraph mark's formatting
    } else if (flow.run) {
      const text = runContent(name, tag);
      if (text !== null) this.append(text);
    }
  }

  /** Structure inside a paragraph (properties, runs, links, fields, references); true when handled. */
  private openParagraphChild(name: string, tag: SaxesTagNS, depth: number): boolean {
    const flow = this.flow;
    const para = flow.para!;
    if (name === 'pPr') flow.inPPr++;
    else if (name === 'rPr') flow.inRPr++;
    else if (name === 'r') flow.run = { styleId: null, bold: null, italic: null, strike: null };
    else if (name === 't') flow.inT = true;
    else if (name === 'hyperlink') {
      const id = rAttr(tag, 'id');
      const rel = id ? this.context.rels.get(id) : undefined;
      flow.links.push({ depth, href: rel && rel.external ? safeHref(rel.target) : null });
    } else if (name === 'fldChar') this.openField(tag);
    else if (name === 'instrText') flow.inInstr = true;
    else if (name === 'footnoteReference' || name === 'endnoteReference') {
      para.noteRefs.push({ kind: name === 'footnoteReference' ? 'footnote' : 'endnote', id: wAttr(tag, 'id') ?? '' });
    } else if (name === 'commentReference') {
      const id = wAttr(tag, 'id') ?? '';
      if (!para.commentIds.includes(id)) para.commentIds.push(id);
    } else return false;
    return true;
  }
}

function readParagraphProperty(para: ParagraphDraft, name: string, tag: SaxesTagNS): void {
  if (name === 'pStyle') para.styleId = wAttr(tag, 'val');
  else if (name === 'numId') para.numId = wAttr(tag, 'val');
  else if (name === 'ilvl') para.ilvl = Number.parseInt(wAttr(tag, 'val') ?? '0', 10) || 0;
  else if (name === 'outlineLvl') para.outlineLevel = Number.parseInt(wAttr(tag, 'val') ?? '', 10);
}

function readRunProperty(run: RunDraft, name: string, tag: SaxesTagNS): void {
  if (name === 'rStyle') run.styleId = wAttr(tag, 'val');
  else if (name === 'b') run.bold = toggle(tag);
  else if (name === 'i') run.italic = toggle(tag);
  else if (name === 'strike' || name === 'dstrike') run.strike = run.strike === true || toggle(tag);
}

/** The text an empty run element stands for (tab, break, hyphen), or null. */
function runContent(name: string, tag: SaxesTagNS): string | null {
  if (name === 'tab' || name === 'ptab') return ' ';
  if (name === 'br') {
    const type = wAttr(tag, 'type');
    return type === 'page' || type === 'column' ? ' ' : '\n';
  }
  if (name === 'cr') return '\n';
  if (name === 'noBreakHyphen') return '\u2011';
  return null;
}

/** Table structure outside paragraphs; true when `name` belonged to a table. */
function openTableElement(
  tables: TableDraft[],
  counters: StoryContext['counters'],
  name: string,
  tag: SaxesTagNS,
  reportNested: () => void,
  before: StoryParagraph | null,
): boolean {
  if (name === 'tbl') {
    if (tables.length > 0) reportNested();
    tables.push({ number: tables.length === 0 ? ++counters.tables : 0, row: -1, col: 0, cell: null, inTcPr: false, cells: [], before });
    return true;
  }
  const t = tables.length === 1 ? tables[0]! : null;
  if (!t) return name === 'tr' || name === 'tc' || name === 'tcPr';
  if (name === 'tr') {
    t.row++;
    t.col = 0;
  } else if (name === 'tc') t.cell = { row: Math.max(0, t.row), col: t.col, colSpan: 1, vMerge: null, paragraphs: [] };
  else if (name === 'tcPr') t.inTcPr = true;
  else if (t.inTcPr && t.cell && name === 'gridSpan')
    t.cell.colSpan = Math.max(1, Math.min(64, Number.parseInt(wAttr(tag, 'val') ?? '1', 10) || 1));
  else if (t.inTcPr && t.cell && name === 'vMerge') t.cell.vMerge = wAttr(tag, 'val') === 'restart' ? 'restart' : 'continue';
  else return t.inTcPr;
  return true;
}

/** Closes table structure; returns the outermost table when it ends. */
function closeTableElement(tables: TableDraft[], name: string): TableDraft | null {
  if (name === 'tbl') {
    const t = tables.pop();
    return t && tables.length === 0 ? t : null;
  }
  const t = tables.length === 1 ? tables[0]! : null;
  if (!t) return null;
  if (name === 'tcPr') t.inTcPr = false;
  else if (name === 'tc' && t.cell) {
    t.cells.push(t.cell);
    t.col += t.cell.colSpan;
    t.cell = null;
  }
  return null;
}

/** Appends without spreading (a hostile file can make lists longer than a call's argument limit). */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** NFC, no leading/trailing whitespace per line or paragraph, no empty runs. */
export function tidyRuns(runs: DocxRun[]): DocxRun[] {
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
