/**
 * Glossary CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF), parsed and written with
 * csv-parse / csv-stringify. A header row names the columns: `source`, `target` (required),
 * `note`, `forbidden` (variants separated by `|`), `case_sensitive` (yes/no, true/false, 1/0),
 * `definition` (written last; a file without it leaves stored definitions alone).
 * Semicolon-separated files (what spreadsheets write in many European locales) are recognised by
 * their header line. Every written cell goes through OWASP's formula guard last (after the text
 * was trimmed on storing), and reading undoes exactly that guard (shared/textHygiene.ts).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { joinVariants, splitVariants } from '../../shared/glossary/normalize.js';
import { neutraliseCsvCell, restoreCsvCell } from '../../shared/textHygiene.js';
import type { GlossaryTerm, GlossaryTermInput } from '../../shared/glossary/types.js';
import { ServiceError } from '../core/serviceError.js';

export interface ImportRow {
  /** 1-based line (CSV) or entry (TBX) number, for error messages. */
  row: number;
  input: GlossaryTermInput;
  /** Data categories of the row's TBX entry that Verso's glossary does not keep (reported, never dropped silently). */
  notKept?: string[];
}

type Column = 'source' | 'target' | 'note' | 'definition' | 'forbidden' | 'caseSensitive';

const HEADER_NAMES: Record<string, Column> = {
  source: 'source',
  sourceterm: 'source',
  term: 'source',
  target: 'target',
  targetterm: 'target',
  translation: 'target',
  note: 'note',
  notes: 'note',
  comment: 'note',
  definition: 'definition',
  forbidden: 'forbidden',
  forbiddenvariants: 'forbidden',
  casesensitive: 'caseSensitive',
};

export const CSV_HEADER = ['source', 'target', 'note', 'forbidden', 'case_sensitive', 'definition'] as const;

function parseFlag(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (['', 'no', 'false', '0', 'n', 'nein'].includes(v)) return false;
  if (['yes', 'true', '1', 'y', 'ja'].includes(v)) return true;
  return null;
}

function reasonOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 200);
}

export function parseGlossaryCsv(text: string): ImportRow[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  // Rows are numbered as a spreadsheet shows them (the header is row 1; a quoted line break stays
  // in its row). csv-parse's per-record `info` would give physical lines but parses 4× slower.
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const parsed = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: false, relax_column_count_less: true });
    records = parsed.map((record, i) => ({ record, info: { lines: i + 1 } }));
  } catch (err) {
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : 1;
    throw new ServiceError('GLOSSARY_CSV_INVALID', `The CSV is broken at line ${line}: ${reasonOf(err)}`, { line, reason: reasonOf(err) });
  }
  const header = records[0];
  if (!header) throw new ServiceError('GLOSSARY_IMPORT_EMPTY', 'The file holds no terms.');
  const columns = header.record.map((name) => HEADER_NAMES[name.toLowerCase().replace(/[\s_-]+/g, '')] ?? null);
  const index = (c: Column) => columns.indexOf(c);
  if (index('source') < 0 || index('target') < 0) {
    throw new ServiceError(
      'GLOSSARY_CSV_HEADER',
      `The first line must name the columns; "source" and "target" are required (found: ${header.record.join(', ').slice(0, 200)}).`,
      { found: header.record.join(', ').slice(0, 200), expected: CSV_HEADER.join(', ') },
    );
  }
  const cell = (record: string[], c: Column): string => {
    const i = index(c);
    return i < 0 ? '' : restoreCsvCell(record[i] ?? '');
  };
  const rows: ImportRow[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.every((v) => v.trim() === '')) continue;
    const caseSensitive = parseFlag(cell(record, 'caseSensitive'));
    if (caseSensitive === null) {
      throw new ServiceError(
        'GLOSSARY_IMPORT_ROW_INVALID',
        `Row ${info.lines}: "${cell(record, 'caseSensitive').slice(0, 40)}" is not yes or no (case_sensitive).`,
        { row: info.lines, field: 'case_sensitive', reason: 'flag' },
      );
    }
    rows.push({
      row: info.lines,
      input: {
        source: cell(record, 'source'),
        target: cell(record, 'target'),
        note: cell(record, 'note'),
        forbidden: splitVariants(cell(record, 'forbidden')),
        caseSensitive,
        // A file without the column gives no definition (an import then keeps a stored one).
        ...(index('definition') < 0 ? {} : { definition: cell(record, 'definition') }),
      },
    });
  }
  return rows;
}

export function writeGlossaryCsv(terms: readonly GlossaryTerm[]): string {
  return stringify(
    [
      [...CSV_HEADER],
      ...terms.map((t) =>
        [t.source, t.target, t.note, joinVariants(t.forbidden), t.caseSensitive ? 'yes' : 'no', t.definition].map(neutraliseCsvCell),
      ),
    ],
    { record_delimiter: '\r\n', quoted_match: /^[\s]|[\s]$/ },
  );
}
