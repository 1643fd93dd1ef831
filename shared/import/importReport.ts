/**
 * What an import kept and what it could not (issue 14: nothing is dropped silently). A Word file's
 * notes, text boxes, tables, comments and strikethrough are kept; images, charts, equations,
 * SmartArt, embedded objects, headers and footers, tracked deletions… are listed with where they
 * were (1-based paragraph numbers of the imported document; 0: before the first paragraph). An
 * XLIFF file's notes are kept (as comments); alternative translations, context, notes outside any
 * unit, annotations, glossary and other module data, binary units, a translation whose unit has
 * no source text are listed. Pure.
 */

export const IMPORT_REPORT_KEPT = ['footnote', 'endnote', 'textBox', 'table', 'comment', 'strike', 'note'] as const;
export const IMPORT_REPORT_NOT_KEPT = [
  'image',
  'chart',
  'smartArt',
  'shape',
  'equation',
  'object',
  'symbol',
  'field',
  'nestedTable',
  'headerFooter',
  'trackedDeletion',
  'unreferencedNote',
  'alternative',
  'context',
  'fileNote',
  'annotation',
  'glossary',
  'metadata',
  'binary',
  'targetWithoutSource',
] as const;

export type ImportReportKeptItem = (typeof IMPORT_REPORT_KEPT)[number];
export type ImportReportLostItem = (typeof IMPORT_REPORT_NOT_KEPT)[number];
export type ImportReportItem = ImportReportKeptItem | ImportReportLostItem;

export interface ImportReportEntry {
  item: ImportReportItem;
  /** True: imported (translatable or kept as formatting); false: not imported (listed only). */
  kept: boolean;
  count: number;
  /** Paragraph numbers where it was (at most 50, ascending, distinct); [] when it has no place in the text. */
  paragraphs: number[];
  /** Names that say more (field types such as PAGE or TOC); at most 10. */
  details: string[];
}

export interface ImportReport {
  format: 'docx' | 'xliff';
  entries: ImportReportEntry[];
}

export function isKeptItem(item: ImportReportItem): item is ImportReportKeptItem {
  return (IMPORT_REPORT_KEPT as readonly string[]).includes(item);
}

const MAX_PLACES = 50;
const MAX_DETAILS = 10;

/** Collects report entries: one per item, counts added, places and details distinct and capped. */
export class ImportReportBuilder {
  private readonly entries = new Map<ImportReportItem, ImportReportEntry>();

  add(item: ImportReportItem, paragraph: number | null, detail?: string): void {
    let e = this.entries.get(item);
    if (!e) {
      e = { item, kept: isKeptItem(item), count: 0, paragraphs: [], details: [] };
      this.entries.set(item, e);
    }
    e.count++;
    if (paragraph !== null && !e.paragraphs.includes(paragraph) && e.paragraphs.length < MAX_PLACES) e.paragraphs.push(paragraph);
    if (detail && !e.details.includes(detail) && e.details.length < MAX_DETAILS) e.details.push(detail);
  }

  get empty(): boolean {
    return this.entries.size === 0;
  }

  build(format: ImportReport['format'] = 'docx'): ImportReport {
    const order = [...IMPORT_REPORT_KEPT, ...IMPORT_REPORT_NOT_KEPT] as readonly ImportReportItem[];
    const entries = [...this.entries.values()].sort((a, b) => order.indexOf(a.item) - order.indexOf(b.item));
    for (const e of entries) e.paragraphs.sort((a, b) => a - b);
    return { format, entries };
  }
}
