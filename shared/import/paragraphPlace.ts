/**
 * Where a paragraph imported from a Word file sat (issue 14): in a footnote or endnote (with the
 * paragraph that holds its reference mark), in a table cell (its table, row and grid column and
 * the cell's spans, with the table's size, so a DOCX export can rebuild the table), or in a text
 * box. Paragraphs of the body have no place. Pure data.
 */

export type NoteKind = 'footnote' | 'endnote';

/** As parsed: `ref` is the position (0-based) of the paragraph holding the note's reference mark. */
export type ImportedPlace = { kind: NoteKind; note: number; ref: number | null } | CellPlace | { kind: 'textbox'; box: number };

/** As stored beside a paragraph: the reference is the paragraph's id. */
export type ParagraphPlace = { kind: NoteKind; note: number; refParagraphId: string | null } | CellPlace | { kind: 'textbox'; box: number };

export interface CellPlace {
  kind: 'cell';
  /** 1-based table number in the document. */
  table: number;
  /** 0-based row and grid column of the cell. */
  row: number;
  col: number;
  /** Grid columns and rows the (merged) cell spans; 1 for an ordinary cell. */
  colSpan: number;
  rowSpan: number;
  /** The table's size in rows and grid columns. */
  rows: number;
  cols: number;
}

/** A comment anchored to an imported paragraph (Word comments become Verso comments). */
export interface ImportedComment {
  author: string;
  /** ISO time the file gives, else null. */
  at: string | null;
  text: string;
}
