/**
 * The Word structure of paragraphs imported from a Word file (issue 14), rebuilt in the DOCX
 * export: foot- and endnotes as real notes (`w:footnoteReference` / `w:endnoteReference` at the end
 * of the paragraph that held the reference; the original position inside that paragraph is not
 * kept), table cells as a table with their merged spans, text box paragraphs as a text box.
 */
import {
  EndnoteReferenceRun,
  FootnoteReferenceRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Textbox,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { CellPlace, NoteKind } from '../../../shared/import/paragraphPlace.js';
import type { ExportParagraph } from '../model.js';

/** Builds one paragraph (null when it shows nothing), with extra runs (note references) at its end. */
export type BuildParagraph = (p: ExportParagraph, extra: ParagraphChild[]) => Paragraph | null;

interface Note {
  kind: NoteKind;
  id: number;
  refParagraphId: string | null;
  paragraphs: ExportParagraph[];
}

export interface DocxNotes {
  footnotes: Record<string, { children: Paragraph[] }>;
  endnotes: Record<string, { children: Paragraph[] }>;
}

/**
 * Walks the paragraphs in order and returns the document's blocks: body paragraphs (with their
 * note references), each table once where its first cell was, each text box once; the notes
 * whose reference paragraph was written go to `footnotes`/`endnotes`, the others (their paragraph
 * left out of the export) are written as ordinary paragraphs at the end, never lost.
 */
export function structuredBlocks(
  paragraphs: readonly ExportParagraph[],
  build: BuildParagraph,
): { blocks: (Paragraph | Table | Textbox)[]; notes: DocxNotes } {
  const notes = collectNotes(paragraphs);
  const refs = new Map<string, Note[]>();
  for (const n of notes.values()) {
    if (n.refParagraphId === null) continue;
    const list = refs.get(n.refParagraphId);
    if (list) list.push(n);
    else refs.set(n.refParagraphId, [n]);
  }
  const referenced = new Set<Note>();
  const paragraph = (p: ExportParagraph): Paragraph | null => {
    const own = refs.get(p.id) ?? [];
    const extra = own.map((n) => (n.kind === 'footnote' ? new FootnoteReferenceRun(n.id) : new EndnoteReferenceRun(n.id)));
    const built = build(p, extra);
    if (built) for (const n of own) referenced.add(n);
    return built;
  };
  // Each table's cells and each text box's paragraphs, grouped once.
  const tables = new Map<number, ExportParagraph[]>();
  const boxes = new Map<number, ExportParagraph[]>();
  for (const p of paragraphs) {
    const place = p.place;
    const group = place?.kind === 'cell' ? tables : place?.kind === 'textbox' ? boxes : null;
    if (!group || !place || (place.kind !== 'cell' && place.kind !== 'textbox')) continue;
    const key = place.kind === 'cell' ? place.table : place.box;
    const list = group.get(key);
    if (list) list.push(p);
    else group.set(key, [p]);
  }
  const blocks: (Paragraph | Table | Textbox)[] = [];
  for (const p of paragraphs) {
    const place = p.place;
    if (!place) {
      const built = paragraph(p);
      if (built) blocks.push(built);
    } else if (place.kind === 'cell' && tables.has(place.table)) {
      const table = tableOf(tables.get(place.table)!, paragraph);
      tables.delete(place.table);
      if (Array.isArray(table)) blocks.push(...table);
      else blocks.push(table);
    } else if (place.kind === 'textbox' && boxes.has(place.box)) {
      const children = boxes
        .get(place.box)!
        .map(paragraph)
        .filter((x): x is Paragraph => x !== null);
      boxes.delete(place.box);
      if (children.length > 0) blocks.push(new Textbox({ style: { width: '430pt' }, children }));
    }
  }
  const out: DocxNotes = { footnotes: {}, endnotes: {} };
  for (const n of notes.values()) {
    const children = n.paragraphs.map((p) => build(p, [])).filter((x): x is Paragraph => x !== null);
    if (children.length === 0) continue;
    if (referenced.has(n)) (n.kind === 'footnote' ? out.footnotes : out.endnotes)[String(n.id)] = { children };
    else blocks.push(...children);
  }
  return { blocks, notes: out };
}

/** Notes by kind and number, numbered again from 1 per kind in the order they come. */
function collectNotes(paragraphs: readonly ExportParagraph[]): Map<string, Note> {
  const notes = new Map<string, Note>();
  const next: Record<NoteKind, number> = { footnote: 0, endnote: 0 };
  for (const p of paragraphs) {
    const place = p.place;
    if (place?.kind !== 'footnote' && place?.kind !== 'endnote') continue;
    const key = `${place.kind}:${place.note}`;
    let note = notes.get(key);
    if (!note) {
      note = { kind: place.kind, id: ++next[place.kind], refParagraphId: place.refParagraphId, paragraphs: [] };
      notes.set(key, note);
    }
    note.paragraphs.push(p);
  }
  return notes;
}

const MAX_GRID_CELLS = 100_000;

/** A table from its cells' paragraphs: grid positions, spans, empty cells where none was exported. */
function tableOf(cells: readonly ExportParagraph[], paragraph: (p: ExportParagraph) => Paragraph | null): Table | Paragraph[] {
  const places = cells.map((p) => p.place as CellPlace);
  const rows = places.reduce((max, c) => Math.max(max, c.rows, c.row + c.rowSpan), 1);
  const cols = places.reduce((max, c) => Math.max(max, c.cols, c.col + c.colSpan), 1);
  // A grid no word processor could show (a hostile file's sparse table): its cells as paragraphs, never lost.
  if (rows * cols > MAX_GRID_CELLS) return cells.map((p) => paragraph(p)).filter((x): x is Paragraph => x !== null);
  const at = new Map<string, { place: CellPlace; children: Paragraph[] }>();
  cells.forEach((p, i) => {
    const place = places[i]!;
    const key = `${place.row}:${place.col}`;
    const cell = at.get(key) ?? { place, children: [] };
    const built = paragraph(p);
    if (built) cell.children.push(built);
    at.set(key, cell);
  });
  // Grid positions below a cell merged down are written by the docx package (w:vMerge continue).
  const covered = new Map<string, number>();
  for (const { place } of at.values()) {
    for (let r = 1; r < place.rowSpan; r++) covered.set(`${place.row + r}:${place.col}`, place.colSpan);
  }
  const tableRows: TableRow[] = [];
  for (let r = 0; r < rows; r++) {
    const rowCells: TableCell[] = [];
    for (let c = 0; c < cols;) {
      const cover = covered.get(`${r}:${c}`);
      if (cover !== undefined) {
        c += Math.max(1, cover);
        continue;
      }
      const cell = at.get(`${r}:${c}`);
      const colSpan = Math.max(1, Math.min(cell?.place.colSpan ?? 1, cols - c));
      const rowSpan = Math.max(1, Math.min(cell?.place.rowSpan ?? 1, rows - r));
      rowCells.push(
        new TableCell({
          children: cell && cell.children.length > 0 ? cell.children : [new Paragraph('')],
          ...(colSpan > 1 ? { columnSpan: colSpan } : {}),
          ...(rowSpan > 1 ? { rowSpan } : {}),
        }),
      );
      c += colSpan;
    }
    tableRows.push(new TableRow({ children: rowCells }));
  }
  return new Table({ rows: tableRows, width: { size: 100, type: WidthType.PERCENTAGE } });
}
